/// `timely-filing`: a claim older than the payer accepts, with no remittance.
struct TimelyFilingRule: Rule {
    let id = "timely-filing"
    let defaultSeverity = Severity.warning
    let summary = "the date of service is older than the payer's `timely_filing_days` (default 365) and no remittance covers the claim"
    static let defaultDays = 365
    let explanation = Explanation(
        checks: """
            For every service billed to a payer: whether more days have passed since the date of service \
            than the payer's `timely_filing_days` (365 when not set) with no remittance covering the claim.
            """,
        why: """
            Payers deny claims filed after their timely-filing limit, and the member may not be billed \
            instead: the service is simply lost.
            """,
        example: "timely_filing_days: 90, a session on 2026-03-12 and no remittance by 2026-06-15",
        fix: "File the claim now, with proof of any earlier submission; check the payer's appeal rules.")

    func check(_ context: RuleContext) -> [Finding] {
        context.claimChains.compactMap { chain in
            guard let payer = chain.payer else { return nil }
            let limit = payer.timelyFilingDays?.value ?? Self.defaultDays
            let age = chain.service.date.days(to: context.today)
            guard age > limit else { return nil }
            return chain.finding("the date of service is \(age) days ago, past \(payer.name?.value ?? payer.id.value)'s \(limit)-day filing limit",
                                 help: "file the claim now, with proof of any earlier submission")
        }
    }
}
