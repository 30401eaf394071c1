import Foundation

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
        /// For a void or replacement held by errors in what it is about
        /// (`VoidHold`): the files whose errors hold it.
        public var heldByErrorsIn: [String] = []
        /// `heldByErrorsIn` in words, for the rules that say why it waits:
        /// "practice.yaml has errors", "a, b, c and 2 more have errors".
        public var heldByErrorsInWords: String {
            let files = heldByErrorsIn
            let named = files.prefix(3).joined(separator: ", ") + (files.count > 3 ? " and \(files.count - 3) more" : "")
            return named + (files.count == 1 ? " has errors" : " have errors")
        }
        /// For a replacement whose only change is its lines' charges (a fee
        /// changed): each code repriced; otherwise empty.
        public var repriced: [BilledContent.Repriced] = []
        /// For a claim whose member's payer changed since it was sent: the
        /// payer id it went to, and the one it would go to now. No
        /// replacement is sent (one goes to the payer that holds the claim,
        /// and names that payer's claim number).
        public var payerChange: (from: String, to: String)?
        /// The payer's numbers of the parts it split the claim into, when it
        /// did: one replacement or void names one part, so none is sent
        /// (`claim-awaiting-payer` names the parts).
        public var splitInto: [String] = []
        /// For a void: a value of the version sent that an 837P cannot
        /// carry (`BilledClaim.unwritableValue`), so that the void, which
        /// repeats it, is not sent; `claim-void-needed` says to void the
        /// claim on the payer's portal.
        public var unwritable: String? = nil
    }

    /// A rejected claim that stays out, with its rejection.
    public struct StandingRejection: Sendable {
        public var claimID: String
        public var note: SourceLocation?
        public var rejection: ClaimHistory.Rejection
        /// How the claim goes out once corrected: as an original, or as a
        /// replacement when a replacement was rejected (the version before
        /// stands with the payer); nil when no submission on file holds
        /// what was sent, so that no correction can be told.
        public var correctedAs: SubmittedClaim.Frequency?
    }

    /// A replacement the payer denied while the payment of the version
    /// before it stands (`ClaimHistory.refusedCorrection`), unchanged since:
    /// sent again as it was, it would be denied again, so it waits until
    /// what the denial names is corrected.
    public struct RefusedCorrection: Sendable {
        public var claimID: String
        public var note: SourceLocation?
        /// The CLM segment of the replacement the payer denied.
        public var sent: SourceLocation
        /// The denial (its CLP segment), and the 835 it came in.
        public var denial: RemittanceClaim
        public var remittance: Remittance
        /// What the payer paid of the version it holds, and that version's number.
        public var paid: Money
        public var payerClaimNumber: String?
    }

    /// The claims going out, in the order of the claims built, then of the
    /// claim ids only the ledger knows. The originals never sent (nearly all
    /// of a practice's first batch) are made when the entries are first
    /// asked for, by the claim files, the records and `submit`: `check`
    /// never asks, and making them (a billed claim each) was 30 ms of a
    /// check at 20,000 notes on one core, with the other idle (`perf`).
    public var entries: [Entry] { made.entries }
    private let made: MadeEntries
    public let corrections: [Correction]
    public let standingRejections: [StandingRejection]
    public let refusedCorrections: [RefusedCorrection]
    /// Claims never sent that wait, out of the batch, because the same
    /// service went out under another claim id that no longer builds.
    public let waitingOriginals: [WaitingOriginal]
    /// Claims voided that the record bills again (a member marked absent,
    /// voided, then found present after all): lifecycle.md sends a voided
    /// claim "nothing, ever", so each is said (`claim-void-needed`), where
    /// the service went unbilled without a word (a clearinghouse analyst's
    /// review).
    public let billedAfterVoid: [BilledAfterVoid]

    /// A voided claim ready again: its note, and the void's CLM segment.
    public struct BilledAfterVoid: Sendable {
        public var claimID: String
        public var note: SourceLocation?
        public var void: SourceLocation?
    }

    /// A claim ready to go as an original while a claim sent for the same
    /// service (the payer, the member id on the card, the date and the code)
    /// stands under another id: a session folder renamed, a date corrected,
    /// a member's folder renamed give the service a new id. Sent at once,
    /// the payer would hold two claims for one service; it goes once the
    /// other is voided.
    public struct WaitingOriginal: Sendable {
        public var claimID: String
        public var note: SourceLocation?
        /// The claim sent for the same service, and where it was last sent.
        public var twinID: String
        public var twinSent: SourceLocation?
    }
    /// Claims going out as originals after a rejection (their status is `unbilled`).
    public let resent: Set<String>
    /// ISA13 and GS06 of the batch.
    public let controlNumber: Int

    /// Plans the batch from the claims built now and the ledger; `through`
    /// keeps only services on or before that date (`submit --through`).
    /// `errors`: the diagnostics the claims were held by; a void waits while
    /// one of them touches what it is about (`VoidHold`).
    public init(claims: [Claim], ledger: ClaimLedger, record: PracticeRecord, errors: [Diagnostic] = [], through: LocalDate? = nil) {
        let built = Set(claims.map(\.id))
        var planner = Planner(ledger: ledger, reasons: NoLongerBillable(record: record), holds: VoidHold(record: record, errors: errors),
                              twins: ServiceTwins(ledger: ledger, built: built))
        planner.order.reserveCapacity(claims.count)
        for index in claims.indices { planner.plan(claims[index].id, built: index, of: claims) }
        for id in ledger.histories.keys.sorted() where !built.contains(id) { planner.plan(id, built: nil, of: claims) }
        let (order, planned) = (planner.order, planner.planned)
        made = MadeEntries {
            // Reserved, not grown, and not copied by a filter that keeps
            // every entry: at 20,000 claims a grown array and its filtered
            // copy held 46 MB at the build's peak.
            var entries: [Entry] = []
            entries.reserveCapacity(order.count)
            for source in order {
                let entry = switch source {
                case .neverSent(let index): Planner.original(claims[index])
                case .planned(let index): planned[index]
                }
                if let through, !(entry.date.map { $0 <= through } ?? false) { continue }
                entries.append(entry)
            }
            return entries
        }
        corrections = planner.corrections
        standingRejections = planner.rejections
        refusedCorrections = planner.refusals
        waitingOriginals = planner.waiting
        billedAfterVoid = planner.billedAfterVoid
        resent = planner.resent
        controlNumber = ledger.nextControlNumber
    }

    public var isEmpty: Bool { entries.isEmpty }

    /// Whether the entries were made (for tests: a check makes none).
    var entriesAreMade: Bool { made.areMade }

    /// Reads each entry's frequency where it lies: a copy of each of 20,000
    /// entries per count was 60 ms of a build (`perf`).
    public func count(_ frequency: SubmittedClaim.Frequency) -> Int {
        let entries = self.entries
        var count = 0
        for index in entries.indices where entries[index].frequency == frequency { count += 1 }
        return count
    }
}

