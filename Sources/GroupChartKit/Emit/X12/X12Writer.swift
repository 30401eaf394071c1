import Foundation

/// Writes X12 segments with the separators of outputs.md: `*` between
/// elements, `:` between components, `^` for repetitions, `~` after each
/// segment. X12 carries ASCII only, so accents are folded away ("Nguyễn" is
/// sent as "Nguyen", as insurance cards print it). It refuses a value that
/// holds a separator, or a character with no ASCII form, rather than alter
/// it: the checks (`invalid-value`) hold such a claim before it gets here, so
/// reaching one is a defect, and a corrupt interchange is never written.
struct X12Writer {
    static let separators: Set<Character> = ["*", ":", "^", "~"]

    struct UnsafeValue: Error, CustomStringConvertible {
        let segment: String
        let value: String
        var description: String {
            "refusing to write \"\(value)\" into \(segment): it holds an X12 separator (* : ^ ~) or a character with no ASCII form"
        }
    }

    /// The value as X12 carries it, or `nil` when it cannot be carried.
    static func ascii(_ value: String) -> String? {
        // Nearly every value is plain ASCII already: no folding (a Foundation
        // call that was a third of writing the 837) is needed for those.
        if value.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != 0x2A && $0 != 0x3A && $0 != 0x5E && $0 != 0x7E }) {
            return value
        }
        let folded = fold(value)
        guard folded.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F }),
              !folded.contains(where: separators.contains) else { return nil }
        return folded
    }

    /// `value` with its accents folded away and the letters and marks that
    /// have a plain form written in it: the apostrophe and dash a phone or
    /// word processor types ("O’Brien", "Mary–Kate"), a no-break space, and
    /// the letters no accent folding reaches ("Łukasz", "Strauß", "Søren"),
    /// as insurance cards print them. Refused, those names were held with a
    /// message that showed nothing wrong (a clearinghouse analyst's review).
    static func fold(_ value: String) -> String {
        var folded = ""
        for scalar in value.folding(options: .diacriticInsensitive, locale: nil).unicodeScalars {
            if let plain = plainForms[scalar] { folded += plain } else { folded.unicodeScalars.append(scalar) }
        }
        return folded
    }

    /// The plain form of characters that are not a letter and its accent.
    static let plainForms: [Unicode.Scalar: String] = [
        "\u{2018}": "'", "\u{2019}": "'", "\u{201B}": "'", "\u{2032}": "'", "\u{02BC}": "'",
        "\u{201C}": "\"", "\u{201D}": "\"", "\u{2033}": "\"",
        "\u{2010}": "-", "\u{2011}": "-", "\u{2012}": "-", "\u{2013}": "-", "\u{2014}": "-", "\u{2015}": "-", "\u{2212}": "-",
        "\u{00A0}": " ", "\u{2007}": " ", "\u{202F}": " ", "\u{2009}": " ", "\u{200A}": " ",
        "\u{2026}": "...",
        "ß": "ss", "Æ": "AE", "æ": "ae", "Œ": "OE", "œ": "oe", "Ø": "O", "ø": "o", "Ł": "L", "ł": "l",
        "Đ": "D", "đ": "d", "Þ": "TH", "þ": "th", "Ð": "D", "ð": "d", "ı": "i",
    ]

    /// Why `value` cannot be written, naming the character: an invisible
    /// one (a zero-width space pasted with a name) shows nothing wrong.
    static func refusal(_ value: String) -> String {
        let folded = fold(value)
        if let separator = folded.first(where: separators.contains) {
            return "it holds \"\(separator)\", which X12 uses to separate values"
        }
        guard let scalar = folded.unicodeScalars.first(where: { $0.value < 0x20 || $0.value >= 0x7F }) else {
            return "it cannot be written in ASCII"
        }
        let code = scalar.codePoint
        // A tab or DEL is ASCII, but a control character no element may hold (a code review).
        if scalar.value < 0x20 || scalar.value == 0x7F { return "it holds a control character (\(code))" }
        let shown = DisplayName.isHidden(scalar) || scalar.properties.isWhitespace ? "an invisible character" : "\"\(Character(scalar))\""
        return "it holds \(shown) (\(code)), which has no ASCII form"
    }

    /// The interchange's bytes so far: each segment is encoded as it is
    /// added. Kept as a list of segment strings, then joined, then copied
    /// into bytes, the 837 of 20,000 claims was three times its size at
    /// once at the top of a cold build's memory.
    private(set) var bytes: [UInt8] = []
    /// How many segments were added (SE01 counts them).
    private(set) var count = 0

    /// Appends a segment; trailing empty elements are dropped, as X12 wants.
    /// An element is a string, a number, or an array of components joined by `:`.
    /// Elements are `X12Element`s rather than `Any`, so that the compiler
    /// refuses a value of any other type instead of the 837 carrying its
    /// description (measured for speed too: no faster).
    mutating func add(_ id: String, _ elements: [any X12Element]) throws(UnsafeValue) {
        var fields: [String] = []
        fields.reserveCapacity(elements.count)
        for element in elements { fields.append(try element.x12Field(in: id)) }
        while fields.last?.isEmpty == true { fields.removeLast() }
        bytes.append(contentsOf: id.utf8)
        for field in fields {
            bytes.append(0x2A)
            bytes.append(contentsOf: field.utf8)
        }
        bytes.append(0x7E)
        count += 1
    }

    /// Adds a segment written out in full (the fixed-width ISA).
    mutating func addRaw(_ segment: String) {
        bytes.append(contentsOf: segment.utf8)
        count += 1
    }
}

/// A value an X12 element can hold (`X12Writer.add`).
protocol X12Element {
    /// The element as written, or `UnsafeValue` when it cannot be carried.
    func x12Field(in segment: String) throws(X12Writer.UnsafeValue) -> String
}

extension String: X12Element {
    func x12Field(in segment: String) throws(X12Writer.UnsafeValue) -> String {
        guard let safe = X12Writer.ascii(self) else { throw X12Writer.UnsafeValue(segment: segment, value: self) }
        return safe
    }
}

extension Int: X12Element {
    func x12Field(in segment: String) throws(X12Writer.UnsafeValue) -> String { String(self) }
}

/// Components, joined by `:`, trailing empty ones dropped.
extension Array: X12Element where Element == String {
    func x12Field(in segment: String) throws(X12Writer.UnsafeValue) -> String {
        var trimmed = try map { component throws(X12Writer.UnsafeValue) in try component.x12Field(in: segment) }
        while trimmed.last?.isEmpty == true { trimmed.removeLast() }
        return trimmed.joined(separator: ":")
    }
}
