/// Everything that happened to one claim id, in time order, and where it
/// stands after it: the one place a claim's status is derived (architecture.md,
/// "a ledger of events per claim id"), the way a balance is derived from
/// entries. Emitters and rules read it; none recomputes a status.
public struct ClaimHistory: Sendable {
    /// One version of the claim as a submission sent it.
    public struct Version: Sendable {
        public var claim: SubmittedClaim
        public var file: String
        public var date: LocalDate?
        /// A 999 or 277CA rejected it: it never entered adjudication.
        public var rejected = false
        /// The rejection was of its whole transaction set, by a 999.
        public var rejectedBy999 = false
        /// An 835 denied this version itself (CLP02 4, its charge and
        /// frequency answering it) and no payment answered it.
        var denial: AdjudicationHistory.Decision?
        /// An 835 paid this version itself: a later denial of it is a
        /// duplicate's, and refuses nothing.
        var paid = false
    }

    /// Why the latest version was rejected, and where the answer says so.
    public struct Rejection: Sendable {
        public var reasons: [String]
        public var location: SourceLocation
        public var date: LocalDate?
        /// The whole transaction set or file was rejected (by a 999, or
        /// by a 277CA at its receiver's or provider's level): nothing in the
        /// claim need change for it to go out again.
        public var by999: Bool
        /// What a 277CA rejected whole, when it did (`ClaimEvent.fileRejected`):
        /// "its whole file", or "the practice's claims in its file".
        var fileRejected: String?

        /// Who rejected it.
        public var source: String { by999 && fileRejected == nil ? "the 999" : "a 277CA" }

        /// Why the batch sends it again unchanged.
        var resentBecause: String {
            fileRejected.map { "a 277CA rejected \($0)" } ?? "the 999 rejected its transaction set"
        }
    }

    public let claimID: String
    /// In time order.
    public let events: [ClaimEvent]
    /// Every version sent, oldest first.
    public private(set) var versions: [Version] = []
    /// The status the latest event leaves (before the next batch is planned).
    public private(set) var status = ClaimStatus.unbilled
    /// The payer's claim control number, from a 277CA (REF*1K) or an 835 (CLP07).
    public private(set) var payerClaimNumber: String?
    /// The latest payer claim number an 837P could not carry (the readers
    /// warn where it stands), while no later one could: what a correction
    /// waiting for a number waits for.
    public private(set) var unsendablePayerClaimNumber: String?
    /// The standing rejection of the latest version, if any.
    public private(set) var rejection: Rejection?
    /// A 277CA accepted or received it, or an 835 answered it.
    public private(set) var answered = false
    /// 277CA rejections of a version the payer had already taken into
    /// adjudication: any rejection after an 835 answered it (the payer
    /// decided on the claim, so what it turned away was a copy, or the answer
    /// came late), and one as a duplicate (STC status 54 or 78) after a
    /// 277CA A2. The claim stays with the payer. Any other rejection after
    /// an A2 is the claim's: a clearinghouse's A2 comes before the payer's
    /// own answer. Said by `acknowledgment`; taken as the claim's rejection,
    /// its correction went out as a second original, which the payer denies
    /// as a duplicate (CARC 18).
    public private(set) var rejectionsOfACopy: [Rejection] = []
    /// Originals sent while an earlier original stood unrejected: double billing.
    public private(set) var duplicates: [(first: Version, second: Version)] = []
    /// What the 835s decided, copies dropped and reversals applied.
    private(set) var adjudication = AdjudicationHistory([])
    /// A 277CA accepted (A2) or an 835 answered the latest version sent.
    private var lastVersionInAdjudication = false
    /// An 835 answered the latest version sent (a payment or a denial).
    private var lastVersionRemitted = false

    /// The status the claim had when its latest version was sent: what
    /// stands again if a 277CA rejects that version, a replacement or void.
    private var statusBeforeLastVersion = ClaimStatus.unbilled
    /// The payer's claim number when the latest version was sent.
    private var numberBeforeLastVersion: String?
    /// An 835 gave the payer claim number: a later 277CA's REF*1K does not replace it.
    private var numberFrom835 = false

