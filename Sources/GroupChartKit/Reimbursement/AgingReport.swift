/// Outstanding amounts by age, as a biller's accounts-receivable aging
/// report shows them: what the payers still owe (claims pending, or reversed
/// and not paid again: the whole charge) apart from what members owe (their
/// patient responsibility), each in buckets of days since the date of
/// service. Paid and denied claims with nothing owed are settled and not
/// aged; a denial is worked from its reason codes instead.
public struct AgingReport: Sendable {
    public enum Bucket: Int, Sendable, CaseIterable {
        case current, overThirty, overSixty, overNinety

        public init(days: Int) {
            switch days {
            case ...30: self = .current
            case 31...60: self = .overThirty
            case 61...90: self = .overSixty
            default: self = .overNinety
            }
        }

        /// `0-30 days`, as the reports print it.
        public var label: String {
            switch self {
            case .current: return "0-30 days"
            case .overThirty: return "31-60 days"
            case .overSixty: return "61-90 days"
            case .overNinety: return "over 90 days"
            }
        }
    }

    public struct Row: Sendable {
        public var debtor: ReimbursementEntry.Debtor
        /// Indexed by `Bucket.rawValue`.
        public var amounts: [Money]
        public var total: Money { amounts.reduce(Money.zero, +) }
    }

    /// The payers' row, the next payers' (when a crossover waits on one),
    /// then the members'.
    public let rows: [Row]

    public init(_ entries: [ReimbursementEntry]) {
        // The next payers' row only while a crossover waits on one.
        let debtors = ReimbursementEntry.Debtor.allCases.filter { debtor in
            debtor != .nextPayer || entries.contains { $0.debtor == .nextPayer && $0.outstanding != .zero }
        }
        rows = debtors.map { debtor in
            var row = Row(debtor: debtor, amounts: Array(repeating: .zero, count: Bucket.allCases.count))
            for entry in entries where entry.debtor == debtor {
                let bucket = Bucket(days: entry.daysOutstanding ?? 0).rawValue
                row.amounts[bucket] = row.amounts[bucket] + entry.outstanding
            }
            return row
        }
    }

    public var total: Money { rows.reduce(Money.zero) { $0 + $1.total } }
}
