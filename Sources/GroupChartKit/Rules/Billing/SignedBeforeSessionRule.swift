/// `signed-before-session`: a note signed before its session ended.
struct SignedBeforeSessionRule: Rule {
    let id = "signed-before-session"
    let isSessionLocal = true
    let defaultSeverity = Severity.error
    let summary = "a note is signed before its session ended"
    let explanation = Explanation(
        checks: "That each note's `signed_at` is at or after the end of the session it documents (date and `end`).",
        why: """
            A note signed before the session ended was written before it happened: pre-written notes are \
            what auditors call templated documentation, and the date shows it.
            """,
        example: "end: \"15:30\", and the member's note has signed_at: 2026-03-12T15:00",
        fix: "Correct signed_at to when the note was signed, or the session's times if they are wrong.")

    func check(_ context: RuleContext) -> [Finding] {
        context.signedDocuments.compactMap { document in
            guard let signed = document.signature.signedAt, let end = document.sessionEnd, signed.value < end else { return nil }
            return Finding(signed.location, "signed at \(signed.value), before the session ended at \(end)",
                           help: "correct signed_at (or the session's times); a note is signed after the session")
        }
    }
}
