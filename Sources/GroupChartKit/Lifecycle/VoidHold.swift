/// Which errors hold a void. A claim billed and paid stops building when an
/// edit takes it out of the record, and a void takes the payment back; the
/// edits that do so by mistake (a member id misspelt in an attendance log,
/// a note changed after signing, a member's folder renamed) leave errors.
/// So a void waits while an error stands in what it is about: practice.yaml,
/// the member's folder, or a session folder of its date of service (or of
/// no readable date). Fixed, the claim builds again and the void goes away,
/// or the void goes out in the next batch. Without this, one typo put a void
/// of a paid claim in the batch, and `submit` sent it. A replacement waits
/// the same way: the same edit can change one claim and end another (a
/// member marked absent ends the group claim and takes the same-day
/// modifier off the individual one), and both go, or neither.
struct VoidHold {
    private let record: PracticeRecord
    /// Files with an error that holds claims (the billing history's own
    /// findings, about what was sent and came back, do not).
    private let errorFiles: Set<String>
    /// The CPT codes of practice.yaml's errors scoped to a code (a fee
    /// missing or unreadable), when all of its errors are: such an error
    /// holds only a correction of a claim with a line of that code. A draft
    /// note asking for 90785 with no 90785 fee held every void.
    private let practiceCodes: Set<String>?

    init(record: PracticeRecord, errors: [Diagnostic]) {
        self.record = record
        // A session recorded as psychoeducation, or left with too few
        // members, is the reason its claims no longer build: its error
        // cannot hold their voids, or they could never go.
        let holding = errors.filter { $0.holdsClaims && !RuleRegistry.unbillableSessionRules.contains($0.rule) }
        errorFiles = Set(holding.map(\.location.file))
        var codes: Set<String>? = []
        for error in holding where error.location.file == "practice.yaml" {
            guard case .code(let code) = error.scope else {
                codes = nil
                break
            }
            codes?.insert(code)
        }
        practiceCodes = codes
    }

    /// The files whose errors hold a void of `member`'s claim of `date`,
    /// sorted; empty when it may go out. The member may be unknown (its
    /// folder gone or renamed): then the sessions of the date decide.
    /// `codes`: the CPT codes of the claim's lines, as sent and as built.
    func files(member: String?, date: LocalDate?, codes: Set<String>) -> [String] {
        guard !errorFiles.isEmpty else { return [] }
        let practiceHolds = practiceCodes.map { !$0.isDisjoint(with: codes) } ?? true
        let sessions = record.sessions.filter { session in
            guard let day = session.note?.date?.value else { return true }
            return date.map { $0 == day } ?? true
        }.map { "sessions/\($0.id)/" }
        return errorFiles.filter { file in
            (file == "practice.yaml" && practiceHolds) || member.map { file.hasPrefix("members/\($0)/") } == true
                || sessions.contains { file.hasPrefix($0) }
        }.sorted()
    }
}
