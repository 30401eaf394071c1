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
        context.memberNotes.compactMap { note in
            guard let risk = note.content.risk, risk.level == .high else { return nil }
            let plan = SectionCatalogue.find(SectionCatalogue.plan, in: note.content.body)?.text ?? ""
            guard (risk.text + " " + plan).range(of: "safety plan", options: .caseInsensitive) == nil else { return nil }
            return Finding(risk.location, "risk is high and neither Risk nor Plan mentions a safety plan",
                           help: "document the safety plan reviewed or updated with the member")
        }
    }
}
