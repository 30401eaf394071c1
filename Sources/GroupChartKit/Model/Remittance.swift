/// One payment a payer reports in an 835 (one transaction, ST to SE): a
/// check or electronic funds transfer and the claims it settles. A file may
/// hold several.
public struct Remittance: Sendable, Codable, Equatable {
    /// The 835 file, relative to the practice folder.
    public var file: String
    /// Where the transaction starts (its ST segment).
    public var location: SourceLocation
    /// TRN02: the check or EFT trace number, which identifies the payment.
    public var traceNumber: String?
    /// TRN03: the payer's id as originator of the payment; trace numbers are
    /// unique per payer only.
    public var originator: String?
    /// BPR02: the total of the payment, which the reader checks against its claims.
    public var total: Money?
    /// DTM*405 (the production date), else BPR16 (the payment's effective date).
    public var date: LocalDate?
    /// In the order of the file.
    public var claims: [RemittanceClaim]
    /// N1*PE with N103 XX: the NPI of the provider paid (the billing
    /// provider of the claims), and where it stands.
    public var payeeNPI: Located<String>?
    /// The provider-level adjustments (PLB) that take money back for a
    /// claim: what the payer recovers of an earlier payment.
    public var recoveries: [Recovery] = []

    /// One PLB adjustment that takes money back (`WO` overpayment recovery,
    /// `72` authorized return; not `FB`, a balance carried from one 835 to
    /// the next, minus in one and plus in the other, which a recovery's
    /// warning would say twice: a code review), with the reference
    /// its composite gives (usually the payer's claim number, often followed
    /// by the claim id).
    public struct Recovery: Sendable, Codable, Equatable {
        public var reason: String
        public var reference: String
        public var amount: Money
        /// The amount's element.
        public var location: SourceLocation

        /// What `reason` means, in words.
        public var words: String {
            reason == "WO" ? "overpayment recovery" : "authorized return"
        }

        public static let reasons: Set<String> = ["WO", "72"]
    }

    /// `remittances/2026-03-27-aetna.835 (trace 883400112)`: where a biller
    /// finds the payment.
    public var reference: String {
        traceNumber.map { "\(file) (trace \($0))" } ?? file
    }

    /// Whether `other` is this very transaction (the same ST of the same file).
    func isSameTransaction(as other: Remittance) -> Bool {
        file == other.file && location == other.location
    }
}

extension PracticeRecord {
    /// Every claim of every remittance that names `claimID` in CLP01.
    public func remittanceClaims(for claimID: String) -> [(remittance: Remittance, claim: RemittanceClaim)] {
        remittances.flatMap { remittance in
            remittance.claims.filter { $0.claimID.value == claimID }.map { (remittance, $0) }
        }
    }
}
