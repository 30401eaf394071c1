/// The claim outputs of a build: `claims.csv` (ready), `claims-held.csv`
/// (held, with the rules that hold them), `reimbursement.csv` (where every
/// claim stands with its payer), `batch.csv` (the next batch) and, when
/// practice.yaml has `edi:` without an error in it and the batch is not
/// empty, `claims.837`.
struct ClaimFiles {
    let billing: Billing
    let reimbursement: ReimbursementLedger
    let practice: Practice?
    /// The rules whose errors in `edi:` stop claims.837; empty to write it.
    let interchangeHeldBy: [String]
    let today: LocalDate

    /// The files, in the order they are made: the 837, which takes
    /// longest, first (started last, it ran on one core after the others
    /// had finished).
    static let paths = ["claims.837", "claims.csv", "claims-held.csv", "reimbursement.csv", "batch.csv"]

    /// Makes each file's bytes (encoded row by row and segment by segment,
    /// `CSVTable`, `X12Writer`) and, without a memo, writes them to `staging`
    /// where they are made, so that they are let go at once: held until every file was
    /// done, the 837 and the CSVs of 20,000 claims were 24 MiB on top of the
    /// build's peak. With the `memo` of a long-running command, the bytes are
    /// kept, and those of the last build are written again when their
    /// inputs have not changed (`ClaimsMemo`). Throws
    /// `X12Writer.UnsafeValue` or `OutputFolder.WriteError`.
    func write(into staging: OutputFolder.Staging, memo: ClaimsMemo? = nil) throws {
        if let memo {
            let files = try memo.claimFiles(of: billing, heldBy: interchangeHeldBy, today: today) {
                // Each file reads every claim and none reads another: they are made on every core.
                let made = ParallelMap.map(Self.paths) { path in Result { try bytes(of: path) } }
                return try zip(Self.paths, made).map { (path: $0, bytes: try $1.get()) }
            }
            for file in files { if let bytes = file.bytes { try staging.write(file.path, bytes) } }
            return
        }
        let failures = ParallelMap.map(Self.paths) { path -> (any Error)? in
            do {
                if let bytes = try bytes(of: path) { try staging.write(path, bytes) }
                return nil
            } catch {
                return error
            }
        }
        // The first failure in the order of `paths`, whichever core met it first.
        if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
    }

    /// The bytes of the file at `path`, or `nil` when it is not written (the 837 held or empty).
    private func bytes(of path: String) throws -> [UInt8]? {
        switch path {
        case "claims.csv": ClaimsCSV.ready(billing.claims).bytes
        case "claims-held.csv": ClaimsCSV.held(billing.claims).bytes
        case "reimbursement.csv": ReimbursementCSV.table(reimbursement).bytes
        case "batch.csv": BatchCSV.table(billing.batch).bytes
        default: interchangeHeldBy.isEmpty ? try Self.interchange(billing.batch, practice: practice, today: today) : nil
        }
    }

    /// The batch as an 837P's bytes, or `nil` when it is empty or practice.yaml has no `edi:`.
    static func interchange(_ batch: NextBatch, practice: Practice?, today: LocalDate) throws(X12Writer.UnsafeValue) -> [UInt8]? {
        guard let practice, let edi = practice.edi, !batch.isEmpty else { return nil }
        return try ClaimInterchange(practice: practice, edi: edi, today: today).bytes(batch.entries, control: batch.controlNumber)
    }
}
