/// A time of day on the 24-hour clock, as session times are written.
///
/// `14:00` and `"14:00"` both mean 14:00: YAML 1.1's sexagesimal reading of
/// the unquoted form (840) never reaches this type because scalars are read
/// as text.
public struct LocalTime: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// Minutes since midnight.
    public let minutes: Int

    public init?(hour: Int, minute: Int) {
        guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        minutes = hour * 60 + minute
    }

    public var hour: Int { minutes / 60 }
    public var minute: Int { minutes % 60 }

    /// Reads `HH:MM`.
    public static func parse(_ text: String) -> Result<LocalTime, ScalarError> {
        if let time = text.utf8.withContiguousStorageIfAvailable(plain) ?? nil { return .success(time) }
        return parseByCharacters(text)
    }

    /// `parse` of any text, character by character: what explains a value that is not well-formed.
    static func parseByCharacters(_ text: String) -> Result<LocalTime, ScalarError> {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
              let hour = Int(parts[0]), let minute = Int(parts[1]) else {
            return .failure(ScalarError("\"\(text)\" is not a time", help: "write times on the 24-hour clock as HH:MM, for example \"14:00\""))
        }
        guard let time = LocalTime(hour: hour, minute: minute) else {
            return .failure(ScalarError("\"\(text)\" is not a time of day", help: "hours run 00 to 23 and minutes 00 to 59"))
        }
        return .success(time)
    }

    /// A well-formed `HH:MM` read from its bytes; `nil` for anything else,
    /// which `parse` reads (and explains) by characters (`LocalDate.plain`).
    static func plain(_ bytes: UnsafeBufferPointer<UInt8>) -> LocalTime? {
        guard bytes.count == 5, bytes[2] == 0x3A, let hour = LocalDate.digits(bytes, 0..<2),
              let minute = LocalDate.digits(bytes, 3..<5) else { return nil }
        return LocalTime(hour: hour, minute: minute)
    }

    public static func < (lhs: LocalTime, rhs: LocalTime) -> Bool { lhs.minutes < rhs.minutes }

    /// `HH:MM`.
    public var description: String { "\(pad(hour, 2)):\(pad(minute, 2))" }
}
