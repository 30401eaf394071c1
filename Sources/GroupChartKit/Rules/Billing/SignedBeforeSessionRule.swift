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
        fix: """
            Sign the note again after the session with `groupchart sign --force FILE --by CLINICIAN` (it writes the \
            present time and a new digest), or correct the session's times if they are wrong. A note copied from \
            an earlier session is what this often catches: read it before signing it again.
            """)

    func check(_ context: RuleContext) -> [Finding] {
        context.signedDocuments.compactMap { document in
            guard let signed = document.signature.signedAt, let end = document.sessionEnd, signed.value < end else { return nil }
            return Finding(signed.location, "signed at \(signed.value), before the session ended at \(end)",
                           help: "sign it again once the session has ended, with groupchart sign --force (or correct the session's "
                               + "times if they are wrong); a time typed into signed_at is one no one can vouch for")
        }
    }
}
