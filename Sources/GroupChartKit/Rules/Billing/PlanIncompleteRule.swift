/// `plan-incomplete`: a plan in effect that does not state type, amount,
/// frequency and duration of treatment.
struct PlanIncompleteRule: Rule {
    let id = "plan-incomplete"
    let isSessionLocal = true
    let defaultSeverity = Severity.warning
    let summary = "the plan in effect lacks frequency, session length or duration"
    let explanation = Explanation(
        checks: """
            That the plan in effect on the date of service states `frequency`, `session_minutes` and `duration` \
            (a placeholder such as "TBD" or "N/A" states none).
            """,
        why: """
            Payers expect a plan to state the type, amount, frequency and duration of treatment; a plan \
            without them does not show that the services billed were the services planned.
            """,
        example: "a plan with modality and goals but no frequency:",
        fix: "Add frequency: weekly, session_minutes: 90 and duration: 24 weeks (or what was planned).")

    func check(_ context: RuleContext) -> [Finding] {
        context.claimChains.compactMap { chain in
            guard let plan = chain.plan, plan.isReadable else { return nil }
            // "TBD" or "N/A" states nothing (found by an auditor's review).
            func stated(_ value: Located<String>?) -> Bool { value.map { !NoValue.isPlaceholder($0.value) } ?? false }
            let missing = [stated(plan.frequency) ? nil : "frequency", plan.sessionMinutes == nil ? "session_minutes" : nil,
                           stated(plan.duration) ? nil : "duration"].compactMap { $0 }.filter { !plan.unreadableKeys.contains($0) }
            guard !missing.isEmpty else { return nil }
            return chain.finding("the plan in effect does not state \(missing.joined(separator: ", "))",
                                 help: "add \(missing.joined(separator: ", ")) to \(plan.file)",
                                 related: [RelatedLocation(SourceLocation(file: plan.file, line: 1), "the plan in effect")])
        }
    }
}
