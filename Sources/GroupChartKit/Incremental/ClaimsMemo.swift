import Foundation

/// The claims of the last check of a long-running command (`watch`,
/// `serve`) and the claim files the last build made of them, kept with what
/// they were made from, so that a save that changes none of it (a word of a
/// note's text: most saves) builds neither again. At 20,000 notes the claims
/// and the next batch took 230 to 260 ms of each save in `watch`, and their
/// files 170 to 200 ms more.
///
/// The inputs are compared whole, by value (`ClaimInputs`), not by the
/// files' digests: a note's text changes its file's digest but not its
/// claim. A cold build builds the claims from the same values
/// (`PracticeRecord.lettingGoOfNoteBodies`), so what is kept is what a cold
/// build makes of the same files (`IncrementalEquivalenceTests`).
final class ClaimsMemo: @unchecked Sendable {
    private let lock = NSLock()
    private var last: (inputs: ClaimInputs, billing: Billing, generation: Int)?
    private var generation = 0
    /// How many times the kept claims, ledger or claim files were given back (for the tests).
    private(set) var reuses = 0

    /// The billing of the last check when its inputs are those of `record`,
    /// `errors` and `today`; otherwise the one `make` builds, kept for the
    /// next check.
    func billing(record: PracticeRecord, errors: [Diagnostic], today: LocalDate, make: () -> Billing) -> Billing {
        let inputs = ClaimInputs(record: record, errors: errors, today: today)
        lock.lock()
        if let last, last.inputs == inputs {
            reuses += 1
            lock.unlock()
            return last.billing
        }
        lock.unlock()
        var billing = make()
        lock.lock()
        generation += 1
        billing.generation = generation
        last = (inputs, billing, generation)
        lock.unlock()
        return billing
    }

    /// The reimbursement ledger of `billing` and `today` when the last one
    /// was made of the same (a billing this memo kept: its inputs,
    /// members included, are those of the last check); otherwise the one
    /// `make` makes, kept under `billing`'s generation when it has one.
    func reimbursement(of billing: Billing, today: LocalDate, make: () -> ReimbursementLedger) -> ReimbursementLedger {
        kept(\.ledger, of: billing, with: today, make: make)
    }

    /// The claim files of the last build when they were made of `billing`
    /// (the same generation of this memo), and the rest of their inputs
    /// (what holds the 837, today's date) are the same; otherwise those
    /// `make` makes, kept under `billing`'s generation when it has one.
    func claimFiles(of billing: Billing, heldBy: [String], today: LocalDate,
                    make: () throws -> [(path: String, bytes: [UInt8]?)]) rethrows -> [(path: String, bytes: [UInt8]?)] {
        try kept(\.files, of: billing, with: FilesInputs(heldBy: heldBy, today: today), make: make)
    }

    /// What is made of a billing, kept under its generation and the rest of its inputs.
    private struct Kept<Inputs: Equatable, Value> {
        var generation: Int
        var inputs: Inputs
        var value: Value
    }

    private struct FilesInputs: Equatable {
        var heldBy: [String]
        var today: LocalDate
    }

    private var files: Kept<FilesInputs, [(path: String, bytes: [UInt8]?)]>?
    private var ledger: Kept<LocalDate, ReimbursementLedger>?

    /// The value in `slot` when it was made of `billing` (the same
    /// generation of this memo) and `inputs`; otherwise the one `make`
    /// makes, kept there when `billing` has a generation.
    private func kept<Inputs: Equatable, Value>(_ slot: ReferenceWritableKeyPath<ClaimsMemo, Kept<Inputs, Value>?>, of billing: Billing,
                                                 with inputs: Inputs, make: () throws -> Value) rethrows -> Value {
        let current = billing.generation
        let found = lock.withLock { () -> Value? in
            guard let kept = self[keyPath: slot], let current, kept.generation == current, kept.inputs == inputs else { return nil }
            reuses += 1
            return kept.value
        }
        if let found { return found }
        let made = try make()
        if let current { lock.withLock { self[keyPath: slot] = Kept(generation: current, inputs: inputs, value: made) } }
        return made
    }
}

/// What a practice's claims and next batch are built from: the record
/// without its notes' bodies (`PracticeRecord.lettingGoOfNoteBodies`) and
/// without the digests of the notes' text as it stands now (read only by
/// `signature-mismatch`, whose errors are among `errors`), the errors that
/// hold claims, and today's date. The files' text, the strays and the
/// reading's findings are not among them: no claim reads them, and the
/// findings reach the claims as errors.
///
/// The sessions are kept as read and compared session by session: equal as
/// they are (in `watch`, a session whose files did not change holds the
/// very notes of the last check, shared, so comparing it is a comparison of
/// references), or else equal once their notes' bodies are let go. Letting
/// every note's body go before comparing copied 20,000 notes per save.
struct ClaimInputs: Equatable {
    let practice: Practice?
    let groups: [Group]
    let members: [Member]
    let sessions: [Session]
    let services: [BillableService]
    let remittances: [Remittance]
    let billingHistory: BillingHistoryFiles
    let errors: [Diagnostic]
    let today: LocalDate

    static func == (lhs: ClaimInputs, rhs: ClaimInputs) -> Bool {
        guard lhs.practice == rhs.practice, lhs.groups == rhs.groups, lhs.members == rhs.members,
              lhs.services == rhs.services, lhs.remittances == rhs.remittances, lhs.billingHistory == rhs.billingHistory,
              lhs.errors == rhs.errors, lhs.today == rhs.today, lhs.sessions.count == rhs.sessions.count else { return false }
        for index in lhs.sessions.indices {
            let (left, right) = (lhs.sessions[index], rhs.sessions[index])
            if left == right { continue }
            guard PracticeRecord.withoutNoteBodies(left, keepingCurrentDigests: false)
                == PracticeRecord.withoutNoteBodies(right, keepingCurrentDigests: false) else { return false }
        }
        return true
    }

    init(record: PracticeRecord, errors: [Diagnostic], today: LocalDate) {
        members = record.membersWithoutNoteBodies(keepingCurrentDigests: false)
        sessions = record.sessions
        practice = record.practice
        groups = record.groups
        services = record.services
        remittances = record.remittances
        billingHistory = record.billingHistory
        // In the order of the report: the checker gives the errors in the
        // order the rules found them, which differs between a check over
        // every session and one that took the untouched sessions' findings
        // as kept (`SessionScopedFindings`).
        self.errors = CheckReport.ordered(errors.filter { $0.severity == .error })
        self.today = today
    }
}
