/// `plan-incomplete`: a plan in effect that does not state type, amount,
/// frequency and duration of treatment.
struct PlanIncompleteRule: Rule {
    let id = "plan-incomplete"
    let isSessionLocal = true
    let defaultSeverity = Severity.warning
    let summary = "the plan in effect lacks frequency, session length or duration, or leaves a goal a placeholder"
    let explanation = Explanation(
        checks: """
            That the plan in effect on the date of service states `frequency`, `session_minutes` and `duration` \
            (a placeholder such as "TBD" or "N/A" states none), and no goal as a placeholder beside its real \
            ones (a plan whose every goal is a placeholder is `missing-field`).
            """,
        why: """
            Payers expect a plan to state the type, amount, frequency and duration of treatment; a plan \
            without them does not show that the services billed were the services planned.
            """,
        example: "a plan with modality and goals but no frequency:",
        fix: "Add frequency: weekly, session_minutes: 90 and duration: 24 weeks (or what was planned).")

    /// What a plan leaves unstated, in words, or `nil`: the message and
    /// the help.
    private static func unstated(_ plan: TreatmentPlan) -> (message: String, help: String)? {
        // "TBD" or "N/A" states nothing (found by an auditor's review).
        func stated(_ value: Located<String>?) -> Bool { value.map { !NoValue.isPlaceholder($0.value) } ?? false }
        let missing = [stated(plan.frequency) ? nil : "frequency", plan.sessionMinutes == nil ? "session_minutes" : nil,
                       stated(plan.duration) ? nil : "duration"].compactMap { $0 }.filter { !plan.unreadableKeys.contains($0) }
        // A goal left a placeholder beside real ones (a template's "G3:
        // TBD"): the plan is unfinished. With no real goal at all it is
        // `missing-field`'s error, said in the plan.
        let placeholders = plan.goals.filter { NoValue.isPlaceholder($0.text) }
        let goalsUnstated = !placeholders.isEmpty && placeholders.count < plan.goals.count
        guard !missing.isEmpty || goalsUnstated else { return nil }
        let goals = placeholders.map { "\($0.id.value) is \"\($0.text)\"" }.joined(separator: ", ")
        let message = missing.isEmpty ? "the plan in effect leaves a goal unstated: \(goals)"
            : "the plan in effect does not state \(missing.joined(separator: ", "))" + (goalsUnstated ? ", and \(goals)" : "")
        let help = (missing.isEmpty ? "" : "add \(missing.joined(separator: ", ")) to \(plan.file)")
            + (goalsUnstated ? (missing.isEmpty ? "" : "; ") + "state each goal in measurable terms, or remove the unstated ones from \(plan.file)" : "")
        return (message, help)
    }

    func check(_ context: RuleContext) -> [Finding] {
        // Each plan read once, not once per claim chain: the placeholder
        // tests on every chain's plan were 560 ms of a check at 20,000
        // notes (GROUPCHART_PHASES=rules), where the plans number 100.
        var verdicts: [String: (message: String, help: String)?] = [:]
        return context.claimChains.compactMap { chain in
            guard let plan = chain.plan, plan.isReadable else { return nil }
            let verdict: (message: String, help: String)?
            if let known = verdicts[plan.file] {
                verdict = known
            } else {
                verdict = Self.unstated(plan)
                verdicts[plan.file] = .some(verdict)
            }
            guard let (message, help) = verdict else { return nil }
            return chain.finding(message, help: help,
                                 related: [RelatedLocation(SourceLocation(file: plan.file, line: 1), "the plan in effect")])
        }
    }
}
