/// The reimbursement stage: each claim built, matched with what the payers'
/// 835s say of it (CLP01 is the claim id), and where it stands today
/// (billing guide, step 7: "track payments, denials, and copays
/// individually").
///
/// The status follows outputs.md: `pending` when no remittance covers the
/// claim, `reversed` when a reversal took the payment back and none came
/// after, `denied` for CLP02 4, `partial` when the member owes a patient
/// responsibility, `paid` when the payer paid and the member owes nothing,
/// and `denied` when nothing was paid and nothing is owed. A claim whose
/// whole charge went to the member's deductible (the payer paid nothing,
/// the member owes it all) is `partial`: the member, not the payer, is who
/// the biller follows up.
public struct ReimbursementLedger: Sendable {
    /// One per claim, in the order of the claims (date of service, session, member).
    public let entries: [ReimbursementEntry]
    private let positions: [String: Int]

    public init(claims: [Claim], remittances: [Remittance], today: LocalDate) {
        var found: [String: [(remittance: Remittance, claim: RemittanceClaim)]] = [:]
        for remittance in remittances {
            for claim in remittance.claims { found[claim.claimID.value, default: []].append((remittance, claim)) }
        }
        entries = claims.map { claim in
            Self.entry(claim, history: AdjudicationHistory(found[claim.id] ?? []), today: today)
        }
        positions = Dictionary(entries.enumerated().map { ($1.claim.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func entry(for claimID: String) -> ReimbursementEntry? {
        positions[claimID].map { entries[$0] }
    }

    private static func entry(_ claim: Claim, history: AdjudicationHistory, today: LocalDate) -> ReimbursementEntry {
        let standing = history.standing.map(\.claim)
        let latest = standing.last { !$0.isReversal }
        let paid = standing.reduce(Money.zero) { $0 + $1.paid }
        let owed = latest?.patientResponsibility ?? .zero
        let status: ReimbursementEntry.Status
        switch latest {
        case nil: status = history.reversedPayment || !standing.isEmpty ? .reversed : .pending
        case let decision? where decision.isDenial: status = .denied
        case _ where owed > .zero: status = .partial
        case _ where paid > .zero: status = .paid
        default: status = .denied
        }
        let debtor: ReimbursementEntry.Debtor? = [.pending, .reversed].contains(status) ? .payer : owed > .zero ? .member : nil
        return ReimbursementEntry(
            claim: claim, status: status, billed: claim.total, paid: paid, patientResponsibility: owed,
            adjustments: combined(standing.flatMap(\.adjustments)), remittances: unique(history.received.map(\.remittance.reference)),
            outstanding: debtor == .payer ? claim.total : debtor == .member ? owed : .zero, debtor: debtor,
            daysOutstanding: debtor.map { _ in max(0, claim.service.date.days(to: today)) })
    }

    private static func unique(_ references: [String]) -> [String] {
        var seen: Set<String> = []
        return references.filter { seen.insert($0).inserted }
    }

    /// One adjustment per group and reason, summed, in the order first met.
    private static func combined(_ adjustments: [ClaimAdjustment]) -> [ClaimAdjustment] {
        var order: [String] = []
        var sums: [String: ClaimAdjustment] = [:]
        for adjustment in adjustments {
            if sums[adjustment.code] == nil {
                order.append(adjustment.code)
                sums[adjustment.code] = ClaimAdjustment(group: adjustment.group, reason: adjustment.reason, amount: .zero)
            }
            let sum = sums[adjustment.code]!.amount + adjustment.amount
            sums[adjustment.code]?.amount = sum
        }
        return order.compactMap { sums[$0] }
    }
}
