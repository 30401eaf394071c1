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

    func render() throws(X12Writer.UnsafeValue) -> [String: [UInt8]] {
        // Each file reads every claim and none reads another: they are made
        // on every core (a third of the claims stage at 20,000 claims). The
        // 837, which takes longest, is started first: started last, it ran
        // on one core after the others had finished.
        let paths = ["claims.837", "claims.csv", "claims-held.csv", "reimbursement.csv", "batch.csv"]
        // Each file becomes bytes where it is made, so that its text is let
        // go at once instead of standing beside its bytes until every file is
        // done (the 837 and the CSVs of 20,000 claims, at the build's peak).
        let made = ParallelMap.map(paths) { path -> Result<[UInt8]?, X12Writer.UnsafeValue> in
            switch path {
            case "claims.csv": return .success(Array(ClaimsCSV.ready(billing.claims).text.utf8))
            case "claims-held.csv": return .success(Array(ClaimsCSV.held(billing.claims).text.utf8))
            case "reimbursement.csv": return .success(Array(ReimbursementCSV.table(reimbursement).text.utf8))
            case "batch.csv": return .success(Array(BatchCSV.table(billing.batch).text.utf8))
            default:
                guard interchangeHeldBy.isEmpty else { return .success(nil) }
                do throws(X12Writer.UnsafeValue) {
                    return .success(try Self.interchange(billing.batch, practice: practice, today: today).map { Array($0.utf8) })
                } catch {
                    return .failure(error)
                }
            }
        }
        var outputs: [String: [UInt8]] = [:]
        for (path, result) in zip(paths, made) {
            if let bytes = try result.get() { outputs[path] = bytes }
        }
        return outputs
    }

    /// The batch as an 837P, or `nil` when it is empty or practice.yaml has no `edi:`.
    static func interchange(_ batch: NextBatch, practice: Practice?, today: LocalDate) throws(X12Writer.UnsafeValue) -> String? {
        guard let practice, let edi = practice.edi, !batch.isEmpty else { return nil }
        return try ClaimInterchange(practice: practice, edi: edi, today: today).text(batch.entries, control: batch.controlNumber)
    }
}
