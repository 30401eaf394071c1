import Foundation
import GroupChartKit
import Testing

/// Exact text of every diagnostics printer, on a small fixed report.
@Suite struct PrinterTests {
    static let note = SourceFile(path: "sessions/2026-03-12-dbt-skills/nguyen-lan.md",
                                 text: "---\nsigned_by: torres\n---\n## Risk\n\tNguyễn: Risk level: severe\n")
    static let report = CheckReport(
        diagnostics: [
            Diagnostic(rule: "unknown-key", severity: .warning,
                       location: SourceLocation(file: note.path, line: 5, column: 10),
                       message: "unknown key \"x\"", help: "did you mean \"y\"?"),
            Diagnostic(rule: "risk-level", severity: .error,
                       location: SourceLocation(file: note.path, line: 4, column: 1),
                       message: "section \"Risk\" states no risk level",
                       related: [RelatedLocation(SourceLocation(file: "members/nguyen-lan/plan-2026-01-29.md", line: 2, column: 12),
                                                 "the plan in effect")]),
        ],
        fileCount: 14, sources: [note.path: note])

    @Test func textIsClangStyleWithSnippetAndCaret() {
        let expected = """
            sessions/2026-03-12-dbt-skills/nguyen-lan.md:4:1: error: section "Risk" states no risk level [risk-level]
                4 | ## Risk
                  | ^
            members/nguyen-lan/plan-2026-01-29.md:2:12: note: the plan in effect
            sessions/2026-03-12-dbt-skills/nguyen-lan.md:5:10: warning: unknown key "x" [unknown-key]
                5 |     Nguyễn: Risk level: severe
                  |             ^
                  = help: did you mean "y"?
            1 error, 1 warning in 14 files

            """
        #expect(TextPrinter().render(PrinterTests.report) == expected)
    }