/// `NextBatch.entries`, made once, when first asked for, on whichever
/// thread asks first; what they are made of is let go once they are.
private final class MadeEntries: @unchecked Sendable {
    private let lock = NSLock()
    private var made: [NextBatch.Entry]?
    private var make: (@Sendable () -> [NextBatch.Entry])?

    init(_ make: @escaping @Sendable () -> [NextBatch.Entry]) {
        self.make = make
    }

    var entries: [NextBatch.Entry] {
        lock.lock()
        defer { lock.unlock() }
        if let made { return made }
        let entries = make?() ?? []
        made = entries
        make = nil
        return entries
    }

    var areMade: Bool {
        lock.lock()
        defer { lock.unlock() }
        return made != nil
    }
}

/// The decisions of `NextBatch`, one claim id at a time.
private struct Planner {
    let ledger: ClaimLedger
    let reasons: NoLongerBillable
    let holds: VoidHold
    let twins: ServiceTwins
    var waiting: [NextBatch.WaitingOriginal] = []
    var billedAfterVoid: [NextBatch.BilledAfterVoid] = []
    /// Where each entry comes from, in the batch's order: a ready claim
    /// never sent (by its index among the claims built), made into an
    /// original only when the entries are asked for (`original`), or one
    /// of `planned`.
    enum Source: Sendable {
        case neverSent(Int)
        case planned(Int)
    }
    var order: [Source] = []
    var planned: [NextBatch.Entry] = []
    var corrections: [NextBatch.Correction] = []
    var rejections: [NextBatch.StandingRejection] = []
    var refusals: [NextBatch.RefusedCorrection] = []
    var resent: Set<String> = []

