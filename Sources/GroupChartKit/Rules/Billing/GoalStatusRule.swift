/// `goal-status`: a Goals item without a recognised status.
struct GoalStatusRule: Rule {
    let id = "goal-status"
    let isSessionLocal = true
    let defaultSeverity = Severity.error
    let summary = "a Goals item has no recognised status"
    let explanation = Explanation(
        checks: """
            That each Goals item states one of Met, In progress, No change, Regressed or Not addressed \
            (any case), right after the goal id's colon or after "Status:" anywhere in the item.
            """,
        why: """
            Payers want "progress toward their individual treatment plan goals with measurable indicators"; \
            a status per goal is what shows, note by note, whether treatment is working.
            """,
        example: "- G1: Going well this week.",
        fix: "State the status: - G1: In progress. Going well this week.")

    func check(_ context: RuleContext) -> [Finding] {
        context.memberNotes.flatMap { note in
            note.content.goalItems.filter { $0.status == nil }.map { item in
                Finding(item.location, "Goals item\(item.goal.map { " \"\($0.value)\"" } ?? "") states no status",
                        help: "write one of Met, In progress, No change, Regressed, Not addressed after the colon")
            }
        }
    }
}
