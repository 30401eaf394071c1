/// How many rows each list of the dashboard shows. A practice of ten years
/// has tens of thousands of claims: a dashboard listing all of them is a
/// page of megabytes nobody reads, and rendering it was most of the time of
/// a build after one saved note. The dashboard shows counts and amounts of
/// everything and the first rows of each list (the most recent, for the
/// claims ledger), and names the file that lists every one; the member
/// charts, the audit packets and the CSV files stay complete.
enum DashboardListing {
    /// Rows of each list; the example practice and most months of a real
    /// one fit whole.
    static let rows = 100

    /// The first `rows` of `items`, and the sentence saying what was left
    /// out and where to find it (none when nothing was).
    static func first<T>(_ items: [T], of noun: String, listedIn file: String) -> (shown: [T], notShown: String?) {
        guard items.count > rows else { return (items, nil) }
        return (Array(items.prefix(rows)), "The first \(rows) of \(grouped(items.count)) \(noun); \(file) lists every one.")
    }

    /// The last `rows` of `items` (the most recent, for lists in date order).
    static func last<T>(_ items: [T], of noun: String, listedIn file: String) -> (shown: [T], notShown: String?) {
        guard items.count > rows else { return (items, nil) }
        return (Array(items.suffix(rows)), "The \(rows) most recent of \(grouped(items.count)) \(noun); \(file) lists every one.")
    }

    /// `20,000`.
    static func grouped(_ count: Int) -> String {
        let digits = String(count)
        return digits.enumerated().map { index, digit in
            index > 0 && (digits.count - index) % 3 == 0 ? ",\(digit)" : String(digit)
        }.joined()
    }
}
