/// `missing-member-note`: a member who attended but has no progress note.
struct MissingMemberNoteRule: Rule {
    let id = "missing-member-note"
    let isSessionLocal = true
    let defaultSeverity = Severity.error
    let summary = "a member who attended has no progress note"
    let explanation = Explanation(
        checks: """
            That every member the attendance log marks present, late or left-early has a progress note \
            (sessions/<session-id>/<member-id>.md). An existing note that cannot be read is not missing.
            """,
        why: """
            "Auditors reviewing group therapy claims verify that individual documentation exists for every \
            group member for every session billed." A claim without its note is recouped, and an \
            attendee without a note cannot be billed at all.
            """,
        example: """
            attendance:
              chen-lily: {status: left-early, left: "15:05"}
            (no sessions/2026-03-12-dbt-skills/chen-lily.md)
            """,
        fix: "Write the member's progress note, or correct the attendance log.")

    func check(_ context: RuleContext) -> [Finding] {
        context.record.sessions.flatMap { session -> [Finding] in
            guard let log = session.note else { return [] }
            return log.attendance.compactMap { entry in
                guard entry.attended, context.record.hasMember(entry.member.value),
                      session.progressNote(for: entry.member.value) == nil else { return nil }
                let path = "sessions/\(session.id)/\(entry.member.value).md"
                // The note saved under another name ("lopez-maria.md.txt",
                // "lopez-maria.MD") is a stray: the help said to write a
                // note the clinician could see (a clinician's review).
                let prefix = "sessions/\(session.id)/\(entry.member.value)."
                if let saved = context.record.strays.first(where: { $0.path.lowercased().hasPrefix(prefix) }) {
                    return Finding(entry.member.location, "\"\(entry.member.value)\" attended but has no progress note",
                                   help: "\(saved.path) is not read under that name: rename it \(path)",
                                   related: [RelatedLocation(SourceLocation(file: saved.path, line: 1), "the note, not read")])
                }
                return Finding(entry.member.location, "\"\(entry.member.value)\" attended but has no progress note",
                               help: "write \(path), or correct the attendance log")
            }
        }
    }
}
