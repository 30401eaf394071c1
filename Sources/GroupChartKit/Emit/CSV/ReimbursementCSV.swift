/// `reimbursement.csv`: one row per claim built, ready or held, in the
/// order of claims.csv, then each claim billed that no longer builds, with
/// where it stands (outputs.md, "reimbursement"; lifecycle.md).
enum ReimbursementCSV {
    static let columns = [
        "claim_id", "member_id", "date_of_service", "billed", "paid", "patient_responsibility",
        "adjustments", "status", "remittance", "days_outstanding", "first_submitted", "payer_claim_number",
    ]

    static func table(_ ledger: ReimbursementLedger) -> CSVTable {
        var table = CSVTable(columns: columns)
        for entry in ledger.entries {
            table.append([
                entry.claimID, entry.member, entry.dateOfService?.description ?? "",
                entry.billed.description, entry.paid.description, entry.patientResponsibility.description,
                entry.adjustments.map { "\($0.code):\($0.amount)" }.joined(separator: ";"),
                entry.status.rawValue, entry.remittances.joined(separator: ";"),
                // lifecycle.md: days outstanding while the payer has not settled.
                entry.status.isSettled ? "" : entry.dateOfService.map { String(max(0, $0.days(to: ledger.today))) } ?? "",
                entry.firstSubmitted?.description ?? "", entry.payerClaimNumber ?? "",
            ])
        }
        return table
    }
}
