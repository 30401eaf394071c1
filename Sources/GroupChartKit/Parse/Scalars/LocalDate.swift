/// A calendar date with no time zone, as a date of service is written.
///
/// Parsed strictly: `2026-02-30` is an error, never March 2 as a lenient
/// date parser would have it.
public struct LocalDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...LocalDate.days(inMonth: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Reads `YYYY-MM-DD`; the error says what is wrong in words.
    public static func parse(_ text: String) -> Result<LocalDate, ScalarError> {
        if let date = text.utf8.withContiguousStorageIfAvailable(plain) ?? nil { return .success(date) }
        return parseByCharacters(text)
    }

    /// `parse` of any text, character by character: what explains a value that is not well-formed.
    static func parseByCharacters(_ text: String) -> Result<LocalDate, ScalarError> {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }) else {
            return .failure(ScalarError("\"\(text)\" is not a date", help: "write dates as YYYY-MM-DD, for example 2026-03-12"))
        }
        guard year >= 1 else {
            return .failure(ScalarError("\"\(text)\" is not a date: there is no year 0", help: "write dates as YYYY-MM-DD"))
        }
        guard (1...12).contains(month) else {
            return .failure(ScalarError("\"\(text)\" is not a date: there is no month \(month)", help: "write dates as YYYY-MM-DD"))
        }
        guard let date = LocalDate(year: year, month: month, day: day) else {
            let last = days(inMonth: month, year: year)
            return .failure(ScalarError(
                "\"\(text)\" is not a date: \(monthNames[month - 1]) \(year) has \(last) days",
                help: "check the day of the month"))
        }
        return .success(date)
    }

    /// A well-formed `YYYY-MM-DD` read from its bytes; `nil` for anything
    /// else, which `parse` reads (and explains) by characters. Dates stand
    /// in every note and signature, and splitting each into Characters was
    /// 1.5 % of a cold check at 20,000 notes (`perf`).
    static func plain(_ bytes: UnsafeBufferPointer<UInt8>) -> LocalDate? {
        guard bytes.count == 10, bytes[4] == 0x2D, bytes[7] == 0x2D,
              let year = digits(bytes, 0..<4), let month = digits(bytes, 5..<7), let day = digits(bytes, 8..<10),
              year >= 1, (1...12).contains(month) else { return nil }
        return LocalDate(year: year, month: month, day: day)
    }

    /// The number the ASCII digits of `bytes[range]` write; `nil` when one is not a digit.
    static func digits(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        var number = 0
        for index in range {
            let byte = bytes[index]
            guard byte >= 0x30 && byte <= 0x39 else { return nil }
            number = number * 10 + Int(byte - 0x30)
        }
        return number
    }

    public static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 0000-03-01, for differences between dates.
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let m = month <= 2 ? month + 9 : month - 3
        return 365 * y + y / 4 - y / 100 + y / 400 + (153 * m + 2) / 5 + day - 1
    }

    /// The number of days from `self` to `other` (negative when `other` is earlier).
    public func days(to other: LocalDate) -> Int { other.dayNumber - dayNumber }

    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// `YYYYMMDD`, as X12 (D8) and claim ids write a date.
    public var compact: String {
        pad(year, 4) + pad(month, 2) + pad(day, 2)
    }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July",
                             "August", "September", "October", "November", "December"]
}

func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

/// A scalar that does not read as its kind: the message names the value, the
/// help says how to write it.
public struct ScalarError: Error, Sendable, Equatable {
    public var message: String
    public var help: String

    public init(_ message: String, help: String) {
        self.message = message
        self.help = help
    }
}
