@testable import GroupChartKit
import Testing

/// What `high-risk-safety-plan` takes for a safety plan made: the words in a
/// row however they are spaced or hyphenated, and not a plan said not to be
/// made (an auditor's review found "No safety plan was completed." taken as
/// one, and "safety-plan" as none).
@Suite struct SafetyPlanWordingTests {
    @Test(arguments: [
        "Reviewed her Safety Plan with her.", "Updated the safety  plan.", "Safety-plan reviewed.", "safety\tplan on file",
        "Reviewed the safety\nplan line by line.", "Safety plan, not changed since last week.", "Safety plan reviewed; no new acts.",
        // A negation in the clause before is not the plan's (a code review).
        "Passive SI, no intent. Safety plan reviewed and updated.", "No weapons at home; safety plan updated.",
        "Not at imminent risk; safety plan reviewed.", "No SI today, safety plan reviewed.",
        // The plan stands unchanged (an audit-precision review found it taken for none).
        "No safety plan changes needed; plan reviewed and still fits.", "No safety plan update this week.",
    ])
    func aPlanMadeCounts(_ text: String) {
        #expect(HighRiskSafetyPlanRule.mentionsSafetyPlan(text))
    }

    @Test(arguments: [
        "No safety plan was completed.", "Safety plan not reviewed.", "He declined to complete a safety plan.",
        "The safety plan was not updated.", "Refused a safety plan.", "Session ended without a safety plan.", "Plan for safety: none.",
        "Her safety plan was not.",
        // Said to be none (an audit-precision review found it taken for a plan).
        "Safety plan: none on file.", "Safety plan: N/A.", "Safety plan none.", "Safety plan: not on file.",
        "Unable to complete safety plan update today.", "Declined safety plan changes.",
    ])
    func aPlanNotMadeDoesNot(_ text: String) {
        #expect(!HighRiskSafetyPlanRule.mentionsSafetyPlan(text))
    }
}
