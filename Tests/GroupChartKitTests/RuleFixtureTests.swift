import Foundation
import GroupChartKit
import GroupChartTestSupport
import Testing

/// One failing and one passing fixture per rule (hledger's reproducers), and
/// more where a rule has several cases: `Fixtures/rules/<rule-id>/fail` (and
/// each `fail-<case>`) lays over the base practice exactly the defect its
/// `EXPECTED` file lists (`path:line:column`, one per diagnostic, with a rule
/// id after a space when another rule is expected); `pass` (and each
/// `pass-<case>`) lays over it a near miss that must check clean.
@Suite struct RuleFixtureTests {
    static let ruleIDs = RuleRegistry.all.map(\.id)

    /// `<rule-id>/<case>` of every fixture folder whose name starts with `prefix`.
    static func cases(_ prefix: String) -> [String] {
        ruleIDs.flatMap { rule -> [String] in
            let folder = FixturePractice.fixtures.appendingPathComponent("rules/\(rule)")
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            return names.filter { $0 == prefix || $0.hasPrefix("\(prefix)-") }.sorted().map { "\(rule)/\($0)" }
        }
    }

    @Test func basePracticeIsClean() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        #expect(try practice.check().places == [])
    }

    @Test(arguments: cases("fail"))
    func failingFixtureReportsExactlyItsDefect(fixture: String) throws {
        let rule = String(fixture.split(separator: "/")[0])
        let folder = FixturePractice.fixtures.appendingPathComponent("rules/\(fixture)")
        let expected = try String(contentsOf: folder.appendingPathComponent("EXPECTED"), encoding: .utf8)
            .split(separator: "\n").map { line in line.contains(" ") ? String(line) : "\(line) \(rule)" }
        let practice = try FixturePractice(overlay: folder)
        defer { practice.delete() }
        #expect(try practice.check().places == expected)
    }

    /// A session every member is recorded absent from is said as such, not
    /// "only 0 members attended" with the advice to write an individual
    /// session; one whose statuses cannot be read is left to invalid-value.
    @Test func groupSizeSaysWhenNobodyAttended() throws {
        let practice = try FixturePractice(overlay: FixturePractice.fixtures.appendingPathComponent("rules/group-size/fail-nobody"))
        defer { practice.delete() }
        let found = try practice.check().diagnostics.filter { $0.rule == "group-size" }
        #expect(found.map(\.message) == ["no member attended: every member is recorded absent, and a session nobody attended is not group psychotherapy"])
        #expect(found.first?.help == "if the group did not meet, delete the session's folder; if members came, correct their attendance")
        // Statuses that cannot be read are invalid-value errors, not a session nobody attended.
        let session = "sessions/2026-03-05-skills/session.md"
        try practice.write(session, try practice.read(session)
            .replacingOccurrences(of: "doe-jane: {status: absent, reason: illness}", with: "doe-jane: Present")
            .replacingOccurrences(of: "roe-sam: {status: absent, reason: travel}", with: "roe-sam: yes"))
        let mistyped = try practice.check().diagnostics
        #expect(mistyped.filter { $0.rule == "group-size" }.isEmpty, "\(mistyped.map(\.message))")
        #expect(mistyped.filter { $0.rule == "invalid-value" }.count == 2, "\(mistyped.map(\.message))")
    }

    @Test(arguments: ruleIDs)
    func everyRuleHasAPassingFixture(rule: String) {
        let folder = FixturePractice.fixtures.appendingPathComponent("rules/\(rule)/pass")
        #expect(FileManager.default.fileExists(atPath: folder.path), "no passing fixture for \(rule)")
    }

    @Test(arguments: cases("pass"))
    func passingFixtureIsClean(fixture: String) throws {
        let folder = FixturePractice.fixtures.appendingPathComponent("rules/\(fixture)")
        let practice = try FixturePractice(overlay: folder)
        defer { practice.delete() }
        #expect(try practice.check().places == [])
    }
}
