import Foundation
@testable import GroupChartKit
import GroupChartTestSupport
import Testing

/// `check` after saves that changed only what notes say answers from the
/// last build (`TextOnlyEdits`), and exactly as a check of the whole
/// practice does; any other save is checked whole.
@Suite struct TextOnlyEditsTests {
    static let note = "sessions/2026-03-19-dbt-skills/martin-chloe.md"
    static let options = Checker.Options(today: FixturePractice.today)

    /// The example with `note` unsigned, built into `output` with every
    /// file's stamp settled (as the files of a practice are, a while after
    /// they were saved).
    static func built(_ practice: FixturePractice, into output: URL, start: Date) throws {
        try? practice.remove("build")
        let text = try practice.read(note)
        try practice.write(note, text.components(separatedBy: "\n").filter { line in
            !["signed_by: ", "signed_at: ", "digest: "].contains { line.hasPrefix($0) }
        }.joined(separator: "\n"))
        try IncrementalEquivalenceTests.settle(practice.root, step: 0, since: start)
        _ = try Builder.build(practice.root, options: Builder.Options(checker: options, output: output))
    }

    /// The check from the build in `output`, and a check of the whole practice.
    static func checks(_ practice: FixturePractice, from output: URL) throws -> (fromBuild: CheckReport, whole: CheckReport) {
        (try GroupChart.checkReport(practice.root, options: options, buildFolder: output).report,
         try GroupChart.check(practice.root, options: options, buildFolder: output.appendingPathComponent("none")).report)
    }

    static func example() throws -> (FixturePractice, URL) {
        let practice = try FixturePractice(base: FixturePractice.repository.appendingPathComponent("examples/dbt-skills"))
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("groupchart-text-only-\(UUID().uuidString)")
        return (practice, output)
    }

