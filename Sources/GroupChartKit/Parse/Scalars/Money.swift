import Foundation

/// An exact amount of US dollars, kept in cents so that no binary floating
/// point ever touches a charge.
public struct Money: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let cents: Int

    public init(cents: Int) {
        self.cents = cents
    }

    /// Reads `65`, `65.0` or `65.00`: digits, and at most two after the point.
    public static func parse(_ text: String) -> Result<Money, ScalarError> {
        let help = "write amounts as digits with at most two decimal places, for example 65.00 (no currency sign)"
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty, parts[0].count <= 9,
              parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }) else {
            return .failure(ScalarError("\"\(text)\" is not an amount of money", help: help))
        }
        let fraction = parts.count == 2 ? String(parts[1]) : ""
        guard fraction.count <= 2, parts.count == 1 || !fraction.isEmpty else {
            return .failure(ScalarError("\"\(text)\" has more than two decimal places", help: help))
        }
        let cents = Int(parts[0])! * 100 + Int(fraction.padding(toLength: 2, withPad: "0", startingAt: 0))!
        return .success(Money(cents: cents))
    }

    /// Reads an X12 decimal amount (data element type R, as an 835 writes
    /// it): an optional leading minus, since remittances take money back,
    /// digits with an optional point, and no more than cents (`-9.00`, `34`,
    /// `11.5`, `.5`; trailing zeros past the cents are accepted). `nil` when
    /// the text is no such amount, for the reader to report.
    public static func parseX12(_ text: String) -> Money? {
        let negative = text.hasPrefix("-")
        let parts = text.dropFirst(negative ? 1 : 0).split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts[0].count <= 11, parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
              !parts.allSatisfy(\.isEmpty) else { return nil }
        let fraction = parts.count == 2 ? parts[1] : ""
        guard fraction.dropFirst(2).allSatisfy({ $0 == "0" }) else { return nil }
        let cents = (Int(parts[0]) ?? 0) * 100 + Int(String(fraction.prefix(2)).padding(toLength: 2, withPad: "0", startingAt: 0))!
        return Money(cents: negative ? -cents : cents)
    }

    public static let zero = Money(cents: 0)

    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.cents < rhs.cents }

    public static func + (lhs: Money, rhs: Money) -> Money { Money(cents: lhs.cents + rhs.cents) }

    public static func - (lhs: Money, rhs: Money) -> Money { Money(cents: lhs.cents - rhs.cents) }

    public static prefix func - (amount: Money) -> Money { Money(cents: -amount.cents) }

    /// `65.00`: always two decimals, as claims need.
    public var description: String {
        let sign = cents < 0 ? "-" : ""
        return "\(sign)\(abs(cents) / 100).\(pad(abs(cents) % 100, 2))"
    }
}
