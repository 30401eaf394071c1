/// `not-enrolled`: an attendee the group's roster does not enroll on the
/// session's date.
struct NotEnrolledRule: Rule {
    let id = "not-enrolled"
    let isSessionLocal = true
    let defaultSeverity = Severity.warning
    let summary = "an attendee is not enrolled in the group on the session's date, by the roster and its `joined`/`left` dates"
    let explanation = Explanation(
        checks: """
            That every member a session's attendance log marks present, late or left early is enrolled in the \
            session's group on its date, by the group's roster (`members`) and its `joined` and `left` dates. \
            A treatment plan naming the group does not enroll anyone.
            """,
        why: """
            "New members need their own intake assessment, treatment plan with group therapy as the \
            specified modality, and authorization before joining the group." An attendee who was never \
            enrolled, or no longer is, usually lacks one of the three.
            """,
        example: """
            groups/dbt-skills.md:  members: [okonkwo-david, {id: chen-lily, left: 2026-03-01}]
            sessions/2026-03-12-dbt-skills/session.md:  attendance: {okonkwo-david: present, chen-lily: present}
            """,
        fix: """
            Add the member to the roster (after intake, plan and authorization), correct their `joined` or \
            `left` date, or correct the log.
            """)

    func check(_ context: RuleContext) -> [Finding] {
        context.record.sessions.compactMap(\.note).flatMap { note -> [Finding] in
            guard let group = context.record.group(of: note), group.isReadable else { return [] }
            let date = note.date?.value
            return note.attendance.compactMap { entry in
                let member = entry.member.value
                guard entry.attended, context.record.hasMember(member), !group.enrolls(member, on: date) else { return nil }
                let entries = group.entries(of: member)
                guard let date, !entries.isEmpty else {
                    return Finding(entry.member.location, "\"\(member)\" attended but is not on the roster of group \"\(group.id)\"",
                                   help: "add \"\(member)\" to members: in \(group.file) (with joined: if they joined later), or correct the "
                                       + "attendance log; a member who left stays on the roster with left: YYYY-MM-DD, the last day enrolled")
                }
                let dates = entries.map(Self.period).joined(separator: "; ")
                return Finding(entry.member.location, "\"\(member)\" attended on \(date) but is enrolled in group \"\(group.id)\" \(dates)",
                               help: "correct the roster entry's joined or left date in \(group.file), or correct the attendance log",
                               related: entries.map { RelatedLocation($0.location, "the roster entry") })
            }
        }
    }

    /// "from 2026-02-05 through 2026-04-30", as a roster entry enrolls.
    static func period(_ entry: RosterEntry) -> String {
        [entry.joined.map { "from \($0.value)" }, entry.left.map { "through \($0.value)" }].compactMap { $0 }.joined(separator: " ")
    }
}
