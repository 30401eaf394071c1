/// Why `new session` finds no member enrolled in a group on a date, said in
/// the terms of the roster the user wrote: a group that lists nobody, a
/// listed member with no folder, or a listed member who had not joined yet
/// (enrollment starts with the member's first plan for the group, as
/// docs/decisions.md says). "Enrolls no member" alone read as false beside a roster
/// that lists one.
enum EmptyRoster {
    static func refusal(_ group: Group, on date: LocalDate, record: PracticeRecord) -> Refusal {
        let listed = group.members.map(\.value)
        guard !listed.isEmpty else {
            return Refusal("group \"\(group.id)\" lists no members: add them to \(group.file) (members: [...]), then run new session again")
        }
        var reasons: [String] = []
        let unknown = listed.filter { record.member($0) == nil }
        if !unknown.isEmpty {
            reasons.append("\(names(unknown)), who \(unknown.count == 1 ? "has" : "have") no folder in members/ (add members/<id>/profile.md)")
        }
        let joining = listed.compactMap { id -> (id: String, date: LocalDate)? in
            guard let member = record.member(id) else { return nil }
            let starts = member.plans.filter { $0.group?.value == group.id }.compactMap(\.effective?.value)
            return starts.min().map { (id, $0) }
        }
        if let first = joining.map(\.date).min() {
            let who = joining.map { "\($0.id), who joined on \($0.date)" }.joined(separator: ", and ")
            reasons.append("""
                \(who) (a member joins with their first plan for the group): date the session on or after \(first), \
                or give the member a plan in effect by \(date)
                """)
        }
        return Refusal("no member of group \"\(group.id)\" is enrolled on \(date): its roster lists \(reasons.joined(separator: "; and "))")
    }

    private static func names(_ ids: [String]) -> String {
        ids.map { "\"\($0)\"" }.joined(separator: ", ")
    }
}
