/// `clinician-overlap`: one clinician recorded leading two sessions at once.
///
/// GroupChart adds this rule to the catalogue, beside `attendance-overlap`:
/// that rule reads members, and nothing read the clinicians, so a
/// clinician billed for a group and an individual session in the same hour
/// (or two groups) checked clean, every claim going out under one NPI (found
/// by an auditor's review). It reads every session of a date, so it is not
/// session-local.
struct ClinicianOverlapRule: Rule {
    let id = "clinician-overlap"
    let defaultSeverity = Severity.error
    let summary = "a clinician facilitates, co-facilitates or renders two sessions whose times overlap on one date"
    let explanation = Explanation(
        checks: """
            Each group session's facilitator and co-facilitator (the session's, or else the group's) and each \
            individual session's clinician, against every other session that day with the same clinician: \
            their times (start to end) must not overlap. Said at both sessions, so that the claims of both are \
            held until one is corrected. Left to other rules: one group's session filed twice and two \
            individual notes of one member on one date (`duplicate-id`), \
            and an individual session of a member during the time that member was in the group \
            (`attendance-time`; a member who came late or left early, seen alone meanwhile by the group's \
            clinician, is said here).
            """,
        why: """
            A clinician is not in two sessions at once. An "impossible day" for a provider is the first thing \
            a program-integrity review looks for: the claims of both sessions are recouped, and the records \
            that say so discredit the rest.
            """,
        example: """
            sessions/2026-03-19-dbt-skills/session.md         14:00-15:30   facilitator: torres
            members/bell-marcus/individual/2026-03-19.md      14:30-15:25   clinician: torres
            """,
        fix: """
            Correct the times of one of them, or the clinician who led it (a co-facilitator who ran the \
            group while the other saw a member alone is the group's facilitator that day: facilitator: park, \
            co_facilitator: none).
            """)

    /// One clinician's time in one session.
    private struct Engagement {
        var clinician: String
        var date: LocalDate
        var start: LocalTime
        var end: LocalTime
        /// What it was, in words: `group "dbt-skills" (session ...)`.
        var what: String
        var location: SourceLocation
        var session: SessionNote?
        /// The member of an individual session.
        var member: String?
    }

    func check(_ context: RuleContext) -> [Finding] {
        var days: [String: [Engagement]] = [:]
        for session in context.record.sessions {
            guard let note = session.note, let date = note.date?.value, let start = note.start?.value, let end = note.end?.value,
                  start < end, let groupID = note.group?.value else { continue }
            let location = note.start?.location ?? note.attendanceLocation
            let (facilitator, co) = context.record.leaders(of: note)
            // Said at the session's own key, else (the group's) at its start.
            let leaders = [(facilitator, note.facilitator), (co, note.coFacilitator)].compactMap { leader, own in
                leader.map { ($0.value, own?.location ?? location) }
            }
            for (clinician, place) in leaders {
                days["\(clinician) \(date)", default: []].append(Engagement(
                    clinician: clinician, date: date, start: start, end: end, what: "group \"\(groupID)\" (session \(session.id))",
                    location: place, session: note))
            }
        }
        for member in context.record.members {
            for note in member.individualNotes {
                guard let clinician = note.clinician, let date = note.date?.value, let start = note.start?.value,
                      let end = note.end?.value, start < end else { continue }
                days["\(clinician.value) \(date)", default: []].append(Engagement(
                    clinician: clinician.value, date: date, start: start, end: end,
                    what: "an individual session of \(member.id) (\(note.file))", location: clinician.location, member: member.id))
            }
        }
        var findings: [Finding] = []
        var said: Set<SourceLocation> = []
        for key in days.keys.sorted() {
            let day = days[key]!.sorted { ($0.start, $0.location) < ($1.start, $1.location) }
            for (index, later) in day.enumerated() {
                for earlier in day[..<index] where earlier.end > later.start && !Self.saidElsewhere(earlier, later) {
                    for (this, that) in [(later, earlier), (earlier, later)] where said.insert(this.location).inserted {
                        findings.append(Finding(this.location,
                                                "clinician \"\(this.clinician)\" leads \(this.what) from \(this.start) to \(this.end) on "
                                                    + "\(this.date), while also leading \(that.what) from \(that.start) to \(that.end)",
                                                help: "one clinician is not in two sessions at once: correct the times of one of them, "
                                                    + "or the clinician who led it",
                                                related: [RelatedLocation(that.location, "the other session")]))
                    }
                }
            }
        }
        return findings
    }

    /// Overlaps another rule already says: one group's session filed twice,
    /// or one member's individual session (`duplicate-id`), a clinician's
    /// two roles in one session, and an
    /// individual session of a member during a group the member attended
    /// (`attendance-time`, which holds both claims).
    private static func saidElsewhere(_ one: Engagement, _ other: Engagement) -> Bool {
        if let first = one.session, let second = other.session {
            return first.attendanceLocation.file == second.attendanceLocation.file || first.isFiledTwice(as: second)
        }
        // Two individual notes of one member on one date: `duplicate-id`.
        if one.session == nil, other.session == nil { return one.member == other.member }
        let (group, individual) = one.session != nil ? (one, other) : (other, one)
        guard let session = group.session, let member = individual.member else { return false }
        // As `attendance-time` measures it: the member's own time in the
        // group (a late arrival or an early departure), against the
        // individual session's. A member who came late to the group while
        // its facilitator saw them alone is said by this rule: the
        // clinician was in both, whatever the member did (found by a code
        // review, where any attendance at all handed it over).
        return session.attendance.contains { entry in
            guard entry.member.value == member, entry.attended else { return false }
            let (from, to) = entry.stay(from: group.start, to: group.end)
            return from < to && individual.start < to && from < individual.end
        }
    }
}