    @Test func aNoteRewordedIsCheckedFromTheBuild() throws {
        let (practice, output) = try Self.example()
        defer { practice.delete(); try? FileManager.default.removeItem(at: output) }
        let start = Date()
        // The note copied forward from the member's last one, as built.
        let previous = try practice.read("sessions/2026-03-12-dbt-skills/martin-chloe.md")
        let head = try practice.read(Self.note).components(separatedBy: "\n---\n")[0]
        try practice.write(Self.note, head + "\n---\n" + previous.components(separatedBy: "\n---\n").dropFirst().joined(separator: "\n---\n"))
        try Self.built(practice, into: output, start: start)
        let before = try Self.checks(practice, from: output).whole
        #expect(before.diagnostics.contains { $0.rule == "cloned-note" && $0.location.file == Self.note })
        // Its participation written afresh, line for line.
        var lines = try practice.read(Self.note).components(separatedBy: "\n")
        var line = try #require(lines.firstIndex(of: "## Participation")) + 1
        while !lines[line].isEmpty {
            lines[line] = "This week she described a new plan, a walk each evening and a call to her sister (\(line))."
            line += 1
        }
        try practice.write(Self.note, lines.joined(separator: "\n"))
        try IncrementalEquivalenceTests.settle(practice.root, step: 1, since: start)
        let (fromBuild, whole) = try Self.checks(practice, from: output)
        #expect(fromBuild.answeredByTextOnlyEdits == 1)
        #expect(IncrementalEquivalenceTests.full(fromBuild) == IncrementalEquivalenceTests.full(whole))
        #expect(!whole.diagnostics.contains { $0.rule == "cloned-note" && $0.location.file == Self.note },
                "the edit changes what cloned-note finds")
        #expect(fromBuild.line(at: SourceLocation(file: Self.note, line: 7)) == whole.line(at: SourceLocation(file: Self.note, line: 7)))
    }

    /// `templated-notes` is found again over the saved sessions, as a whole
    /// check finds it: five notes of one session built as one template (the
    /// rule made a warning, so that the check stays on the text-only path),
    /// then one of them written afresh.
    @Test func aTemplatedNoteWrittenAfreshIsCheckedFromTheBuild() throws {
        let (practice, output) = try Self.example()
        defer { practice.delete(); try? FileManager.default.removeItem(at: output) }
        let start = Date()
        try practice.write("practice.yaml", try practice.read("practice.yaml") + "rules:\n  templated-notes: warning\n")
        let members = [("alvarez-sofia", "Ms. Alvarez", "She", 3), ("chen-lily", "Ms. Chen", "She", 3), ("martin-chloe", "Ms. Martin", "She", 4),
                       ("nguyen-lan", "Ms. Nguyen", "She", 3), ("okonkwo-david", "Mr. Okonkwo", "He", 3)]
        for (member, name, pronoun, goals) in members {
            let file = "sessions/2026-03-19-dbt-skills/\(member).md"
            let head = try practice.read(file).components(separatedBy: "\n---\n")[0].components(separatedBy: "\n")
                .filter { !$0.hasPrefix("digest: ") }.joined(separator: "\n")
            try practice.write(file, head + "\n---\n## Participation\n\(name) attended the full session and participated actively. "
                + "\(pronoun) reviewed the diary card with the group and practised the skill. \(pronoun) demonstrated understanding of the skill.\n\n"
                + "## Goals\n" + (1...goals).map { "- G\($0): In progress. Practised the skill in group.\n" }.joined()
                + "\n## Risk\nDenies ideation or intent. Risk level: low.\n\n## Plan\nContinue practising the skill before the next session.\n")
        }
        try Self.built(practice, into: output, start: start)
        let templated = { (report: CheckReport) in
            Set(report.diagnostics.filter { $0.rule == "templated-notes" }.map { $0.location.file.split(separator: "/").last.map(String.init) ?? "" })
        }
        #expect(templated(try Self.checks(practice, from: output).whole)
                == ["alvarez-sofia.md", "chen-lily.md", "martin-chloe.md", "nguyen-lan.md", "okonkwo-david.md"])
        // Its participation written afresh: its own words are now many.
        var lines = try practice.read(Self.note).components(separatedBy: "\n")
        let line = try #require(lines.firstIndex(of: "## Participation")) + 1
        lines[line] = "This week she described urge surfing at a family dinner, naming the urge at 8 of 10 and riding it down to 3 "
            + "without eating, and said her partner noticed the change."
        try practice.write(Self.note, lines.joined(separator: "\n"))
        try IncrementalEquivalenceTests.settle(practice.root, step: 1, since: start)
        let (fromBuild, whole) = try Self.checks(practice, from: output)
        #expect(fromBuild.answeredByTextOnlyEdits == 1)
        #expect(IncrementalEquivalenceTests.full(fromBuild) == IncrementalEquivalenceTests.full(whole))
        #expect(templated(whole) == ["alvarez-sofia.md", "chen-lily.md", "nguyen-lan.md", "okonkwo-david.md"])
    }

    /// A session of notes not yet written (`new session`) beside the edit
    /// leaves the check on the text-only path: its 3-grams were keyed
    /// without the unwritten notes and looked up with them, and every check
    /// went whole while one stood.
    @Test func anUnwrittenSessionLeavesTheTextOnlyPathOpen() throws {
        let (practice, output) = try Self.example()
        defer { practice.delete(); try? FileManager.default.removeItem(at: output) }
        let start = Date()
        _ = try SessionSkeleton.create(in: try PracticeLocation(practice.root.path), group: "dbt-skills",
                                       date: LocalDate(year: 2026, month: 3, day: 26)!, suffix: nil, today: FixturePractice.today)
        try Self.built(practice, into: output, start: start)
        try practice.write(Self.note, try practice.read(Self.note) + "\nShe asked for the worksheet in Spanish for her mother.\n")
        try IncrementalEquivalenceTests.settle(practice.root, step: 1, since: start)
        let (fromBuild, whole) = try Self.checks(practice, from: output)
        #expect(fromBuild.answeredByTextOnlyEdits == 1)
        #expect(IncrementalEquivalenceTests.full(fromBuild) == IncrementalEquivalenceTests.full(whole))
    }

    /// A diagnostic that stays where it was in a saved note quotes the line
    /// as saved, not the line the build kept: the build's lines are taken
    /// for every file but the saved ones.
    @Test func aSavedNoteIsQuotedAsSaved() throws {
        let (practice, output) = try Self.example()
        defer { practice.delete(); try? FileManager.default.removeItem(at: output) }
        let start = Date()
        let text = try practice.read(Self.note)
        try practice.write(Self.note, text.replacingOccurrences(of: "## Participation\n", with: "## Participation\nShe sat with Lily before group.\n"))
        try Self.built(practice, into: output, start: start)
        let named = try practice.read(Self.note)
        try practice.write(Self.note, named.replacingOccurrences(of: "She sat with Lily before group.", with: "She spoke with Lily after group."))
        try IncrementalEquivalenceTests.settle(practice.root, step: 1, since: start)
        let (fromBuild, whole) = try Self.checks(practice, from: output)
        #expect(fromBuild.answeredByTextOnlyEdits == 1)
        let printed = TextPrinter().render(fromBuild)
        #expect(printed.contains("| She spoke with Lily after group.") && !printed.contains("She sat with Lily"))
        #expect(printed == TextPrinter().render(whole))
    }

    /// Saved, built at once (the note's stamp not yet settled, so not
    /// vouched for), saved again: the build's digest of it is still known.
    @Test func aNoteSavedAgainRightAfterABuildIsCheckedFromTheBuild() throws {
        let (practice, output) = try Self.example()
        defer { practice.delete(); try? FileManager.default.removeItem(at: output) }
        try Self.built(practice, into: output, start: Date())
        func addSentence(_ sentence: String) throws {
            let text = try practice.read(Self.note)
            try practice.write(Self.note, text.replacingOccurrences(of: "Ms. Martin attended", with: "\(sentence) Ms. Martin attended"))
        }
        try addSentence("She came in early.")
        _ = try Builder.build(practice.root, options: Builder.Options(checker: Self.options, output: output))
        try addSentence("She smiled.")
        let (fromBuild, whole) = try Self.checks(practice, from: output)
        #expect(fromBuild.answeredByTextOnlyEdits == 1)
        #expect(IncrementalEquivalenceTests.full(fromBuild) == IncrementalEquivalenceTests.full(whole))
    }

    @Test func nothingSavedIsTheBuildsDiagnostics() throws {
        let (practice, output) = try Self.example()
        defer { practice.delete(); try? FileManager.default.removeItem(at: output) }
        try Self.built(practice, into: output, start: Date())
        let (fromBuild, whole) = try Self.checks(practice, from: output)
        #expect(fromBuild.answeredByTextOnlyEdits == 0)
        #expect(IncrementalEquivalenceTests.full(fromBuild) == IncrementalEquivalenceTests.full(whole))
    }

    @Test(arguments: [
        // A field of the front matter: what the practice-wide rules and the claims read.
        ("sessions/2026-03-19-dbt-skills/session.md", "topic: ", "topic: Revised "),
        // The text of a signed note: an error, which holds its claim.
        ("sessions/2026-03-19-dbt-skills/chen-lily.md", "## Participation\n", "## Participation\nShe arrived early. "),
        // A goal's progress, which the model reads out of the text.
        (note, "G1: In progress.", "G1: Met."),
        (note, "\n---\n", "\n---\nShe arrived early.\n"),
        ("members/chen-lily/profile.md", "first_name: ", "first_name: Jo"),
    ])
    func anyOtherSaveIsCheckedWhole(path: String, replacing: String, with: String) throws {
        let (practice, output) = try Self.example()
        defer { practice.delete(); try? FileManager.default.removeItem(at: output) }
        let start = Date()
        try Self.built(practice, into: output, start: start)
        let text = try practice.read(path)
        try #require(text.contains(replacing))
        try practice.write(path, text.replacingOccurrences(of: replacing, with: with))
        try IncrementalEquivalenceTests.settle(practice.root, step: 1, since: start)
        let (fromBuild, whole) = try Self.checks(practice, from: output)
        #expect(fromBuild.answeredByTextOnlyEdits == nil)
        #expect(IncrementalEquivalenceTests.full(fromBuild) == IncrementalEquivalenceTests.full(whole))
    }

    /// A practice moved since its build (or built through another path):
    /// help that names its files as typed from there names the new place.
    @Test func aMovedPracticeIsNotAnsweredWithTheOldPlace() throws {
        let (practice, output) = try Self.example()
        defer { practice.delete(); try? FileManager.default.removeItem(at: output) }
        let moved = practice.root.deletingLastPathComponent().appendingPathComponent("moved-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: moved) }
        try Self.built(practice, into: practice.root.appendingPathComponent("build"), start: Date())
        let options = { (root: URL) in Checker.Options(today: FixturePractice.today, location: try PracticeLocation(root.path)) }
        _ = try Builder.build(practice.root, options: Builder.Options(checker: try options(practice.root)))
        try FileManager.default.moveItem(at: practice.root, to: moved)
        let fromBuild = try GroupChart.checkReport(moved, options: try options(moved)).report
        let whole = try GroupChart.check(moved, options: try options(moved), buildFolder: output).report
        #expect(IncrementalEquivalenceTests.full(fromBuild) == IncrementalEquivalenceTests.full(whole))
        #expect(fromBuild.diagnostics.contains { $0.help.contains(moved.path) }, "the help names the practice's new place")
        // Nor is a build there given back as the last one was.
        let rebuilt = try Builder.build(moved, options: Builder.Options(checker: try options(moved)))
        #expect(!rebuilt.fromCache && rebuilt.report.diagnostics.contains { $0.help.contains(moved.path) })
    }

    /// The rules that read the whole practice, each read (when this list was
    /// last reviewed) for what it takes of a note: the front matter, goals,
    /// risk line and reading findings `TextOnlyEdits.shape` compares, never
    /// a note's text. A rule added here must be read the same way first.
    @Test func theRulesThatReadTheWholePracticeAreTheReviewedOnes() {
        #expect(RuleRegistry.all.filter { !$0.isSessionLocal }.map(\.id).sorted() == [
            "acknowledgment", "attendance-overlap", "authorization", "authorization-expiring", "claim-awaiting-payer", "claim-changed-after-billing",
            "claim-rejected", "claim-void-needed", "clinician-overlap", "cloned-note", "duplicate-id", "missing-credentials", "missing-field",
            "remittance", "same-day-services", "similar-notes", "templated-notes",
        ])
        #expect(!RuleRegistry.all.contains { $0.isSessionLocal && $0.readsClaims })
    }

    /// `TextOnlyEdits` finds again the findings of the rules that read one
    /// session, and of the rules that read notes' 3-grams, which it knows
    /// by name: a new rule of that kind must be taught to it.
    @Test func theRulesThatReadNotesTextAreTheOnesItKnows() {
        #expect(RuleRegistry.all.filter(\.readsNoteTexts).map(\.id).sorted() == ["cloned-note", "similar-notes", "templated-notes"])
    }
}