    /// `built`: the index among `claims` of the claim built for `id`; `nil`
    /// for an id only the ledger knows. The claim is read where it lies: a
    /// copy of each (a kilobyte, some forty references) for every claim
    /// planned was a third of planning at 20,000 claims (`perf`).
    mutating func plan(_ id: String, built index: Int?, of claims: [Claim]) {
        let note = index.flatMap { claims[$0].service.noteFile }.map { SourceLocation(file: $0, line: 1) }
        let ready = index.map { claims[$0].isReady } ?? false
        guard let history = ledger.history(id), history.wasSent else {
            guard let index, ready else { return }
            if let twin = twins.twin(of: claims[index]) {
                waiting.append(.init(claimID: id, note: note, twinID: twin.claimID, twinSent: twin.lastSent?.claim.location))
            } else {
                order.append(.neverSent(index))
            }
            return
        }
        if history.isVoided {
            if ready { billedAfterVoid.append(.init(claimID: id, note: note, void: history.lastSent?.claim.location)) }
            return
        }
        if let last = history.lastSent, last.rejected {
            planRejected(history, last: last, built: index.map { claims[$0] }, ready: ready, note: note)
            return
        }
        if history.lastSent == nil, history.rejection != nil, let rejection = history.rejection {
            // Rejected by a 277CA, but sent before the practice kept its submissions.
            if index != nil { rejections.append(.init(claimID: id, note: note, rejection: rejection, correctedAs: nil)) }
            return
        }
        let sent = history.payerVersion
        guard let index else {
            planVoid(history, sent: sent)
            return
        }
        guard let sent else { return }
        let (was, now) = (sent.claim.billed.payerID, claims[index].payerID)
        // No payer id now: the coverage cannot be read (practice.yaml or its
        // payers unreadable, a payer key misspelt), which is an error that
        // holds the claim, not a change of payer. Advising a void with the
        // payer that paid it would take the money back over a typo.
        guard !now.isEmpty else { return }
        guard was == now else {
            corrections.append(.init(claimID: id, member: claims[index].service.member, frequency: .replacement,
                                     why: "was billed to payer \(was), and its member's coverage now names payer \(now)", note: note,
                                     sent: sent.claim.location, inBatch: false, held: true, payerChange: (was, now)))
            return
        }
        var changes = claims[index].billed.content.changes(since: sent.claim.billed.content)
        // A claim denied for what it lacks or for whom it names (CARC 16, the
        // claim lacks information; 31, the patient is not identified as
        // insured: a group number, the patient's sex or address) is corrected
        // by them: it paid nothing, so its replacement bills nothing twice.
        // Left out, a correction of them sent nothing, and said nothing; for
        // any denial, a member who moved sent every old denial back.
        if history.status == .denied, history.adjudication.adjustments.contains(where: { ["16", "31"].contains($0.reason) }) {
            changes += claims[index].billed.correctionsBeyondContent(since: sent.claim.billed)
        }
        guard !changes.isEmpty else { return }
        if let refused = history.refusedCorrection {
            // The payer denied the replacement and holds the version it paid:
            // the replacement goes again only once corrected, by what a
            // denial is corrected by (as a denied claim above).
            var corrected = claims[index].billed.content.changes(since: refused.version.claim.billed.content)
            let beyond = claims[index].billed.correctionsBeyondContent(since: refused.version.claim.billed)
            if refused.denial.adjustments.contains(where: { ["16", "31"].contains($0.reason) }) { corrected += beyond }
            guard !corrected.isEmpty else {
                refusals.append(.init(claimID: id, note: note, sent: refused.version.claim.location, denial: refused.denial,
                                      remittance: refused.remittance, paid: history.adjudication.paid,
                                      payerClaimNumber: history.payerClaimNumber))
                return
            }
            changes += beyond
        }
        let why = "changed after billing: " + changes.joined(separator: "; ")
        let number = history.numberForCorrection
        let member = claims[index].service.member
        // Waits as a void would while an error stands in what it is about (`VoidHold`).
        let codes = Set(claims[index].billed.lines.map(\.cpt) + sent.claim.billed.lines.map(\.cpt))
        let holding = ready && number != nil ? holds.files(member: member, date: claims[index].service.date, codes: codes) : []
        corrections.append(.init(claimID: id, member: member, frequency: .replacement, why: why, note: note,
                                 sent: sent.claim.location, inBatch: ready && number != nil && holding.isEmpty, held: !ready || !holding.isEmpty,
                                 heldByErrorsIn: holding,
                                 repriced: claims[index].billed.content.repricing(since: sent.claim.billed.content),
                                 splitInto: number == nil ? history.splitNumbers : []))
        if ready, holding.isEmpty, let number { add(claims[index].billed, .replacement, why, member: member, history: history, number: number) }
    }

