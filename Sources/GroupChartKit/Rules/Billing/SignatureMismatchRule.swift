/// `signature-mismatch`: a signed note whose signed text changed afterwards.
struct SignatureMismatchRule: Rule {
    let id = "signature-mismatch"
    let defaultSeverity = Severity.error
    let summary = "a note signed with a digest was changed afterwards outside an Addendum"
    let explanation = Explanation(
        checks: """
            For every note with a `digest` (written by `groupchart sign`): that the SHA-256 of its body above \
            any Addendum heading still equals the digest.
            """,
        why: """
            A signed note is a legal record. Changing it after signing, without an addendum that says who \
            changed what and when, is alteration of the record, which voids it in an audit.
            """,
        example: "a sentence of the Participation section edited the day after the note was signed",
        fix: """
            Restore the signed text (git shows it), and put the change under a heading \
            "## Addendum YYYY-MM-DD clinician" at the end of the note.
            """)

    func check(_ context: RuleContext) -> [Finding] {
        context.signedDocuments.compactMap { document in
            guard let digest = document.signature.digest, let current = document.signature.currentDigest,
                  current != digest.value else { return nil }
            return Finding(digest.location, "the note was changed after it was signed (its text no longer matches the digest)",
                           help: "restore the signed text (git diff shows it) and put changes under \"## Addendum YYYY-MM-DD clinician\"")
        }
    }
}
