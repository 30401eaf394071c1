/// `enrolled-not-recorded`: a member the roster enrolls on the session's date
/// whom the attendance log leaves out.
struct EnrolledNotRecordedRule: Rule {
    let id = "enrolled-not-recorded"
    let isSessionLocal = true
    let defaultSeverity = Severity.warning
    let summary = "a member enrolled on the session's date is missing from the attendance log"
    let explanation = Explanation(
        checks: """
            That every member the group's roster enrolls on the session's date (by its `joined` and `left` \
            dates) appears in the attendance log, absent or not. A member who joined after the session, or \
            left before it, is not expected.
            """,
        why: """
            The log must document "each member present, and any members absent with the reason if known". \
            A member left out is neither: an auditor cannot tell whether they came.
            """,
        example: """
            groups/dbt-skills.md:  members: [okonkwo-david, patel-arjun]
            attendance: {okonkwo-david: present}
            """,
        fix: """
            Add the member to the log, as `absent` (with a reason) if they did not come; if they had left the \
            group, give their roster entry its `left` date.
            """)

    func check(_ context: RuleContext) -> [Finding] {
        context.record.sessions.compactMap(\.note).flatMap { note -> [Finding] in
            // Without a date (missing or not a date, reported as such) who was
            // enrolled is unknown: every member the roster ever named would be
            // expected, a warning for each who joined later or had left.
            guard note.hasAttendanceLog, let date = note.date?.value, let group = context.record.group(of: note) else { return [] }
            let enrolled = group.enrolled(on: date)
            let missing = enrolled.map(\.member.value).filter { note.attendance(of: $0) == nil && context.record.hasMember($0) }
            let slips = note.meantBySlips(among: missing, isMember: context.record.hasMember)
            return enrolled.compactMap { entry in
                let member = entry.member.value
                guard note.attendance(of: member) == nil, context.record.hasMember(member), !slips.contains(member) else { return nil }
                return Finding(note.attendanceLocation, "enrolled member \"\(member)\" is missing from the attendance log",
                               help: "add \"\(member): present\", or \"\(member): {status: absent, reason: ...}\"; if they had left, give their roster entry left: in \(group.file)",
                               related: [RelatedLocation(entry.location, "enrolled here")])
            }
        }
    }
}
