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
        var outputs = [
            "claims.csv": Array(ClaimsCSV.ready(billing.claims).text.utf8),
            "claims-held.csv": Array(ClaimsCSV.held(billing.claims).text.utf8),
            "reimbursement.csv": Array(ReimbursementCSV.table(reimbursement).text.utf8),
            "batch.csv": Array(BatchCSV.table(billing.batch).text.utf8),
        ]
        if interchangeHeldBy.isEmpty, let interchange = try Self.interchange(billing.batch, practice: practice, today: today) {
            outputs["claims.837"] = Array(interchange.utf8)
        }
        return outputs
    }

    /// The batch as an 837P, or `nil` when it is empty or practice.yaml has no `edi:`.
    static func interchange(_ batch: NextBatch, practice: Practice?, today: LocalDate) throws(X12Writer.UnsafeValue) -> String? {
        guard let practice, let edi = practice.edi, !batch.isEmpty else { return nil }
        return try ClaimInterchange(practice: practice, edi: edi, today: today).text(batch.entries, control: batch.controlNumber)
    }
}
