import Foundation
import GroupChartKit
import GroupChartTestSupport
import Testing

/// One failing and one passing fixture per rule (hledger's reproducers):
/// `Fixtures/rules/<rule-id>/fail` lays over the base practice exactly the
/// defect its `EXPECTED` file lists (`path:line:column`, one per diagnostic);
/// `pass` lays over it a near miss that must check clean.
@Suite struct RuleFixtureTests {
    static let ruleIDs = RuleRegistry.all.map(\.id)

    @Test func basePracticeIsClean() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        #expect(try practice.check().places == [])
    }

    @Test(arguments: ruleIDs)
    func failingFixtureReportsExactlyItsDefect(rule: String) throws {
        let folder = FixturePractice.fixtures.appendingPathComponent("rules/\(rule)/fail")
        let expected = try String(contentsOf: folder.appendingPathComponent("EXPECTED"), encoding: .utf8)
            .split(separator: "\n").map { line in line.contains(" ") ? String(line) : "\(line) \(rule)" }
        let practice = try FixturePractice(overlay: folder)
        defer { practice.delete() }
        #expect(try practice.check().places == expected)
    }

    @Test(arguments: ruleIDs)
    func passingFixtureIsClean(rule: String) throws {
        let folder = FixturePractice.fixtures.appendingPathComponent("rules/\(rule)/pass")
        #expect(FileManager.default.fileExists(atPath: folder.path), "no passing fixture for \(rule)")
        let practice = try FixturePractice(overlay: folder)
        defer { practice.delete() }
        #expect(try practice.check().places == [])
    }
}
