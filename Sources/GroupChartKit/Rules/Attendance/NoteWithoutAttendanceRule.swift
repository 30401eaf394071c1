/// `note-without-attendance`: a progress note for a member the attendance
/// log does not list.
struct NoteWithoutAttendanceRule: Rule {
    let id = "note-without-attendance"
    let isSessionLocal = true
    let defaultSeverity = Severity.error
    let summary = "a progress note for a member the attendance log does not list"
    let explanation = Explanation(
        checks: "That every progress note in a session folder belongs to a member the session's attendance log lists.",
        why: """
            The attendance log "serves as a verification document during audits and must align with the \
            claims submitted". A note for a member the log does not show is a claim without proof of \
            attendance.
            """,
        example: """
            sessions/2026-03-12-dbt-skills/nguyen-lan.md   (exists)
            attendance: {okonkwo-david: present, reyes-maria: present}
            """,
        fix: "Add the member to the attendance log with their status, or move the note to the right session.")

    func check(_ context: RuleContext) -> [Finding] {
        context.record.sessions.flatMap { session -> [Finding] in
            guard let log = session.note, log.hasAttendanceLog else { return [] }
            let unlisted = session.progressNotes.map(\.member).filter { context.record.hasMember($0) && log.attendance(of: $0) == nil }
            let slips = log.meantBySlips(among: unlisted, isMember: context.record.hasMember)
            return session.progressNotes.compactMap { note in
                guard context.record.hasMember(note.member), log.attendance(of: note.member) == nil,
                      !slips.contains(note.member) else { return nil }
                return Finding(SourceLocation(file: note.file, line: 1),
                               "progress note for \"\(note.member)\", whom the attendance log does not list",
                               help: "add \"\(note.member)\" to the attendance log of \(log.file), or move this note to the session they attended",
                               related: [RelatedLocation(log.attendanceLocation, "the attendance log")])
            }
        }
    }
}
