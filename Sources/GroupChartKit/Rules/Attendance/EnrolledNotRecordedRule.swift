/// `enrolled-not-recorded`: an enrolled member missing from the attendance log.
struct EnrolledNotRecordedRule: Rule {
    let id = "enrolled-not-recorded"
    let defaultSeverity = Severity.warning
    let summary = "an enrolled member is missing from the attendance log"
    let explanation = Explanation(
        checks: """
            That every member enrolled in the group on the session's date appears in its attendance log, \
            absent or not. A member whose first plan for the group starts after the session had not joined yet.
            """,
        why: """
            The log must document "each member present, and any members absent with the reason if known". \
            A member left out is neither: an auditor cannot tell whether they came.
            """,
        example: """
            groups/dbt-skills.md:  members: [okonkwo-david, patel-arjun]
            attendance: {okonkwo-david: present}
            """,
        fix: "Add the member to the log, as `absent` (with a reason) if they did not come.")

    func check(_ context: RuleContext) -> [Finding] {
        context.record.sessions.compactMap(\.note).flatMap { note -> [Finding] in
            guard let group = context.record.group(of: note) else { return [] }
            return group.members.compactMap { enrolled in
                let member = enrolled.value
                guard note.attendance(of: member) == nil, context.record.member(member) != nil,
                      context.record.hadJoined(member, group: group, by: note.date?.value) else { return nil }
                return Finding(note.attendanceLocation, "enrolled member \"\(member)\" is missing from the attendance log",
                               help: "add \"\(member): present\", or \"\(member): {status: absent, reason: ...}\"",
                               related: [RelatedLocation(enrolled.location, "enrolled here")])
            }
        }
    }
}
