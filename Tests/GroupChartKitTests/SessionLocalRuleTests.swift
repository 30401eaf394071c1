import Foundation
@testable import GroupChartKit
import GroupChartTestSupport
import Testing

/// Every rule marked `isSessionLocal` keeps its promise on every practice
/// the tests hold (each rule's failing and passing fixtures, the defects
/// and individual fixtures, the example): its findings in a session's
/// folder are exactly those of a run over the shell and that session alone,
/// and its findings outside `sessions/` those of a run over the shell
/// alone. `SessionScopedFindings` relies on it to re-check only the
/// sessions an edit touched; a rule that looks across sessions and is
/// marked so fails here on the fixture that shows it.
@Suite struct SessionLocalRuleTests {
    static let local = RuleRegistry.all.filter(\.isSessionLocal)

    static var practices: [String] {
        let rules = FixturePractice.fixtures.appendingPathComponent("rules")
        let cases = RuleRegistry.all.flatMap { rule -> [String] in
            let names = (try? FileManager.default.contentsOfDirectory(atPath: rules.appendingPathComponent(rule.id).path)) ?? []
            return names.filter { $0.hasPrefix("fail") || $0.hasPrefix("pass") }.sorted().map { "rules/\(rule.id)/\($0)" }
        }
        return ["base", "defects", "individual", "example"] + cases
    }

    static func record(of practice: String) throws -> (PracticeRecord, FixturePractice) {
        let fixture: FixturePractice
        switch practice {
        case "base": fixture = try FixturePractice()
        case "example": fixture = try FixturePractice(base: FixturePractice.repository.appendingPathComponent("examples/dbt-skills"))
        default: fixture = try FixturePractice(overlay: FixturePractice.fixtures.appendingPathComponent(practice))
        }
        return (RecordReader.read(try PracticeFolder(root: fixture.root)), fixture)
    }

    static func places(_ record: PracticeRecord, where keep: (String) -> Bool) -> [String] {
        Checker.check(record, options: Checker.Options(today: FixturePractice.today), rules: local).diagnostics
            .filter { keep($0.location.file) }
            .map { "\($0.location) \($0.rule) \($0.severity) \($0.message) \($0.help) \($0.related) \(String(describing: $0.scope))" }
            .sorted()
    }

    @Test func someRulesAreMarked() {
        #expect(Self.local.count >= 10)
        #expect(!Self.local.contains { $0.readsClaims }, "a rule that reads claims runs over every session's claims")
        #expect(!Self.local.contains { $0.readsNoteTexts }, "a rule that compares notes runs before the others, over every note")
    }

    @Test(arguments: practices)
    func eachSessionsFindingsComeFromItAndTheShellAlone(practice: String) throws {
        let (record, fixture) = try Self.record(of: practice)
        defer { fixture.delete() }
        let folders = Set((record.files.map(\.path) + record.strays.map(\.path) + record.readFindings.map(\.location.file))
            .compactMap { PracticeRecord.sessionFolder(of: $0) })
        let shell = Self.places(record.keepingSessionFolders([])) { PracticeRecord.sessionFolder(of: $0) == nil }
        #expect(shell == Self.places(record) { PracticeRecord.sessionFolder(of: $0) == nil },
                "the shell's findings of \(practice) depend on a session")
        var parts = shell
        for folder in folders.sorted() {
            let alone = Self.places(record.keepingSessionFolders([folder])) { PracticeRecord.sessionFolder(of: $0) == folder }
            #expect(alone == Self.places(record) { PracticeRecord.sessionFolder(of: $0) == folder },
                    "\(folder) of \(practice) alone finds otherwise")
            parts += alone
        }
        #expect(parts.sorted() == Self.places(record) { _ in true }, "\(practice): the parts' findings are not the whole's")
    }
}
