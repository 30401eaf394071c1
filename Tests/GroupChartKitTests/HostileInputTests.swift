import Foundation
@testable import GroupChartKit
import GroupChartTestSupport
import Testing

/// Hostile input ends in a diagnostic, in bounded time and memory, and never
/// in a crash: exponential aliases, deep nesting, huge files, long lines,
/// named pipes. The time bound is generous, for a loaded CI machine running a
/// debug build: these are tests of correctness, not of speed.
@Suite(.timeLimit(.minutes(3))) struct HostileInputTests {
    static let note = "sessions/2026-03-05-skills/doe-jane.md"
    static let bound = Duration.seconds(60)

    /// Checks the base practice with the note replaced by `text`.
    private func check(note text: String) throws -> [Diagnostic] {
        let practice = try FixturePractice()
        defer { practice.delete() }
        try practice.write(Self.note, text)
        return try timedCheck(practice)
    }

    private func timedCheck(_ practice: FixturePractice) throws -> [Diagnostic] {
        let clock = ContinuousClock()
        let start = clock.now
        let diagnostics = try practice.check().diagnostics
        #expect(clock.now - start < Self.bound, "the check took \(clock.now - start)")
        return diagnostics
    }

    private func noteBody() throws -> String {
        let base = try String(contentsOf: FixturePractice.base.appendingPathComponent(Self.note), encoding: .utf8)
        return String(base.split(separator: "---\n", maxSplits: 2, omittingEmptySubsequences: false)[2])
    }

    private func frontMatterError(_ frontMatter: String) throws -> Diagnostic? {
        try check(note: "---\n" + frontMatter + "---\n" + noteBody()).first { $0.rule == "front-matter" && $0.location.file == Self.note }
    }

    @Test func billionLaughsAsAKeyStopsBeforeYamsExpandsIt() throws {
        // Yams hashes every mapping key to find duplicates, expanding aliases:
        // 9^9 scalars here, unless GroupChart refuses first.
        var yaml = "l0: &l0 [x, x, x, x, x, x, x, x, x]\n"
        for level in 1...8 {
            yaml += "l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 9).joined(separator: ", ") + "]\n"
        }
        yaml += "? *l8\n: 1\n"
        let found = try #require(try frontMatterError(yaml))
        #expect(found.message == "front-matter uses more than 12 aliases (*name)")
        #expect(found.location.line == 4)
        #expect(!found.help.isEmpty)
    }

    @Test func aliasesWithinTheLimitStillStopAtTheNodeBudget() throws {
        let list = "[" + Array(repeating: "x", count: 2000).joined(separator: ", ") + "]"
        var yaml = "a: &a \(list)\n"
        for (name, previous) in [("b", "a"), ("c", "b"), ("d", "c")] {
            yaml += "\(name): &\(name) [*\(previous), *\(previous), *\(previous)]\n"
        }
        yaml += "e: [*d, *d, *d]\n"
        let found = try #require(try frontMatterError(yaml))
        #expect(found.message.hasPrefix("front-matter is too large or too deeply nested"))
    }

    @Test func deepFlowNesting() throws {
        let found = try #require(try frontMatterError("signed_by: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "\n"))
        #expect(found.message == "front-matter is nested more than 64 levels deep")
        #expect(found.location.line == 2 && found.location.column == 76)
    }

    @Test func deepBlockNestingByIndentation() throws {
        let yaml = (0..<300).map { String(repeating: " ", count: $0) + "k\($0):\n" }.joined()
        let found = try #require(try frontMatterError(yaml))
        #expect(found.message == "front-matter is indented (or nested) more than 128 columns deep")
        #expect(found.location.line == 131)
    }

    @Test func deepCompactBlockNesting() throws {
        let found = try #require(try frontMatterError(String(repeating: "- ", count: 200_000) + "x\n"))
        #expect(found.message == "front-matter is indented (or nested) more than 128 columns deep")
    }

    @Test func aHundredMegabyteNoteIsRefusedUnread() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        // A sparse file: 100 MB to every reader, no disk space taken.
        let url = practice.root.appendingPathComponent(Self.note)
        try Data("---\n".utf8).write(to: url)
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: 100_000_000)
        try handle.close()
        let found = try timedCheck(practice)
        #expect(found.map { "\($0.location) \($0.rule)" } == ["\(Self.note):1:1 encoding"])
        #expect(found.first?.message == "the file is 100000000 bytes, over the 1 MiB a document may have; it is not read")
    }

    /// A file longer than its size said when it was opened (one that grows
    /// while read) is read to its end: here a file of /proc, which says it
    /// holds nothing. Linux only; elsewhere there is no such file to try.
    @Test func aFileLongerThanItsSizeIsReadToItsEnd() throws {
        #if os(Linux)
        let root = URL(fileURLWithPath: "/proc/self")
        var status = stat()
        #expect(stat("/proc/self/smaps", &status) == 0 && status.st_size == 0, "a file of /proc says it is empty")
        let bytes = try PracticeFile.read("smaps", in: root).get()
        // The memory map of a test process, a few hundred kilobytes: read
        // past the first chunk, and to the end of its last mapping, whose
        // last line names its flags.
        #expect(bytes.count > 64 * 1024, "more than one chunk was read")
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.last == "" && lines.dropLast().last?.hasPrefix("VmFlags:") == true, "read to its end")
        #endif
    }

    @Test func aFileJustUnderTheLimitIsRead() throws {
        let padding = String(repeating: "word ", count: (PracticeFile.maximumSize - 2_000) / 5)
        let found = try check(note: try String(contentsOf: FixturePractice.base.appendingPathComponent(Self.note), encoding: .utf8)
            .replacingOccurrences(of: "## Plan\n", with: "## Plan\n" + padding + "\n"))
        #expect(!found.contains { $0.rule == "encoding" })
    }

    @Test func longLines() throws {
        let long = String(repeating: "a", count: 400_000)
        let found = try check(note: "---\nsigned_by: \(long)\nsigned_at: 2026-03-05T16:30\n---\n## Participation\n\(long)\n" + noteBody())
        #expect(found.contains { $0.location.file == Self.note && $0.location.line == 2 })
    }

    /// A line of 60,000 entities, escapes and emphases (780 KB) is walked
    /// once to place a name at its end, where the name stands.
    @Test func aLongLineOfEntitiesPlacesANameInTime() throws {
        let line = String(repeating: "&amp; \\* *x* ", count: 60_000) + "Sam"
        let found = try check(note: "---\nsigned_by: torres\nsigned_at: 2026-03-05T16:30\n---\n## Participation\n\(line)\n" + noteBody())
        let named = found.filter { $0.rule == "other-member-named" }.map { "\($0.location)" }
        #expect(named == ["\(Self.note):6:\(line.unicodeScalars.count - 2)"])
    }

    @Test(arguments: ["> ", "- ", "1. ", "* "])
    func deeplyNestedMarkdownBlocks(marker: String) throws {
        let found = try check(note: "---\nsigned_by: torres\nsigned_at: 2026-03-05T16:30\n---\n"
            + noteBody() + String(repeating: marker, count: 200_000) + "deep\n")
        #expect(!found.contains { $0.rule == "front-matter" || $0.rule == "encoding" })
    }

    @Test(arguments: [("[", "]"), ("*", "*"), ("_", "_"), ("<a>", "</a>"), ("`", "`")])
    func deeplyNestedInlines(open: String, close: String) throws {
        let deep = String(repeating: open + "x ", count: 50_000) + String(repeating: " x" + close, count: 50_000)
        let found = try check(note: "---\nsigned_by: torres\nsigned_at: 2026-03-05T16:30\n---\n" + noteBody() + deep + "\n")
        #expect(!found.contains { $0.rule == "front-matter" || $0.rule == "encoding" })
    }

    @Test func aNamedPipeIsReportedNotWaitedFor() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        let pipe = "sessions/2026-03-05-skills/roe-sam.md"
        try practice.remove(pipe)
        try #require(mkfifo(practice.root.appendingPathComponent(pipe).path, 0o600) == 0)
        let found = try timedCheck(practice)
        #expect(found.map { "\($0.location) \($0.rule)" } == ["sessions/2026-03-05-skills/roe-sam.md:1:1 encoding"])
        #expect(found.first?.message.contains("not a regular file") == true)
    }

    /// The hidden copies `sign` and `new` write under, left when stopped
    /// before their rename, are strays `check` says to delete (a
    /// fault-injection review: a killed `sign` left a copy of the note no
    /// editor shows and `git add .` commits). Other hidden files stay unread and unsaid.
    @Test func aCopyAnInterruptedSignOrNewLeftIsSaid() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        let id = "26836233-34F7-4DEE-BBB7-9D62E8B24859"
        try practice.write("sessions/2026-03-05-skills/.session.md.groupchart-\(id)", try practice.read("sessions/2026-03-05-skills/session.md"))
        try practice.write("sessions/.groupchart-staging-\(id)/session.md", "---\n---\n")
        try practice.write("members/doe-jane/.profile.md.groupchart-\(id)", "half")
        try practice.write("sessions/2026-03-05-skills/.session.md.swp", "an editor's")
        try practice.write("members/doe-jane/.profile.md.groupchart-notauuid", "someone's")
        let found = try practice.check().diagnostics.filter { $0.rule == "stray-file" }
        #expect(found.map { "\($0.location): \($0.message)" } == [
            "members/doe-jane/.profile.md.groupchart-\(id):1:1: \"members/doe-jane/.profile.md.groupchart-\(id)\" holds a copy of a note "
                + "`sign` was signing when it was stopped; it is not read",
            "sessions/.groupchart-staging-\(id):1:1: \"sessions/.groupchart-staging-\(id)\" holds notes `new` was creating when it was "
                + "stopped; it is not read",
            "sessions/2026-03-05-skills/.session.md.groupchart-\(id):1:1: \"sessions/2026-03-05-skills/.session.md.groupchart-\(id)\" holds "
                + "a copy of a note `sign` was signing when it was stopped; it is not read",
        ])
        #expect(found.first?.help == "delete it (it holds a member's record, and `git add .` would commit it): the note itself was written "
                    + "whole or not at all; run the command again if it is not done")
        #expect(try practice.check().diagnostics.filter { $0.severity != .warning || $0.rule != "stray-file" }.isEmpty)
    }

    /// A folder where a document should be, or named as one, is said as a
    /// folder: `mkdir practice.yaml` was "a pipe, socket or device", a
    /// folder named profile.md "no profile.md", and an empty folder named
    /// chen-lily2.md or extra.md passed by without a word (a fault-injection review).
    @Test func aFolderWhereADocumentShouldBeIsSaidToBeOne() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        for (file, replacement) in [("practice.yaml", "practice.yaml"), ("members/doe-jane/profile.md", "members/doe-jane/profile.md")] {
            try practice.remove(file)
            try FileManager.default.createDirectory(at: practice.root.appendingPathComponent(replacement), withIntermediateDirectories: true)
        }
        for folder in ["groups/extra.md", "sessions/2026-03-05-skills/doe-jane2.md", "members/roe-sam/plan-2026-02-01.md"] {
            try FileManager.default.createDirectory(at: practice.root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        let found = try practice.check().diagnostics
        let said = found.filter { ["encoding", "stray-file"].contains($0.rule) }.map { "\($0.location) \($0.rule): \($0.message) | \($0.help)" }
        #expect(said == [
            "groups/extra.md:1:1 stray-file: \"groups/extra.md\" is not a document of the practice layout and is not read | documents here are "
                + "named groups/<group-id>.md, and extra.md is a folder, not a document",
            "members/doe-jane/profile.md:1:1 encoding: \"members/doe-jane/profile.md\" is a folder, where a document should be; it is not read "
                + "| move what the folder holds elsewhere, remove it, and save the document itself as members/doe-jane/profile.md",
            "members/roe-sam/plan-2026-02-01.md:1:1 stray-file: \"members/roe-sam/plan-2026-02-01.md\" is not a document of the practice "
                + "layout and is not read | documents here are named members/roe-sam/plan-<YYYY-MM-DD>.md, and plan-2026-02-01.md is a "
                + "folder, not a document",
            "practice.yaml:1:1 encoding: \"practice.yaml\" is a folder, where a document should be; it is not read | move what the folder "
                + "holds elsewhere, remove it, and save the document itself as practice.yaml",
            "sessions/2026-03-05-skills/doe-jane2.md:1:1 stray-file: \"sessions/2026-03-05-skills/doe-jane2.md\" is not a document of the "
                + "practice layout and is not read | documents here are named sessions/2026-03-05-skills/<member-id>.md, and doe-jane2.md is "
                + "a folder, not a document",
        ], "\(said)")
        #expect(!found.contains { $0.message.contains("has no profile.md") })
    }

    /// swift-mustache renders partials by recursion with no depth limit: a
    /// practice template that includes itself crashed the build (found by
    /// hand while fuzzing templates; fixed by refusing the cycle).
    @Test(arguments: [
        ("index", "{{> index}}", "templates/index.mustache:1:1: error: the templates include themselves (index > index)"),
        ("head", "<title>{{> index}}</title>", "templates/head.mustache:1:8: error: the templates include themselves (head > index > head)"),
        ("index", "x\n  {{>*page}}", "templates/index.mustache:2:3: error: the partial \"*page\" is named at render time"),
        // swift-mustache reads a partial's name after any whitespace, newlines too: this one included itself too.
        ("index", "{{>\nindex\n}}", "templates/index.mustache:1:1: error: the templates include themselves (index > index)"),
        ("index", "{{=<% %>=}}<%> index%>", "templates/index.mustache:1:1: error: the template changes its delimiters"),
        // swift-mustache parses nested sections by recursion: a thousand crashed it.
        ("index", "5000 nested sections", "templates/index.mustache:1:193: error: the template nests sections more than 32 deep"),
    ])
    func anUnboundedTemplateStopsTheBuild(name: String, text: String, error: String) throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        let deep = String(repeating: "{{#a}}", count: 5000) + String(repeating: "{{/a}}", count: 5000)
        try practice.write("templates/\(name).mustache", text == "5000 nested sections" ? deep : text)
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("groupchart-out-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        #expect {
            _ = try Builder.build(practice.root, options: Builder.Options(checker: Checker.Options(today: FixturePractice.today), output: output))
        } throws: { thrown in
            "\(thrown)".hasPrefix(error)
        }
    }

    /// A benefit verification in 9999, the last year a date may have, has no
    /// "one year later": asking for one crashed the check.
    @Test func datesAtTheEndsOfTheCalendar() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        let profile = "members/doe-jane/profile.md", session = "sessions/2026-03-05-skills/session.md"
        try practice.write(profile, try practice.read(profile)
            .replacingOccurrences(of: "verified_on: 2026-01-05", with: "verified_on: 9999-01-05")
            .replacingOccurrences(of: "dob: 1990-04-02", with: "dob: 0000-04-02"))
        try practice.write(session, try practice.read(session).replacingOccurrences(of: "date: 2026-03-05", with: "date: 9999-03-05"))
        let found = try timedCheck(practice)
        #expect(found.contains { $0.rule == "future-session" })
        #expect(found.contains { $0.message == "\"dob\": \"0000-04-02\" is not a date: there is no year 0" })
    }

    @Test func aLongChainOfTemplatesOrOfTagsStopsInTime() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        for level in 0..<40 { try practice.write("templates/t\(level).mustache", "{{> t\(level + 1)}}") }
        try practice.write("templates/index.mustache", String(repeating: "{{> t0}}", count: 100_000))
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("groupchart-out-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let clock = ContinuousClock()
        let start = clock.now
        #expect {
            _ = try Builder.build(practice.root, options: Builder.Options(checker: Checker.Options(today: FixturePractice.today), output: output))
        } throws: { thrown in
            "\(thrown)".contains("the templates include one another more than 32 deep (index > t0 > t1 > ...)")
        }
        #expect(clock.now - start < Self.bound)
    }
}
