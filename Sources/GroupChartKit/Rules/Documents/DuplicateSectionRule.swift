/// `duplicate-section`: one section written twice in a note.
struct DuplicateSectionRule: Rule {
    let id = "duplicate-section"
    let isSessionLocal = true
    let defaultSeverity = Severity.warning
    let summary = "a section appears twice in one note"
    let explanation = Explanation(
        checks: """
            That no section format.md names (required or optional, by name or alias) appears twice in one \
            note. Addendum sections may repeat.
            """,
        why: """
            Two Risk sections that disagree, or a second Goals list pasted from an older note, leave the \
            reader (and GroupChart, which reads the first) unsure what the note says.
            """,
        example: """
            ## Risk
            Risk level: low.
            ## Risk assessment
            Risk level: moderate.
            """,
        fix: "Merge the two sections into one.")

    func check(_ context: RuleContext) -> [Finding] {
        context.analysis.eachDocumentAlone(id) { document in
            SectionCatalogue.known(for: document.kind).flatMap { name -> [Finding] in
                let matches = document.body.sections.filter { name.matches($0.name) }
                guard let first = matches.first else { return [] }
                return matches.dropFirst().map { repeated in
                    Finding(repeated.heading.location,
                            "section \"\(name.canonical)\" appears twice (first as \"\(first.name)\" on line \(first.heading.location.line))",
                            help: "merge the two into one section",
                            related: [RelatedLocation(first.heading.location, "first \"\(name.canonical)\" section")])
                }
            }
        }
    }
}
