/// `unknown-goal`: a Goals item that names no goal of the plan in effect.
struct UnknownGoalRule: Rule {
    let id = "unknown-goal"
    let isSessionLocal = true
    let defaultSeverity = Severity.error
    let summary = "a Goals item names a goal the plan in effect does not have"
    let explanation = Explanation(
        checks: """
            Each item of a note's Goals section: it must start with the id of a goal of the member's plan in \
            effect on the date of service, then a colon (`- G1: In progress. ...`). An item that starts with a \
            short id holding a digit but no colon after it (`- G1 – In progress`, as a word processor writes it) \
            is read as that goal and status, and warned of once.
            """,
        why: """
            Progress must be documented "toward their specific treatment plan goals". Progress toward a goal \
            the plan does not have is progress nobody planned, and does not support the claim.
            """,
        example: "- G4: In progress. (the plan has G1 to G3)",
        fix: "Use the goal ids of the plan in effect, or update the plan if the goals changed.")

    func check(_ context: RuleContext) -> [Finding] {
        // Each note read where it lies: a loop over the notes copied every
        // one (its body, goal items and signature) to read three of its
        // fields (`perf`: with two other rules, 1 % of a cold check).
        let notes = context.memberNotes
        return notes.indices.flatMap { index -> [Finding] in
            guard let date = notes[index].date, let plan = context.record.planGoals(of: notes[index].member, on: date) else { return [] }
            let ids = plan.goals.map(\.id.value)
            // A plan whose goals could not be read (`Goals:`, a list of
            // goals without ids) is reported there, once: read as a plan
            // without goals, every item of every note was "not a goal of
            // the plan", its help to delete them (a clinician's review).
            guard !ids.isEmpty else { return [] }
            // The plan's goals this note has no item for: the only ones a
            // mistyped id can have meant (suggesting one already noted made
            // one goal's progress read as another's).
            let noted = Set(notes[index].content.goalItems.compactMap(\.goal?.value))
            let open = ids.filter { !noted.contains($0) }
            return notes[index].content.goalItems.compactMap { item in
                guard let goal = item.goal else {
                    return Finding(item.location, "Goals item does not start with a goal id",
                                   help: "start the item with the id of a plan goal and a colon, such as \(ids.first ?? "G1"):")
                }
                guard !ids.contains(goal.value) else {
                    // Read without its colon (`ClinicalContentReader.withoutColon`): said once, here.
                    guard item.colonMissing else { return nil }
                    return Finding(item.location, "Goals item \"\(goal.value)\" has no colon after its id",
                                   help: "write the id, a colon, then the status: - \(goal.value): In progress. ...", severity: .warning)
                }
                // A signed note is not to be edited: the plan's goals were
                // more likely changed in place (a clinician's review found
                // the help sending them to rewrite signed notes).
                let signed = notes[index].signature.signedBy == nil ? ""
                    : "; this note is signed: if the goals of \(plan.file) were changed after it was, restore them there and "
                        + "write the changed goals in a new plan with its own effective date rather than editing the note"
                let help = (open.isEmpty
                    ? "the plan's goals (\(ids.joined(separator: ", "))) each have an item here already: remove this item, or add "
                        + "its goal to the member's plan (a new plan, with its own effective date)"
                    : NearestName.help(for: goal.value, in: open, noun: "goal") + " (in \(plan.file))") + signed
                return Finding(goal.location, "goal \"\(goal.value)\" is not a goal of the plan in effect", help: help)
            }
        }
    }
}
