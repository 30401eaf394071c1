import Foundation
@testable import GroupChartKit
import Testing

/// Paths sort by their UTF-8 bytes everywhere; `precedesInBytes` is that
/// order, by `memcmp`.
@Suite struct BytewiseOrderTests {
    @Test func itIsTheOrderOfTheBytes() {
        let strings = ["", "a", "ab", "a/b", "a-b", "a.md", "sessions/2026-03-12/x.md", "sessions/2026-03-12-dbt/x.md",
                       "Zoë", "Zoe\u{308}", "zoé", "é", "e\u{301}", "日本", "\u{10FFFF}", "a\u{0}b", "a\u{0}"]
        // And a string that is not stored contiguously as UTF-8 (bridged).
        let bridged = NSString(string: "sessions/Zoë").description
        for lhs in strings + [bridged] {
            for rhs in strings + [bridged] {
                #expect(lhs.precedesInBytes(rhs) == lhs.utf8.lexicographicallyPrecedes(rhs.utf8), "\(lhs) \(rhs)")
            }
        }
    }
}
