/// The claim outputs of a build: `claims.csv` (ready), `claims-held.csv`
/// (held, with the rules that hold them), `reimbursement.csv` (where every
/// claim stands with its payer) and, when practice.yaml has `edi:` without
/// an error in it and at least one claim is ready, `claims.837`.
struct ClaimFiles {
    let claims: [Claim]
    let reimbursement: ReimbursementLedger
    let practice: Practice?
    /// The rules whose errors in `edi:` stop claims.837; empty to write it.
    let interchangeHeldBy: [String]
    let today: LocalDate

    func render() throws(X12Writer.UnsafeValue) -> [String: [UInt8]] {
        var outputs = [
            "claims.csv": Array(ClaimsCSV.ready(claims).text.utf8),
            "claims-held.csv": Array(ClaimsCSV.held(claims).text.utf8),
            "reimbursement.csv": Array(ReimbursementCSV.table(reimbursement).text.utf8),
        ]
        let ready = claims.filter(\.isReady)
        if let practice, let edi = practice.edi, interchangeHeldBy.isEmpty, !ready.isEmpty {
            let interchange = ClaimInterchange(practice: practice, edi: edi, today: today)
            outputs["claims.837"] = Array(try interchange.text(ready).utf8)
        }
        return outputs
    }
}
