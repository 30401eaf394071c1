/// `timely-filing`: a claim older than the payer accepts, with no remittance.
struct TimelyFilingRule: Rule {
    let id = "timely-filing"
    let defaultSeverity = Severity.warning
    let summary = "the date of service is older than the payer's `timely_filing_days` (default 365) and no remittance covers the claim"
    static let defaultDays = 365
    let explanation = Explanation(
        checks: """
            For every service billed to a payer: whether more days have passed since the date of service \
            than the payer's `timely_filing_days` (365 when not set) with no remittance covering the claim. \
            A claim is covered when an 835 in remittances/ names its claim id in CLP01, whatever the payer \
            decided (paid, denied, even reversed): the payer received it, so it was filed.
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
            if let claimID = chain.service.claimID, !context.record.remittanceClaims(for: claimID).isEmpty { return nil }
            let limit = payer.timelyFilingDays?.value ?? Self.defaultDays
            let age = chain.service.date.days(to: context.today)
            guard age > limit else { return nil }
            return chain.finding("the date of service is \(age) days ago, past \(payer.name?.value ?? payer.id.value)'s \(limit)-day filing limit",
                                 help: "file the claim now, with proof of any earlier submission; if the payer answered, save its 835 in remittances/")
        }
    }
}
