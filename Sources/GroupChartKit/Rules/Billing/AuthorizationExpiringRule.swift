/// `authorization-expiring`: an authorization about to run out, flagged at
/// the latest session billed under it so that renewal is asked for in time.
struct AuthorizationExpiringRule: Rule {
    let id = "authorization-expiring"
    let defaultSeverity = Severity.warning
    let summary = "after this session two or fewer sessions are left on the authorization, or it ends 0 to 14 days after the date of service; only the latest session under that authorization is flagged"
    let explanation = Explanation(
        checks: """
            For each authorization a payer requires, at the latest session billed under it: whether two or \
            fewer sessions are left, or whether the authorization ends 0 to 14 days after that session. An \
            authorization already followed by a later one for the same code (renewed) is not flagged.
            """,
        why: """
            Sessions held after an authorization runs out are denied; renewal takes the payer days to weeks, \
            so the request must go out before the last authorized session.
            """,
        example: "authorization A7731004 allows 24 sessions; the 23rd was held on 2026-06-25",
        fix: "Request a renewal from the payer and record the new authorization when it arrives.")

    func check(_ context: RuleContext) -> [Finding] {
        let ledger = context.analysis.ledger
        var latest: [String: AuthorizationLedger.Entry] = [:]
        for entry in ledger.entries {
            guard case .covered = entry.outcome, let authorization = entry.authorization else { continue }
            latest["\(entry.service.member)|\(authorization.location)"] = entry
        }
        return latest.keys.sorted().compactMap { key -> Finding? in
            let entry = latest[key]!
            guard case .covered(let ordinal) = entry.outcome, let authorization = entry.authorization,
                  let member = context.record.member(entry.service.member),
                  let payer = member.insurance?.payer.flatMap({ context.record.practice?.payer($0.value) }),
                  AuthorizationRule.requires(payer, entry.service.kind),
                  !Self.isRenewed(authorization, in: member), let location = entry.service.chainLocation else { return nil }
            let number = authorization.number?.value ?? "?"
            let left = (authorization.sessions?.value ?? 0) - ordinal
            let daysLeft = authorization.to.map { entry.service.date.days(to: $0.value) } ?? Int.max
            let related = [RelatedLocation(authorization.location, "authorization \(number)")]
            if left <= 2 {
                return Finding(location, "authorization \(number) has \(left) session\(left == 1 ? "" : "s") left after this one",
                               help: "request a renewal now", related: related)
            }
            if (0...14).contains(daysLeft) {
                return Finding(location, "authorization \(number) ends \(authorization.to!.value), \(daysLeft) days after this session",
                               help: "request a renewal now", related: related)
            }
            return nil
        }
    }

    private static func isRenewed(_ authorization: Authorization, in member: Member) -> Bool {
        guard let start = authorization.from?.value else { return false }
        return member.insurance?.authorizations.contains { other in
            other.cpt?.value == authorization.cpt?.value && (other.from?.value).map { $0 > start } == true
        } ?? false
    }
}
