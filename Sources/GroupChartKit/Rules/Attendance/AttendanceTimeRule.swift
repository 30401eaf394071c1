/// `attendance-time`: session and attendance times that cannot be true.
struct AttendanceTimeRule: Rule {
    let id = "attendance-time"
    let isSessionLocal = true
    /// An individual session overlapping the group, said in the session,
    /// names the individual note: both claims are held.
    let holdsRelatedClaims = true
    let defaultSeverity = Severity.error
    let summary = "end not after start; arrival or departure outside the session; `late` without `arrived`, `left-early` without `left`"
    let explanation = Explanation(
        checks: """
            That a session (a group's, or an individual session) ends after it starts; that a late member has an arrival time and a member who \
            left early a departure time, both within the session (arrival before departure, arrival before \
            the end and departure after the start: a member present for no time is not billed as present); \
            that a member recorded present did not arrive after the start or leave before the end (the \
            status says late or left-early then); that an absent member has neither; and that no individual \
            session of a member, that day, overlaps the time the member was in the group.
            """,
        why: """
            The attendance log must show "session start and stop times, and any members who arrived late, \
            left early"; payers compare the time a member was present with the service billed. Times that \
            cannot be true discredit the whole log.
            """,
        example: """
            start: "14:00"
            end: "15:30"
            attendance:
              reyes-maria: late
            """,
        fix: "Record the time: `reyes-maria: {status: late, arrived: \"14:20\"}`, or correct the session's times.")

    func check(_ context: RuleContext) -> [Finding] {
        individualTimes(context.record) + context.record.sessions.compactMap(\.note).flatMap { note -> [Finding] in
            var findings: [Finding] = []
            let start = note.start?.value
            let end = note.end?.value
            if let start, let end = note.end, end.value <= start {
                findings.append(Finding(end.location, "the session ends at \(end.value), not after it starts at \(start)",
                                        help: "correct start or end (24-hour clock: 3:30 pm is \"15:30\")"))
            }
            for entry in note.attendance {
                findings += check(entry, start: start, end: end)
                if let date = note.date?.value, let start, let end, start < end {
                    findings += overlaps(entry, on: date, from: start, to: end, in: context.record)
                }
            }
            return findings
        }
    }

    /// An individual session that ends before it starts: `individual-time-code`
    /// counts no minutes from such times, and its claim went out billed at
    /// whatever code the note named.
    private func individualTimes(_ record: PracticeRecord) -> [Finding] {
        record.members.flatMap(\.individualNotes).compactMap { note -> Finding? in
            guard let start = note.start?.value, let end = note.end, end.value <= start else { return nil }
            return Finding(end.location, "the session ends at \(end.value), not after it starts at \(start)",
                           help: "correct start or end (24-hour clock: 3:30 pm is \"15:30\")")
        }
    }

    /// An individual session of the member, that day, whose times overlap
    /// the time the member was in the group: one person is not in two
    /// services at once, and the same-day modifier the individual claim
    /// carries would tell the payer they were separate encounters. (Said
    /// at the attendance entry, in the session's folder: an individual note
    /// lies outside `sessions/`, where a session's findings may look.)
    private func overlaps(_ entry: AttendanceEntry, on date: LocalDate, from start: LocalTime, to end: LocalTime,
                          in record: PracticeRecord) -> [Finding] {
        guard entry.attended, let member = record.member(entry.member.value) else { return [] }
        let (from, to) = entry.stay(from: start, to: end)
        guard from < to else { return [] }
        return member.individualNotes.compactMap { individual -> Finding? in
            guard individual.date?.value == date, let iStart = individual.start?.value, let iEnd = individual.end?.value,
                  iStart < iEnd, iStart < to, from < iEnd else { return nil }
            return Finding(entry.member.location, "\"\(entry.member.value)\" was in the group from \(from) to \(to), while the "
                               + "individual session of that day (\(individual.file)) ran from \(iStart) to \(iEnd)",
                           help: "one person is not in two services at once: correct the times of one of them",
                           related: [RelatedLocation(individual.start?.location ?? SourceLocation(file: individual.file, line: 1),
                                                     "the individual session")])
        }
    }

    private func check(_ entry: AttendanceEntry, start: LocalTime?, end: LocalTime?) -> [Finding] {
        guard let status = entry.status else { return [] }
        let member = entry.member.value
        var findings: [Finding] = []
        switch status.value {
        case .late where entry.arrived == nil && !entry.unreadableKeys.contains("arrived"):
            findings.append(Finding(status.location, "\"\(member)\" is late but has no arrival time",
                                    help: "write {status: late, arrived: \"HH:MM\"}"))
        case .leftEarly where entry.left == nil && !entry.unreadableKeys.contains("left"):
            findings.append(Finding(status.location, "\"\(member)\" left early but has no departure time",
                                    help: "write {status: left-early, left: \"HH:MM\"}"))
        case .present:
            // Times that say the member was not there the whole session:
            // the status must say so too, for the payer compares the time
            // present with the service billed.
            if let arrived = entry.arrived, let start, arrived.value > start {
                findings.append(Finding(arrived.location, "\"\(member)\" is present but arrives at \(arrived.value), after the session starts at \(start)",
                                        help: "record the late arrival: {status: late, arrived: \"\(arrived.value)\"}"))
            }
            if let left = entry.left, let end, left.value < end {
                findings.append(Finding(left.location, "\"\(member)\" is present but leaves at \(left.value), before the session ends at \(end)",
                                        help: "record the early departure: {status: left-early, left: \"\(left.value)\"}"))
            }
        case .absent:
            for time in [entry.arrived, entry.left].compactMap({ $0 }) {
                findings.append(Finding(time.location, "\"\(member)\" is absent but has a time of \(time.value)",
                                        help: "remove the time, or give the status the member really had"))
            }
            return findings
        default:
            break
        }
        for (time, verb) in [(entry.arrived, "arrives"), (entry.left, "leaves")] {
            guard let time, let start, let end else { continue }
            if time.value < start || time.value > end {
                findings.append(Finding(time.location, "\"\(member)\" \(verb) at \(time.value), outside the session (\(start)-\(end))",
                                        help: "correct the time; it must fall between the session's start and end"))
            } else if verb == "arrives" ? time.value == end : time.value == start {
                // Arriving as it ends, or leaving as it starts: present for no time, and billed.
                findings.append(Finding(time.location, "\"\(member)\" \(verb) at \(time.value), as the session \(verb == "arrives" ? "ends" : "starts") "
                                            + "(\(start)-\(end)): present for no time",
                                        help: "correct the time; if the member did not take part, record them absent"))
            }
        }
        if let arrived = entry.arrived, let left = entry.left, left.value <= arrived.value {
            findings.append(Finding(left.location, "\"\(member)\" leaves at \(left.value), not after arriving at \(arrived.value)",
                                    help: "correct the arrival or departure time"))
        }
        return findings
    }
}
