/// `plan-review-overdue`: a service after the plan in effect was due for review.
struct PlanReviewOverdueRule: Rule {
    let id = "plan-review-overdue"
    let isSessionLocal = true
    let defaultSeverity = Severity.warning
    let summary = "the date of service is after the plan's `review_by`"
    let explanation = Explanation(
        checks: "That the date of service is on or before the `review_by` date of the plan in effect.",
        why: """
            Payers expect treatment plans reviewed on schedule; services after a missed review rest on a plan \
            nobody has confirmed still fits, and auditors cite it.
            """,
        example: "review_by: 2026-04-29, and a session on 2026-05-07",
        fix: "Review the plan with the member and write the reviewed plan as a new plan file with its own effective date.")

    func check(_ context: RuleContext) -> [Finding] {
        context.claimChains.compactMap { chain in
            guard let plan = chain.plan, let review = plan.reviewBy, review.value < chain.service.date else { return nil }
            return chain.finding("the plan in effect was due for review on \(review.value), before this session",
                                 help: "review the plan and record the reviewed plan with a new effective date",
                                 related: [RelatedLocation(review.location, "review_by")])
        }
    }
}
