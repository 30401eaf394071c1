import Foundation

/// The present moment in the practice's local time, as the commands default
/// to it: `check` measures dates against today, `sign` dates a signature now.
extension LocalDate {
    public static func today() -> LocalDate {
        Timestamp.now().date
    }
}

extension Timestamp {
    /// Now, to the minute, in the time zone of the machine.
    public static func now() -> Timestamp {
        let parts = Calendar.current.dateComponents([.year, .month, .day, .hour, .minute], from: Date())
        return Timestamp(date: LocalDate(year: parts.year!, month: parts.month!, day: parts.day!)!,
                         time: LocalTime(hour: parts.hour!, minute: parts.minute!)!)
    }
}
