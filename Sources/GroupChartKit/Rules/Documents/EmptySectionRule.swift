import Foundation

/// `empty-section`: a required section that says nothing, or only a placeholder.
struct EmptySectionRule: Rule {
    let id = "empty-section"
    let isSessionLocal = true
    let defaultSeverity = Severity.error
    let summary = "a required section is empty or a placeholder"
    let explanation = Explanation(
        checks: """
            That every required section holds text, and not only a placeholder: TODO, TBD, N/A, "-", a \
            pointer to another note ("see group note", "refer to group note", "see session note", "same as \
            above", "see above"...) or a word that says only that the member was there ("attended", \
            "present", "participated"), case-insensitive, a full stop allowed (HTML comments and \
            sub-headings do not count as text). This is what keeps a skeleton written by `groupchart new session` from \
            being billed before it is filled in.
            """,
        why: """
            "See group note" in a member's Participation section is exactly what auditors cite when they \
            find notes that do not show individual treatment; the claim is recouped.
            """,
        example: """
            ## Participation
            See group note.
            """,
        fix: "Write what this member did and said in this session.")

    func check(_ context: RuleContext) -> [Finding] {
        // An absent member's draft is to be deleted, not filled (`Analysis.absentMembersDrafts`).
        let drafts = context.analysis.absentMembersDrafts
        return context.analysis.eachDocumentAlone(id) { document in
            guard !drafts.contains(document.file) else { return [] }
            return SectionCatalogue.required(for: document.kind).compactMap { name -> Finding? in
                guard let section = SectionCatalogue.find(name, in: document.body),
                      SectionCatalogue.isPlaceholder(section) else { return nil }
                let written = section.text.trimming(.whitespacesAndNewlines)
                let message = written.isEmpty
                    ? "section \"\(section.name)\" is empty"
                    : "section \"\(section.name)\" holds only the placeholder \"\(written)\""
                return Finding(section.heading.location, message,
                               help: "write this \(document.kind.rawValue)'s own \(name.canonical.lowercased()); a placeholder documents nothing")
            }
        }
    }
}
