import Foundation
@testable import GroupChartKit
import GroupChartTestSupport
import Testing

/// What `serve` shows, compiled in memory: each page's panel holds the
/// diagnostics that concern it, records with errors are previewed, a
/// practice that cannot be rendered says why, and polling sees saved files.
@Suite struct LivePreviewTests {
    static let options = Checker.Options(today: FixturePractice.today)

    private func compile(_ root: URL) throws -> LivePreview {
        var compiler = PracticeCompiler(folder: try PracticeFolder(root: root), options: Self.options)
        return compiler.rebuild(changed: [])
    }

    private func text(_ preview: LivePreview, _ path: String) -> String {
        preview.page(path).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    private func example() throws -> FixturePractice {
        let practice = try FixturePractice(base: RecordTests.example)
        try? practice.remove("build")
        return practice
    }

    /// A day that can be moved, as the clock moves past midnight.
    final class Day: @unchecked Sendable {
        private let lock = NSLock()
        private var day: LocalDate
        init(_ day: LocalDate) { self.day = day }
        var value: LocalDate {
            get { lock.withLock { day } }
            set { lock.withLock { day = newValue } }
        }
    }

    /// `serve` and `watch` without `--today` follow the clock: a rebuild
    /// after midnight measures against the new day (a watch started the
    /// day before held the next day's notes as future sessions, and a note
    /// signed after midnight as signed after today). Each is told the day
    /// at each rebuild; `watch` rebuilds when the day turns.
    @Test func withoutTodayTheDayFollowsTheClock() throws {
        let practice = try example()
        defer { practice.delete() }
        let day = Day(LocalDate(year: 2026, month: 3, day: 18)!)
        var compiler = PracticeCompiler(folder: try PracticeFolder(root: practice.root), options: Checker.Options(today: day.value))
        compiler.clock = { day.value }
        #expect(compiler.rebuild(changed: []).summary.hasPrefix("12 errors"))
        day.value = LocalDate(year: 2026, month: 3, day: 31)!
        #expect(compiler.rebuild(changed: []).summary.hasPrefix("0 errors"), "the sessions of the 19th are past")

        let watcher = PracticeWatcher(root: practice.root, options: Builder.Options(checker: Checker.Options(today: day.value)))
        #expect(!watcher.turnTheDay(), "no clock: the day given stays")
        watcher.clock = { day.value }
        #expect(!watcher.turnTheDay(), "the same day")
        day.value = LocalDate(year: 2026, month: 4, day: 1)!
        #expect(watcher.turnTheDay() && watcher.options.checker.today == day.value)
        #expect(!watcher.turnTheDay())
    }

    /// A session note whose date is not a date: its packet (served, not
    /// built, for its error) counts its log as enrolled, not every member
    /// the roster ever named (roe-sam had left, and is not in the log).
    @Test func aPacketWithoutADateCountsItsLogAsEnrolled() throws {
        let practice = try FixturePractice(overlay: FixturePractice.fixtures.appendingPathComponent("rules/enrolled-not-recorded/fail-undated"))
        defer { practice.delete() }
        let page = text(try compile(practice.root), "sessions/2026-03-05-skills.html")
        #expect(page.contains("<dt>Attendance</dt><dd>1 attended of 1 enrolled</dd>"), "\(page)")
    }

    @Test func everyRecordHasOnePanelAtTheTopOfItsBody() throws {
        let practice = try example()
        defer { practice.delete() }
        let preview = try compile(practice.root)
        #expect(preview.pages.count == 1 + 2 + 8, "the dashboard, two session packets, eight member charts")
        #expect(preview.summary == "0 errors, 0 warnings in 41 files")
        for (path, bytes) in preview.pages {
            let page = String(decoding: bytes, as: UTF8.self)
            #expect(page.components(separatedBy: "<aside id=\"groupchart-live\"").count == 2, "\(path)")
            #expect(page.contains("<body>\n<aside id=\"groupchart-live\""), "\(path): the panel opens the body")
            #expect(page.contains("<style>\n.live ") && !page.contains("<script"), "\(path): serve adds the script, not the compiler")
        }
        #expect(!FileManager.default.fileExists(atPath: practice.root.appendingPathComponent("build").path), "nothing is written")
    }

    /// An attendance row is the member's own problem, though it stands in session.md.
    @Test func pagesShowTheDiagnosticsOfTheirOwnFiles() throws {
        let practice = try example()
        defer { practice.delete() }
        let session = "sessions/2026-03-12-dbt-skills/session.md"
        let log = try practice.read(session)
        let row = try #require(log.split(separator: "\n").first { $0.contains("chen-lily:") })
        try practice.write(session, log.replacingOccurrences(of: String(row), with: "  chen-lily: {status: late}"))
        let preview = try compile(practice.root)
        let line = try #require(log.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("chen-lily:") }) + 1
        let place = "\(session):\(line):"
        #expect(text(preview, "members/chen-lily.html").contains(place), "her chart")
        #expect(text(preview, "sessions/2026-03-12-dbt-skills.html").contains(place), "the session's packet")
        #expect(text(preview, "index.html").contains(place), "the dashboard")
        #expect(!text(preview, "members/patel-arjun.html").contains(place), "another member's chart")
        #expect(!text(preview, "sessions/2026-03-19-dbt-skills.html").contains(place), "another session's packet")
        let packet = text(preview, "sessions/2026-03-12-dbt-skills.html")
        #expect(packet.contains("Preview, not final: groupchart build does not write this packet while errors (attendance-time"))
        #expect(packet.contains("Lily Chen"), "the packet is previewed all the same")
    }

    @Test func aPracticeThatCannotBeRenderedSaysWhyOnEveryPage() throws {
        let practice = try example()
        defer { practice.delete() }
        try practice.write("templates/session.mustache", "{{#session}}never closed\n")
        let broken = try compile(practice.root)
        #expect(broken.pages.isEmpty)
        for path in ["index.html", "sessions/2026-03-12-dbt-skills.html", "anything.html"] {
            let page = text(broken, path)
            #expect(page.contains("the records cannot be rendered: templates/session.mustache:"), "\(path)")
            #expect(page.contains("class=\"live error\""))
        }
        try practice.remove("templates/session.mustache")
        var compiler = PracticeCompiler(folder: try PracticeFolder(root: practice.root), options: Self.options)
        try practice.remove("practice.yaml")
        #expect(String(decoding: compiler.rebuild(changed: []).page("index.html") ?? [], as: UTF8.self)
            .contains("is not a GroupChart practice"))
    }

