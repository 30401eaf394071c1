/// `reimbursement.csv`: one row per claim built, ready or held, in the
/// order of claims.csv, with where it stands (outputs.md, "reimbursement").
enum ReimbursementCSV {
    static let columns = [
        "claim_id", "member_id", "date_of_service", "billed", "paid", "patient_responsibility",
        "adjustments", "status", "remittance", "days_outstanding",
    ]

    static func table(_ ledger: ReimbursementLedger) -> CSVTable {
        var table = CSVTable(columns: columns)
        for entry in ledger.entries {
            table.append([
                entry.claim.id, entry.claim.service.member, entry.claim.service.date.description,
                entry.billed.description, entry.paid.description, entry.patientResponsibility.description,
                entry.adjustments.map { "\($0.code):\($0.amount)" }.joined(separator: ";"),
                entry.status.rawValue, entry.remittances.joined(separator: ";"),
                // outputs.md: days outstanding "while pending"; the aging
                // buckets of the index also age what members owe.
                entry.status == .pending ? entry.daysOutstanding.map(String.init) ?? "" : "",
            ])
        }
        return table
    }
}
