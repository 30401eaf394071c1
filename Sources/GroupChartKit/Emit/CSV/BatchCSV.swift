/// `batch.csv`: one row per claim of the next batch (lifecycle.md), so that
/// a biller reviews what `submit` would send before sending it.
enum BatchCSV {
    static let columns = ["claim_id", "member_id", "date_of_service", "frequency", "reason", "payer_claim_number", "last_sent"]

    static func table(_ batch: NextBatch) -> CSVTable {
        var table = CSVTable(columns: columns)
        for entry in batch.entries {
            table.append([entry.claim.id, entry.member, entry.date?.description ?? "", entry.frequency.rawValue, entry.reason,
                          entry.payerClaimNumber ?? "", entry.lastSent ?? ""])
        }
        return table
    }
}
