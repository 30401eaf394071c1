/// What the payers decided about one claim, each decision once: copies
/// dropped, reversals applied.
///
/// The same payment reaches a practice twice more often than one would think
/// (a clearinghouse re-sends an 835, a biller saves it under a second name),
/// so a decision is counted once however often it is read: two decisions are
/// the same when they have the same payer (TRN03), check or EFT trace number
/// (TRN02), claim id (CLP01), status (CLP02), payer claim control number
/// (CLP07) and amount paid (CLP04). A different trace number is a different
/// payment, and counts.
///
/// A reversal (CLP02 22) takes back an earlier payment: among the standing
/// decisions with its payer claim control number (all standing decisions
/// when none has it), the latest that paid what the reversal takes back
/// (its CLP04 negated), else the latest. Payers list a reversal before or
/// after the corrected payment that goes with it, in the same 835 and
/// under the same CLP07: by the amount, the payment taken back is the
/// right one either way. A reversal of a payment no 835 on file shows
/// stands itself, with its negative amounts: money was taken back.
struct AdjudicationHistory: Sendable {
    struct Decision: Sendable {
        var claim: RemittanceClaim
        var remittance: Remittance
    }

    /// The decisions still in force, oldest first.
    private(set) var standing: [Decision] = []
    /// Every decision counted (reversals and what they undid too), oldest first.
    private(set) var received: [Decision] = []
    /// Whether a reversal took back a payment.
    private(set) var reversedPayment = false

    /// `found` in reading order (file path, then place in the file); they are
    /// taken oldest first by payment date, undated ones first.
    init(_ found: [(remittance: Remittance, claim: RemittanceClaim)]) {
        var seen: Set<[String]> = []
        let chronological = found.enumerated().sorted { lhs, rhs in
            (lhs.element.remittance.date?.dayNumber ?? Int.min, lhs.offset) < (rhs.element.remittance.date?.dayNumber ?? Int.min, rhs.offset)
        }
        for (_, (remittance, claim)) in chronological {
            let key = [remittance.originator ?? "", remittance.traceNumber ?? "", claim.claimID.value, claim.status.value,
                       claim.payerClaimNumber, String(claim.paid.cents)]
            guard seen.insert(key).inserted else { continue }
            let decision = Decision(claim: claim, remittance: remittance)
            received.append(decision)
            if claim.isReversal, let reversed = reversedIndex(for: claim) {
                standing.remove(at: reversed)
                reversedPayment = true
            } else {
                standing.append(decision)
            }
        }
    }

    private func reversedIndex(for reversal: RemittanceClaim) -> Int? {
        var candidates = standing.indices.filter { !standing[$0].claim.isReversal }
        let same = candidates.filter { standing[$0].claim.payerClaimNumber == reversal.payerClaimNumber }
        if !reversal.payerClaimNumber.isEmpty, !same.isEmpty { candidates = same }
        return candidates.last { standing[$0].claim.paid + reversal.paid == .zero } ?? candidates.last
    }
}