    /// A control character from a note (an escape sequence pasted from a
    /// log, a NUL) is printed as its control picture, in the snippet, the
    /// message and the help: printed as it is, it would clear the screen or
    /// retitle the window. The caret stays under the column.
    @Test func controlCharactersArePrintedInert() {
        let file = SourceFile(path: "sessions/s/a.md", text: "---\ntopic: \u{1B}[2J\u{1B}]0;pwned\u{07}x\u{0}\u{7F}\u{85}y\n---\n")
        let report = CheckReport(diagnostics: [
            Diagnostic(rule: "invalid-value", severity: .error, location: SourceLocation(file: file.path, line: 2, column: 23),
                       message: "\"\u{1B}[2J\" is odd", help: "remove \u{07}"),
        ], fileCount: 1, sources: [file.path: file])
        let expected = """
            sessions/s/a.md:2:23: error: "\u{241B}[2J" is odd [invalid-value]
                2 | topic: \u{241B}[2J\u{241B}]0;pwned\u{2407}x\u{2400}\u{2421}\u{FFFD}y
                  |                       ^
                  = help: remove \u{2407}
            1 error, 0 warnings in 1 file

            """
        let printed = TextPrinter().render(report)
        #expect(printed == expected)
        #expect(!printed.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    }

    /// A bidirectional control in a value (a right-to-left override) is
    /// printed as U+FFFD: printed as it is, it reordered the rest of the
    /// line, message and snippet (a fault-injection review).
    @Test func bidirectionalControlsArePrintedInert() {
        let file = SourceFile(path: "members/a/profile.md", text: "---\nfirst_name: \"Jane\u{202E}eoD\u{2066}x\u{2069}\"\n---\n")
        let report = CheckReport(diagnostics: [
            Diagnostic(rule: "invalid-value", severity: .error, location: SourceLocation(file: file.path, line: 2, column: 18),
                       message: "\"Jane\u{202E}eoD\" holds U+202E", help: "retype \u{200F}it"),
        ], fileCount: 1, sources: [file.path: file])
        #expect(TextPrinter().render(report) == """
            members/a/profile.md:2:18: error: "Jane\u{FFFD}eoD" holds U+202E [invalid-value]
                2 | first_name: "Jane\u{FFFD}eoD\u{FFFD}x\u{FFFD}"
                  |                  ^
                  = help: retype \u{FFFD}it
            1 error, 0 warnings in 1 file

            """)
    }

    /// An 835 is often one line of thousands of characters: the snippet
    /// shows 120 of them around the column, the caret still under it.
    @Test func aLongLineIsCutAroundTheColumn() {
        let segments = (1...60).map { "REF*6R*\($0)~" }.joined()
        let file = SourceFile(path: "remittances/a.835", text: segments + "CLP*X1*9*65*0~" + segments)
        let column = segments.unicodeScalars.count + 8
        let diagnostic = Diagnostic(rule: "remittance", severity: .warning, location: file.location(line: 1, column: column),
                                    message: "claim status \"9\" is not a CLP02 code")
        let lines = TextPrinter().render(diagnostic, sources: [file.path: file]).split(separator: "\n").map(String.init)
        #expect(lines[1].hasPrefix("    1 | ...") && lines[1].hasSuffix("...") && lines[1].count == 8 + 3 + 120 + 3)
        let caret = lines[2].firstIndex(of: "^").map { lines[2].distance(from: lines[2].startIndex, to: $0) }
        let status = lines[1].range(of: "CLP*X1*").map { lines[1].distance(from: lines[1].startIndex, to: $0.upperBound) }
        #expect(caret != nil && caret == status && lines[1].contains("CLP*X1*9*65*0~"))
    }

    /// A long line cut on both sides, with tabs and letters of more than one
    /// byte on both sides of the column: each tab shown and padded as four
    /// spaces, every other character as one, the caret under the column.
    @Test func aCutLineWithTabsAndAccentsKeepsTheCaretUnderTheColumn() {
        let line = String(repeating: "é", count: 70) + "\t" + String(repeating: "a", count: 45) + "\tÑb"
            + String(repeating: "\tz", count: 80)
        let file = SourceFile(path: "sessions/2026-03-12-dbt-skills/x.md", text: line + "\n")
        let diagnostic = Diagnostic(rule: "r", severity: .note, location: file.location(line: 1, column: 119), message: "m")
        let lines = TextPrinter().render(diagnostic, sources: [file.path: file]).split(separator: "\n").map(String.init)
        // Scalars 79 to 198 are shown (column 119, a third of 120 before it).
        let shown = String(repeating: "a", count: 38) + "    Ñb" + String(repeating: "    z", count: 39) + "    "
        #expect(lines[1] == "    1 | ..." + shown + "...")
        #expect(lines[2] == "      | " + String(repeating: " ", count: 3 + 38 + 4 + 1) + "^")
    }

    /// A one-line remittance under 30 diagnostics of one rule and one of
    /// another: more of one rule in one file than the printer shows.
    static let thirtyOfOneRule: (file: SourceFile, diagnostics: [Diagnostic]) = {
        let file = SourceFile(path: "remittances/a.835", text: String(repeating: "Z*1~", count: 30))
        var diagnostics = (0..<30).map { index in
            Diagnostic(rule: "remittance", severity: .warning, location: file.location(line: 1, column: 1 + 4 * index),
                       message: "\"Z\" is not a segment id")
        }
        diagnostics.append(Diagnostic(rule: "encoding", severity: .error, location: file.location(line: 1, column: 119),
                                      message: "another rule"))
        return (file, diagnostics)
    }()

    /// Issue 15: 20 diagnostics of one rule in one file are printed, then
    /// one line counts the rest; other rules and files are not cut.
    @Test func aRuleIsShownTwentyTimesPerFileThenCounted() {
        let (file, diagnostics) = Self.thirtyOfOneRule
        let text = TextPrinter().render(CheckReport(diagnostics: diagnostics, fileCount: 1, sources: [file.path: file]))
        let lines = text.split(separator: "\n")
        #expect(lines.filter { $0.hasSuffix("[remittance]") }.count == 20)
        #expect(lines.filter { $0.hasSuffix("[encoding]") }.count == 1)
        #expect(lines.contains("remittances/a.835: note: 10 more [remittance] diagnostics in this file not shown; --format json lists every one"))
        #expect(text.hasSuffix("1 error, 30 warnings in 1 file\n"))
        #expect(JSONPrinter.render(CheckReport(diagnostics: diagnostics, fileCount: 1, sources: [:])).components(separatedBy: "\"rule\"").count == 32)
    }

    /// Issue 15: a one-line file of 600,000 characters under 20,000
    /// diagnostics (each of its own rule, so none is cut) prints in time
    /// linear in the output; converting the line for each diagnostic took
    /// minutes.
    @Test(.timeLimit(.minutes(1))) func manyDiagnosticsOnOneLongLinePrintInLinearTime() {
        let file = SourceFile(path: "remittances/a.835", text: String(repeating: "Z*1~", count: 150_000))
        let diagnostics = (0..<20_000).map { index in
            Diagnostic(rule: "rule-\(index)", severity: .warning, location: file.location(line: 1, column: 1 + 30 * index),
                       message: "odd")
        }
        let report = CheckReport(diagnostics: diagnostics, fileCount: 1, sources: [file.path: file])
        let clock = ContinuousClock()
        var text = ""
        let elapsed = clock.measure { text = TextPrinter().render(report) }
        #expect(text.split(separator: "\n").count == 20_000 * 3 + 1)
        #expect(elapsed < .seconds(10), "printing took \(elapsed)")
    }

    @Test func colourOnlyWhenAsked() {
        let plain = TextPrinter(color: false).render(PrinterTests.report)
        let coloured = TextPrinter(color: true).render(PrinterTests.report)
        #expect(!plain.contains("\u{1B}["))
        #expect(coloured.contains("\u{1B}[1;31merror:\u{1B}[0m"))
        #expect(coloured.contains("\u{1B}[1;35mwarning:\u{1B}[0m"))
    }

    @Test func summaryCountsAndPlurals() {
        let empty = CheckReport(diagnostics: [], fileCount: 1, sources: [:])
        #expect(empty.summary == "0 errors, 0 warnings in 1 file")
        #expect(empty.exitStatus == 0)
        #expect(PrinterTests.report.exitStatus == 1)
    }

    @Test func jsonIsTheObjectOfOutputsMd() {
        let expected = """
            {
              "diagnostics": [
                {
                  "file": "sessions/2026-03-12-dbt-skills/nguyen-lan.md",
                  "line": 4,
                  "column": 1,
                  "severity": "error",
                  "rule": "risk-level",
                  "message": "section \\"Risk\\" states no risk level",
                  "help": "",
                  "related": [
                    {
                      "file": "members/nguyen-lan/plan-2026-01-29.md",
                      "line": 2,
                      "column": 12,
                      "message": "the plan in effect"
                    }
                  ]
                },
                {
                  "file": "sessions/2026-03-12-dbt-skills/nguyen-lan.md",
                  "line": 5,
                  "column": 10,
                  "severity": "warning",
                  "rule": "unknown-key",
                  "message": "unknown key \\"x\\"",
                  "help": "did you mean \\"y\\"?",
                  "related": []
                }
              ],
              "errors": 1,
              "warnings": 1,
              "files": 14
            }

            """
        #expect(JSONPrinter.render(PrinterTests.report) == expected)
    }

    @Test func jsonEscapesControlCharacters() {
        #expect(JSONValue.string("a\"\\\n\u{1}\u{2028}é").rendered() == #""a\"\\\n\u0001\u2028é""#)
    }

    @Test func sarifIsVersion210WithRulesAndRelatedLocations() throws {
        let text = SARIFPrinter.render(PrinterTests.report)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["version"] as? String == "2.1.0")
        let run = try #require((object["runs"] as? [[String: Any]])?.first)
        #expect(run["columnKind"] as? String == "unicodeCodePoints")
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.map { $0["id"] as? String } == RuleRegistry.all.map(\.id))
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == 2)
        let first = results[0]
        #expect(first["ruleId"] as? String == "risk-level")
        #expect(first["level"] as? String == "error")
        let location = try #require((first["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        #expect((location["artifactLocation"] as? [String: Any])?["uri"] as? String == "sessions/2026-03-12-dbt-skills/nguyen-lan.md")
        #expect((location["region"] as? [String: Any])?["startLine"] as? Int == 4)
        #expect((first["relatedLocations"] as? [[String: Any]])?.count == 1)
        #expect(text == SARIFPrinter.render(PrinterTests.report))
    }
}
