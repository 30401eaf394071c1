/// `no-treatment-plan`: a service with no treatment plan in effect.
struct NoTreatmentPlanRule: Rule {
    let id = "no-treatment-plan"
    let isSessionLocal = true
    let defaultSeverity = Severity.error
    let summary = "no plan is in effect on the date of service"
    let explanation = Explanation(
        checks: """
            For every billable service: that the member has a treatment plan in effect on the date of \
            service (the plan with the latest `effective` on or before it).
            """,
        why: """
            "Each group member must have a treatment plan that identifies group psychotherapy as the \
            treatment modality." Without one, the service has no documented medical necessity and the \
            claim is recouped.
            """,
        example: "a note dated 2026-01-22 for a member whose first plan is effective 2026-01-29",
        fix: "Write (and sign) the member's treatment plan, effective on or before the first session billed.")

    func check(_ context: RuleContext) -> [Finding] {
        context.claimChains.compactMap { chain in
            guard chain.plan == nil else { return nil }
            let first = chain.member.plans.first { $0.effective != nil }
            var related = first.map { [RelatedLocation($0.effective!.location, "the member's first plan takes effect \($0.effective!.value)")] } ?? []
            // A plan whose date cannot be read may be the one meant: say so,
            // since its own error is the one to fix.
            let undated = chain.member.plans.filter { $0.isReadable && $0.effective == nil }
            related += undated.map { RelatedLocation(SourceLocation(file: $0.file, line: 1), "a plan without a readable effective date") }
            let help = undated.isEmpty ? "write the member's plan, effective on or before the date of service"
                : "give \(undated[0].file) a valid effective date, or write a plan effective on or before the date of service"
            return chain.finding("no treatment plan of \(chain.member.id) is in effect on \(chain.service.date)", help: help, related: related)
        }
    }
}
