import Foundation
@testable import GroupChartKit
import GroupChartTestSupport
import Testing

/// How the checker runs its rules, apart from what each rule finds (the
/// rule fixtures test that).
@Suite struct CheckerTests {
    /// A check that lets the notes' bodies go before it builds the claims
    /// (a build's) finds exactly what one that
    /// keeps them finds, in the same order, on the fixture where every rule
    /// fires: the rules that compare notes run in a turn of their own and
    /// the rules that read claims after the bodies are gone.
    @Test func lettingNoteBodiesGoChangesNoFinding() throws {
        let practice = try FixturePractice(overlay: FixturePractice.fixtures.appendingPathComponent("defects"))
        defer { practice.delete() }
        let options = Checker.Options(today: FixturePractice.today)
        let kept = try GroupChart.check(practice.root, options: options)
        var record = kept.record
        let report = Checker.check(&record, options: options, lettingGoOfNoteBodies: true)
        let lean = (record: record, report: report)
        let rules = Set(kept.report.diagnostics.map(\.rule))
        #expect(rules.isSuperset(of: ["cloned-note", "similar-notes", "claim-rejected", "other-member-named"]))
        #expect(lean.report.diagnostics == kept.report.diagnostics)
        #expect(lean.report.billing?.claims.map { "\($0.id) \($0.heldBy)" } == kept.report.billing?.claims.map { "\($0.id) \($0.heldBy)" })
        let notes = lean.record.sessions.flatMap(\.progressNotes)
        #expect(!notes.isEmpty && notes.allSatisfy { $0.content.body.blocks.isEmpty })
        #expect(kept.record.sessions.flatMap(\.progressNotes).contains { !$0.content.body.blocks.isEmpty })
    }

    /// In `watch` the rules that read each note alone keep their findings
    /// per record folder (`Analysis.eachDocumentAlone`): after a note is
    /// edited, only its folder's notes are read again, and the findings are
    /// those of a check without the memo.
    @Test func aSaveChecksTheSectionsOfTheFolderItTouchedOnly() throws {
        let practice = try FixturePractice(overlay: FixturePractice.fixtures.appendingPathComponent("defects"))
        defer { practice.delete() }
        let options = Checker.Options(today: FixturePractice.today)
        let memo = DocumentMemo()
        let first = try GroupChart.check(practice.root, options: options, memo: memo)
        let rule = "empty-section"
        let folders = memo.derived.madeInLastCheck[rule] ?? 0
        #expect(folders > 2)
        let note = try #require(first.record.sessions.first { !$0.progressNotes.isEmpty }?.progressNotes.first)
        try practice.write(note.file, try practice.read(note.file).replacingOccurrences(of: "## Plan", with: "## Plan\n\nTBD\n\n## Plan"))
        let second = try GroupChart.check(practice.root, options: options, memo: memo)
        #expect(memo.derived.madeInLastCheck[rule] == 1)
        #expect(memo.derived.madeInLastCheck["missing-section"] == 1)
        #expect(memo.derived.madeInLastCheck["duplicate-section"] == 1)
        let cold = try GroupChart.check(practice.root, options: options)
        #expect(second.report.diagnostics == cold.report.diagnostics)
        #expect(second.report.diagnostics.contains { $0.rule == "duplicate-section" && $0.location.file == note.file })
        #expect(!first.report.diagnostics.contains { $0.rule == "duplicate-section" && $0.location.file == note.file })
    }
}
