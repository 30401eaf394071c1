/// A note dated after today is allowed (a skeleton made the evening before),
/// but never silently: it fails `future-session` until that day, and a
/// mistyped year is easier to catch when it is written than when billed.
enum FutureDate {
    static func warning(_ date: LocalDate, today: LocalDate) -> String? {
        guard date > today else { return nil }
        return """
            \(date) is after today (\(today)): the notes were written, but check reports future-session until \
            that day; if the date is wrong, delete what was written and run the command again with the right one
            """
    }
}
