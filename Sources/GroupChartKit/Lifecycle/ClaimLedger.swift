/// The billing history of the whole practice: every claim id's events,
/// gathered from `submissions/`, `acknowledgments/` and `remittances/` and
/// matched as lifecycle.md says (a 999's AK102 and AK202 name a
/// submission's GS06 and ST02; a 277CA's TRN02 and an 835's CLP01 name the
/// claim id, CLM01). What matches nothing is kept for the `acknowledgment`
/// rule; nothing here reads the notes.
public struct ClaimLedger: Sendable {
    /// An answer, or a part of one, that names no submission or claim.
    public struct Unmatched: Sendable {
        public var location: SourceLocation
        public var message: String
        public var help: String
    }

    /// A sign that a submission was changed after it was sent.
    public struct Discrepancy: Sendable {
        public var location: SourceLocation
        public var message: String
        public var related: SourceLocation
    }

    public let histories: [String: ClaimHistory]
    public let unmatched: [Unmatched]
    public let discrepancies: [Discrepancy]
    /// The files of the submissions a 999 answered.
    public let acknowledgedSubmissions: Set<String>
    /// ISA13 of the next batch: one more than the largest in submissions/.
    public let nextControlNumber: Int

    public init(record: PracticeRecord, knownClaimIDs: Set<String>) {
        self.init(record: record, knownClaimIDs: knownClaimIDs, only: nil)
    }