    private mutating func planRejected(_ history: ClaimHistory, last: ClaimHistory.Version, built: Claim?, ready: Bool, note: SourceLocation?) {
        guard let built else {
            // No longer billable: a rejected original never reached the payer;
            // a rejected replacement leaves the version before it standing.
            if last.claim.frequency != .original { planVoid(history, sent: history.payerVersion) }
            return
        }
        // A rejected replacement whose change was undone: the payer holds the
        // version before it, which the claim now repeats. Nothing is sent and
        // nothing is left to correct, as when a denied replacement's change is
        // undone; compared with the rejected replacement alone, a copy of the
        // version paid went out as a replacement (a billing review).
        if last.claim.frequency == .replacement, let held = history.payerVersion,
           built.billed.content.changes(since: held.claim.billed.content).isEmpty,
           built.billed.correctionsBeyondContent(since: held.claim.billed).isEmpty {
            return
        }
        // A claim the payer never took in: anything the 837P carries counts as its correction.
        let changes = built.billed.content.changes(since: last.claim.billed.content)
            + built.billed.correctionsBeyondContent(since: last.claim.billed)
        guard ready, last.rejectedBy999 || !changes.isEmpty else {
            if let rejection = history.rejection {
                // As the branches below send it: an original when the payer never had it.
                let correctedAs: SubmittedClaim.Frequency = last.claim.frequency == .original || history.payerClaimNumber == nil
                    ? .original : .replacement
                rejections.append(.init(claimID: history.claimID, note: note, rejection: rejection, correctedAs: correctedAs))
            }
            return
        }
        // The 999's errors (IK3, IK4) say what it found, which a set sent again unchanged may meet again.
        // A 277CA's reasons are all its status codes in words.
        let reasons = history.rejection.map { $0.fileRejected == nil ? Array($0.reasons.dropFirst()) : $0.reasons } ?? []
        let errors = reasons.isEmpty ? "" : " (" + reasons.joined(separator: "; ") + ")"
        let why = last.rejectedBy999 && changes.isEmpty ? "sent again: " + (history.rejection?.resentBecause ?? "the 999 rejected its transaction set") + errors
            : "corrected after rejection: " + changes.joined(separator: "; ")
        if last.claim.frequency == .original || history.payerClaimNumber == nil {
            resent.insert(history.claimID)
            add(built.billed, .original, why, member: built.service.member, history: history)
        } else if case let split = history.splitNumbers, !split.isEmpty {
            // The version before stands with the payer in parts: one
            // replacement names one of them (`claim-awaiting-payer` says so).
            corrections.append(.init(claimID: history.claimID, member: built.service.member, frequency: .replacement, why: why,
                                     note: note, sent: last.claim.location, inBatch: false, splitInto: split))
        } else {
            add(built.billed, .replacement, why, member: built.service.member, history: history, number: history.payerClaimNumber)
        }
    }

    private mutating func planVoid(_ history: ClaimHistory, sent: ClaimHistory.Version?) {
        let found = reasons.why(history.claimID)
        let why = "no longer billable: " + found.why
        let number = history.numberForCorrection
        let member = found.member ?? sent.flatMap { reasons.member(insuredAs: $0.claim.billed.memberID) } ?? ""
        guard !found.held else {
            corrections.append(.init(claimID: history.claimID, member: member, frequency: .void, why: found.why, note: found.place,
                                     sent: sent?.claim.location, inBatch: false, held: true))
            return
        }
        // Only a void that could go now is held: one waiting for the payer's
        // claim number is said by claim-awaiting-payer, and is judged again
        // once the number comes.
        let holding = number != nil && sent != nil
            ? holds.files(member: found.member, date: sent?.claim.billed.lines.first?.date, codes: Set(sent?.claim.billed.lines.map(\.cpt) ?? []))
            : []
        guard holding.isEmpty else {
            corrections.append(.init(claimID: history.claimID, member: member, frequency: .void, why: why, note: found.place,
                                     sent: sent?.claim.location, inBatch: false, held: true, heldByErrorsIn: holding))
            return
        }
        let unwritable = sent?.claim.billed.unwritableValue
        corrections.append(.init(claimID: history.claimID, member: member, frequency: .void, why: why, note: found.place,
                                 sent: sent?.claim.location, inBatch: number != nil && sent != nil && unwritable == nil,
                                 noVersionOnFile: sent == nil, splitInto: number == nil ? history.splitNumbers : [], unwritable: unwritable))
        if let number, let sent, unwritable == nil { add(sent.claim.billed, .void, why, member: member, history: history, number: number) }
    }

    private mutating func add(_ claim: BilledClaim, _ frequency: SubmittedClaim.Frequency, _ reason: String, member: String,
                              history: ClaimHistory?, number: String? = nil) {
        append(.init(claim: claim, frequency: frequency, reason: reason, payerClaimNumber: number,
                     lastSent: history?.lastSent?.file, member: member, date: claim.lines.first?.date))
    }

    private mutating func append(_ entry: NextBatch.Entry) {
        order.append(.planned(planned.count))
        planned.append(entry)
    }

    /// The entry of a ready claim never sent: an original.
    static func original(_ claim: Claim) -> NextBatch.Entry {
        let billed = claim.billed
        return .init(claim: billed, frequency: .original, reason: "never sent", payerClaimNumber: nil, lastSent: nil,
                     member: claim.service.member, date: billed.lines.first?.date)
    }
}
