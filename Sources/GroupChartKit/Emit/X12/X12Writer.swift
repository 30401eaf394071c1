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
        let folded = value.folding(options: .diacriticInsensitive, locale: nil)
        guard folded.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F }),
              !folded.contains(where: separators.contains) else { return nil }
        return folded
    }

    /// The interchange's bytes so far: each segment is encoded as it is
    /// added. Kept as a list of segment strings, then joined, then copied
    /// into bytes, the 837 of 20,000 claims was three times its size at
    /// once at the top of a cold build's memory.
    private(set) var bytes: [UInt8] = []
    /// How many segments were added (SE01 counts them).
    private(set) var count = 0

    /// Appends a segment; trailing empty elements are dropped, as X12 wants.
    /// An element is a string, or an array of components joined by `:`.
    mutating func add(_ id: String, _ elements: [Any]) throws(UnsafeValue) {
        var fields: [String] = []
        for element in elements {
            if let value = element as? String {
                guard let safe = Self.ascii(value) else { throw UnsafeValue(segment: id, value: value) }
                fields.append(safe)
            } else if let components = element as? [String] {
                var trimmed = try components.map { component throws(UnsafeValue) in
                    guard let safe = Self.ascii(component) else { throw UnsafeValue(segment: id, value: component) }
                    return safe
                }
                while trimmed.last?.isEmpty == true { trimmed.removeLast() }
                fields.append(trimmed.joined(separator: ":"))
            } else {
                let value = "\(element)"
                guard let safe = Self.ascii(value) else { throw UnsafeValue(segment: id, value: value) }
                fields.append(safe)
            }
        }
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

    var text: String { String(decoding: bytes, as: UTF8.self) }
}
