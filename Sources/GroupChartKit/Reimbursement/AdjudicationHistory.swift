/// What the payers decided about one claim, each decision once: copies
/// dropped, reversals applied.
///
/// The same payment reaches a practice twice more often than one would think
/// (a clearinghouse re-sends an 835, a biller saves it under a second name),
/// so a decision is counted once however often it is read: two decisions are
/// the same when they have the same payer (TRN03), check or EFT trace number
/// (TRN02), claim id (CLP01), status (CLP02), payer claim control number
/// (CLP07) and amount paid (CLP04), and stand as the same one among those
/// alike in their transaction (the second of two alike in one 835 is the
/// second in its copy): a payer that splits a claim may pay its parts the
/// same under one CLP07, and both count. A different trace number is a
/// different payment, and counts.
///
/// A reversal (CLP02 22) takes back an earlier payment: among the standing
/// decisions with its payer claim control number (all standing decisions
/// when none has it), the one it repeats best: what it paid (the
/// reversal's CLP04 negated) first, then what the member owed (CLP05) and
/// the adjustments, then one from an earlier 835 than the reversal's own
/// (a payer sends the reversal with the corrected payment, not with the
/// payment it takes back), then the latest. Payers list a reversal before
/// or after the corrected payment that goes with it, in the same 835 and
/// under the same CLP07, and a correction may pay the same and move money
/// between the member's share and the write-off: the payment taken back is
/// the right one either way. A reversal of a payment no 835 on file shows
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
        // How many alike each transaction (file and place of its ST) holds so far.
        var alikeInTransaction: [[String]: Int] = [:]
        let chronological = found.enumerated().sorted { lhs, rhs in
            (lhs.element.remittance.date?.dayNumber ?? Int.min, lhs.offset) < (rhs.element.remittance.date?.dayNumber ?? Int.min, rhs.offset)
        }
        for (_, (remittance, claim)) in chronological {
            var key = [remittance.originator ?? "", remittance.traceNumber ?? "", claim.claimID.value, claim.status.value,
                       claim.payerClaimNumber, String(claim.paid.cents)]
            let transaction = key + [remittance.file, String(remittance.location.line), String(remittance.location.column)]
            alikeInTransaction[transaction, default: 0] += 1
            key.append(String(alikeInTransaction[transaction]!))
            guard seen.insert(key).inserted else { continue }
            let decision = Decision(claim: claim, remittance: remittance)
            received.append(decision)
            if claim.isReversal, let reversed = reversedIndex(for: decision) {
                standing.remove(at: reversed)
                reversedPayment = true
            } else {
                standing.append(decision)
            }
        }
    }

    /// What the payer paid, net of reversals.
    var paid: Money { standing.reduce(Money.zero) { $0 + $1.claim.paid } }

    /// What the member owes: the shares (CLP05) the latest payer stated at
    /// its place in the order of payers, added up. A payer that splits a
    /// claim states each part's share, and a corrected payment comes with
    /// the reversal of the one before, so no share counts twice; a
    /// secondary payer's share is what the member still owes after both
    /// paid, so the primary's no longer counts.
    ///
    /// A denial counts beside a payment only in the payment's own 835 (a
    /// part of a split claim denied); one a later payment of the same payer
    /// settled, or a later payer's denial (a secondary that pays nothing,
    /// the primary's share still owed), does not decide the share.
    var memberShare: Money {
        let decisions = standing.filter { !$0.claim.isReversal }
        let payments = decisions.filter { !$0.claim.isDenial }
        guard let latest = payments.last ?? decisions.last else { return .zero }
        let payer = Self.payer(of: latest)
        return decisions.reduce(Money.zero) { sum, decision in
            let counts = Self.payer(of: decision) == payer
                && (!decision.claim.isDenial || payments.isEmpty || decision.remittance.isSameTransaction(as: latest.remittance))
            return sum + (counts ? decision.claim.patientResponsibility : .zero)
        }
    }

    /// The adjustments (CAS) of the decisions that stand, but for a denial
    /// a later payment of the same payer settled (a corrected claim paid after a denial: the
    /// denial's write-off is not the paid claim's, and counted with it the
    /// adjustments came to more than the charge), as `memberShare` and
    /// `status` already leave it out.
    var adjustments: [ClaimAdjustment] { explaining.flatMap(\.claim.adjustments) }

    /// The remark codes (RARCs) of the same decisions, each once, oldest
    /// first: those of a denial a later payment settled no longer explain anything.
    var remarks: [String] {
        var seen: Set<String> = []
        return explaining.flatMap(\.claim.remarks).filter { seen.insert($0).inserted }
    }

    /// The standing decisions that explain the claim's standing: all of
    /// them but a denial the same payer settled later with a payment.
    private var explaining: [Decision] {
        guard let latest = standing.lastIndex(where: { !$0.claim.isReversal && !$0.claim.isDenial }) else { return standing }
        let payment = standing[latest]
        // Dropped: a denial before the latest payment, by the same payer in
        // the same place among payers, in another 835. A later denial, or a
        // secondary payer's, stands beside the payment.
        return standing.indices.filter { index in
            let decision = standing[index]
            return !decision.claim.isDenial || index > latest || decision.remittance.isSameTransaction(as: payment.remittance)
                || Self.payer(of: decision) != Self.payer(of: payment)
        }.map { standing[$0] }
    }

    /// The payer's claim number a replacement or void names (CLP07): that of
    /// the latest standing payment of the payer billed, which is the first
    /// to answer, else of its latest standing denial. A reversal repeats the
    /// number of what it takes back, the correction beside it carries the
    /// one that stands, and a secondary payer's number is its own, unknown
    /// to the payer the practice bills. A denial after a payment that still
    /// stands (a duplicate's, CARC 18, or a replacement's the payer turned
    /// down) is decided under a number of its own, and named, a void left
    /// the payment standing (a biller's review). `nil` when no such
    /// decision stands (the number given before stays).
    var payerClaimNumber: String? {
        // A reversal left standing took back a payment no 835 on file shows: its number is the claim's all the same.
        let ofBilledPayer = billedPayersDecisions
        return (ofBilledPayer.last { !$0.claim.isReversal && !$0.claim.isDenial }
            ?? ofBilledPayer.last { !$0.claim.isReversal } ?? ofBilledPayer.last)?.claim.payerClaimNumber
    }

    /// The standing decisions, with a claim number, of the payer billed as
    /// primary, which is the first to answer.
    private var billedPayersDecisions: [Decision] {
        guard let first = received.first(where: { !Self.isLaterPayer($0.claim) }) ?? received.first else { return [] }
        // An 835 without TRN03 names no payer: compared as it is, nil with nil.
        let billed = first.remittance.originator
        let asPrimary = standing.filter { !Self.isLaterPayer($0.claim) && !$0.claim.payerClaimNumber.isEmpty }
        // TRN03 is the payer's tax id with a prefix of its choosing, and a
        // payer's payment vendor or another of its entities may send the
        // next 835 under another: when nothing of the first one's stands (it
        // reversed its payment there), the payer that decided as primary is
        // the one billed. Taken by TRN03 alone, a reversed number went out in
        // REF*F8.
        let ofFirstOriginator = asPrimary.filter { $0.remittance.originator == billed }
        // Only when a reversal took it back: a first payer whose 835s gave no
        // CLP07, or another payer that paid as primary, names no claim here.
        return ofFirstOriginator.isEmpty && reversedPayment ? asPrimary : ofFirstOriginator
    }

    /// The payer's claim numbers (CLP07) of a claim it split into parts,
    /// each decided under its own number for a part of the charge: two or
    /// more, or none when the claim stands under one number. A replacement
    /// or void names one number in REF*F8, so for a split claim it voided
    /// or repriced one part and read the claim as settled (a biller's
    /// review: a void naming the 90785 part's number, the 90853 part's
    /// payment left standing).
    ///
    /// The parts are the standing decisions as primary of the payer billed
    /// (as `payerClaimNumber` takes it), whichever 835 each came in (a part
    /// reversed and paid again later under a new number is a part still),
    /// whose charge (CLP03) is no version's whole charge (`charges`): a
    /// duplicate's denial under a number of its own repeats the whole
    /// charge, and is no part (a code review found both taken wrongly).
    func splitNumbers(charges: Set<Money>) -> [String] {
        let parts = billedPayersDecisions.filter { !$0.claim.isReversal && !charges.contains($0.claim.billed) }
        var numbers: [String] = []
        for part in parts where !numbers.contains(part.claim.payerClaimNumber) { numbers.append(part.claim.payerClaimNumber) }
        return numbers.count > 1 ? numbers : []
    }

    /// What of `charge` (the version last sent) no standing decision as
    /// primary has decided yet: a payer that splits a claim (remark MA15)
    /// decides a part in one 835 and the rest in a later one, each under its
    /// part's charge (CLP03). `nil` when a decision names a whole version's
    /// charge (one of `charges`), or the parts decided add up to `charge`.
    /// Read as settled, the first part left the rest unaged and unsaid (a
    /// billing review: 65.00 of an 80.00 claim decided, its 90785 line never).
    func undecided(of charge: Money, charges: Set<Money>) -> Money? {
        let decisions = standing.filter { !$0.claim.isReversal && !Self.isLaterPayer($0.claim) }
        guard !decisions.isEmpty, !decisions.contains(where: { charges.contains($0.claim.billed) }) else { return nil }
        let decided = decisions.reduce(Money.zero) { $0 + $1.claim.billed }
        return decided < charge ? charge - decided : nil
    }

    /// The largest charge (CLP03) a standing decision names.
    var largestCharge: Money? { standing.filter { !$0.claim.isReversal }.map(\.claim.billed).max() }

    /// The latest payment, when its payer forwarded the claim to the next
    /// payer (CLP02 19, 20, 21: a crossover, as to Medicaid or a Medigap
    /// plan) and no other payer has answered since: the member's share it
    /// states is the next payer's to decide, not yet the member's to pay (a
    /// biller's review found it counted as owed by the member, who would
    /// have been sent a statement; a Medicaid member may not be billed it).
    var forwardingPayment: RemittanceClaim? {
        guard let index = standing.lastIndex(where: { !$0.claim.isReversal && !$0.claim.isDenial }),
              standing[index].claim.isForwarded else { return nil }
        let payer = Self.payer(of: standing[index])
        let answeredSince = standing[(index + 1)...].contains { !$0.claim.isReversal && Self.payer(of: $0) != payer }
        return answeredSince ? nil : standing[index].claim
    }

    /// Processed as a secondary or tertiary payer (CLP02 2, 3, 20, 21).
    static func isLaterPayer(_ claim: RemittanceClaim) -> Bool {
        ["2", "3", "20", "21"].contains(claim.status.value)
    }

    /// Who decided, and as which payer: the payer (TRN03) and its place in
    /// the order of payers (CLP02 2 and 20 secondary, 3 and 21 tertiary,
    /// every other status primary, a denial included).
    private static func payer(of decision: Decision) -> [String] {
        let order = switch decision.claim.status.value {
        case "2", "20": "secondary"
        case "3", "21": "tertiary"
        default: "primary"
        }
        return [decision.remittance.originator ?? "", order]
    }

    /// The status of a claim the 835s decided, as outputs.md defines it:
    /// `reversed` when no payment stands; `denied` when every standing
    /// decision denied it, or nothing was paid and nothing is owed;
    /// `partial` when the member owes a share, or a part of the claim was
    /// denied in the 835 of the latest payment (a split claim); else `paid`.
    /// A denial a later 835 paid after all does not make it partial.
    var status: ClaimStatus {
        let decisions = standing.filter { !$0.claim.isReversal }
        guard let latest = decisions.last else { return .reversed }
        if decisions.allSatisfy(\.claim.isDenial) { return .denied }
        if memberShare > .zero { return .partial }
        if paid <= .zero { return .denied }
        // A part denied in the 835 of the latest payment (a split claim);
        // a denial in another 835 (a duplicate, a secondary's) leaves it paid.
        let payment = decisions.last { !$0.claim.isDenial } ?? latest
        let deniedWithIt = decisions.contains { $0.claim.isDenial && $0.remittance.isSameTransaction(as: payment.remittance) }
        return deniedWithIt ? .partial : .paid
    }

    private func reversedIndex(for decision: Decision) -> Int? {
        let reversal = decision.claim
        var candidates = standing.indices.filter { !standing[$0].claim.isReversal }
        let same = candidates.filter { standing[$0].claim.payerClaimNumber == reversal.payerClaimNumber }
        if !reversal.payerClaimNumber.isEmpty, !same.isEmpty { candidates = same }
        let takenBack = Dictionary(reversal.adjustments.map { ($0.code, Money.zero - $0.amount) }, uniquingKeysWith: +)
        func likeness(_ index: Int) -> [Bool] {
            let payment = standing[index]
            let adjusted = Dictionary(payment.claim.adjustments.map { ($0.code, $0.amount) }, uniquingKeysWith: +)
            return [payment.claim.paid + reversal.paid == .zero,
                    payment.claim.patientResponsibility + reversal.patientResponsibility == .zero && adjusted == takenBack,
                    !payment.remittance.isSameTransaction(as: decision.remittance)]
        }
        // The latest of the likest: `max` keeps the first of equals, taken from the latest.
        return candidates.reversed().max { lhs, rhs in
            let (left, right) = (likeness(lhs), likeness(rhs))
            return left.lexicographicallyPrecedes(right) { !$0 && $1 }
        }
    }
}
