/// A 999 implementation acknowledgment (005010X231A1): the clearinghouse's
/// word on whether each transaction set of a submission could be read. It
/// names the submission by its group control number (AK102 = GS06) and each
/// set by its control number (AK202 = ST02).
public struct ImplementationAcknowledgment: Sendable, Codable, Equatable {
    /// One AK1 loop: the answer about one functional group.
    public struct GroupResponse: Sendable, Codable, Equatable {
        /// AK102: the GS06 of the submission acknowledged.
        public var groupControl: Located<String>
        /// AK901: A accepted, E accepted with errors, P partially accepted, R rejected (M, W, X rejected too).
        public var code: Located<String>?
        public var sets: [SetResponse]
    }

    /// One AK2 loop: the answer about one transaction set.
    public struct SetResponse: Sendable, Codable, Equatable {
        /// AK202: the ST02 of the set acknowledged.
        public var transactionControl: Located<String>
        /// IK501: A accepted, E accepted with errors, R, M, W, X rejected.
        public var code: Located<String>?
        /// The IK3, IK4 and IK5 errors, in words.
        public var errors: [String]
    }

    public var file: String
    /// GS04, else ISA09.
    public var date: LocalDate?
    /// The ST segment.
    public var location: SourceLocation
    public var groups: [GroupResponse]

    /// A code of AK901 or IK501 that means the set or group was rejected.
    static func isRejection(_ code: String) -> Bool {
        ["R", "M", "W", "X"].contains(code)
    }
}

/// A 277CA claim acknowledgment (005010X214): the payer's or
/// clearinghouse's word on each claim of a submission, before adjudication.
public struct ClaimAcknowledgment: Sendable, Codable, Equatable {
    public var file: String
    /// BHT04, else GS04, else ISA09.
    public var date: LocalDate?
    /// The ST segment.
    public var location: SourceLocation
    /// The 2200D claim status loops, in the order of the file.
    public var claims: [ClaimStatusReport]
    /// ISA15 says `T`: the answer of a clearinghouse's test system, about
    /// a test interchange. Read only while the practice is in test mode.
    public var isTest = false
    /// Rejections of a whole file (2200B) or of a billing provider's claims
    /// (2200C) that list no claim beneath them.
    public var scopeRejections: [ScopeRejection] = []

    /// A status that rejects, at the information receiver's level (loop
    /// 2200B: the whole 837P) or the billing provider's (2200C: that
    /// provider's claims in it), with no claim (2200D) listed beneath: the
    /// claims it covers never reached the payer, and no claim loop says so
    /// one by one (a billing review found such a 277CA read past without a
    /// word, its claims left `submitted` while their filing limits ran).
    public struct ScopeRejection: Sendable, Codable, Equatable {
        /// The receiver's TRN02 (2200B): the 837P's BHT03, which GroupChart
        /// writes as its interchange control number.
        public var trace: Located<String>?
        /// A billing provider's level (2200C), not the whole file (2200B).
        public var providerLevel = false
        /// NM108 and NM109 of the provider's NM1*85 (2100C): `XX` and its
        /// NPI, or `FI` and its tax id (X214 allows either, and `SV`).
        public var providerQualifier: String?
        public var providerID: String?
        public var statuses: [ClaimStatusCode]
        /// STC02, else the acknowledgment's date.
        public var date: LocalDate?
        /// The STC segment.
        public var location: SourceLocation
    }
}

/// What a 277CA says of one claim (loop 2200D).
public struct ClaimStatusReport: Sendable, Codable, Equatable {
    /// TRN02: the claim id the practice sent (CLM01), upper-cased.
    public var claimID: Located<String>
    /// STC01, then STC10 and STC11 when present.
    public var statuses: [ClaimStatusCode]
    /// REF*1K: the payer's claim control number.
    public var payerClaimNumber: String?
    /// STC02, else the acknowledgment's date.
    public var date: LocalDate?
    /// STC04: the charge the payer read.
    public var amount: Money?
    /// The STC segment.
    public var location: SourceLocation

    /// The category that decides (A1, A2, A3...): the first that rejects
    /// the claim (lifecycle.md: "a 277CA category A3, A4, A6, A7 or A8 for
    /// it"), wherever it stands among the statuses, else the first. A
    /// clearinghouse's `STC*A1:19:PR` followed by `STC*A7:33:IL` rejects:
    /// read by its first status, the claim sat "received" until its filing
    /// limit passed (found by a biller's review).
    public var category: String {
        let rejecting = statuses.first { StatusCodes.categories[$0.category]?.effect == .rejected }
        return (rejecting ?? statuses.first)?.category ?? ""
    }
}

/// One STC composite: category, status and entity codes.
public struct ClaimStatusCode: Sendable, Codable, Equatable {
    /// Health care claim status category (code source 507): A1, A2, A3...
    public var category: String
    /// Health care claim status code (code source 508): 20, 21, 164...
    public var status: String
    /// Entity identifier: IL subscriber, QC patient, 85 billing provider...
    public var entity: String

    /// `A7:164:IL`, as the file writes it.
    public var code: String {
        [category, status, entity].filter { !$0.isEmpty }.joined(separator: ":")
    }
}