    init(claimID: String, events: [ClaimEvent]) {
        self.claimID = claimID
        self.events = events.sorted(by: ClaimEvent.chronological)
        var remitted: [(remittance: Remittance, claim: RemittanceClaim)] = []
        var liveOriginal: Int?
        for event in self.events {
            switch event.kind {
            case .sent(let claim):
                lastVersionInAdjudication = false
                lastVersionRemitted = false
                // A new version may get a number of its own (an adjustment's ICN): a 277CA's is taken again.
                numberFrom835 = false
                let version = Version(claim: claim, file: event.file, date: event.date)
                if claim.frequency == .original {
                    if let live = liveOriginal { duplicates.append((versions[live], version)) }
                    liveOriginal = versions.count
                }
                versions.append(version)
                rejection = nil
                statusBeforeLastVersion = status
                numberBeforeLastVersion = payerClaimNumber
                status = claim.frequency == .void ? .voided : .submitted
            case .setAccepted:
                break
            case .setRejected(let submission, let reasons):
                guard let last = versions.indices.last, versions[last].file == submission else { continue }
                reject(last, Rejection(reasons: reasons, location: event.location, date: event.date, by999: true), live: &liveOriginal)
            case .acknowledged(let report):
                // A rejected transaction's number names no claim in adjudication,
                // and an 835's CLP07 is the payer's last word (decisions.md).
                if let number = report.payerClaimNumber, !number.isEmpty, !numberFrom835,
                   StatusCodes.categories[report.category]?.effect != .rejected {
                    take(number)
                }
                acknowledge(report, at: event, live: &liveOriginal)
            case .fileRejected(let submission, let report, let providerLevel):
                guard let last = versions.indices.last, versions[last].file == submission else { continue }
                let rejection = Rejection(reasons: report.statuses.map(StatusCodes.describe), location: report.location, date: event.date,
                                          by999: true, fileRejected: providerLevel ? "the practice's claims in its file" : "its whole file")
                // As a claim's own rejection (`acknowledge`): one that says "duplicate" (STC status 54
                // or 78: a file uploaded twice, the copy turned away), or comes after an 835 decided
                // the version, leaves the claim with the payer. Any other is the claim's: a
                // clearinghouse's A1 or A2 comes before the payer's own answer, which may reject the
                // provider's claims whole (not enrolled with it).
                let duplicate = report.statuses.contains { ["54", "78"].contains($0.status) }
                if lastVersionRemitted || duplicate {
                    rejectionsOfACopy.append(rejection)
                } else {
                    reject(last, rejection, live: &liveOriginal)
                }
            case .remitted(let remittance, let claim):
                remitted.append((remittance, claim))
                answered = true
                // An 835 of the version before says nothing of the latest: its
                // charge (CLP03) is not the latest's, or its frequency (CLP09)
                // is not, or the latest is a void, which nothing pays (a void
                // repeats the charge, as a replacement of the diagnoses alone does).
                if !claim.isReversal, versions.last.map({ Self.answers(claim, $0, numberBefore: numberBeforeLastVersion) }) ?? true {
                    lastVersionInAdjudication = true
                    lastVersionRemitted = true
                    if let last = versions.indices.last {
                        if !claim.isDenial {
                            versions[last].paid = true
                            versions[last].denial = nil
                        } else if !versions[last].paid {
                            versions[last].denial = .init(claim: claim, remittance: remittance)
                        }
                    }
                }
                endRejection(live: &liveOriginal)
                let decided = AdjudicationHistory(remitted)
                if let number = decided.payerClaimNumber {
                    take(number)
                    numberFrom835 = true
                }
                if status != .voided { status = settled(by: decided) }
            }
            // A rejected replacement or void never reached adjudication: what
            // the payer decided of the version before it stands, and the
            // rejection is shown beside it (decisions.md); a paid claim shown
            // as rejected read as owed in full by the payer.
            if status == .rejected, let last = versions.last, last.rejected, last.claim.frequency != .original {
                if !remitted.isEmpty {
                    status = settled(by: AdjudicationHistory(remitted))
                } else if [.received, .accepted].contains(statusBeforeLastVersion) {
                    // Accepted, not yet paid: the version before is still with the payer.
                    status = statusBeforeLastVersion
                }
            }
        }
        adjudication = AdjudicationHistory(remitted)
    }

