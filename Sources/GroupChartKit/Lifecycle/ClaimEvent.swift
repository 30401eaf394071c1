/// One thing that happened to a claim, from the files of the practice: it
/// was sent, a 999 accepted or rejected its transaction set, a 277CA
/// answered it, an 835 paid, denied or reversed it.
public struct ClaimEvent: Sendable {
    public enum Kind: Sendable {
        /// A version of the claim in a submission.
        case sent(SubmittedClaim)
        /// A 999 accepted the transaction set that holds the version sent in `submission`.
        case setAccepted(submission: String)
        /// A 999 rejected it, with its reasons in words.
        case setRejected(submission: String, reasons: [String])
        /// A 277CA answered it.
        case acknowledged(ClaimStatusReport)
        /// A 277CA rejected the whole 837P sent in `submission`, or the
        /// practice's claims in it (`ClaimAcknowledgment.ScopeRejection`):
        /// `report` is that rejection, addressed to this claim.
        case fileRejected(submission: String, report: ClaimStatusReport, providerLevel: Bool)
        /// An 835 decided it.
        case remitted(Remittance, RemittanceClaim)
    }

    public var kind: Kind
    /// When it happened; `nil` when the file gives no date (read first).
    public var date: LocalDate?
    /// The file it comes from, relative to the practice.
    public var file: String
    /// The segment that says it.
    public var location: SourceLocation

    /// Events of one day: what was sent before what came back about it.
    var rank: Int {
        switch kind {
        case .sent: return 0
        case .setAccepted, .setRejected: return 1
        // Claim by claim before the whole file: of one day, a file's
        // rejection after its claims' answers is a copy's (`ClaimHistory`).
        case .acknowledged: return 2
        case .fileRejected: return 3
        case .remitted: return 4
        }
    }

    /// In time order: by date (undated first), then sent before answered,
    /// then by file and place, so that the order never depends on reading.
    static func chronological(_ lhs: ClaimEvent, _ rhs: ClaimEvent) -> Bool {
        let left = (lhs.date?.dayNumber ?? Int.min, lhs.rank)
        let right = (rhs.date?.dayNumber ?? Int.min, rhs.rank)
        if left != right { return left < right }
        return lhs.location < rhs.location
    }

    /// `sent as an original`, `rejected by the 999: ...`, for a chart's history.
    public var summary: String {
        switch kind {
        case .sent(let claim):
            return "sent as \(claim.frequency == .original ? "an original" : "a \(claim.frequency.word)")"
                + (claim.payerClaimNumber.map { " of payer claim \($0)" } ?? "")
        case .setAccepted:
            return "accepted by the 999 (the file could be read)"
        case .setRejected(_, let reasons):
            return "rejected by the 999" + (reasons.isEmpty ? "" : ": " + reasons.joined(separator: "; "))
        case .fileRejected(_, let report, let providerLevel):
            return "277CA: \(providerLevel ? "the practice's claims in the file" : "the whole file") rejected: "
                + report.statuses.map(StatusCodes.describe).joined(separator: "; ")
        case .acknowledged(let report):
            let words = report.statuses.map(StatusCodes.describe).joined(separator: "; ")
            return "277CA: \(words)" + (report.payerClaimNumber.map { ", payer claim \($0)" } ?? "")
        case .remitted(let remittance, let claim):
            let trace = remittance.traceNumber.map { " (trace \($0))" } ?? ""
            switch claim.status.value {
            case "22": return "835: reversal of \(claim.paid)\(trace)"
            case "4": return "835: denied\(trace)"
            default: return "835: paid \(claim.paid), member owes \(claim.patientResponsibility)\(trace)"
            }
        }
    }
}
