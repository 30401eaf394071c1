/// `claim-rejected`: a 999 or 277CA rejected a claim and nothing has sent
/// it again. A rejected claim never reached adjudication: until it is
/// corrected and sent, it will never be paid.
struct ClaimRejectedRule: Rule {
    let id = "claim-rejected"
    let defaultSeverity = Severity.error
    let readsClaims = true
    let summary = "a 999 or 277CA rejected a claim and no later submission re-sent it"
    let explanation = Explanation(
        checks: """
            Every claim whose latest version a 999 rejected (with its whole transaction set) or a 277CA rejected \
            (categories A3, A4, A6, A7, A8: unprocessable, not found, missing or invalid information) and that \
            the next batch does not carry. A claim corrected since (its billed content differs from what was \
            rejected) goes out again, as an original (as a replacement when a replacement was rejected), and is not \
            reported; left unchanged, it stays out. The \
            diagnostic stands at line 1 of the claim's note, with the acknowledgment and its reasons in words.
            """,
        why: """
            A rejected claim never entered the payer's adjudication: no 835 will ever answer it, and the \
            timely-filing limit keeps running. Billers lose more money to rejections nobody worked than to denials.
            """,
        example: """
            acknowledgments/2026-03-16-aetna.277:
              TRN*2*20260312XHQ9LUUKCCQT~
              STC*A7:164:IL*20260316*U*65~   (invalid information: the subscriber's member number)
            """,
        fix: """
            Correct what the reasons name (here the member id in the member's profile.md); the next build puts \
            the corrected claim in the batch as an original, and `groupchart submit` sends it.
            """)

    func check(_ context: RuleContext) -> [Finding] {
        guard let billing = context.billing else { return [] }
        return billing.batch.standingRejections.map { standing in
            let rejection = standing.rejection
            let words = rejection.reasons.joined(separator: "; ")
            let by = rejection.source
            return Finding(standing.note ?? rejection.location,
                           "claim \"\(standing.claimID)\" was rejected by \(by)\(rejection.date.map { " of \($0)" } ?? ""): \(words)",
                           help: Self.help(standing.correctedAs) + Self.filingDays(of: standing.claimID, billing, context),
                           related: [RelatedLocation(rejection.location, words)])
        }
    }

    /// How many of the payer's filing days have passed since the date of
    /// service: a payer dates filing by the claim it accepts, and a claim
    /// rejected before adjudication was never filed with it (a biller's
    /// review found the corrected claim sent past the limit with no word).
    /// `timely-filing` measures to the first submission, "whatever came
    /// back", as lifecycle.md asks; this says the time left where the
    /// rejection is worked.
    static func filingDays(of claimID: String, _ billing: Billing, _ context: RuleContext) -> String {
        guard let sent = billing.ledger.history(claimID)?.lastSent?.claim.billed, let date = sent.lines.first?.date,
              let payer = context.record.practice?.payer(withPayerID: sent.payerID) else { return "" }
        let limit = payer.timelyFilingDays?.value ?? TimelyFilingRule.defaultDays
        let days = max(0, date.days(to: context.today))
        let name = payer.name?.value ?? payer.id.value
        let passed = days > limit ? "\(name)'s \(limit)-day filing limit passed \(days - limit) days ago (the date of service was \(days) days ago)"
            : "\(days) of \(name)'s \(limit) filing days have passed since the date of service"
        return "; \(passed), and a rejected claim was never filed with the payer"
    }

    /// What correcting the claim sends: a rejected replacement goes out
    /// again as a replacement naming the payer's claim (the version before
    /// it stands with the payer), where the help said "as an original" of
    /// every claim (a biller's review). A claim whose submission is not on
    /// file cannot be told corrected from unchanged.
    static func help(_ correctedAs: SubmittedClaim.Frequency?) -> String {
        switch correctedAs {
        case .replacement?:
            return "correct what the rejection names; the next build sends the corrected claim again as a replacement of the payer's claim"
        case nil:
            return "no file in submissions/ holds the claim as sent, so GroupChart cannot tell it corrected: correct what the rejection "
                + "names and send it again from the clearinghouse's portal, or file the submission that sent it"
        default:
            return "correct what the rejection names; the next build sends the corrected claim as an original"
        }
    }
}
