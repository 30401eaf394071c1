import Foundation

/// `high-risk-safety-plan`: high risk with no safety plan mentioned.
struct HighRiskSafetyPlanRule: Rule {
    let id = "high-risk-safety-plan"
    let isSessionLocal = true
    let defaultSeverity = Severity.warning
    let summary = "risk is high and neither Risk nor Plan mentions a safety plan"
    let explanation = Explanation(
        checks: "For a note whose risk level is high: that its Risk or Plan section mentions a safety plan.",
        why: """
            High risk documented without a safety plan reads as risk noticed and not acted on, the finding \
            reviewers look for first.
            """,
        example: """
            ## Risk
            Passive ideation daily this week. Risk level: high.
            """,
        fix: "Document the safety plan reviewed or updated, in Risk or Plan.")

    func check(_ context: RuleContext) -> [Finding] {
        // Each note read where it lies (`UnknownGoalRule`).
        let notes = context.memberNotes
        return notes.indices.compactMap { index in
            guard notes[index].content.risk?.level == .high, let risk = notes[index].content.risk else { return nil }
            let plan = SectionCatalogue.find(SectionCatalogue.plan, in: notes[index].content.body)?.text ?? ""
            guard (risk.text + " " + plan).range(of: "safety plan", options: .caseInsensitive) == nil else { return nil }
            return Finding(risk.location, "risk is high and neither Risk nor Plan mentions a safety plan",
                           help: "document the safety plan reviewed or updated with the member")
        }
    }
}
