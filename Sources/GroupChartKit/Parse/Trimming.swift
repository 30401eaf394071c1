import Foundation

/// What `trimming` takes off the two ends of a text: Foundation's sets of
/// the same names.
enum Trimmed {
    case whitespaces
    case whitespacesAndNewlines

    /// Foundation's set, for text whose ends are not ASCII.
    var set: CharacterSet {
        switch self {
        case .whitespaces: return .whitespaces
        case .whitespacesAndNewlines: return .whitespacesAndNewlines
        }
    }

    /// Whether the ASCII `byte` is in `set`: space and tab (the only ASCII
    /// characters of Unicode's spaces and of `whitespaces`), and for
    /// `whitespacesAndNewlines` also line feed, vertical tab, form feed and
    /// carriage return (U+000A to U+000D).
    func holds(_ byte: UInt8) -> Bool {
        switch self {
        case .whitespaces: return byte == 0x20 || byte == 0x09
        case .whitespacesAndNewlines: return byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
        }
    }
}

extension StringProtocol {
    /// What `trimmingCharacters(in:)` gives, without its round trip through
    /// `NSString`: on Linux that round trip was 7 % of a check of 20,000
    /// notes (every goal line, heading and section is trimmed). Only the
    /// scalars at the two ends are tested.
    ///
    /// Ends that are ASCII are tested byte by byte, without Foundation's set:
    /// getting the set (a `CharacterSet` made anew from a predefined one at
    /// each call) and asking it was 1.5 % of a cold check at 20,000 notes
    /// (`perf`), for headings and goal lines that are nearly all ASCII.
    func trimming(_ trimmed: Trimmed) -> String {
        let ascii = utf8.withContiguousStorageIfAvailable { bytes -> String? in
            var start = 0
            var end = bytes.count
            while start < end, bytes[start] < 0x80, trimmed.holds(bytes[start]) { start += 1 }
            // The first byte kept must be ASCII, or the general walk decides.
            guard start == end || bytes[start] < 0x80 else { return nil }
            while end > start, bytes[end - 1] < 0x80, trimmed.holds(bytes[end - 1]) { end -= 1 }
            guard start == end || bytes[end - 1] < 0x80 else { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }
        if let ascii = ascii.flatMap({ $0 }) { return ascii }
        let set = trimmed.set
        let scalars = unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, set.contains(scalars[start]) { start = scalars.index(after: start) }
        while end > start {
            let last = scalars.index(before: end)
            guard set.contains(scalars[last]) else { break }
            end = last
        }
        return String(self[start..<end])
    }
}
