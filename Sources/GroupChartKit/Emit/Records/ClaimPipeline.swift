/// The claims pipeline of the dashboard and of each chart: how many claims
/// are unbilled, in flight, rejected (with the reasons), settled, and what
/// the next batch sends; and each claim's history, event by event.
struct ClaimPipeline {
    let format: RecordFormatting
    let billing: Billing
    let reimbursement: ReimbursementLedger
    /// Where each claim stands in the batch: a chart finds its member's
    /// rows without going through the whole batch (100 charts of 20,000
    /// claims went through it 100 times).
    private let batchPositions: [String: [Int]]

    init(format: RecordFormatting, billing: Billing, reimbursement: ReimbursementLedger) {
        self.format = format
        self.billing = billing
        self.reimbursement = reimbursement
        // Asked for once: each time, the batch's entries are taken under its lock.
        let entries = billing.batch.entries
        batchPositions = Dictionary(grouping: entries.indices) { entries[$0].claim.id }
    }

    /// The pipeline of `entries` (every claim, or one member's); the batch
    /// rows are those of the same claims. `listing` (the dashboard) lists
    /// only the first rejections and batch rows (`DashboardListing`).
    func view(_ entries: [ReimbursementEntry], listing: Bool = false) -> PipelineView {
        let stages: [(label: String, statuses: Set<ClaimStatus>)] = [
            // A reversed claim (its payment taken back, none since) is the
            // payer's to decide again: counted nowhere, the stages added up
            // to fewer claims than the practice has.
            ("Unbilled", [.unbilled]), ("In flight", [.submitted, .received, .accepted, .reversed]), ("Rejected", [.rejected]),
            ("Settled", [.paid, .partial, .denied, .voided]),
        ]
        // The batch rows by position, each read where it lies: copied out,
        // the 20,000 entries of the dashboard's batch (each with its whole
        // claim) were a third of the dashboard's view in a watch save (`perf`).
        let batch = Set(entries.flatMap { batchPositions[$0.claimID] ?? [] }).sorted()
        let batchEntries = billing.batch.entries
        // Counted in place: an entry carries its whole claim, and copies of
        // every entry of a stage were the peak of a build's memory.
        var figures = stages.map { stage in
            var (count, amount) = (0, Money.zero)
            for entry in entries where stage.statuses.contains(entry.status) {
                count += 1
                amount = amount + entry.billed
            }
            return FigureView(label: stage.label, count: count, amount: ReimbursementSummary.dollars(amount))
        }
        figures.append(FigureView(label: "To send", count: batch.count,
                                  amount: ReimbursementSummary.dollars(batch.reduce(Money.zero) { $0 + batchEntries[$1].claim.total })))
        let (unbilled, inFlight, rejected, settled) = (figures[0].count, figures[1].count, figures[2].count, figures[3].count)
        // A rejection stands until a later version is sent; one corrected
        // since is shown too, with the batch that sends it again.
        // A claim of `entries` is in the batch when it has a position there.
        // Why it goes out (corrected, or sent again as a 999 asks): its batch row's reason.
        let resent = { (claimID: String) -> String? in batchPositions[claimID]?.first.map { batchEntries[$0].reason } }
        let rejections = entries.compactMap { entry -> RejectionView? in
            guard let history = entry.history, let rejection = history.rejection, history.lastSent?.rejected ?? true else { return nil }
            return RejectionView(date: entry.dateOfService?.description ?? "", member: format.memberName(entry.member), claimID: entry.claimID,
                                 answered: rejection.date?.description ?? "", file: rejection.location.file, reasons: rejection.reasons,
                                 next: resent(entry.claimID).map { "in the next batch: \($0)" }
                                     ?? (entry.isBuilt ? "unchanged: correct what the reasons name" : "no longer billed: nothing to send or collect"))
        }
        let chart = PipelineChart.svg([
            .init(label: "Unbilled", count: unbilled, fill: "#e8e8e8"),
            .init(label: "In flight", count: inFlight, fill: "#c9d7ea"),
            .init(label: "Rejected", count: rejected, fill: "#f0c4c4"),
            .init(label: "Settled", count: settled, fill: "#cfe6cf"),
            .init(label: "To send", count: batch.count, fill: "#ffffff"),
        ])
        let listedRejections = listing ? DashboardListing.first(rejections, of: "rejected claims", listedIn: "reimbursement.csv")
            : (shown: rejections, notShown: nil)
        let listedBatch = listing ? DashboardListing.first(batch, of: "claims of the batch", listedIn: "batch.csv") : (shown: batch, notShown: nil)
        return PipelineView(
            figures: figures, chartSVG: chart,
            rejections: listedRejections.shown, rejectionsNotShown: listedRejections.notShown,
            batch: listedBatch.shown.map { position in
                let entry = batchEntries[position]
                return BatchRowView(claimID: entry.claim.id, date: entry.date?.description ?? "", member: format.memberName(entry.member),
                                    frequency: entry.frequency.word, reason: entry.reason)
            },
            batchNotShown: listedBatch.notShown,
            hasRejections: !rejections.isEmpty, hasBatch: !batch.isEmpty)
    }

    /// Each event of a claim, oldest first, with its date and file.
    func history(_ claimID: String) -> [HistoryRowView] {
        guard let history = billing.ledger.history(claimID) else { return [] }
        return history.events.map { event in
            HistoryRowView(date: event.date?.description ?? "", event: event.summary, file: event.file)
        }
    }
}

struct PipelineView: Encodable {
    /// Each stage with how many claims and what they bill.
    var figures: [FigureView]
    /// Drawn from counts and fixed labels only, so it is safe unescaped.
    var chartSVG: String
    var rejections: [RejectionView]
    /// On the dashboard, what `rejections` leaves out and where it is listed.
    var rejectionsNotShown: String?
    var batch: [BatchRowView]
    var batchNotShown: String?
    var hasRejections: Bool
    var hasBatch: Bool
}

struct FigureView: Encodable {
    var label: String
    var count: Int
    var amount: String
}

struct RejectionView: Encodable {
    var date: String
    var member: String
    var claimID: String
    var answered: String
    var file: String
    var reasons: [String]
    /// What happens to it next.
    var next: String
}

struct BatchRowView: Encodable {
    var claimID: String
    var date: String
    var member: String
    var frequency: String
    var reason: String
}

struct HistoryRowView {
    var date: String
    var event: String
    var file: String
}