    @Test func pollingSeesWhatABuildReadsAndNothingElse() throws {
        let practice = try example()
        defer { practice.delete() }
        let folder = try PracticeFolder(root: practice.root)
        let before = FolderState.scan(folder)
        #expect(FolderState.scan(folder).changes(since: before).isEmpty)
        let note = "sessions/2026-03-19-dbt-skills/okonkwo-david.md"
        try practice.write(note, try practice.read(note) + "\n")
        try practice.write("templates/member.mustache", "{{> chart-body}}\n")
        try practice.write("README.md", "not a record\n")
        try practice.write("build/index.html", "an output\n")
        try practice.remove("members/bell-marcus/profile.md")
        try practice.write("sessions/2026-03-26-dbt-skills/session.md", "---\n---\n")
        #expect(FolderState.scan(folder).changes(since: before) == [
            note, "templates/member.mustache", "members/bell-marcus/profile.md", "sessions/2026-03-26-dbt-skills/session.md",
        ])
    }

    /// Reading follows a link inside the practice, so polling does too: a
    /// save to the file a linked document points at is a change of that
    /// document, and so is that file's removal (the link then dangles, and
    /// reads as the document gone).
    @Test func pollingFollowsLinksAsReadingDoes() throws {
        let practice = try example()
        defer { practice.delete() }
        let plan = "members/chen-lily/plan-2026-01-15.md"
        let kept = "shared/chen-plan.md"
        let plans = try FileManager.default.contentsOfDirectory(atPath: practice.root.appendingPathComponent("members/chen-lily").path)
        try #require(plans.contains("plan-2026-01-15.md"), "\(plans)")
        try practice.write(kept, try practice.read(plan))
        try practice.remove(plan)
        try FileManager.default.createSymbolicLink(atPath: practice.root.appendingPathComponent(plan).path, withDestinationPath: "../../shared/chen-plan.md")
        let folder = try PracticeFolder(root: practice.root)
        let before = FolderState.scan(folder)
        #expect(before.ownStamps[plan] == nil, "a build reads a linked document every time, whatever the poll saw")
        #expect(before.ownStamps["members/chen-lily/profile.md"] != nil)
        try practice.write(kept, try practice.read(kept) + "\n")
        #expect(FolderState.scan(folder).changes(since: before) == [plan])
        let saved = FolderState.scan(folder)
        try practice.remove(kept)
        #expect(FolderState.scan(folder).changes(since: saved) == [plan], "the file behind a link removed is a change")
    }

    @Test(arguments: [
        ("<!DOCTYPE html>\n<html><head><title>t</title></head>\n<body class=\"x\">\n<p>record</p>\n</body></html>",
         "<!DOCTYPE html>\n<html><head><title>t</title>STYLE</head>\n<body class=\"x\">\nPANEL\n<p>record</p>\nSCRIPT</body></html>"),
        ("<!DOCTYPE html>\n<p>record</p>", "<!DOCTYPE html>\nSTYLEPANEL\n<p>record</p>SCRIPT"),
        ("<p>record</p>", "STYLEPANEL<p>record</p>SCRIPT"),
    ])
    func theServedPartsFindTheirPlaceInAnyTemplate(page: String, placed: String) {
        #expect(PanelPlacement.place(in: page, headEnd: "STYLE", bodyStart: "PANEL", bodyEnd: "SCRIPT") == placed)
    }

    /// A page whose record and panel would come out the same is served as
    /// last rendered: after any sequence of edits, what the long-running
    /// compiler serves is what a fresh one compiles from the same files.
    @Test(arguments: [11, 12, 13])
    func pagesKeptBetweenRebuildsEqualAFreshCompile(seed: UInt64) throws {
        let practice = try example()
        defer { practice.delete() }
        var live = PracticeCompiler(folder: try PracticeFolder(root: practice.root), options: Self.options)
        _ = live.rebuild(changed: [])
        var random = IncrementalEquivalenceTests.Random(state: seed)
        var history: [String] = []
        var kept = 0
        for _ in 0..<20 {
            history.append(try IncrementalEquivalenceTests.edit(practice, &random))
            let served = live.rebuild(changed: [])
            kept += served.pages.count - live.rendered
            let fresh = try compile(practice.root)
            let differing = Set(served.pages.keys).union(fresh.pages.keys).filter { served.pages[$0] != fresh.pages[$0] }.sorted()
            // The first line that differs, to say where.
            let first = differing.first.map { path in
                zip(String(decoding: served.pages[path] ?? [], as: UTF8.self).split(separator: "\n"),
                    String(decoding: fresh.pages[path] ?? [], as: UTF8.self).split(separator: "\n"))
                    .first { $0 != $1 }.map { "served \($0.prefix(200)) / fresh \($1.prefix(200))" } ?? ""
            } ?? ""
            #expect(differing.isEmpty && served.summary == fresh.summary,
                    "\(differing) differ (\(first)) after: \(history.joined(separator: "; "))")
            if !differing.isEmpty { return }
        }
        #expect(kept > 0, "no rebuild kept a page: the test exercises nothing incremental")
    }
}

