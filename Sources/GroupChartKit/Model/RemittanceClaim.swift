/// What a payer says of one claim in an 835 (the CLP segment and the CAS
/// adjustments of the claim and its service lines).
public struct RemittanceClaim: Sendable, Codable, Equatable {
    /// CLP01: the claim id the practice sent (CLM01), upper-cased.
    public var claimID: Located<String>
    /// CLP02: 1, 2, 3 (processed as primary, secondary, tertiary), 4
    /// (denied), 22 (reversal of an earlier payment)...
    public var status: Located<String>
    /// CLP03: the charge the payer received.
    public var billed: Money
    /// CLP04: what the payer paid (negative in a reversal).
    public var paid: Money
    /// CLP05, or the sum of the PR adjustments when CLP05 is left out.
    public var patientResponsibility: Money
    /// CLP07: the payer's own number for the claim, which a reversal repeats.
    public var payerClaimNumber: String
    /// NM1*QC: the patient as the payer names them, for messages.
    public var patientName: String?
    /// Claim-level then line-level adjustments, in the order of the file.
    public var adjustments: [ClaimAdjustment]

    public var isReversal: Bool { status.value == "22" }
    public var isDenial: Bool { status.value == "4" }
}

/// One CAS adjustment: who bears it (group) and why (reason code).
public struct ClaimAdjustment: Sendable, Codable, Hashable {
    /// CO (contractual obligation), PR (patient responsibility), OA (other),
    /// PI (payer initiated), CR (correction and reversal).
    public var group: String
    /// The claim adjustment reason code (CARC): 45, 1, 2, 3, 197...
    public var reason: String
    public var amount: Money

    public init(group: String, reason: String, amount: Money) {
        self.group = group
        self.reason = reason
        self.amount = amount
    }

    /// `CO-45`, as billers write it.
    public var code: String { "\(group)-\(reason)" }
}
