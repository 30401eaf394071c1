/// `signature-mismatch`: a signed note whose signed text changed afterwards.
struct SignatureMismatchRule: Rule {
    let id = "signature-mismatch"
    let isSessionLocal = true
    let defaultSeverity = Severity.error
    let summary = "a note signed with a digest was changed afterwards outside an Addendum"
    let explanation = Explanation(
        checks: """
            For every note with a `digest` (written by `groupchart sign`): that the SHA-256 of its signed text \
            still equals the digest. The signed text is the whole file, front-matter included, less the \
            `signed_by`, `signed_at` and `digest` lines, up to the first Addendum heading, without the white \
            space at its end: the times, attendance and codes a claim is built from are signed with the body, \
            and a blank line before "## Addendum ..." changes nothing.
            """,
        why: """
            A signed note is a legal record, and the claim is built from it. Changing it after signing, without an addendum that says who \
            changed what and when, is alteration of the record, which voids it in an audit.
            """,
        example: "a sentence of the Participation section, or the session's end time, edited the day after the note was signed",
        fix: """
            Restore the signed text (git shows it), and put the change under a heading \
            "## Addendum YYYY-MM-DD clinician" at the end of the note. An addendum explains; it does not \
            change what the claim is built from (times, code, attendance, front-matter): when one of those \
            was wrong, correct it and sign again with `groupchart sign --force`, so that the signed record and \
            the claim (a replacement, if it was sent) say the same. A digest written before GroupChart \
            signed the front-matter reads as changed: sign such a note again once (`groupchart sign --force`), \
            before any addendum.
            """)

    func check(_ context: RuleContext) -> [Finding] {
        context.signedDocuments.compactMap { document in
            guard let digest = document.signature.digest, let current = document.signature.currentDigest,
                  current != digest.value else { return nil }
            return Finding(digest.location, "the note was changed after it was signed (its text no longer matches the digest)",
                           help: "restore the signed text (git diff shows what changed, in a practice kept in git) and put changes under \"## Addendum YYYY-MM-DD clinician\"; "
                               + "an addendum does not change the times, code or attendance the claim is built from: if one of those "
                               + "was wrong, correct it and sign the note again (groupchart sign --force), and the claim follows")
        }
    }
}
