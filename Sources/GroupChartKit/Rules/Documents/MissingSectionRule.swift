/// `missing-section`: a note without a section format.md requires.
struct MissingSectionRule: Rule {
    let id = "missing-section"
    let isSessionLocal = true
    let defaultSeverity = Severity.error
    let summary = "a required section is absent"
    let explanation = Explanation(
        checks: """
            The required sections of each note, found by heading name or alias (format.md, "Headings"): a \
            plan's Rationale; a session note's Summary, Interventions and Group process; a progress note's \
            Participation, Goals, Risk and Plan; an individual note's Interventions, Goals, Risk and Plan.
            """,
        why: """
            Payers ask each member's note to show individual participation, progress toward that member's \
            goals, a risk assessment and a plan; a group note must show the interventions and the group \
            process. A missing section is a missing element of medical necessity, and the claim is recouped.
            """,
        example: """
            ## Participation
            Ms. Reyes arrived 20 minutes late ...
            ## Plan
            Continue weekly group.
            """,
        fix: "Add the section with the heading the message names (an alias works too).")

    func check(_ context: RuleContext) -> [Finding] {
        context.analysis.eachDocumentAlone(id) { document in
            SectionCatalogue.required(for: document.kind).compactMap { name -> Finding? in
                guard SectionCatalogue.find(name, in: document.body) == nil else { return nil }
                let aliases = name.aliases.isEmpty ? "" : " (or \(name.aliases.map { "\"\($0)\"" }.joined(separator: ", ")))"
                return Finding(SourceLocation(file: document.file, line: 1),
                               "\(document.kind.rawValue) has no \"\(name.canonical)\" section",
                               help: "add a heading \"## \(name.canonical)\"\(aliases) and write it for this note")
            }
        }
    }
}
