/// `batch.csv`: one row per claim of the next batch (lifecycle.md), so that
/// a biller reviews what `submit` would send before sending it.
enum BatchCSV {
    static let columns = ["claim_id", "member_id", "date_of_service", "frequency", "reason", "payer_claim_number", "last_sent"]

    static func table(_ batch: NextBatch) -> CSVTable {
        var table = CSVTable(columns: columns)
        // By index: `for entry in` copied each entry and its claim to read seven fields (`perf`).
        let entries = batch.entries
        for index in entries.indices {
            table.append([entries[index].claim.id, entries[index].member, entries[index].date?.description ?? "",
                          entries[index].frequency.rawValue, entries[index].reason, entries[index].payerClaimNumber ?? "",
                          entries[index].lastSent ?? ""])
        }
        return table
    }
}
