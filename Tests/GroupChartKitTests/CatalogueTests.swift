import Foundation
import GroupChartKit
import GroupChartTestSupport
import Testing

/// The rule catalogue is whole: every rule has an id, an explanation, both
/// fixtures and its row in docs/rules.md; every id of the spec's tables that
/// this version implements is registered.
@Suite struct CatalogueTests {
    @Test func everyRuleIsExplainedAndHasFixtures() {
        var seen: Set<String> = []
        for rule in RuleRegistry.all {
            #expect(seen.insert(rule.id).inserted, "\(rule.id) registered twice")
            #expect(!rule.summary.isEmpty && !rule.explanation.checks.isEmpty && !rule.explanation.why.isEmpty
                    && !rule.explanation.example.isEmpty && !rule.explanation.fix.isEmpty, "\(rule.id) is not fully explained")
            let rules = FixturePractice.fixtures.appendingPathComponent("rules/\(rule.id)")
            #expect(FileManager.default.fileExists(atPath: rules.appendingPathComponent("fail/EXPECTED").path), "\(rule.id) has no failing fixture")
            #expect(FileManager.default.fileExists(atPath: rules.appendingPathComponent("pass").path), "\(rule.id) has no passing fixture")
        }
    }

    /// docs/rules.md is generated from the registry, as `groupchart explain`
    /// prints it (`RuleReference`); `GROUPCHART_RECORD=1 swift test`
    /// rewrites it.
    @Test func theRuleReferenceIsCurrent() throws {
        let file = FixturePractice.repository.appendingPathComponent("docs/rules.md")
        let generated = RuleReference.markdown()
        if Golden.isRecording {
            try generated.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        let current = try String(contentsOf: file, encoding: .utf8)
        #expect(current == generated, "docs/rules.md is out of date: run GROUPCHART_RECORD=1 swift test")
        for rule in RuleRegistry.all {
            #expect(current.contains("\n### \(rule.id)\n") && current.contains(rule.explanation.fix), "\(rule.id) is not in docs/rules.md")
        }
    }

    /// The spec's tables this version implements (when ../shared is present).
    @Test(arguments: ["Documents and structure", "Attendance", "Billing compliance", "Individual sessions", "Claims lifecycle"])
    func specTableIsRegistered(section: String) throws {
        let spec = FixturePractice.repository.appendingPathComponent("../shared/spec/rules.md")
        guard let text = try? String(contentsOf: spec, encoding: .utf8) else { return }
        let ids = try #require(SpecTable.ids(in: text, section: section))
        let registered = Set(RuleRegistry.all.map(\.id))
        #expect(!ids.isEmpty)
        for id in ids { #expect(registered.contains(id), "\(id) of rules.md is not registered") }
        for id in ids {
            let severity = SpecTable.defaultSeverity(of: id, in: text)
            #expect(RuleRegistry.rule(id)?.defaultSeverity.rawValue == severity, "\(id) default severity differs from rules.md")
        }
    }
}

/// Reads the rule tables of rules.md.
enum SpecTable {
    static func ids(in text: String, section: String) -> [String]? {
        guard let start = text.range(of: "## \(section)\n") else { return nil }
        let rest = text[start.upperBound...]
        let end = rest.range(of: "\n## ")?.lowerBound ?? rest.endIndex
        return rest[..<end].split(separator: "\n").compactMap { line in
            guard line.hasPrefix("| `") else { return nil }
            return line.dropFirst(3).split(separator: "`").first.map(String.init)
        }
    }

    static func defaultSeverity(of id: String, in text: String) -> String? {
        guard let row = text.split(separator: "\n").first(where: { $0.hasPrefix("| `\(id)` |") }) else { return nil }
        let cells = row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        return cells.count > 1 ? cells[1].split(separator: " ").first.map(String.init) : nil
    }
}
