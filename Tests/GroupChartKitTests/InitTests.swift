import Foundation
import GroupChartKit
import GroupChartTestSupport
import Testing

/// `groupchart init`: a practice that checks clean, never written over
/// anything, with the schemas its documents name and an optional hook.
@Suite struct InitTests {
    static let today = LocalDate(year: 2026, month: 11, day: 30)!

    /// An empty temporary folder, not yet holding a practice.
    static func emptyFolder() throws -> FixturePractice {
        try FixturePractice(base: nil)
    }

    @Test func theStarterPracticeChecksClean() throws {
        let folder = try Self.emptyFolder()
        defer { folder.delete() }
        let target = folder.root.appendingPathComponent("new/practice")
        let written = try StarterPractice.create(at: target, today: Self.today, gitHook: false)
        #expect(written.paths.contains("practice.yaml") && written.paths.contains(".gitignore"))
        #expect(written.paths.contains("members/example-jordan/plan-2026-11-30.md"))
        let report = try GroupChart.check(target, options: Checker.Options(today: Self.today, strict: true)).report
        #expect(report.places == [])
        #expect(report.fileCount == 6, "practice.yaml, the group, and two members (a group session needs two)")
        #expect(try String(contentsOf: target.appendingPathComponent(".gitignore"), encoding: .utf8).contains("/build/\n"))
    }

    /// A session of the starter's group, on the day `init` ran, has the two
    /// members its roster enrolls: enough for group psychotherapy.
    @Test func aSessionOfTheStarterGroupIsAGroup() throws {
        let folder = try Self.emptyFolder()
        defer { folder.delete() }
        _ = try StarterPractice.create(at: folder.root, today: Self.today, gitHook: false)
        let written = try SessionSkeleton.create(in: try PracticeLocation(folder.root.path), group: "coping-skills", date: Self.today,
                                                 today: Self.today)
        #expect(written.members == ["example-jordan", "example-riley"])
        let report = try GroupChart.check(folder.root, options: Checker.Options(today: Self.today)).report
        let rules = report.diagnostics.filter { $0.location.file.hasPrefix("sessions/") }.map(\.rule)
        #expect(!rules.contains("group-size") && !rules.contains("not-enrolled") && !rules.contains("enrolled-not-recorded"))
    }

    /// The plan is reviewed three months on, the day clamped to the month.
    @Test func thePlanIsReviewedThreeMonthsLater() throws {
        let folder = try Self.emptyFolder()
        defer { folder.delete() }
        _ = try StarterPractice.create(at: folder.root, today: LocalDate(year: 2026, month: 11, day: 30)!, gitHook: false)
        #expect(try folder.read("members/example-jordan/plan-2026-11-30.md").contains("review_by: 2027-02-28 "))
    }

    /// Every key of practice.yaml says what it is for: on its line, or in
    /// the comment just above it.
    @Test func everyKeyOfPracticeYamlIsCommented() throws {
        let folder = try Self.emptyFolder()
        defer { folder.delete() }
        _ = try StarterPractice.create(at: folder.root, today: Self.today, gitHook: false)
        let lines = try folder.read("practice.yaml").split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() where !line.hasPrefix("#") && line.contains(":") {
            let above = index > 0 ? lines[index - 1] : ""
            #expect(line.contains(" # ") || above.hasPrefix("#"), "practice.yaml line \(index + 1) has no comment: \(line)")
        }
    }

    /// Each document's first front-matter line names its schema by a path
    /// that resolves from where the document stands.
    @Test func everyDocumentNamesItsSchemaByAPathThatResolves() throws {
        let folder = try Self.emptyFolder()
        defer { folder.delete() }
        _ = try StarterPractice.create(at: folder.root, today: Self.today, gitHook: false)
        for file in try PracticeFolder(root: folder.root).discover() {
            let text = try folder.read(file.path)
            let first = text.split(separator: "\n")[file.path.hasSuffix(".md") ? 1 : 0]
            #expect(first == Substring(SchemaCatalogue.modeline(for: file.kind)))
            let relative = try #require(first.split(separator: "=").last.map(String.init))
            let schema = folder.root.appendingPathComponent(file.path).deletingLastPathComponent().appendingPathComponent(relative)
            #expect(FileManager.default.fileExists(atPath: schema.standardizedFileURL.path), "\(file.path) names \(relative)")
        }
    }

    @Test func itNeverOverwrites() throws {
        let folder = try Self.emptyFolder()
        defer { folder.delete() }
        try folder.write("practice.yaml", "# mine\n")
        try folder.write("notes.txt", "mine\n")
        do {
            _ = try StarterPractice.create(at: folder.root, today: Self.today, gitHook: false)
            Issue.record("init wrote into a folder holding practice.yaml")
        } catch {
            #expect(error.description.contains("already holds practice.yaml, and groupchart init never overwrites"))
        }
        #expect(try folder.read("practice.yaml") == "# mine\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.root.path).sorted() == ["notes.txt", "practice.yaml"])
    }

    /// A repository made first often has a .gitignore of its own: it is
    /// kept as it is (init said the folder must be empty), and the practice
    /// written beside it.
    @Test func aFolderWithItsOwnGitignoreKeepsIt() throws {
        let folder = try Self.emptyFolder()
        defer { folder.delete() }
        try folder.write(".gitignore", "node_modules/\n")
        let written = try StarterPractice.create(at: folder.root, today: Self.today, gitHook: false)
        #expect(written.keptGitignore && !written.paths.contains(".gitignore") && written.paths.contains("practice.yaml"))
        #expect(try folder.read(".gitignore") == "node_modules/\n")
    }

    /// A fresh repository (only `.git`) is as good as an empty folder, and
    /// the hook is installed there, executable.
    @Test func theHookGoesIntoAFreshRepository() throws {
        let folder = try Self.emptyFolder()
        defer { folder.delete() }
        try FileManager.default.createDirectory(at: folder.root.appendingPathComponent(".git/hooks"), withIntermediateDirectories: true)
        let written = try StarterPractice.create(at: folder.root, today: Self.today, gitHook: true)
        #expect(written.hook?.path == folder.root.appendingPathComponent(".git/hooks/pre-commit").path)
        let hook = folder.root.appendingPathComponent(".git/hooks/pre-commit").path
        #expect(FileManager.default.isExecutableFile(atPath: hook))
        let script = try folder.read(".git/hooks/pre-commit")
        #expect(script.contains("\npractice='.'\n") && script.contains("(cd \"$staged\" && \"$groupchart\" check \"$practice\" --cache-from \"$cache\")"))
    }

    @Test func theHookIsRefusedOutsideARepositoryAndNothingIsWritten() throws {
        let folder = try Self.emptyFolder()
        defer { folder.delete() }
        do {
            _ = try StarterPractice.create(at: folder.root, today: Self.today, gitHook: true)
            Issue.record("init --git-hook wrote outside a repository")
        } catch {
            #expect(error.description.contains("is not in a git repository"))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.root.path) == [])
    }

    @Test func anExistingHookIsLeftAlone() throws {
        let folder = try Self.emptyFolder()
        defer { folder.delete() }
        try folder.write(".git/hooks/pre-commit", "#!/bin/sh\nmine\n")
        #expect(throws: Refusal.self) { try StarterPractice.create(at: folder.root, today: Self.today, gitHook: true) }
        #expect(try folder.read(".git/hooks/pre-commit") == "#!/bin/sh\nmine\n")
        #expect(!FileManager.default.fileExists(atPath: folder.root.appendingPathComponent("practice.yaml").path))
    }
}
