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
    /// CLP09: the frequency of the claim the payer decided on (1 original,
    /// 7 replacement), when given: which version sent it answers.
    public var frequency: String? = nil
    /// NM1*QC: the patient as the payer names them, for messages.
    public var patientName: String?
    /// Claim-level then line-level adjustments, in the order of the file.
    public var adjustments: [ClaimAdjustment]
    /// The remark codes (RARCs) of the claim (MOA03 to MOA07) and of its
    /// service lines (LQ*HE), each once, in the order of the file: what a
    /// CO-16 ("lacks information") leaves unsaid, such as N290 (the
    /// rendering clinician's NPI).
    public var remarks: [String] = []
    /// NM1*TT: the payer the claim was forwarded to (a crossover), as named.
    public var forwardedTo: String? = nil

    public var isReversal: Bool { status.value == "22" }
    public var isDenial: Bool { status.value == "4" }
    /// CLP02 19, 20, 21: processed as primary, secondary or tertiary and
    /// forwarded to the next payer (a crossover), which answers next.
    public var isForwarded: Bool { ["19", "20", "21"].contains(status.value) }
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

/// A payer's claim control number (an 835's CLP07, a 277CA's REF*1K), which
/// a replacement or void must repeat in REF*F8.
public enum PayerClaimNumber {
    /// Whether an 837P can carry `number` as written: printable ASCII
    /// without the separators GroupChart writes with (`*`, `:`, `^`, `~`).
    /// A payer's file may use other separators, and so hold one of ours in
    /// a value; such a number is not used (changed, it would name another
    /// claim), and the correction that needs it waits.
    public static func isSendable(_ number: String) -> Bool {
        !number.isEmpty && number.unicodeScalars.allSatisfy(X12Scalar.isPlain)
    }

    /// The help of the readers' warning about a number that is not.
    static let unsendableHelp = "a replacement or void of this claim cannot name it, so it waits (claim-awaiting-payer); ask the payer "
        + "for the claim's number as an 837P can carry it, or correct or void the claim on the payer's portal"
}