    /// `only`: the histories of those claims alone, and nothing said of any
    /// other (`TextOnlyBuild`, which renders a part of the practice: at
    /// 20,000 billed claims, the histories of all were a tenth of it).
    init(record: PracticeRecord, knownClaimIDs: Set<String>, only: Set<String>?) {
        let history = record.billingHistory
        let wanted = { (id: String) in only?.contains(id) != false }
        var events: [String: [ClaimEvent]] = [:]
        var unmatched: [Unmatched] = []
        var acknowledged: Set<String> = []
        // A test interchange (ISA15 T) and its test system's answers billed
        // no payer: a rehearsal while the practice is in test mode, nothing
        // once it bills in production, so that the claims it held are sent.
        let production = record.practice?.edi?.usage?.value == .production
        for submission in history.submissions where !production || submission.testIndicator == nil {
            for claim in submission.claims where wanted(claim.billed.id) {
                events[claim.billed.id, default: []].append(
                    ClaimEvent(kind: .sent(claim), date: submission.date, file: submission.file, location: claim.location))
            }
        }
        for acknowledgment in history.implementationAcknowledgments {
            for group in acknowledgment.groups {
                guard let submission = Self.submission(for: group.groupControl.value, before: acknowledgment.date, in: history.submissions) else {
                    unmatched.append(Unmatched(
                        location: group.groupControl.location,
                        message: "this 999 answers group control number \"\(group.groupControl.value)\" (AK102), which no submission in submissions/ has",
                        help: "save in submissions/ the 837P this 999 answers (its GS06 is \(group.groupControl.value)), or remove a 999 of another practice"))
                    continue
                }
                acknowledged.insert(submission.file)
                // The test system's answer to a test interchange, read no more than the interchange is.
                if production, submission.testIndicator != nil { continue }
                for set in group.sets where !submission.claims.contains(where: { $0.transactionControl == set.transactionControl.value }) {
                    unmatched.append(Unmatched(
                        location: set.transactionControl.location,
                        message: "this 999 answers transaction set \"\(set.transactionControl.value)\" (AK202), which \(submission.file) does not hold",
                        help: "compare AK202 with the ST02 of \(submission.file)"))
                }
                for claim in submission.claims where wanted(claim.billed.id) {
                    guard let kind = Self.answer(of: group, for: claim, submission: submission.file) else { continue }
                    events[claim.billed.id, default: []].append(
                        ClaimEvent(kind: kind.event, date: acknowledgment.date, file: acknowledgment.file, location: kind.location))
                }
            }
        }
        var discrepancies: [Discrepancy] = []
        for acknowledgment in history.claimAcknowledgments where !production || !acknowledgment.isTest {
            for report in acknowledgment.claims where wanted(report.claimID.value) {
                guard knownClaimIDs.contains(report.claimID.value) || events[report.claimID.value] != nil else {
                    unmatched.append(Unmatched(
                        location: report.claimID.location,
                        message: "this 277CA answers claim \"\(report.claimID.value)\" (TRN02), which no submission holds and the practice does not bill",
                        help: "compare TRN02 with claim_id in claims.csv; renaming a session folder after billing changes its claims' ids"))
                    continue
                }
                events[report.claimID.value, default: []].append(
                    ClaimEvent(kind: .acknowledged(report), date: report.date ?? acknowledgment.date, file: acknowledgment.file, location: report.location))
            }
        }
        // A rejection of a whole file, or of the practice's claims in it, is
        // each of its claims' rejection, and as a 999's: the file never
        // reached the payer, so its claims go out again unchanged.
        for acknowledgment in history.claimAcknowledgments where !production || !acknowledgment.isTest {
            for scope in acknowledgment.scopeRejections {
                // Another provider's claims (a billing service's other practice): not the practice's.
                if Self.namesAnotherProvider(scope, practice: record.practice) { continue }
                let codes = scope.statuses.map(\.code).joined(separator: ", ")
                guard let trace = scope.trace,
                      let submission = Self.submission(traced: trace.value, before: scope.date ?? acknowledgment.date, in: history.submissions) else {
                    unmatched.append(Unmatched(
                        location: scope.location,
                        message: "this 277CA rejects \(scope.providerLevel ? "the practice's claims in an 837P" : "a whole 837P") "
                            + "(\(codes)), and its trace number \(scope.trace.map { "\"\($0.value)\" (TRN02)" } ?? "(TRN02, absent)") "
                            + "names no submission in submissions/: those claims never reached the payer",
                        help: "find the batch it answers (GroupChart writes its ISA13 as BHT03, which the 277CA repeats in TRN02 "
                            + "of loop 2200B), correct what the status codes name, and ask the clearinghouse how to send it again"))
                    continue
                }
                for claim in submission.claims where wanted(claim.billed.id) {
                    let report = ClaimStatusReport(claimID: Located(claim.billed.id, at: scope.location), statuses: scope.statuses,
                                                   payerClaimNumber: nil, date: scope.date, amount: nil, location: scope.location)
                    events[claim.billed.id, default: []].append(
                        ClaimEvent(kind: .fileRejected(submission: submission.file, report: report, providerLevel: scope.providerLevel),
                                   date: scope.date ?? acknowledgment.date,
                                   file: acknowledgment.file, location: scope.location))
                }
            }
        }
        for remittance in record.remittances {
            for claim in remittance.claims where wanted(claim.claimID.value)
                && (knownClaimIDs.contains(claim.claimID.value) || events[claim.claimID.value] != nil) {
                events[claim.claimID.value, default: []].append(
                    ClaimEvent(kind: .remitted(remittance, claim), date: remittance.date, file: remittance.file, location: claim.claimID.location))
            }
        }
        var histories: [String: ClaimHistory] = [:]
        for (id, claimEvents) in events {
            let history = ClaimHistory(claimID: id, events: claimEvents)
            histories[id] = history
            discrepancies += Self.discrepancies(in: history)
        }
        self.histories = histories
        self.unmatched = unmatched
        self.discrepancies = discrepancies.sorted { $0.location < $1.location }
        acknowledgedSubmissions = acknowledged
        let largest = history.submissions.compactMap(\.controlNumber).max() ?? 0
        nextControlNumber = largest < 999_999_999 ? largest + 1 : Self.smallestUnused(history.submissions.compactMap(\.controlNumber))
    }

    public func history(_ claimID: String) -> ClaimHistory? { histories[claimID] }

    /// The submission whose group a 999 answers: the latest sent on or before
    /// the 999's date among those with that GS06 (programs that reuse group
    /// numbers make several candidates).
    private static func submission(for groupControl: String, before date: LocalDate?, in submissions: [Submission]) -> Submission? {
        let candidates = submissions.filter { $0.groupControls.contains { Self.sameGroupControl($0, groupControl) } }
        return latest(of: candidates, before: date)
    }

    /// Whether a provider's level names another provider than the practice:
    /// by NPI (`XX`) or tax id (`FI`, digits compared), as practice.yaml
    /// gives them; any other qualifier, or one the practice does not give,
    /// is taken as the practice's (a rejection read past leaves its claims
    /// waiting without a word, which a code review found for `FI`).
    static func namesAnotherProvider(_ scope: ClaimAcknowledgment.ScopeRejection, practice: Practice?) -> Bool {
        guard scope.providerLevel, let id = scope.providerID, let qualifier = scope.providerQualifier else { return false }
        let digits = { (text: String) in text.filter(\.isASCIIDigit) }
        switch qualifier {
        case "XX":
            guard let npi = practice?.npi?.value, !npi.isEmpty else { return false }
            return id != npi
        case "FI":
            guard let tax = practice?.taxID?.value, !digits(tax).isEmpty else { return false }
            return digits(id) != digits(tax)
        default:
            return false
        }
    }

    /// The submission a 277CA's rejection of a whole file names by its
    /// receiver's TRN02 (the 837P's BHT03, which GroupChart writes as the
    /// interchange control number): the latest sent on or before it whose
    /// ISA13 or GS06 is that number.
    private static func submission(traced trace: String, before date: LocalDate?, in submissions: [Submission]) -> Submission? {
        // By ISA13, which GroupChart writes as BHT03; by GS06 only when no ISA13 is it
        // (another program's file reusing GS06 1 named the wrong batch).
        let byInterchange = submissions.filter { $0.interchangeControl.map { sameGroupControl($0.value, trace) } == true }
        let candidates = !byInterchange.isEmpty ? byInterchange
            : submissions.filter { $0.groupControls.contains { sameGroupControl($0, trace) } }
        return latest(of: candidates, before: date)
    }

    /// The latest of `candidates` sent on or before `date` (all of them when
    /// none was), an answer naming a number several submissions share.
    private static func latest(of candidates: [Submission], before date: LocalDate?) -> Submission? {
        let earlier = candidates.filter { candidate in
            guard let date, let sent = candidate.date else { return true }
            return sent <= date
        }
        return (earlier.isEmpty ? candidates : earlier).max { ($0.date?.dayNumber ?? Int.min, $0.file) < ($1.date?.dayNumber ?? Int.min, $1.file) }
    }

    /// GS06 and AK102 are numbers (X12 type N0): a 999 that writes "000000002"
    /// for the group sent as "2" answers it, where comparing the text left
    /// the rejection unapplied and its claims waiting for ever (a billing review).
    static func sameGroupControl(_ sent: String, _ answered: String) -> Bool {
        if sent == answered { return true }
        func number(_ text: String) -> Substring? {
            guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
            let digits = text.drop { $0 == "0" }
            return digits.isEmpty ? "0" : digits
        }
        guard let a = number(sent), let b = number(answered) else { return false }
        return a == b
    }

    /// What a 999's group answer says of one claim: its set's IK5 when the
    /// set is listed, else the group's AK9 (a rejected group rejects every set).
    private static func answer(of group: ImplementationAcknowledgment.GroupResponse, for claim: SubmittedClaim,
                               submission: String) -> (event: ClaimEvent.Kind, location: SourceLocation)? {
        // AK9 R rejects the whole group, whatever a set's IK5 says (lifecycle.md:
        // "IK5 R, or AK9 R for its group"); an IK5 A beside it was read as accepted.
        let set = group.sets.first { $0.transactionControl.value == claim.transactionControl }
        if let code = group.code, ImplementationAcknowledgment.isRejection(code.value) {
            // With the set's own errors (IK3, IK4) when it lists them: what to correct.
            return (.setRejected(submission: submission, reasons: ["the whole functional group was rejected (AK9 \(code.value))"]
                        + (set?.errors ?? [])), code.location)
        }
        if let set {
            let code = set.code?.value ?? group.code?.value ?? "A"
            let location = set.code?.location ?? set.transactionControl.location
            if ImplementationAcknowledgment.isRejection(code) {
                let reasons = ["\(StatusCodes.word(code, in: StatusCodes.acknowledgmentCodes, list: "acknowledgment"))"] + set.errors
                return (.setRejected(submission: submission, reasons: reasons), location)
            }
            return (.setAccepted(submission: submission), location)
        }
        guard let code = group.code else { return nil }
        if ImplementationAcknowledgment.isRejection(code.value) {
            return (.setRejected(submission: submission, reasons: ["the whole functional group was rejected (AK9 \(code.value))"]), code.location)
        }
        return (.setAccepted(submission: submission), code.location)
    }

    /// A 277CA or 835 that read another charge than the submission it
    /// answers states: the submission was likely edited after it was sent.
    private static func discrepancies(in history: ClaimHistory) -> [Discrepancy] {
        var found: [Discrepancy] = []
        var sent: ClaimHistory.Version?
        for event in history.events {
            switch event.kind {
            case .sent(let claim):
                sent = history.versions.first { $0.claim.location == claim.location }
            case .acknowledged(let report):
                if let sent, let amount = report.amount, sent.claim.billed.total != amount, sent.claim.frequency != .void {
                    found.append(Discrepancy(
                        location: sent.claim.location,
                        message: "claim \"\(history.claimID)\" totals \(sent.claim.billed.total) here, but the 277CA of \(event.file) read \(amount) (STC04)",
                        related: report.location))
                }
            default:
                break
            }
        }
        return found
    }

    private static func smallestUnused(_ used: [Int]) -> Int {
        let taken = Set(used)
        return (1...999_999_999).first { !taken.contains($0) } ?? 1
    }
}
