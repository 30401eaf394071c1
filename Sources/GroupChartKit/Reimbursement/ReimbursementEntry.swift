/// Where one claim stands with its payer and its member: what was billed,
/// paid and adjusted, what the member owes, and what is still to come.
public struct ReimbursementEntry: Sendable {
    /// The lifecycle status (lifecycle.md): where the claim stands.
    public typealias Status = ClaimStatus

    /// Who the outstanding amount is expected from.
    public enum Debtor: String, Sendable, CaseIterable {
        case payer
        /// The payer a crossover forwarded the claim to (CLP02 19, 20, 21):
        /// the member's share waits for its answer.
        case nextPayer
        case member
    }

    /// CLM01.
    public var claimID: String
    public var member: String
    public var dateOfService: LocalDate?
    /// Whether the claim builds today; false for a claim found only in a
    /// submission (billed, then no longer billable). A flag, not the claim:
    /// a copy of each claim in its entry was a tenth of a build's memory.
    public var isBuilt: Bool
    public var status: Status
    /// Everything sent and answered about it.
    public var history: ClaimHistory?
    /// The claim's charge (CLM02), as built (or as last sent).
    public var billed: Money
    /// The date of its first submission, when a submission on file holds it.
    public var firstSubmitted: LocalDate?
    /// The payer's claim control number (277CA REF*1K or 835 CLP07).
    public var payerClaimNumber: String?
    /// Net of reversals, over every standing decision.
    public var paid: Money
    /// What the standing decisions say the member owes (their CLP05s);
    /// nothing once the claim is voided.
    public var patientResponsibility: Money
    /// The CAS adjustments of every standing decision (but a denial a later
    /// payment settled), one per group and reason, summed, in the order first met.
    public var adjustments: [ClaimAdjustment]
    /// The remark codes (RARCs) of the same decisions, each once: the
    /// detail of a CO-16 or an N-series denial, shown with the reasons.
    public var remarks: [String]
    /// `file (trace N)` of every payment counted for the claim, oldest first.
    public var remittances: [String]
    /// What the payer has not paid of the charge while it has not settled,
    /// else the member's share, which GroupChart cannot know was collected.
    public var outstanding: Money
    /// Who owes `outstanding`; `nil` when nothing is outstanding.
    public var debtor: Debtor?
    /// The payer the claim was forwarded to (NM1*TT), or "the next payer"
    /// when the 835 names none; nil unless `debtor` is `nextPayer`.
    public var forwardedTo: String?
    /// Days from the date of service to today while something is outstanding
    /// (for the aging); reimbursement.csv shows them while the payer has not settled.
    public var daysOutstanding: Int?
    /// The payer denied the replacement sent last and holds the version it
    /// paid, and the replacement waits to be corrected (`remittance` says
    /// so): listed with the denials, for its changes are unpaid.
    public var replacementDenied = false

    /// The adjustments that explain a denial (or, for any claim, why less was paid).
    public var reasons: [ClaimAdjustment] { adjustments.filter { $0.amount != .zero } }
}
