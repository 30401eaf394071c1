import Foundation
import GroupChartKit
import GroupChartTestSupport
import Testing

/// practice.yaml `rules:` turns rules off, changes their severity, and is
/// itself checked.
@Suite struct RuleSettingsTests {
    private func check(rules: String, stray: Bool = true) throws -> [Diagnostic] {
        let practice = try FixturePractice()
        defer { practice.delete() }
        let yaml = try practice.read("practice.yaml")
        try practice.write("practice.yaml", yaml + "rules:\n" + rules)
        if stray { try practice.write("members/doe-jane/notes.md", "A stray.\n") }
        return try practice.check().diagnostics
    }

    @Test func defaultSeverity() throws {
        #expect(try check(rules: "  duplicate-section: warning\n").map { "\($0.rule) \($0.severity)" } == ["stray-file warning"])
    }

    @Test func off() throws {
        #expect(try check(rules: "  stray-file: off\n").isEmpty)
    }

    @Test func severityAsWordOrInMapping() throws {
        #expect(try check(rules: "  stray-file: error\n").map(\.severity) == [.error])
        #expect(try check(rules: "  stray-file: {severity: note}\n").map(\.severity) == [.note])
    }

    @Test func unknownRuleSuggestsTheNearest() throws {
        let found = try check(rules: "  stray-files: off\n", stray: false)
        #expect(found.map { "\($0.location) \($0.rule)" } == ["practice.yaml:15:3 unknown-key"])
        #expect(found[0].help == "did you mean \"stray-file\"?")
    }

    @Test func badSeverityAndUnknownParameter() throws {
        let found = try check(rules: "  stray-file: loud\n  encoding: {limit: 3}\n", stray: false)
        #expect(found.map { "\($0.location) \($0.rule)" } == ["practice.yaml:15:15 invalid-value", "practice.yaml:16:14 unknown-key"])
    }

    @Test func strictPromotesWarnings() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        try practice.write("members/doe-jane/notes.md", "A stray.\n")
        #expect(try practice.check(strict: true).diagnostics.map(\.severity) == [.error])
    }
}
