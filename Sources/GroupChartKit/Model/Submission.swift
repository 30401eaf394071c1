/// One 837P interchange as it was sent (`submissions/<date>-<ISA13>.837`):
/// the claims it billed, with the control numbers the clearinghouse's and
/// payers' answers name.
public struct Submission: Sendable, Codable, Equatable {
    /// Relative to the practice folder.
    public var file: String
    /// When it was sent: the date of its file name, else GS04, else ISA09.
    public var date: LocalDate?
    /// ISA13 as written, where it stands.
    public var interchangeControl: Located<String>?
    /// GS06 of each functional group, which a 999's AK102 names.
    public var groupControls: [String]
    /// In the order of the file.
    public var claims: [SubmittedClaim]
    /// The ISA segment (line 1 of a file written by GroupChart).
    public var location: SourceLocation
    /// Where ISA15 says `T`, when it does: a test interchange, sent to the
    /// clearinghouse's test system and to no payer. Its claims count as
    /// sent only while practice.yaml's `edi: usage:` is `test` (`ClaimLedger`).
    public var testIndicator: SourceLocation?

    /// ISA13 as a number, for the next batch's control number.
    public var controlNumber: Int? { interchangeControl.flatMap { Int($0.value) } }
}

/// One claim (2300 loop) of a submission.
public struct SubmittedClaim: Sendable, Codable, Equatable {
    /// What the claim billed.
    public var billed: BilledClaim
    /// CLM05-3: 1 original, 7 replacement, 8 void.
    public var frequency: Frequency
    /// REF*F8: the payer's claim control number a replacement or void names.
    public var payerClaimNumber: String?
    /// The CLM segment.
    public var location: SourceLocation
    /// GS06 and ST02 of the transaction set that holds it, which a 999 names.
    public var groupControl: String
    public var transactionControl: String

    /// CLM05-3, the claim frequency type code of the 837P.
    public enum Frequency: String, Sendable, Codable {
        case original = "1"
        case replacement = "7"
        case void = "8"

        /// `original`, `replacement`, `void`, as batch.csv and the charts say.
        public var word: String {
            switch self {
            case .original: return "original"
            case .replacement: return "replacement"
            case .void: return "void"
            }
        }
    }
}
