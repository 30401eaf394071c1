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
    /// Two diagnostics of one place, rule and message come out in one
    /// order whatever order they were found in.
    @Test func theReportsOrderDoesNotDependOnTheOrderFound() {
        let place = SourceLocation(file: "sessions/a/x.md", line: 3)
        let one = Diagnostic(rule: "similar-notes", severity: .warning, location: place, message: "alike", help: "b",
                             related: [RelatedLocation(SourceLocation(file: "sessions/a/y.md", line: 1), "the similar note")], scope: .chain)
        var two = one
        two.help = "a"
        var three = one
        three.related = [RelatedLocation(SourceLocation(file: "sessions/a/w.md", line: 1), "the similar note")]
        let found = [one, two, three]
        let orders = [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]].map { order in
            CheckReport.ordered(order.map { found[$0] }).map { "\($0.help) \($0.related.map(\.location.file))" }
        }
        #expect(Set(orders).count == 1)
    }

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

    /// `check` builds its claims beside the rules and holds them once the
    /// rules have run (`ClaimMaker`, `Meanwhile`); a build, and anything
    /// else with a report, builds them after: the same claims, every field,
    /// held by the same rules.
    @Test func claimsBuiltBesideTheRulesAreThoseBuiltAfter() throws {
        let practice = try FixturePractice(overlay: FixturePractice.fixtures.appendingPathComponent("defects"))
        defer { practice.delete() }
        var all: [Claim] = []
        // The defects fixture's claims are all held; the example's all ready.
        for root in [practice.root, ClaimTests.example] {
            let checked = try GroupChart.check(root, options: Self.options)
            let beside = try #require(checked.report.billing?.claims)
            let after = ClaimBuilder(record: checked.record, report: checked.report).claims()
            #expect(!beside.isEmpty && beside.count == after.count)
            #expect(beside.map { "\($0)" } == after.map { "\($0)" })
            all += beside
        }
        #expect(all.contains { !$0.heldBy.isEmpty } && all.contains(where: \.isReady))
    }

    /// One note's claim held among ready ones, and a self-pay member's
    /// services (no claim) between them: each claim built beside the rules
    /// is held by its own service's decision, found by its id, not by its
    /// place among the claims.
    @Test func eachClaimBuiltBesideTheRulesIsHeldByItsOwnServicesErrors() throws {
        let practice = try FixturePractice(base: ClaimTests.example)
        defer { practice.delete() }
        let note = "sessions/2026-03-12-dbt-skills/chen-lily.md"
        try practice.write(note, try practice.read(note).replacingOccurrences(of: "Risk level: moderate", with: "Risk level: middling"))
        let checked = try GroupChart.check(practice.root, options: Self.options)
        let claims = try #require(checked.report.billing?.claims)
        let decisions = ClaimReadiness(record: checked.record, report: checked.report).decisions
        let holds = Dictionary(decisions.compactMap { decision in decision.service.claimID.map { ($0, decision.heldBy) } }) { first, _ in first }
        #expect(claims.filter { !$0.heldBy.isEmpty }.map(\.service.noteFile) == [note])
        #expect(claims.count(where: \.isReady) > 1)
        #expect(claims.allSatisfy { holds[$0.id] == $0.heldBy })
        let services = checked.record.services
        #expect(!claims.contains { $0.service.member == "bell-marcus" }, "a self-pay member has no claim")
        let selfPay = try #require(services.firstIndex { $0.member == "bell-marcus" })
        let held = try #require(services.firstIndex { $0.noteFile == note })
        #expect(selfPay < held, "a service without a claim stands before the held one")
    }

    static let options = Checker.Options(today: FixturePractice.today)

    /// The defects fixture checked once with a memo, as `watch` checks it.
    static func checkedInWatch() throws -> (FixturePractice, DocumentMemo, (record: PracticeRecord, report: CheckReport)) {
        let practice = try FixturePractice(overlay: FixturePractice.fixtures.appendingPathComponent("defects"))
        let memo = DocumentMemo()
        return (practice, memo, try GroupChart.check(practice.root, options: options, memo: memo))
    }

    static func sessionFolders(_ checked: (record: PracticeRecord, report: CheckReport)) -> Int {
        Set(checked.record.files.compactMap { PracticeRecord.sessionFolder(of: $0.path) }).count
    }

    /// In `watch` the rules that read one session at a time keep their
    /// findings per session folder (`SessionScopedFindings`): after a note
    /// is edited, they run on the shell and its session only, and the
    /// findings are those of a check without the memo, including the
    /// unchanged sessions' findings taken from the memo.
    @Test func aSaveChecksTheSessionItTouchedOnly() throws {
        let (practice, memo, first) = try Self.checkedInWatch()
        defer { practice.delete() }
        let options = Self.options
        let purpose = SessionScopedFindings.purpose
        let folders = Self.sessionFolders(first)
        #expect(folders > 2)
        #expect(memo.derived.madeInLastCheck[purpose] == 1 + folders, "the shell and every session, kept")
        let note = try #require(first.record.sessions.first { !$0.progressNotes.isEmpty }?.progressNotes.first)
        try practice.write(note.file, try practice.read(note.file).replacingOccurrences(of: "## Plan", with: "## Plan\n\nTBD\n\n## Plan"))
        let second = try GroupChart.check(practice.root, options: options, memo: memo)
        #expect(memo.derived.madeInLastCheck[purpose] == 1, "the edited session alone")
        #expect(memo.derived.madeInLastCheck["empty-section"] == nil, "the section rules ran in that session's check")
        let cold = try GroupChart.check(practice.root, options: options)
        #expect(second.report.diagnostics == cold.report.diagnostics)
        #expect(second.report.diagnostics.contains { $0.rule == "duplicate-section" && $0.location.file == note.file })
        #expect(!first.report.diagnostics.contains { $0.rule == "duplicate-section" && $0.location.file == note.file })
        let edited = PracticeRecord.sessionFolder(of: note.file)
        let unchanged = second.report.diagnostics.filter {
            PracticeRecord.sessionFolder(of: $0.location.file).map { $0 != edited } ?? false
        }
        #expect(unchanged.contains { $0.rule == "unknown-goal" }, "findings of unchanged sessions, from the memo")
    }

    /// In `watch`, `cloned-note` keeps each member's findings under the keys
    /// of the sessions holding the member's notes: a save compares again
    /// the timelines of the members of the session it touched (whose
    /// 3-grams leave out what their notes share), and no other, and the
    /// findings are those of a check without the memo.
    @Test func aSaveComparesAgainTheTimelinesOfTheSessionItTouchedOnly() throws {
        let practice = try FixturePractice(base: FixturePractice.repository.appendingPathComponent("examples/dbt-skills"))
        defer { practice.delete() }
        let memo = DocumentMemo()
        let first = try GroupChart.check(practice.root, options: Self.options, memo: memo)
        let everyone = try #require(memo.derived.madeInLastCheck["cloned-note"])
        let session = try #require(first.record.session("2026-03-19-dbt-skills"))
        let touched = Set(session.progressNotes.map(\.member)).count
        #expect(touched < everyone, "the session's members are not all the members with notes")
        _ = try GroupChart.check(practice.root, options: Self.options, memo: memo)
        #expect(memo.derived.madeInLastCheck["cloned-note"] == nil, "nothing changed, nothing compared")
        // A member's note made a copy of the week before, then put back.
        let later = "sessions/2026-03-19-dbt-skills/chen-lily.md", earlier = "sessions/2026-03-12-dbt-skills/chen-lily.md"
        let original = try practice.read(later)
        for (text, cloned) in [(try practice.read(earlier), true), (original, false)] {
            try practice.write(later, text)
            let saved = try GroupChart.check(practice.root, options: Self.options, memo: memo)
            #expect(memo.derived.madeInLastCheck["cloned-note"] == touched, "the timelines of the session's members alone")
            #expect(saved.report.diagnostics == (try GroupChart.check(practice.root, options: Self.options).report.diagnostics))
            #expect(saved.report.diagnostics.contains { $0.rule == "cloned-note" && $0.location.file == later } == cloned)
        }
    }

    /// An edit outside `sessions/` (a member's plan) changes the shell: the
    /// rules run over every session again, but the section rules still take
    /// each unchanged folder's findings from the memo, kept through the save
    /// before, which ran them on one session without asking for the others.
    @Test func anEditOfThePlanChecksEverySession() throws {
        let (practice, memo, first) = try Self.checkedInWatch()
        defer { practice.delete() }
        let options = Self.options
        let note = try #require(first.record.sessions.first { !$0.progressNotes.isEmpty }?.progressNotes.first)
        try practice.write(note.file, try practice.read(note.file) + "\nMore.\n")
        _ = try GroupChart.check(practice.root, options: options, memo: memo)
        let plan = try #require(first.record.members.flatMap(\.plans).first { $0.file.hasPrefix("members/roe-sam/") }?.file)
        try practice.write(plan, try practice.read(plan) + "\n")
        let second = try GroupChart.check(practice.root, options: options, memo: memo)
        #expect(memo.derived.madeInLastCheck[SessionScopedFindings.purpose] == 1 + Self.sessionFolders(first))
        #expect(memo.derived.madeInLastCheck["empty-section"] == 2, "the edited note's folder and the plan's, no other")
        #expect(second.report.diagnostics == (try GroupChart.check(practice.root, options: options)).report.diagnostics)
    }
}
