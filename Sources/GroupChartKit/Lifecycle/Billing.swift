/// What the check derives about billing once it knows which claims are
/// held: the claims, what was sent and came back (the ledger), and the next
/// batch. Built once by the checker; the rules of the claims lifecycle, the
/// build and `submit` all read this one value.
public struct Billing: Sendable {
    public let claims: [Claim]
    public let ledger: ClaimLedger
    public let batch: NextBatch
    /// The record's authorization ledger, derived once by the checker and
    /// read again by the records (it was derived three times a build, each
    /// 2 % of a rebuild in `watch` at 20,000 notes); `nil` when billing was
    /// derived without it.
    var authorizations: AuthorizationLedger? = nil
    /// Which billing of a long-running command's memo this is
    /// (`ClaimsMemo`), under which the claim files made of it are kept;
    /// `nil` for one made without a memo.
    var generation: Int? = nil

    /// Where a claim stands: the ledger's status, except that a rejected
    /// claim going out again as an original is `unbilled` (lifecycle.md).
    public func status(of claimID: String) -> ClaimStatus {
        if batch.resent.contains(claimID) { return .unbilled }
        return ledger.history(claimID)?.status ?? .unbilled
    }
}

extension Billing {
    /// Derives billing from a record and its report, for a caller that has
    /// a report without it.
    /// `unbuilt`, when `record` is part of the practice (`TextOnlyBuild`):
    /// of the claims on file it does not build, those the whole practice
    /// does not build either. The ledger then holds the histories of the
    /// part's claims and of those alone, so that the batch plans, and the
    /// reimbursement ledger lists as no longer billed, none that the
    /// sessions outside the part build.
    init(record: PracticeRecord, report: CheckReport, unbuilt: Set<String>? = nil) {
        let claims = ClaimBuilder(record: record, report: report).claims()
        let known = Set(record.services.compactMap(\.claimID))
        let ledger = ClaimLedger(record: record, knownClaimIDs: known, only: unbuilt.map { $0.union(known) })
        self.init(claims: claims, ledger: ledger, batch: NextBatch(claims: claims, ledger: ledger, record: record, errors: report.diagnostics))
    }
}

/// What a build's batch holds, in counts, for the command line and the
/// build cache.
public struct BatchSummary: Sendable, Codable, Equatable {
    public var originals = 0
    public var replacements = 0
    public var voids = 0
    /// ISA13 of the batch.
    public var controlNumber = 0
    /// Whether claims.837 was written (the batch is not empty and practice.yaml has `edi:`).
    public var written = false

    public init() {}

    init(_ batch: NextBatch, written: Bool) {
        originals = batch.count(.original)
        replacements = batch.count(.replacement)
        voids = batch.count(.void)
        controlNumber = batch.controlNumber
        self.written = written
    }

    public var isEmpty: Bool { originals + replacements + voids == 0 }

    /// `3 originals, 1 replacement, 1 void`.
    public var description: String {
        [(originals, "original"), (replacements, "replacement"), (voids, "void")].filter { $0.0 > 0 }
            .map { "\($0.0) \($0.1)\($0.0 == 1 ? "" : "s")" }.joined(separator: ", ")
    }
}
