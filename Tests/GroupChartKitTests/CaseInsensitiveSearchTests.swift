import Foundation
@testable import GroupChartKit
import Testing

/// `rangeIgnoringCase` answers as Foundation's case-insensitive search does,
/// on ASCII text (searched byte by byte) and on any other (left to Foundation).
@Suite struct CaseInsensitiveSearchTests {
    private func offsets<S: StringProtocol>(_ range: Range<S.Index>?, in text: S) -> [Int]? {
        range.map { [text.utf8.distance(from: text.utf8.startIndex, to: $0.lowerBound), text.utf8.distance(from: $0.lowerBound, to: $0.upperBound)] }
    }

    private func expectAsFoundation(_ text: String, _ needle: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let mine = offsets(text.rangeIgnoringCase(of: needle), in: text)
        let foundation = offsets(text.range(of: needle, options: .caseInsensitive), in: text)
        #expect(mine == foundation, "\"\(text)\" for \"\(needle)\"", sourceLocation: sourceLocation)
        // A part of a longer text, as the readers search a section's text.
        let padded = "x " + text + " y"
        let part = padded.dropFirst(2).dropLast(2)
        #expect(offsets(part.rangeIgnoringCase(of: needle), in: part) == offsets(part.range(of: needle, options: .caseInsensitive), in: part),
                "part of \"\(padded)\"", sourceLocation: sourceLocation)
    }

    @Test func asciiTextIsSearchedAsFoundationSearchesIt() {
        for text in ["Risk level: low", "RISK LEVEL: HIGH", "risk level:", "risk level", "no risk here", "", "r",
                     "Risk  level: low", "risk level:risk level:", "rrisk level: moderate", "Status: In progress. Status: Met",
                     "- G1: Reduce urges. status: met", "**Risk level:** low"] {
            expectAsFoundation(text, "risk level:")
            expectAsFoundation(text, "status:")
        }
        var generator = SystemRandomNumberGenerator()
        let pieces = ["risk", "RISK", "Risk", " ", "level", "LEVEL", ":", "r", "is", "k l", "evel:", "x", "\n"]
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            expectAsFoundation(text, "risk level:")
        }
    }

    @Test func otherTextIsLeftToFoundation() {
        for text in ["ri\u{017F}k level: low", "Ris\u{212A} level: high", "Risk level:\u{0301} low", "Risk level: élevé",
                     "Évaluation — risk level: low", "Nguyễn: risk level: moderate", "\u{FB01}ne, risk level: low", "Ri\u{0301}sk level: low"] {
            expectAsFoundation(text, "risk level:")
        }
    }
}
