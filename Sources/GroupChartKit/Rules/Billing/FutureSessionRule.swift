/// `future-session`: a date of service after today.
struct FutureSessionRule: Rule {
    let id = "future-session"
    let isSessionLocal = true
    let defaultSeverity = Severity.error
    let summary = "the date of service is after today (`--today` sets today)"
    let explanation = Explanation(
        checks: "That no session note or individual note is dated after today (the local date, or `--today`).",
        why: "A service cannot be billed before it happens; a future date is usually a typo in the year or month.",
        example: "date: 2062-03-12",
        fix: "Correct the date; write the notes of a session after it has taken place.")

    func check(_ context: RuleContext) -> [Finding] {
        let sessionDates = context.record.sessions.compactMap { $0.note?.date }
        let individualDates = context.record.members.flatMap(\.individualNotes).compactMap(\.date)
        return (sessionDates + individualDates).filter { $0.value > context.today }.map { date in
            Finding(date.location, "the date of service \(date.value) is after today (\(context.today))",
                    help: "correct the date (or pass --today when checking as of another day)")
        }
    }
}
