/// What the billing history last sent of each claim (its latest version
/// that is not a void, by submission date and then place, as the claim
/// ledger orders them), for the choices a claim's content depends on that
/// must not change once it was sent: which authorization it went under,
/// and whether it carried a same-day modifier. Changed, each would send a
/// replacement of a claim the payer may already have paid.
struct LastSent: Sendable {
    private let byClaim: [String: BilledClaim]

    init(_ history: BillingHistoryFiles) {
        var byClaim: [String: BilledClaim] = [:]
        let ordered = history.submissions.sorted { lhs, rhs in
            (lhs.date?.dayNumber ?? Int.min, lhs.location) < (rhs.date?.dayNumber ?? Int.min, rhs.location)
        }
        for submission in ordered {
            for claim in submission.claims where claim.frequency != .void { byClaim[claim.billed.id] = claim.billed }
        }
        self.byClaim = byClaim
    }

    var isEmpty: Bool { byClaim.isEmpty }

    func claim(_ id: String?) -> BilledClaim? { id.flatMap { byClaim[$0] } }

    /// The prior authorization the claim was last sent under.
    func authorization(of id: String?) -> String? {
        guard let claim = claim(id) else { return nil }
        return claim.priorAuthorization ?? claim.lines.first?.priorAuthorization
    }

    /// The modifiers that mark a service distinct from another the same day.
    static let distinctService: Set<String> = ["59", "XE", "XS", "XP", "XU", "76", "77"]

    /// Whether the claim was last sent with a modifier of a distinct service on its first line; `nil` when never sent.
    func carriedDistinctService(_ id: String?) -> Bool? {
        claim(id).map { $0.lines.first?.modifiers.contains { Self.distinctService.contains($0.uppercased()) } ?? false }
    }
}
