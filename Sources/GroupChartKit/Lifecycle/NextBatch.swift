/// The next batch to send (lifecycle.md, "What the next batch holds"), and
/// what waits: each claim the build knows, compared with what was sent and
/// what came back.
///
/// - ready and never sent: an original;
/// - rejected, and corrected since (or rejected with its whole set by a
///   999): an original again (a replacement again when what was rejected
///   was a replacement); left unchanged, it stays out;
/// - sent, not rejected, and its billed content changed: a replacement
///   naming the payer's claim number (REF*F8), or a wait for that number;
/// - sent, not rejected, and no longer billable: a void repeating the lines
///   as last sent, or a wait for the number;
/// - sent and unchanged, or voided: nothing, ever.
///
/// A held claim (an error in its chain) goes nowhere until it is clean.
public struct NextBatch: Sendable {
    public struct Entry: Sendable {
        public var claim: BilledClaim
        public var frequency: SubmittedClaim.Frequency
        /// Why it goes out, in words, for batch.csv.
        public var reason: String
        public var payerClaimNumber: String?
        /// The submission file that last sent it.
        public var lastSent: String?
        public var member: String
        public var date: LocalDate?
    }

    /// A billed claim that needs a replacement or a void.
    public struct Correction: Sendable {
        public var claimID: String
        public var member: String
        public var frequency: SubmittedClaim.Frequency
        /// What changed, or why it is no longer billable.
        public var why: String
        /// The note it was built from, when it still exists.
        public var note: SourceLocation?
        /// The CLM segment of the version last sent.
        public var sent: SourceLocation?
        /// In this batch; otherwise waiting for the payer's claim number.
        public var inBatch: Bool
        /// No version on file to repeat in a void (answered, never kept).
        public var noVersionOnFile = false
        /// An error in its chain holds it until the error is fixed.
        public var held = false
    }

    /// A rejected claim that stays out, with its rejection.
    public struct StandingRejection: Sendable {
        public var claimID: String
        public var note: SourceLocation?
        public var rejection: ClaimHistory.Rejection
    }

    public let entries: [Entry]
    public let corrections: [Correction]
    public let standingRejections: [StandingRejection]
    /// Claims going out as originals after a rejection (their status is `unbilled`).
    public let resent: Set<String>
    /// ISA13 and GS06 of the batch.
    public let controlNumber: Int

    /// Plans the batch from the claims built now and the ledger; `through`
    /// keeps only services on or before that date (`submit --through`).
    public init(claims: [Claim], ledger: ClaimLedger, record: PracticeRecord, through: LocalDate? = nil) {
        var planner = Planner(ledger: ledger, reasons: NoLongerBillable(record: record))
        // Reserved, not grown, and not copied by a filter that keeps every
        // entry: at 20,000 claims the grown array and its filtered copy held
        // 46 MB at the build's peak.
        planner.entries.reserveCapacity(claims.count)
        let built = Set(claims.map(\.id))
        for claim in claims { planner.plan(claim.id, built: claim) }
        for id in ledger.histories.keys.sorted() where !built.contains(id) { planner.plan(id, built: nil) }
        if let through {
            entries = planner.entries.filter { entry in entry.date.map { $0 <= through } ?? false }
        } else {
            entries = planner.entries
        }
        corrections = planner.corrections
        standingRejections = planner.rejections
        resent = planner.resent
        controlNumber = ledger.nextControlNumber
    }

    public var isEmpty: Bool { entries.isEmpty }

    /// Reads each entry's frequency where it lies: a copy of each of 20,000
    /// entries per count was 60 ms of a build (`perf`).
    public func count(_ frequency: SubmittedClaim.Frequency) -> Int {
        var count = 0
        for index in entries.indices where entries[index].frequency == frequency { count += 1 }
        return count
    }
}

/// The decisions of `NextBatch`, one claim id at a time.
private struct Planner {
    let ledger: ClaimLedger
    let reasons: NoLongerBillable
    var entries: [NextBatch.Entry] = []
    var corrections: [NextBatch.Correction] = []
    var rejections: [NextBatch.StandingRejection] = []
    var resent: Set<String> = []

    mutating func plan(_ id: String, built: Claim?) {
        let note = built?.service.noteFile.map { SourceLocation(file: $0, line: 1) }
        let ready = built?.isReady == true
        guard let history = ledger.history(id), history.wasSent else {
            if let built, ready { add(built.billed, .original, "never sent", member: built.service.member, history: nil) }
            return
        }
        if history.isVoided { return }
        if let last = history.lastSent, last.rejected {
            planRejected(history, last: last, built: built, ready: ready, note: note)
            return
        }
        if history.lastSent == nil, history.rejection != nil, let rejection = history.rejection {
            // Rejected by a 277CA, but sent before the practice kept its submissions.
            if built != nil { rejections.append(.init(claimID: id, note: note, rejection: rejection)) }
            return
        }
        let sent = history.payerVersion
        guard let built else {
            planVoid(history, sent: sent)
            return
        }
        guard let sent else { return }
        let changes = built.billed.content.changes(since: sent.claim.billed.content)
        guard !changes.isEmpty else { return }
        let why = "changed after billing: " + changes.joined(separator: "; ")
        let number = history.payerClaimNumber
        corrections.append(.init(claimID: id, member: built.service.member, frequency: .replacement, why: why, note: note,
                                 sent: sent.claim.location, inBatch: ready && number != nil, held: !ready))
        if ready, let number { add(built.billed, .replacement, why, member: built.service.member, history: history, number: number) }
    }

    private mutating func planRejected(_ history: ClaimHistory, last: ClaimHistory.Version, built: Claim?, ready: Bool, note: SourceLocation?) {
        guard let built else {
            // No longer billable: a rejected original never reached the payer;
            // a rejected replacement leaves the version before it standing.
            if last.claim.frequency != .original { planVoid(history, sent: history.payerVersion) }
            return
        }
        let changes = built.billed.content.changes(since: last.claim.billed.content)
        guard ready, last.rejectedBy999 || !changes.isEmpty else {
            if let rejection = history.rejection { rejections.append(.init(claimID: history.claimID, note: note, rejection: rejection)) }
            return
        }
        let why = last.rejectedBy999 && changes.isEmpty ? "sent again: the 999 rejected its transaction set"
            : "corrected after rejection: " + changes.joined(separator: "; ")
        if last.claim.frequency == .original || history.payerClaimNumber == nil {
            resent.insert(history.claimID)
            add(built.billed, .original, why, member: built.service.member, history: history)
        } else {
            add(built.billed, .replacement, why, member: built.service.member, history: history, number: history.payerClaimNumber)
        }
    }

    private mutating func planVoid(_ history: ClaimHistory, sent: ClaimHistory.Version?) {
        let found = reasons.why(history.claimID)
        let why = "no longer billable: " + found.why
        let number = history.payerClaimNumber
        let member = found.member ?? ""
        corrections.append(.init(claimID: history.claimID, member: member, frequency: .void, why: why, note: found.place,
                                 sent: sent?.claim.location, inBatch: number != nil && sent != nil, noVersionOnFile: sent == nil))
        if let number, let sent { add(sent.claim.billed, .void, why, member: member, history: history, number: number) }
    }

    private mutating func add(_ claim: BilledClaim, _ frequency: SubmittedClaim.Frequency, _ reason: String, member: String,
                              history: ClaimHistory?, number: String? = nil) {
        entries.append(.init(claim: claim, frequency: frequency, reason: reason, payerClaimNumber: number,
                             lastSent: history?.lastSent?.file, member: member, date: claim.lines.first?.date))
    }
}
