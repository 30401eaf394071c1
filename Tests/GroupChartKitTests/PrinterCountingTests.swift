@testable import GroupChartKit
import Testing

/// How many diagnostics of one rule in one file the text printer shows:
/// counted a file at a time in a report's order, as the whole report
/// counted them by file and rule.
@Suite struct PrinterCountingTests {
    /// Diagnostics of four files and three rules, some rule in some file
    /// more than `shownPerRuleAndFile` times, from a fixed seed.
    static func diagnostics(seed: UInt64) -> [Diagnostic] {
        var state = seed
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        return (0..<400).map { _ in
            Diagnostic(rule: ["a", "b", "c"][next(3)], severity: .warning,
                       location: SourceLocation(file: "sessions/s\(next(4)).md", line: 1 + next(50), column: 1), message: "m")
        }
    }

    @Test func aReportsOrderIsCountedAsTheWholeIs() {
        for seed in 1...20 as ClosedRange<UInt64> {
            let ordered = CheckReport(diagnostics: Self.diagnostics(seed: seed), fileCount: 4, sources: [:]).diagnostics
            let shown = TextPrinter.shown(ordered)
            #expect(shown == TextPrinter.shownInAnyOrder(ordered))
            #expect(shown.contains { if case .more = $0 { true } else { false } })
            #expect(shown.contains(.counted))
        }
    }

    @Test func anyOtherOrderIsCountedAsAWhole() {
        for seed in 1...20 as ClosedRange<UInt64> {
            let unordered = Self.diagnostics(seed: seed)
            #expect(TextPrinter.shown(unordered) == TextPrinter.shownInAnyOrder(unordered))
        }
    }
}
