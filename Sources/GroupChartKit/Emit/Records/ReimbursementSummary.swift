/// The reimbursement part of the index (every claim) and of a member's
/// chart (that member's): totals, what is outstanding by age, each claim's
/// standing, and the reasons of every denial in words.
struct ReimbursementSummary {
    let format: RecordFormatting

    /// The view of `entries`; `listing` (the dashboard) lists only the most
    /// recent claims and the first denials (`DashboardListing`). "Billed" is
    /// what the payers were asked for and still are: the charges of claims
    /// sent and not voided. A claim not yet sent, or voided, asks no one for
    /// anything, and counted in, the figure ran ahead of what any payer was
    /// billed (each is still listed with its own charge, and counted by
    /// status).
    func view(_ entries: [ReimbursementEntry], listing: Bool = false) -> ReimbursementView {
        let aging = AgingReport(entries)
        let statuses = ReimbursementEntry.Status.allCases.compactMap { status -> String? in
            var count = 0
            for index in entries.indices where entries[index].status == status { count += 1 }
            return count == 0 ? nil : "\(count) \(status.rawValue)"
        }
        let denied = entries.filter { $0.status == .denied || $0.replacementDenied }
        let claims = listing ? DashboardListing.last(entries, of: "claims", listedIn: "reimbursement.csv") : (shown: entries, notShown: nil)
        let denials = listing ? DashboardListing.first(denied, of: "denied claims", listedIn: "reimbursement.csv") : (shown: denied, notShown: nil)
        return ReimbursementView(
            billed: Self.dollars(sum(entries) { $0.status == .unbilled || $0.status == .voided ? .zero : $0.billed }), paid: Self.dollars(sum(entries) { $0.paid }),
            patientResponsibility: Self.dollars(sum(entries) { Self.memberOwes($0) }),
            outstanding: Self.dollars(aging.total), statuses: statuses.joined(separator: " · "),
            buckets: AgingReport.Bucket.allCases.map(\.label),
            aging: aging.rows.map { row in
                AgingRowView(label: Self.label(row.debtor), amounts: row.amounts.map(Self.dollars), total: Self.dollars(row.total))
            },
            claims: claims.shown.map(payment), claimsNotShown: claims.notShown,
            denials: denials.shown.map(payment), denialsNotShown: denials.notShown,
            hasClaims: !entries.isEmpty, hasDenials: !denials.shown.isEmpty, hasOutstanding: aging.total != .zero)
    }

    /// What the member owes of the claim: their share, unless a crossover
    /// forwarded it to the next payer, which decides it first.
    static func memberOwes(_ entry: ReimbursementEntry) -> Money {
        entry.debtor == .nextPayer ? .zero : entry.patientResponsibility
    }

    static func label(_ debtor: ReimbursementEntry.Debtor) -> String {
        switch debtor {
        case .payer: return "Payers (not yet settled)"
        case .nextPayer: return "Next payers (forwarded by a crossover)"
        case .member: return "Members (patient responsibility)"
        }
    }

    func payment(_ entry: ReimbursementEntry) -> PaymentView {
        let badge: String
        switch entry.status {
        case _ where entry.replacementDenied: badge = "warning"
        case .paid, .voided: badge = "paid"
        case .unbilled, .submitted, .received, .accepted: badge = "pending"
        case .partial: badge = entry.debtor == .nextPayer ? "pending" : "warning"
        case .denied, .reversed, .rejected: badge = "error"
        }
        let status = entry.forwardedTo.map { "\(entry.status.rawValue), forwarded to \($0)" }
            ?? (entry.replacementDenied ? "\(entry.status.rawValue), its replacement denied" : entry.status.rawValue)
        return PaymentView(
            claimID: entry.claimID, date: entry.dateOfService?.description ?? "", member: format.memberName(entry.member),
            memberLink: RecordLink.member(entry.member),
            billed: Self.dollars(entry.billed), paid: Self.dollars(entry.paid),
            patientResponsibility: Self.dollars(Self.memberOwes(entry)), outstanding: Self.dollars(entry.outstanding),
            status: status, badge: badge, days: entry.daysOutstanding.map(String.init) ?? "",
            reasons: entry.reasons.map { ReasonView(code: $0.code, amount: Self.dollars($0.amount), meaning: AdjustmentReason.describe($0)) },
            remarks: entry.remarks.map { RemarkView(code: $0, meaning: RemarkCode.describe($0)) },
            hasReasons: !entry.reasons.isEmpty || !entry.remarks.isEmpty)
    }

    /// `$1,234.50`, `-$65.00`.
    static func dollars(_ amount: Money) -> String {
        // Written from the end of a buffer of bytes: a string a digit, then
        // joined, was 0.5 % of a cold build at 20,000 notes (`perf`). At
        // most 20 digits, 6 commas, the point, 2 cents, "-$": 31 bytes.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { buffer in
            var cents = amount.cents.magnitude
            var start = buffer.count
            func put(_ byte: UInt8) {
                start -= 1
                buffer[start] = byte
            }
            for _ in 0..<2 {
                put(UInt8(ascii: "0") + UInt8(cents % 10))
                cents /= 10
            }
            put(UInt8(ascii: "."))
            var digits = 0
            repeat {
                if digits > 0, digits % 3 == 0 { put(UInt8(ascii: ",")) }
                put(UInt8(ascii: "0") + UInt8(cents % 10))
                cents /= 10
                digits += 1
            } while cents > 0
            put(UInt8(ascii: "$"))
            if amount.cents < 0 { put(UInt8(ascii: "-")) }
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[start...]), as: UTF8.self)
        }
    }

    /// Each entry's amount read where it lies: `reduce` copied every entry
    /// (a claim's whole history) to read one field, three times per view.
    private func sum(_ entries: [ReimbursementEntry], _ amount: (borrowing ReimbursementEntry) -> Money) -> Money {
        var total = Money.zero
        for index in entries.indices { total = total + amount(entries[index]) }
        return total
    }
}