    /// What of the charge of the version last sent the payer has not
    /// decided yet, its 835s having decided only parts of the claim
    /// (`AdjudicationHistory.undecided`): the claim stays `accepted`, its
    /// days outstanding counting, and `remittance` says so.
    public var undecidedCharge: Money? { undecided(by: adjudication) }

    /// The charge compared is the version the payer holds (a rejected
    /// replacement's never reached it), the charges any version sent.
    private func undecided(by decided: AdjudicationHistory) -> Money? {
        let sent = versions.filter { $0.claim.frequency != .void }.map(\.claim.billed.total)
        guard let charge = decidedVersion?.claim.billed.total else { return nil }
        return decided.undecided(of: charge, charges: Set(sent))
    }

    /// The version the 835s decide: the one the payer holds, else the last
    /// one sent that was no void.
    var decidedVersion: Version? { payerVersion ?? versions.last { $0.claim.frequency != .void } }

    /// What the 835s decided, as a status: theirs, but `accepted` while a
    /// part of the charge is undecided (not settled, aged on: outputs.md).
    private func settled(by decided: AdjudicationHistory) -> ClaimStatus {
        let status = decided.status
        return status != .reversed && undecided(by: decided) != nil ? .accepted : status
    }

    /// Whether a payment or denial in an 835 answers `version`: its charge
    /// is the version's, and its frequency (CLP09) too, or, where a payer
    /// repeats the original's frequency for a replacement, its claim number
    /// (CLP07) is a new one (an adjustment's), not the one known before.
    private static func answers(_ claim: RemittanceClaim, _ version: Version, numberBefore: String?) -> Bool {
        guard version.claim.frequency != .void, version.claim.billed.total == claim.billed else { return false }
        guard let frequency = claim.frequency, frequency != version.claim.frequency.rawValue else { return true }
        return !claim.payerClaimNumber.isEmpty && numberBefore != nil && claim.payerClaimNumber != numberBefore
    }

    private mutating func acknowledge(_ report: ClaimStatusReport, at event: ClaimEvent, live: inout Int?) {
        switch StatusCodes.categories[report.category]?.effect {
        case .received?:
            answered = true
            if status != .voided && !status.isAdjudicated { status = .received }
        case .accepted?:
            answered = true
            lastVersionInAdjudication = true
            endRejection(live: &live)
            if status != .voided && !status.isAdjudicated { status = .accepted }
        case .rejected?:
            let reasons = report.statuses.map(StatusCodes.describe)
            let rejection = Rejection(reasons: reasons, location: report.location, date: event.date, by999: false)
            // Only a rejection that says "duplicate" (STC status 54 or 78) is
            // of a copy: a clearinghouse's A2 comes before the payer's own
            // answer, whose rejection is the claim's (the latest event decides).
            if lastVersionRemitted || lastVersionInAdjudication && report.statuses.contains(where: { ["54", "78"].contains($0.status) }) {
                rejectionsOfACopy.append(rejection)
            } else if let last = versions.indices.last {
                reject(last, rejection, live: &live)
            } else {
                // Answered, so sent (lifecycle.md): never sent again as an
                // original, though no submission on file holds it.
                answered = true
                self.rejection = rejection
                status = .rejected
            }
        case .none?, nil:
            break
        }
    }

    private mutating func reject(_ index: Int, _ rejection: Rejection, live: inout Int?) {
        versions[index].rejected = true
        versions[index].rejectedBy999 = rejection.by999
        if live == index { live = nil }
        self.rejection = rejection
        status = .rejected
    }

    /// The payer's claim number an answer gives, unless an 837P cannot
    /// carry it: a replacement or void names the last one it can.
    private mutating func take(_ number: String) {
        if PayerClaimNumber.isSendable(number) {
            payerClaimNumber = number
            unsendablePayerClaimNumber = nil
        } else {
            unsendablePayerClaimNumber = number
        }
    }

