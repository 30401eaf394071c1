/// `unsigned-note`: a note without its signature.
struct UnsignedNoteRule: Rule {
    let id = "unsigned-note"
    let isSessionLocal = true
    let defaultSeverity = Severity.error
    let summary = "a session note or progress note lacks `signed_by` or `signed_at`, or is signed by a clinician who did not lead the session"
    let explanation = Explanation(
        checks: """
            That every session note, progress note and individual note has `signed_by` and `signed_at` in its \
            front-matter, and that its signer led the session: for a session note or progress note, the \
            session's facilitator or co-facilitator, or the group's (who may sign on a day the session names \
            others); for an individual note, the `clinician` it bills.
            """,
        why: "An unsigned note is not yet part of the record; a claim it supports is unsupported.",
        example: """
            ---
            signed_by: torres
            ---
            """,
        fix: "Sign the note: groupchart sign NOTE --by CLINICIAN (or add signed_by and signed_at).")

    func check(_ context: RuleContext) -> [Finding] {
        // Each document read where it lies, and copied only when unsigned
        // (`UnknownGoalRule`).
        let documents = context.signedDocuments
        return SignedByAnotherClinician.findings(context.record, typed: context.typed) + documents.indices.compactMap { index in
            guard documents[index].signature.signedBy == nil || documents[index].signature.signedAt == nil else { return nil }
            let document = documents[index]
            let missing = [document.signature.signedBy == nil ? "signed_by" : nil,
                           document.signature.signedAt == nil ? "signed_at" : nil].compactMap { $0 }
            guard !missing.isEmpty, document.signature.unreadableKeys.isEmpty else { return nil }
            let sign = "groupchart sign \(ShellWord.quoted(context.typed(document.file))) --by CLINICIAN"
            // An addendum amends a signed note, and `sign` never signs over
            // one: the heading must become an ordinary section first.
            let help = document.addendum.map { addendum in
                """
                the note was never signed, so its "Addendum" heading (line \(addendum.line)) amends nothing: rename it \
                (for example to "## Later entry"), then \(sign)
                """
            } ?? "sign it with \(sign)"
            return Finding(SourceLocation(file: document.file, line: 1),
                           "\(document.kind.rawValue) is not signed: no \(missing.joined(separator: " and "))", help: help)
        }
    }
}
