/// Why `new session` finds no member enrolled in a group on a date, said in
/// the terms of the roster the user wrote (format.md: an entry is a member id
/// or `{id, joined, left}`): a group that lists nobody, a listed member with
/// no folder, or entries whose dates do not cover the session. "Enrolls no
/// member" alone read as false beside a roster that lists one.
enum EmptyRoster {
    static func refusal(_ group: Group, on date: LocalDate, record: PracticeRecord) -> Refusal {
        let roster = group.roster
        guard !roster.isEmpty else {
            return Refusal("group \"\(group.id)\" lists no members: add them to \(group.file) (members: [...]), then run new session again")
        }
        var reasons: [String] = []
        let unknown = roster.map(\.member.value).filter { !record.hasMember($0) }
        if !unknown.isEmpty {
            reasons.append("\(names(unknown)), who \(unknown.count == 1 ? "has" : "have") no folder in members/ (add members/<id>/profile.md)")
        }
        let dated = roster.filter { record.hasMember($0.member.value) && (!$0.covers(date) || $0.datesUnread) }.map { entry in
            // Dates that cannot be read enroll on no date (a code review found the refusal ending in nothing).
            entry.datesUnread ? "\(entry.member.value), whose roster dates cannot be read (groupchart check says why)"
                : "\(entry.member.value), enrolled " + [entry.joined.map { "from \($0.value)" }, entry.left.map { "through \($0.value)" }]
                    .compactMap { $0 }.joined(separator: " ")
        }
        if !dated.isEmpty {
            reasons.append("\(dated.joined(separator: ", and ")): date the session within those dates, or correct joined and left in \(group.file)")
        }
        return Refusal("no member of group \"\(group.id)\" is enrolled on \(date): its roster lists \(reasons.joined(separator: "; and "))")
    }

    private static func names(_ ids: [String]) -> String {
        ids.map { "\"\($0)\"" }.joined(separator: ", ")
    }
}
