/// `plan-incomplete`: a plan in effect that does not state type, amount,
/// frequency and duration of treatment.
struct PlanIncompleteRule: Rule {
    let id = "plan-incomplete"
    let isSessionLocal = true
    let defaultSeverity = Severity.warning
    let summary = "the plan in effect lacks frequency, session length or duration"
    let explanation = Explanation(
        checks: "That the plan in effect on the date of service states `frequency`, `session_minutes` and `duration`.",
        why: """
            Payers expect a plan to state the type, amount, frequency and duration of treatment; a plan \
            without them does not show that the services billed were the services planned.
            """,
        example: "a plan with modality and goals but no frequency:",
        fix: "Add frequency: weekly, session_minutes: 90 and duration: 24 weeks (or what was planned).")

    func check(_ context: RuleContext) -> [Finding] {
        context.claimChains.compactMap { chain in
            guard let plan = chain.plan, plan.isReadable else { return nil }
            let missing = [plan.frequency == nil ? "frequency" : nil, plan.sessionMinutes == nil ? "session_minutes" : nil,
                           plan.duration == nil ? "duration" : nil].compactMap { $0 }.filter { !plan.unreadableKeys.contains($0) }
            guard !missing.isEmpty else { return nil }
            return chain.finding("the plan in effect does not state \(missing.joined(separator: ", "))",
                                 help: "add \(missing.joined(separator: ", ")) to \(plan.file)",
                                 related: [RelatedLocation(SourceLocation(file: plan.file, line: 1), "the plan in effect")])
        }
    }
}
