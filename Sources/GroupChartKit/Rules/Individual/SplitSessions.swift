/// One group session split in two, for `same-day-services`: two sessions of
/// one group on one date, the second starting at most 15 minutes after the
/// first ends, with the same members attending. 90853 is billed per
/// session, whatever its length; a three-hour group filed as two sessions
/// goes out as two claims each, the second with the same-day modifier, which
/// is what an audit of modifier 59 and XE looks for (found by an auditor's
/// review). A warning, said once at the second session: a practice may run
/// two groups back to back, and only its record says which it was.
enum SplitSessions {
    /// The longest break that still reads as one session.
    static let breakMinutes = 15

    static func findings(_ record: PracticeRecord) -> [Finding] {
        var days: [String: [(id: String, note: SessionNote, start: LocalTime, end: LocalTime)]] = [:]
        for session in record.sessions {
            guard let note = session.note, note.format?.value != .psychoeducation, let group = note.group?.value,
                  let date = note.date?.value, let start = note.start?.value, let end = note.end?.value, start < end else { continue }
            days["\(group) \(date)", default: []].append((session.id, note, start, end))
        }
        var findings: [Finding] = []
        for key in days.keys.sorted() {
            let day = days[key]!.sorted { ($0.start, $0.id) < ($1.start, $1.id) }
            for (first, second) in zip(day, day.dropFirst()) {
                let gap = second.start.minutes - first.end.minutes
                guard (0...breakMinutes).contains(gap), let location = second.note.start?.location else { continue }
                let attended = { (note: SessionNote) in Set(note.attendance.filter(\.attended).map(\.member.value)) }
                let members = attended(second.note)
                guard !members.isEmpty, members == attended(first.note) else { continue }
                findings.append(Finding(location,
                                        "session \(second.id) starts at \(second.start), \(gap == 0 ? "as" : "\(gap) minutes after") "
                                            + "session \(first.id) of the same group ends, with the same members: one session split in "
                                            + "two is billed twice, the second with the same-day modifier",
                                        help: "if it was one session, file it once with its whole time (90853 is billed per session, "
                                            + "whatever its length); if it was two, record the break between them",
                                        related: [RelatedLocation(first.note.start?.location ?? SourceLocation(file: first.note.attendanceLocation.file, line: 1),
                                                                  "the session before")],
                                        severity: .warning))
            }
        }
        return findings
    }
}
