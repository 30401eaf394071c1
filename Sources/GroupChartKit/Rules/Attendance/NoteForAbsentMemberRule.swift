/// `note-for-absent-member`: a progress note, and so a claim, for a member
/// the attendance log marks absent.
struct NoteForAbsentMemberRule: Rule {
    let id = "note-for-absent-member"
    let isSessionLocal = true
    let defaultSeverity = Severity.error
    let summary = "a member marked absent has a progress note (billing for absent members)"
    let explanation = Explanation(
        checks: """
            That no member marked `absent` in a session's attendance log has a progress note in that session's folder, \
            and that no member marked present, late or left-early has a note whose Participation says only that they \
            were absent ("Absent.", "Did not attend.", "Client was absent from group today.", "No show."): the note \
            itself then says the member was not there, and the claim would bill for them.
            """,
        why: """
            A progress note is what a claim stands on. Billing for a member who did not attend is the audit \
            finding the billing guide calls common, "particularly when clinicians use batch billing systems \
            that automatically generate claims for all enrolled group members regardless of attendance"; \
            payers treat it as a false claim.
            """,
        example: """
            sessions/2026-03-12-dbt-skills/session.md:   patel-arjun: {status: absent, reason: illness}
            sessions/2026-03-12-dbt-skills/patel-arjun.md  (exists)
            """,
        fix: "Delete the note if the member was absent, or correct the attendance log if they attended.")

    func check(_ context: RuleContext) -> [Finding] {
        context.record.sessions.flatMap { session -> [Finding] in
            guard let log = session.note else { return [] }
            return session.progressNotes.compactMap { note in
                guard let entry = log.attendance(of: note.member), let status = entry.status else { return nil }
                guard status.value == .absent else { return Self.saidAbsent(note, marked: status) }
                return Finding(SourceLocation(file: note.file, line: 1),
                               "\"\(note.member)\" is marked absent but has a progress note; an absent member cannot be billed",
                               help: "delete this note if the member was absent, or correct the attendance log",
                               related: [RelatedLocation(status.location, "marked absent here")])
            }
        }
    }

    /// A note of a member marked as attending whose Participation says only
    /// that they were absent (`AbsenceWording`).
    private static func saidAbsent(_ note: ProgressNote, marked status: Located<AttendanceStatus>) -> Finding? {
        guard let section = SectionCatalogue.find(SectionCatalogue.participation, in: note.content.body),
              let said = section.textBlocks.first(where: { _ in true }), AbsenceWording.saysOnlyAbsent(section) else { return nil }
        return Finding(said.location,
                       "\"\(note.member)\" is marked \(status.value.rawValue) but this note says they were absent "
                           + "(\"\(section.text.trimming(.whitespacesAndNewlines))\"); an absent member cannot be billed",
                       help: "if the member was absent, mark them absent in the attendance log and delete this note; if they "
                           + "attended, write what they did and said",
                       related: [RelatedLocation(status.location, "marked \(status.value.rawValue) here")])
    }
}
