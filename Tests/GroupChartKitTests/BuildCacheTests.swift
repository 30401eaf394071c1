import Foundation
@testable import GroupChartKit
import GroupChartTestSupport
import Testing

/// The build cache is invisible but for speed: a build with nothing changed
/// gives back the last one, and any change, even one the cache cannot see
/// coming, builds again.
@Suite struct BuildCacheTests {
    private func build(_ practice: FixturePractice, today: LocalDate = FixturePractice.today) throws -> Builder.Result {
        try Builder.build(practice.root, options: Builder.Options(checker: Checker.Options(today: today)))
    }

    private func outputs(_ practice: FixturePractice) -> [String: Data] {
        let root = practice.root.appendingPathComponent("build")
        let paths = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String } ?? []
        return Dictionary(uniqueKeysWithValues: paths.filter { !$0.hasPrefix(".groupchart-cache") }.compactMap { path in
            FileManager.default.contents(atPath: root.appendingPathComponent(path).path).map { (path, $0) }
        })
    }

    @Test func nothingChangedGivesBackTheLastBuild() throws {
        let practice = try FixturePractice(overlay: FixturePractice.fixtures.appendingPathComponent("rules/risk-level/fail"))
        defer { practice.delete() }
        let first = try build(practice)
        let before = outputs(practice)
        let second = try build(practice)
        #expect(!first.fromCache && second.fromCache)
        #expect(second.report.diagnostics == first.report.diagnostics)
        #expect(second.report.fileCount == first.report.fileCount)
        #expect(second.written == first.written)
        #expect(second.skippedSessions.map(\.id) == first.skippedSessions.map(\.id))
        #expect(outputs(practice) == before)
        #expect(TextPrinter().render(second.report) == TextPrinter().render(first.report), "snippets come back too")
    }

    @Test func aChangedPlanReChecksTheNotesThatDependOnIt() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        #expect(try build(practice).report.diagnostics.isEmpty)
        let plan = "members/doe-jane/plan-2026-01-29.md"
        try practice.write(plan, try practice.read(plan).replacingOccurrences(of: "review_by: 2026-04-29", with: "review_by: 2026-03-01"))
        let rebuilt = try build(practice)
        #expect(!rebuilt.fromCache)
        #expect(rebuilt.report.places == ["sessions/2026-03-05-skills/doe-jane.md:1:1 plan-review-overdue"])
    }

    @Test func aDeletedOrEditedOutputIsWrittenAgain() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        _ = try build(practice)
        let before = outputs(practice)
        try practice.remove("build/index.html")
        #expect(try !build(practice).fromCache)
        try practice.write("build/claims.csv", "edited by hand\n")
        #expect(try !build(practice).fromCache)
        #expect(outputs(practice) == before)
    }

    @Test func anotherTodayOrNoCacheAtAllBuildsAgain() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        _ = try build(practice)
        let before = outputs(practice)
        #expect(try !build(practice, today: LocalDate(year: 2026, month: 4, day: 1)!).fromCache)
        _ = try build(practice)
        try practice.remove("build/.groupchart-cache")
        #expect(try !build(practice).fromCache)
        #expect(outputs(practice) == before)
    }
}
