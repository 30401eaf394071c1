/// `individual-time-code`: an individual psychotherapy code that does not
/// match the session's length.
struct IndividualTimeCodeRule: Rule {
    let id = "individual-time-code"
    let isSessionLocal = true
    let defaultSeverity = Severity.error
    let summary = "the CPT code does not match the minutes from `start` to `end` (90832 16-37, 90834 38-52, 90837 53 or more; under 16 is not billable)"
    /// The time ranges of the individual psychotherapy codes, in minutes.
    static let codes: [(code: String, minutes: ClosedRange<Int>)] = [
        ("90832", 16...37), ("90834", 38...52), ("90837", 53...1440),
    ]
    let explanation = Explanation(
        checks: """
            That an individual note's CPT code is the one its length calls for: 90832 for 16 to 37 minutes, \
            90834 for 38 to 52, 90837 for 53 or more, counted from `start` to `end`. Under 16 minutes, no \
            psychotherapy code can be billed.
            """,
        why: """
            Individual psychotherapy codes are billed by time; a 45-minute session billed as 90837 is an \
            upcode, and payers audit time-based codes against the documented start and end.
            """,
        example: """
            start: "10:00"
            end: "10:45"
            cpt: "90837"
            """,
        fix: "Bill the code for the minutes documented (here 90834), or correct the times if they are wrong.")

    func check(_ context: RuleContext) -> [Finding] {
        context.record.members.flatMap(\.individualNotes).compactMap { note in
            guard let cpt = note.cpt, let start = note.start?.value, let end = note.end?.value, end > start else { return nil }
            let minutes = end.minutes - start.minutes
            let expected = Self.codes.first { $0.minutes.contains(minutes) }?.code
            guard cpt.value != expected else { return nil }
            guard let expected else {
                return Finding(cpt.location, "a \(minutes)-minute session (\(start)-\(end)) is too short to bill as psychotherapy",
                               help: "psychotherapy codes start at 16 minutes; do not bill this session as \(cpt.value)")
            }
            let billed = Self.codes.first { $0.code == cpt.value }
            let range = billed.map {
                $0.minutes.upperBound == 1440 ? " (\($0.minutes.lowerBound) minutes or more)" : " (\($0.minutes.lowerBound)-\($0.minutes.upperBound) minutes)"
            } ?? ""
            let what = billed == nil ? "\(cpt.value), which is not an individual psychotherapy code" : "\(cpt.value)\(range)"
            return Finding(cpt.location, "a \(minutes)-minute session (\(start)-\(end)) is billed as \(what)",
                           help: "bill \(expected) for \(minutes) minutes, or correct start and end")
        }
    }
}
