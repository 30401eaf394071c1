import Foundation

/// The forms of identifiers and codes that format.md fixes.
public enum Identifier {
    /// `[a-z0-9][a-z0-9-]*`, at most 40 characters: member, group, clinician and payer ids.
    public static func isSlug(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, text.unicodeScalars.count <= 40 else { return false }
        return isLowerAlphanumeric(first) && text.unicodeScalars.allSatisfy { isLowerAlphanumeric($0) || $0 == "-" }
    }

    /// The id `text` means when it is none only for capitals, spaces or
    /// underscores ("Lopez-Maria", "lopez maria" -> "lopez-maria"); `nil`
    /// when it is an id already, or lower case and hyphens make none.
    public static func meant(_ text: String) -> String? {
        guard !isSlug(text) else { return nil }
        let meant = String(text.trimmingCharacters(in: .whitespaces).lowercased().map { $0 == " " || $0 == "_" ? "-" : $0 })
        return isSlug(meant) ? meant : nil
    }

    /// A slug that may also hold upper case (`G1`).
    public static func isGoalID(_ text: String) -> Bool {
        isSlug(text.lowercased())
    }

    /// Five digits (`90853`).
    public static func isCPT(_ text: String) -> Bool {
        text.utf8.count == 5 && text.utf8.allSatisfy { (0x30...0x39).contains($0) }
    }

    /// A CMS place-of-service code (`11`, `02`): two digits CMS assigned.
    public static func isPlaceOfService(_ text: String) -> Bool {
        PlaceOfService.isAssigned(text)
    }

    /// `94607` or `94607-3710` (or `946073710`).
    public static func isZIP(_ text: String) -> Bool {
        let digits = text.replacingOccurrences(of: "-", with: "")
        let dashOK = !text.contains("-") || (text.count == 10 && text.firstIndex(of: "-") == text.index(text.startIndex, offsetBy: 5))
        return (digits.count == 5 || digits.count == 9) && digits.utf8.allSatisfy { (0x30...0x39).contains($0) } && dashOK
    }

    /// A nine-digit employer identification number, with or without the dash.
    public static func isTaxID(_ text: String) -> Bool {
        let digits = text.replacingOccurrences(of: "-", with: "")
        return digits.count == 9 && digits.utf8.allSatisfy { (0x30...0x39).contains($0) }
    }

    /// Whether `text` is written as a Social Security number is, 123-45-6789
    /// (an EIN is written 12-3456789).
    public static func isSocialSecurityShaped(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        return parts.map(\.count) == [3, 2, 4]
    }

    /// Two-letter USPS codes of the states, DC, territories and military mail.
    public static let states: Set<String> = [
        "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS",
        "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY",
        "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV",
        "WI", "WY", "DC", "PR", "GU", "VI", "AS", "MP", "AA", "AE", "AP",
    ]

    private static func isLowerAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
    }
}

extension Identifier {
    /// Ten digits whose last is the Luhn check digit of the other nine
    /// prefixed with 80840, as CMS issues NPIs.
    public static func isValidNPI(_ text: String) -> Bool {
        let digits = text.utf8.map { Int($0) - 0x30 }
        guard digits.count == 10, digits.allSatisfy({ (0...9).contains($0) }) else { return false }
        var sum = 24 // the Luhn sum of the 80840 prefix, doubled from the right as if prepended
        for (offset, digit) in digits.dropLast().reversed().enumerated() {
            let value = offset % 2 == 0 ? digit * 2 : digit
            sum += value > 9 ? value - 9 : value
        }
        return (10 - sum % 10) % 10 == digits[9]
    }
}
