/// Where a claim stands (lifecycle.md, "Claim statuses"): decided by the
/// latest of what was sent and what came back.
public enum ClaimStatus: String, Sendable, CaseIterable {
    /// Not sent (or sent only in versions that were rejected, and now going
    /// out again as an original).
    case unbilled
    /// In a submission; nothing has come back yet.
    case submitted
    /// A 277CA says it was received (A1).
    case received
    /// A 277CA says it entered the payer's adjudication (A2).
    case accepted
    /// A 999 rejected its transaction set, or a 277CA rejected it: it never
    /// entered adjudication.
    case rejected
    /// The payer paid and the member owes nothing.
    case paid
    /// The member owes a patient responsibility (CAS group PR).
    case partial
    /// CLP02 4, or nothing paid and nothing owed by the member.
    case denied
    /// A reversal (CLP02 22) took the payment back and none came after.
    case reversed
    /// A void (frequency 8) of it was submitted.
    case voided

    /// The payer has settled it: nothing more is expected from the payer.
    public var isSettled: Bool { [.paid, .partial, .denied, .voided].contains(self) }

    /// A remittance decided it.
    public var isAdjudicated: Bool { [.paid, .partial, .denied, .reversed].contains(self) }
}
