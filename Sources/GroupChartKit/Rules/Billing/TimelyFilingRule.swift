/// `timely-filing`: a claim older than the payer accepts, with no remittance.
struct TimelyFilingRule: Rule {
    let id = "timely-filing"
    let isSessionLocal = true
    let defaultSeverity = Severity.warning
    let summary = "the date of service is older than the payer's `timely_filing_days` (default 365) and no remittance covers the claim"
    static let defaultDays = 365
    let explanation = Explanation(
        checks: """
            For every service billed to a payer: whether more days passed between the date of service and the \
            claim's first submission (a file in submissions/ that holds it) than the payer's \
            `timely_filing_days` (365 when not set); for a claim never submitted, between the date of service \
            and today. A claim sent in time is not late, whatever came back. A claim a 277CA or an 835 \
            answered counts as filed even when no submission on file holds it.
            """,
        why: """
            Payers deny claims filed after their timely-filing limit, and the member may not be billed \
            instead: the service is simply lost.
            """,
        example: "timely_filing_days: 90, a session on 2026-03-12 and no submission of its claim by 2026-06-15",
        fix: "File the claim now (groupchart submit), with proof of any earlier submission; check the payer's appeal rules.")

    func check(_ context: RuleContext) -> [Finding] {
        let ledger = context.analysis.claimLedger
        return context.claimChains.compactMap { chain in
            guard let payer = chain.payer else { return nil }
            let history = chain.service.claimID.flatMap(ledger.history)
            let limit = payer.timelyFilingDays?.value ?? Self.defaultDays
            let name = payer.name?.value ?? payer.id.value
            if let first = history?.versions.first, let sent = first.date {
                let age = chain.service.date.days(to: sent)
                guard age > limit else { return nil }
                return chain.finding("the claim was first sent \(age) days after the date of service, past \(name)'s \(limit)-day filing limit",
                                     help: "appeal with proof of timely filing if an earlier submission was made by other means",
                                     related: [RelatedLocation(first.claim.location, "the first submission")])
            }
            if history?.answered == true { return nil }
            if let claimID = chain.service.claimID, !context.record.remittanceClaims(for: claimID).isEmpty { return nil }
            let age = chain.service.date.days(to: context.today)
            guard age > limit else { return nil }
            return chain.finding("the date of service is \(age) days ago, past \(name)'s \(limit)-day filing limit",
                                 help: "file the claim now, with proof of any earlier submission; if the payer answered, save its 835 in remittances/")
        }
    }
}
