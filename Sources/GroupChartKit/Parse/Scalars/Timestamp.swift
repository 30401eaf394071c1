/// A date and time in the practice's local time, as a signature is dated.
public struct Timestamp: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let date: LocalDate
    public let time: LocalTime

    public init(date: LocalDate, time: LocalTime) {
        self.date = date
        self.time = time
    }

    /// Reads `YYYY-MM-DDTHH:MM` or `YYYY-MM-DD HH:MM` (seconds allowed and dropped).
    public static func parse(_ text: String) -> Result<Timestamp, ScalarError> {
        if let timestamp = text.utf8.withContiguousStorageIfAvailable(plain) ?? nil { return .success(timestamp) }
        return parseByCharacters(text)
    }

    /// `parse` of any text, character by character: what explains a value that is not well-formed.
    static func parseByCharacters(_ text: String) -> Result<Timestamp, ScalarError> {
        let help = "write a timestamp as YYYY-MM-DDTHH:MM in the practice's local time, for example 2026-03-12T17:05"
        guard text.count >= 16 else { return .failure(ScalarError("\"\(text)\" is not a timestamp", help: help)) }
        let separator = text[text.index(text.startIndex, offsetBy: 10)]
        guard separator == "T" || separator == " " else {
            return .failure(ScalarError("\"\(text)\" is not a timestamp", help: help))
        }
        var clock = String(text.dropFirst(11))
        if clock.count == 8, clock.dropFirst(5).first == ":", clock.suffix(2).allSatisfy(\.isASCIIDigit) {
            // Seconds are dropped, but read: 16:00:99 is no time.
            guard let seconds = Int(clock.suffix(2)), seconds < 60 else {
                return .failure(ScalarError("\"\(text)\" is not a timestamp: a minute has 60 seconds, 00 to 59", help: help))
            }
            clock = String(clock.prefix(5))
        }
        switch (LocalDate.parse(String(text.prefix(10))), LocalTime.parse(clock)) {
        case (.success(let date), .success(let time)):
            return .success(Timestamp(date: date, time: time))
        case (.failure(let error), _):
            return .failure(ScalarError("\"\(text)\" is not a timestamp: \(error.message)", help: help))
        case (_, .failure):
            return .failure(ScalarError("\"\(text)\" is not a timestamp: the time is not HH:MM", help: help))
        }
    }

    /// A well-formed `YYYY-MM-DDTHH:MM` (or with a space, or with `:SS`,
    /// which is dropped) read from its bytes; `nil` for anything else, which
    /// `parse` reads (and explains) by characters (`LocalDate.plain`).
    static func plain(_ bytes: UnsafeBufferPointer<UInt8>) -> Timestamp? {
        guard bytes.count == 16 || bytes.count == 19, bytes[10] == 0x54 || bytes[10] == 0x20 else { return nil }
        if bytes.count == 19 {
            guard bytes[16] == 0x3A, let seconds = LocalDate.digits(bytes, 17..<19), seconds < 60 else { return nil }
        }
        guard let date = LocalDate.plain(UnsafeBufferPointer(rebasing: bytes[0..<10])),
              let time = LocalTime.plain(UnsafeBufferPointer(rebasing: bytes[11..<16])) else { return nil }
        return Timestamp(date: date, time: time)
    }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        (lhs.date, lhs.time) < (rhs.date, rhs.time)
    }

    /// The minutes from `other` to `self` (negative when `self` is earlier).
    public func minutes(since other: Timestamp) -> Int {
        (date.dayNumber - other.date.dayNumber) * 24 * 60 + time.minutes - other.time.minutes
    }

    /// `YYYY-MM-DDTHH:MM`.
    public var description: String { "\(date)T\(time)" }
}
