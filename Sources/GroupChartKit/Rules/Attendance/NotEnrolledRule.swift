/// `not-enrolled`: an attendee the group does not enroll.
struct NotEnrolledRule: Rule {
    let id = "not-enrolled"
    let defaultSeverity = Severity.warning
    let summary = "an attendee is not enrolled in the group"
    let explanation = Explanation(
        checks: """
            That every member a session's attendance log marks present, late or left early is enrolled in the session's group on its date: \
            listed in the group's `members`, or with a plan in effect that names the group (so that a \
            member who has since left is not flagged on old sessions).
            """,
        why: """
            "New members need their own intake assessment, treatment plan with group therapy as the \
            specified modality, and authorization before joining the group." An attendee who was never \
            enrolled usually lacks all three.
            """,
        example: """
            groups/dbt-skills.md:  members: [okonkwo-david, reyes-maria]
            attendance: {okonkwo-david: present, chen-lily: present}
            """,
        fix: "Add the member to the group's `members` (after intake, plan and authorization), or correct the log.")

    func check(_ context: RuleContext) -> [Finding] {
        context.record.sessions.compactMap(\.note).flatMap { note -> [Finding] in
            guard let group = context.record.group(of: note) else { return [] }
            return note.attendance.compactMap { entry in
                let member = entry.member.value
                guard entry.attended, context.record.member(member) != nil,
                      !context.record.isEnrolled(member, in: group, on: note.date?.value) else { return nil }
                return Finding(entry.member.location, "\"\(member)\" attended but is not enrolled in group \"\(group.id)\"",
                               help: "add \"\(member)\" to members: in \(group.file), or correct the attendance log")
            }
        }
    }
}
