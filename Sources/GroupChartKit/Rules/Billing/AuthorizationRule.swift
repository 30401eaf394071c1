/// `authorization`: a service the payer requires authorization for that no
/// authorization covers, or one past the authorized count.
struct AuthorizationRule: Rule {
    let id = "authorization"
    let defaultSeverity = Severity.error
    let summary = "the payer requires group authorization and none covers CPT 90853 on the date, or the sessions billed under it exceed its count (the first session over is the one flagged)"
    let explanation = Explanation(
        checks: """
            For members whose payer has `group_authorization: required` (or `individual_authorization: \
            required` for individual sessions): that an authorization for the service's CPT code covers the \
            date of service, counting the sessions billed under each authorization across the whole record in \
            date order, each under the covering authorization with sessions left that ends first (an expiring \
            one is used up before its renewal, in whatever order the profile lists them); every session past \
            the authorized count is flagged, starting with the first one over. \
            An authorization for another code (individual 90834) does not cover 90853.
            """,
        why: """
            "If a client's prior authorization specifies individual psychotherapy, you generally cannot use \
            that authorization for group sessions." Claims without a covering authorization, or past its \
            count, are denied.
            """,
        example: """
            authorizations:
              - {number: "A7731004", cpt: "90834", from: 2026-01-15, to: 2026-07-15, sessions: 24}
            """,
        fix: "Request an authorization that covers the service's code and dates (or more sessions), and record it.")

    func check(_ context: RuleContext) -> [Finding] {
        let ledger = context.analysis.ledger
        return context.claimChains.compactMap { chain -> Finding? in
            guard let payer = chain.payer, Self.requires(payer, chain.service.kind), let insurance = chain.insurance,
                  let index = ledger.index(of: chain.service) else { return nil }
            // An authorization with a key missing or unreadable has its own
            // error in the profile, which holds the claim; counting it as
            // "allows 0" or as covering nothing would report it twice.
            guard insurance.authorizations.allSatisfy(\.isComplete) else { return nil }
            let code = chain.service.cpt
            switch ledger.entries[index].outcome {
            case .covered:
                return nil
            case .exceeded(let ordinal):
                let authorization = ledger.entries[index].authorization!
                let number = authorization.number?.value ?? "?"
                return chain.finding("session \(ordinal) under authorization \(number), which allows \(authorization.sessions?.value ?? 0)",
                                     help: "request more sessions from \(payer.name?.value ?? payer.id.value) and record the new authorization",
                                     related: [RelatedLocation(authorization.location, "authorization \(number)")])
            case .uncovered:
                let other = insurance.authorizations.first { authorization in
                    authorization.cpt?.value != code && (authorization.from?.value ?? chain.service.date) <= chain.service.date
                        && chain.service.date <= (authorization.to?.value ?? chain.service.date)
                }
                let detail = other.map { " (authorization \($0.number?.value ?? "?") is for \($0.cpt?.value ?? "?"), not \(code))" } ?? ""
                return chain.finding("no authorization covers CPT \(code) on \(chain.service.date)\(detail)",
                                     help: "\(payer.name?.value ?? payer.id.value) requires authorization for \(chain.modality); record one that covers this date",
                                     related: [RelatedLocation(other?.location ?? insurance.location, other == nil ? "the member's insurance" : "authorization for another code")])
            }
        }
    }

    static func requires(_ payer: Payer, _ kind: BillableService.Kind) -> Bool {
        switch kind {
        case .group: return payer.groupAuthorization?.value == .required
        case .individual: return payer.individualAuthorization?.value == .required
        }
    }
}
