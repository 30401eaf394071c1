/// Where one claim stands with its payer and its member: what was billed,
/// paid and adjusted, what the member owes, and what is still to come.
public struct ReimbursementEntry: Sendable {
    public enum Status: String, Sendable, CaseIterable {
        /// No remittance covers the claim.
        case pending
        /// The payer paid and the member owes nothing.
        case paid
        /// The member owes a patient responsibility (copay, coinsurance,
        /// deductible: CAS group PR), whatever the payer paid, even nothing.
        case partial
        /// CLP02 4, or nothing paid and nothing owed by the member.
        case denied
        /// A reversal (CLP02 22) took the payment back and none came after.
        case reversed
    }

    /// Who the outstanding amount is expected from.
    public enum Debtor: String, Sendable, CaseIterable {
        case payer
        case member
    }

    public var claim: Claim
    public var status: Status
    /// The claim's charge (CLM02), as the practice billed it.
    public var billed: Money
    /// Net of reversals, over every standing decision.
    public var paid: Money
    /// What the latest standing decision says the member owes.
    public var patientResponsibility: Money
    /// The CAS adjustments of every standing decision, one per group and
    /// reason, summed, in the order first met.
    public var adjustments: [ClaimAdjustment]
    /// `file (trace N)` of every payment counted for the claim, oldest first.
    public var remittances: [String]
    /// The charge while the payer has not settled (pending, reversed), else
    /// the member's share, which GroupChart cannot know was collected.
    public var outstanding: Money
    /// Who owes `outstanding`; `nil` when nothing is outstanding.
    public var debtor: Debtor?
    /// Days from the date of service to today while something is outstanding.
    public var daysOutstanding: Int?

    /// The adjustments that explain a denial (or, for any claim, why less was paid).
    public var reasons: [ClaimAdjustment] { adjustments.filter { $0.amount != .zero } }
}
