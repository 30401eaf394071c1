import Foundation

extension StringProtocol {
    /// Where `needle` (ASCII) first stands in this text, in any case: what
    /// `range(of: needle, options: .caseInsensitive)` answers. Text that is
    /// ASCII as far as the search reads is searched byte by byte; text with
    /// any other character there is left to Foundation, which folds more
    /// than ASCII case (a long s is an s to it, the Kelvin sign a K).
    /// Foundation's search, bridged to UTF-16 for the Risk section and each
    /// goal of every note, was 1.5 % of a cold check at 20,000 notes (`perf`).
    func rangeIgnoringCase(of needle: String) -> Range<Index>? {
        let pattern = Array(needle.lowercased().utf8)
        precondition(!pattern.isEmpty && pattern.allSatisfy { $0 < 0x80 }, "an ASCII needle")
        // The start of the match, -1 for none, nil for text this cannot tell.
        let found = utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            var start = 0
            while start + pattern.count <= bytes.count {
                var matched = 0
                while matched < pattern.count {
                    let byte = bytes[start + matched]
                    if byte >= 0x80 { return nil }
                    guard (byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) == pattern[matched] else { break }
                    matched += 1
                }
                if matched == pattern.count {
                    // A mark after the match would join its last character.
                    let end = start + pattern.count
                    return end == bytes.count || bytes[end] < 0x80 ? start : nil
                }
                start += 1
            }
            return bytes[start...].allSatisfy { $0 < 0x80 } ? -1 : nil
        }
        switch found {
        case let start?? where start >= 0:
            let lower = utf8.index(utf8.startIndex, offsetBy: start)
            return lower..<utf8.index(lower, offsetBy: pattern.count)
        case .some(.some):
            return nil
        default:
            return range(of: needle, options: .caseInsensitive)
        }
    }
}
