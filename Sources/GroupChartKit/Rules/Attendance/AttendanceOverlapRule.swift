/// `attendance-overlap`: one member recorded in two groups at once.
///
/// GroupChart adds this rule to the catalogue. `attendance-time` reads one
/// session at a time (and an individual session of the member that day
/// beside it), `duplicate-id` one group's sessions of one date; a member
/// billed for two groups whose times overlap is neither, and it is the
/// "impossible day" an auditor looks for first: 90853 twice for one hour
/// of one person. It reads every session of a date, so it is not
/// session-local.
struct AttendanceOverlapRule: Rule {
    let id = "attendance-overlap"
    let defaultSeverity = Severity.error
    /// Said at the later session, naming the earlier: the member's claims of
    /// both are held, and no other member's (`ClaimScope.member`).
    let holdsRelatedClaims = true
    let summary = "a member is recorded as attending two sessions of different groups whose times overlap on one date"
    let explanation = Explanation(
        checks: """
            Each member recorded present, late or left-early in a group session, against every other \
            session of another group that day that records the member as attending: the time the member \
            was in each (from the later of the start and the arrival to the earlier of the end and the \
            departure) must not overlap. Said at the member's attendance entry in the session that starts \
            later (of two that start together, the one whose folder sorts later), naming the other. The \
            same group filed twice on one date is `duplicate-id`; an individual session during a group, \
            `attendance-time`.
            """,
        why: """
            One person is not in two services at once. Payers' audits look first for "impossible days": \
            a member billed for two groups in the same hour is a claim recouped, and a log that says so \
            discredits both groups' attendance.
            """,
        example: """
            sessions/2026-03-05-skills/session.md   14:00-15:30   doe-jane: present
            sessions/2026-03-05-grief/session.md    15:00-16:00   doe-jane: present
            """,
        fix: """
            Correct the times or the attendance of one of the two: record the member's late arrival \
            ({status: late, arrived: "15:30"}) or early departure, or absent from the group they missed.
            """)

    private struct Stay {
        var member: String
        var date: LocalDate
        var from: LocalTime
        var to: LocalTime
        var group: String
        var sessionID: String
        var location: SourceLocation
    }

    func check(_ context: RuleContext) -> [Finding] {
        // Each member's time in each group session, by member and date.
        var stays: [String: [Stay]] = [:]
        for session in context.record.sessions {
            guard let note = session.note, let group = note.group?.value, let date = note.date?.value,
                  let start = note.start?.value, let end = note.end?.value, start < end else { continue }
            for entry in note.attendance where entry.attended {
                let (from, to) = entry.stay(from: start, to: end)
                // Times that cannot be true are attendance-time's to say.
                guard from < to else { continue }
                stays["\(entry.member.value) \(date)", default: []].append(
                    Stay(member: entry.member.value, date: date, from: from, to: to, group: group,
                         sessionID: session.id, location: entry.member.location))
            }
        }
        var findings: [Finding] = []
        for key in stays.keys.sorted() {
            let day = stays[key]!.sorted { ($0.from, $0.location.file) < ($1.from, $1.location.file) }
            for (index, later) in day.enumerated() {
                for earlier in day[..<index] where earlier.group != later.group && earlier.to > later.from {
                    findings.append(Finding(later.location,
                                            "\"\(later.member)\" was in group \"\(later.group)\" from \(later.from) to \(later.to) on "
                                                + "\(later.date), while also recorded in group \"\(earlier.group)\" (session \(earlier.sessionID)) "
                                                + "from \(earlier.from) to \(earlier.to)",
                                            help: "one person is not in two groups at once: correct the times or the attendance of one of them "
                                                + "(a late arrival, an early departure, or absent)",
                                            related: [RelatedLocation(earlier.location, "the other group's attendance")],
                                            scope: .member(later.member)))
                }
            }
        }
        return findings
    }
}
