/// `benefits-unverified`: a claim to a payer whose group benefits nobody
/// verified before the date of service.
struct BenefitsUnverifiedRule: Rule {
    let id = "benefits-unverified"
    let isSessionLocal = true
    let defaultSeverity = Severity.error
    let summary = "an insured member has no group-benefit verification on or before the date of service, or it says group therapy is not covered; a warning when the verification is over 12 months older than the date of service"
    let explanation = Explanation(
        checks: """
            For every billable service of an insured member: that the profile's `benefits` were verified on \
            or before the date of service and, for group sessions, that they say group therapy is covered. \
            `benefits` may list several verifications; a service rests on the latest made on or before its date. \
            A verification more than 12 months older than the date of service is a warning.
            """,
        why: """
            "Some insurance plans cover individual therapy but exclude group therapy, or have different \
            copay structures for group sessions. Failing to verify group-specific benefits before the client \
            joins the group can result in unexpected claim denials and client financial liability."
            """,
        example: """
            insurance:
              payer: aetna
              member_id: AET-3310294875
              subscriber: self
            (no benefits:)
            """,
        fix: """
            Call the payer, then record benefits: {verified_on, verified_by, group_therapy_covered, copay, reference}. \
            When benefits are verified again, make benefits: a list and add the new verification beside the old one.
            """)

    func check(_ context: RuleContext) -> [Finding] {
        context.claimChains.compactMap { chain in
            guard let insurance = chain.insurance else { return nil }
            let payer = chain.payer?.name?.value ?? insurance.payer?.value ?? "the payer"
            // A verification without a readable date has its own error in
            // the profile (missing-field or invalid-value), which holds the
            // claim: it is not a verification that never happened.
            // The latest verification made on or before the date of service:
            // one verified again later leaves the earlier claims resting on theirs.
            let benefits = insurance.benefits(on: chain.service.date)
            if let benefits, benefits.verifiedOn == nil { return nil }
            guard let benefits, let verified = benefits.verifiedOn else {
                return chain.finding("\(chain.member.id)'s benefits with \(payer) were never verified",
                                     help: "verify group benefits with the payer and record them under insurance: benefits: in the profile",
                                     related: [RelatedLocation(insurance.location, "the member's insurance")])
            }
            let related = [RelatedLocation(verified.location, "benefits verified here")]
            if verified.value > chain.service.date {
                return chain.finding("benefits were verified on \(verified.value), after the date of service \(chain.service.date)",
                                     help: "a claim needs a verification on or before the date of service: if one was made then, record "
                                        + "it beside the later one (benefits: a list, one entry per verification); never date a later one "
                                        + "back (payers keep call logs)", related: related)
            }
            if chain.service.kind == .group, let covered = benefits.groupTherapyCovered, !covered.value {
                return chain.finding("the benefit verification says \(payer) does not cover group therapy",
                                     help: "do not bill this payer for group sessions; discuss payment with the member",
                                     related: [RelatedLocation(covered.location, "group_therapy_covered: false")])
            }
            if let limit = Self.oneYear(after: verified.value), limit < chain.service.date {
                return chain.finding("benefits were last verified on \(verified.value), over 12 months before the date of service",
                                     help: "verify the member's benefits again and add the new verification beside this one "
                                        + "(benefits: a list, one entry per verification): the claims dated before it still rest on this one",
                                     related: related, severity: .warning)
            }
            return nil
        }
    }

    /// The same day a year later (February 29 becomes February 28); none
    /// after a date in 9999, the last year a date may have.
    static func oneYear(after date: LocalDate) -> LocalDate? {
        LocalDate(year: date.year + 1, month: date.month, day: min(date.day, LocalDate.days(inMonth: date.month, year: date.year + 1)))
    }
}
