/// `goal-not-addressed`: a goal of the plan in effect the note says nothing about.
struct GoalNotAddressedRule: Rule {
    let id = "goal-not-addressed"
    let isSessionLocal = true
    let defaultSeverity = Severity.warning
    let summary = "a goal of the plan in effect has no item in the note"
    let explanation = Explanation(
        checks: "That a note's Goals section has an item for every goal of the plan in effect on the date of service.",
        why: """
            A goal left out leaves the reader unsure whether it was worked on; "Not addressed" says so \
            plainly, and auditors read silence as a gap.
            """,
        example: "the plan has G1 to G3; the note's Goals list has G1 and G2",
        fix: "Add an item for the goal, \"- G3: Not addressed this session.\" if it was not.")

    func check(_ context: RuleContext) -> [Finding] {
        // Each note read where it lies (`UnknownGoalRule`).
        let notes = context.memberNotes
        return notes.indices.flatMap { index -> [Finding] in
            guard let date = notes[index].date, let plan = context.record.planGoals(of: notes[index].member, on: date) else { return [] }
            // The Goals section is looked for only where a goal has no item
            // (a note's two or three items looked through, not hashed into a set).
            let items = notes[index].content.goalItems
            // A goal the plan leaves a placeholder ("G3: TBD") is the plan's
            // to state (`plan-incomplete`), not every note's to address.
            let missing = plan.goals.filter { goal in
                !items.contains { $0.goal?.value == goal.id.value } && !NoValue.isPlaceholder(goal.text)
            }
            guard !missing.isEmpty,
                  let goals = SectionCatalogue.find(SectionCatalogue.goals, in: notes[index].content.body) else { return [] }
            return missing.map { goal in
                Finding(goals.heading.location, "goal \"\(goal.id.value)\" of the plan in effect has no item",
                        help: "add \"- \(goal.id.value): <status>. ...\" (Not addressed, if it was not)",
                        related: [RelatedLocation(goal.id.location, "the goal in the plan")])
            }
        }
    }
}
