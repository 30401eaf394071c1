/// The reimbursement stage: each claim built, and each claim billed that no
/// longer builds, with where it stands today (billing guide, step 7: "track
/// payments, denials, and copays individually").
///
/// The status is the claim's lifecycle status (`Billing.status`): from
/// `unbilled` through `submitted`, `received` and `accepted` to what the
/// 835s decided (`paid`, `partial`, `denied`, `reversed`), or `rejected`
/// and `voided`. The amounts come from the 835s, copies dropped and
/// reversals applied (`AdjudicationHistory`). A claim whose whole charge
/// went to the member's deductible (the payer paid nothing, the member owes
/// it all) is `partial`: the member, not the payer, is who the biller
/// follows up.
public struct ReimbursementLedger: Sendable {
    /// The claims built, in the order of claims.csv, then the claims found
    /// only in submissions, by claim id.
    public let entries: [ReimbursementEntry]
    /// The date the days outstanding count to.
    public let today: LocalDate
    private let positions: [String: Int]

    public init(billing: Billing, record: PracticeRecord, today: LocalDate) {
        let built = Set(billing.claims.map(\.id))
        var entries = billing.claims.map { claim in
            Self.entry(id: claim.id, member: claim.service.member, date: claim.service.date, billed: claim.total, isBuilt: true,
                       billing: billing, today: today)
        }
        let members = MemberByInsuranceID(record: record, corrections: billing.batch.corrections)
        for id in billing.ledger.histories.keys.sorted() where !built.contains(id) {
            guard let history = billing.ledger.history(id), let sent = history.payerVersion ?? history.lastSent else { continue }
            let claim = sent.claim.billed
            entries.append(Self.entry(id: id, member: members.member(of: id, memberID: claim.memberID), date: claim.lines.first?.date,
                                      billed: claim.total, isBuilt: false, billing: billing, today: today))
        }
        for refused in billing.batch.refusedCorrections {
            if let index = entries.firstIndex(where: { $0.claimID == refused.claimID }) { entries[index].replacementDenied = true }
        }
        self.entries = entries
        self.today = today
        positions = Dictionary(entries.enumerated().map { ($1.claimID, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func entry(for claimID: String) -> ReimbursementEntry? {
        positions[claimID].map { entries[$0] }
    }

    private static func entry(id: String, member: String, date: LocalDate?, billed: Money, isBuilt: Bool, billing: Billing,
                              today: LocalDate) -> ReimbursementEntry {
        let history = billing.ledger.history(id)
        let adjudication = history?.adjudication ?? AdjudicationHistory([])
        let paid = adjudication.paid
        let status = billing.status(of: id)
        // A voided claim's payment is taken back: the member owes no share of it.
        let owed = status == .voided ? .zero : adjudication.memberShare
        let debtor: ReimbursementEntry.Debtor?
        let outstanding: Money
        switch status {
        case .voided:
            (debtor, outstanding) = (nil, .zero)
        case .rejected where !isBuilt && history?.payerVersion == nil:
            // Never in adjudication and no longer billed (the member marked
            // absent, say): nothing is owed for it, by anyone.
            (debtor, outstanding) = (nil, .zero)
        case _ where !status.isSettled:
            // A reversal of a payment not on file leaves `paid` negative: the
            // payer still owes the whole charge, not more.
            // A claim decided in part is owed what is not decided yet (the
            // decided part's write-off is no payer's to pay).
            let due = history?.undecidedCharge ?? (billed - max(paid, .zero))
            (debtor, outstanding) = due > .zero ? (.payer, due) : (nil, .zero)
        default:
            let forwarded = adjudication.forwardingPayment != nil
            (debtor, outstanding) = owed > .zero ? (forwarded ? .nextPayer : .member, owed) : (nil, .zero)
        }
        return ReimbursementEntry(
            claimID: id, member: member, dateOfService: date, isBuilt: isBuilt, status: status, history: history, billed: billed,
            // The payer's latest number, shown even when an 837P cannot carry it.
            firstSubmitted: history?.firstSubmitted, payerClaimNumber: history.flatMap { $0.unsendablePayerClaimNumber ?? $0.payerClaimNumber },
            paid: paid,
            patientResponsibility: owed, adjustments: combined(adjudication.adjustments), remarks: adjudication.remarks,
            remittances: unique(adjudication.received.map(\.remittance.reference)), outstanding: outstanding, debtor: debtor,
            forwardedTo: debtor == .nextPayer ? adjudication.forwardingPayment.map { $0.forwardedTo ?? "the next payer" } : nil,
            daysOutstanding: debtor.flatMap { _ in date.map { max(0, $0.days(to: today)) } })
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

/// The member a claim found only in a submission belongs to: the one the
/// batch names (a void), else the one whose insurance has its member id.
private struct MemberByInsuranceID {
    let byClaim: [String: String]
    let byMemberID: [String: String]

    init(record: PracticeRecord, corrections: [NextBatch.Correction]) {
        byClaim = Dictionary(corrections.filter { !$0.member.isEmpty }.map { ($0.claimID, $0.member) }, uniquingKeysWith: { first, _ in first })
        byMemberID = record.membersByInsuranceID
    }

    func member(of claimID: String, memberID: String) -> String {
        byClaim[claimID] ?? byMemberID[memberID.uppercased()] ?? ""
    }
}
