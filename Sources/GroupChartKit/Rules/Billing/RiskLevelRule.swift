/// `risk-level`: a Risk section that states no risk level.
struct RiskLevelRule: Rule {
    let id = "risk-level"
    let isSessionLocal = true
    let defaultSeverity = Severity.error
    let summary = "the Risk section states no risk level"
    let explanation = Explanation(
        checks: "That a note's Risk section states \"Risk level: low\", \"moderate\" or \"high\" (the first word after the label).",
        why: """
            A risk assessment is required in every progress note; a stated level is what a reviewer (and the \
            next clinician) acts on.
            """,
        example: """
            ## Risk
            Denies suicidal ideation.
            """,
        fix: "End the section with the level: Risk level: low.")

    func check(_ context: RuleContext) -> [Finding] {
        context.memberNotes.compactMap { note in
            guard let risk = note.content.risk, risk.level == nil else { return nil }
            let message = risk.statedWord.map { "section \"Risk\" states \"\($0)\", which is not a risk level" }
                ?? "section \"Risk\" states no risk level"
            return Finding(risk.location, message, help: "write \"Risk level: low\", \"moderate\" or \"high\"")
        }
    }
}