    /// A later answer that the claim entered adjudication (a 277CA A2, an
    /// 835) ends a rejection of the version it answers: the latest event
    /// decides (lifecycle.md), and the claim is with the payer, so sending
    /// it again as an original would bill it twice (CARC 18). A later A1
    /// (received) does not: a clearinghouse's receipt filed the same day
    /// as the payer's rejection could sort after it.
    private mutating func endRejection(live: inout Int?) {
        rejection = nil
        guard let last = versions.indices.last, versions[last].rejected else { return }
        versions[last].rejected = false
        versions[last].rejectedBy999 = false
        if versions[last].claim.frequency == .original, live == nil { live = last }
    }

    /// The latest version sent, rejected or not.
    public var lastSent: Version? { versions.last }

    /// The version the payer holds: the latest original or replacement that
    /// was not rejected, nor refused (`refusedCorrection`). `nil` when none
    /// was, or when the claim was only answered (sent before the practice
    /// kept its submissions).
    public var payerVersion: Version? {
        versions.last { !$0.rejected && $0.claim.frequency != .void && !isRefused($0) }
    }

    /// The latest version, when it is a replacement the payer turned down:
    /// an 835 denied it (CLP02 4, answering its charge and frequency) while
    /// the payment of a version before it still stands, in another 835.
    /// The payer holds the version it paid, and the replacement's changes
    /// are not paid: a void or a later replacement repeats and names the
    /// version paid, and the same replacement is not sent again unchanged
    /// (`NextBatch`). Read as a duplicate's denial beside the payment, the
    /// claim showed paid with nothing to work, and its void named the
    /// denial's number and repeated the denied lines (a biller's review).
    public var refusedCorrection: (version: Version, denial: RemittanceClaim, remittance: Remittance)? {
        guard let last = versions.last, isRefused(last), let denial = last.denial else { return nil }
        return (last, denial.claim, denial.remittance)
    }

    /// A replacement the payer denied, never paid, while a payment of the
    /// payer billed as primary stands from another 835: a payment of a
    /// version before it. The replacement's own payment followed by a
    /// duplicate's denial, or a secondary payer's payment after the
    /// primary took its payment back, refuse nothing (a code review found
    /// both taken for a refusal, and a void repeating the original's lines).
    private func isRefused(_ version: Version) -> Bool {
        guard version.claim.frequency == .replacement, !version.paid, let denial = version.denial else { return false }
        return adjudication.standing.contains { decision in
            !decision.claim.isReversal && !decision.claim.isDenial && !AdjudicationHistory.isLaterPayer(decision.claim)
                && !decision.remittance.isSameTransaction(as: denial.remittance)
        }
    }

    /// A replacement was sent and neither a 277CA acceptance (A2) nor an
    /// 835 has answered it yet: the payer may give it a number of its own
    /// (an adjustment's ICN), and a second correction naming the number of
    /// the version before is rejected as naming a claim already adjusted,
    /// or, for a void, leaves the replacement standing.
    public var awaitsAnswerToReplacement: Bool {
        guard let last = versions.last else { return false }
        return last.claim.frequency == .replacement && !last.rejected && !lastVersionInAdjudication
    }

    /// The payer's claim number a replacement or void sent now names:
    /// `nil` (it waits, `claim-awaiting-payer`) while none is known, while
    /// the replacement sent last is unanswered, or while the payer has the
    /// claim in parts under several numbers (`splitNumbers`).
    public var numberForCorrection: String? { awaitsAnswerToReplacement || !splitNumbers.isEmpty ? nil : payerClaimNumber }

    /// The payer's numbers of the parts it split the claim into, when it
    /// did: parts of the charge of a version sent (`AdjudicationHistory`).
    /// Without a version on file, a part is told by a charge under the
    /// largest decided.
    public var splitNumbers: [String] {
        var charges = Set(versions.map(\.claim.billed.total))
        if charges.isEmpty, let largest = adjudication.largestCharge { charges.insert(largest) }
        return adjudication.splitNumbers(charges: charges)
    }

    /// A void of it was sent and not rejected.
    public var isVoided: Bool {
        guard let last = versions.last else { return false }
        return last.claim.frequency == .void && !last.rejected
    }

    /// Sent at least once, or answered by a 277CA or 835 (lifecycle.md: such a
    /// claim is never sent again as an original).
    public var wasSent: Bool { !versions.isEmpty || answered }

    /// The date of the first submission of it.
    public var firstSubmitted: LocalDate? { versions.first?.date }

}
