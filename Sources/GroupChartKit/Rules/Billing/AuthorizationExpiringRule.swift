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
        // The index of the latest covered entry of each authorization of a
        // member: keyed by a string made for each of 20,000 entries, and
        // each entry copied, this was 7 ms of every save in `watch` (perf).
        var latest: [AuthorizationLedger.Counted: Int] = [:]
        for index in ledger.entries.indices {
            guard case .covered = ledger.entries[index].outcome, let place = ledger.entries[index].authorization?.location else { continue }
            latest[AuthorizationLedger.Counted(member: ledger.entries[index].service.member, authorization: place)] = index
        }
        // In the order of `member|file:line:column`, as before.
        let ordered = latest.map { ("\($0.key.member)|\($0.key.authorization)", $0.value) }.sorted { $0.0 < $1.0 }
        return ordered.compactMap { _, index -> Finding? in
            let entry = ledger.entries[index]
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
