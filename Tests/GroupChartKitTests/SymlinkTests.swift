import Foundation
import GroupChartKit
import GroupChartTestSupport
import Testing

/// Symbolic links in a practice: followed only to a regular file inside the
/// practice; every other link (outside, dangling, to a folder) is a `symlink`
/// error, reported once, and what it points at is never read.
@Suite struct SymlinkTests {
    static let note = "sessions/2026-03-05-skills/doe-jane.md"

    private func link(_ path: String, to target: String, in practice: FixturePractice) throws {
        let url = practice.root.appendingPathComponent(path)
        if FileManager.default.fileExists(atPath: url.path) { try FileManager.default.removeItem(at: url) }
        try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: target)
    }

    /// A secret outside the practice that no record may ever show.
    private func secretOutside() throws -> URL {
        let secret = FileManager.default.temporaryDirectory.appendingPathComponent("groupchart-secret-\(UUID().uuidString).md")
        let note = try String(contentsOf: FixturePractice.base.appendingPathComponent(Self.note), encoding: .utf8)
        try (note + "\nSECRET-OUTSIDE-THE-PRACTICE\n").write(to: secret, atomically: true, encoding: .utf8)
        return secret
    }

    @Test func aLinkToAFileOutsideIsNotFollowed() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        let secret = try secretOutside()
        defer { try? FileManager.default.removeItem(at: secret) }
        try link(Self.note, to: secret.path, in: practice)
        let found = try practice.check().diagnostics
        #expect(found.map { "\($0.location) \($0.rule)" } == ["\(Self.note):1:1 symlink"],
                "reported once: the note counts as existing, so no missing-member-note")
        #expect(found.first?.message == "\"\(Self.note)\" is a symbolic link to \"\(secret.path)\", outside the practice folder; GroupChart does not follow it")

        let output = FileManager.default.temporaryDirectory.appendingPathComponent("groupchart-out-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let result = try Builder.build(practice.root, options: Builder.Options(checker: Checker.Options(today: FixturePractice.today), output: output))
        for path in result.written {
            let text = try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
            #expect(!text.contains("SECRET-OUTSIDE-THE-PRACTICE"), "\(path) shows a file from outside the practice")
        }
    }

    @Test func aRelativeLinkThatClimbsOutIsNotFollowed() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        let secret = try secretOutside()
        defer { try? FileManager.default.removeItem(at: secret) }
        try link(Self.note, to: "../../../" + secret.lastPathComponent, in: practice)
        #expect(try practice.check().places == ["\(Self.note):1:1 symlink"])
    }

    @Test func aDanglingLink() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        try link(Self.note, to: "doe-jane-draft.md", in: practice)
        let found = try practice.check().diagnostics
        #expect(found.map { "\($0.location) \($0.rule)" } == ["\(Self.note):1:1 symlink"])
        #expect(found.first?.message.contains("which does not exist") == true)
    }

    @Test func aLinkToAFileInsideIsFollowed() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        try practice.write("drafts/doe-jane.md", try practice.read(Self.note).replacingOccurrences(of: "Risk level: low.", with: ""))
        try link(Self.note, to: "../../drafts/doe-jane.md", in: practice)
        #expect(try practice.check().places == ["\(Self.note):12:1 risk-level"], "read through the link, reported at the link's path")
    }

    @Test func linksToFoldersAreNeverFollowed() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("groupchart-folder-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: outside) }
        try link("members/roe-sam/individual", to: outside.path, in: practice)
        try link("groups/loop", to: "..", in: practice)
        let found = try practice.check().places
        #expect(found == ["groups/loop:1:1 symlink", "members/roe-sam/individual:1:1 symlink"])
    }

    @Test func aRecordFolderThatIsALink() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        let moved = FileManager.default.temporaryDirectory.appendingPathComponent("groupchart-sessions-\(UUID().uuidString)")
        try FileManager.default.moveItem(at: practice.root.appendingPathComponent("sessions"), to: moved)
        defer { try? FileManager.default.removeItem(at: moved) }
        try link("sessions", to: moved.path, in: practice)
        #expect(try practice.check().places == ["sessions:1:1 symlink"])
    }

    /// A linked sessions/ read as empty made a batch voiding every paid
    /// claim, and a linked submissions/ one sending every claim again as an
    /// original: a folder not read stops the whole batch (no claims.837,
    /// `ClaimScope.interchange`), whichever folder of the practice it is.
    @Test(arguments: ["sessions", "submissions", "remittances", "acknowledgments"])
    func aLinkedFolderStopsTheBatch(folder: String) throws {
        let practice = try FixturePractice(base: FixturePractice.repository.appendingPathComponent("examples/dbt-skills"))
        defer { practice.delete() }
        let moved = FileManager.default.temporaryDirectory.appendingPathComponent("groupchart-\(folder)-\(UUID().uuidString)")
        try FileManager.default.moveItem(at: practice.root.appendingPathComponent(folder), to: moved)
        defer { try? FileManager.default.removeItem(at: moved) }
        try link(folder, to: moved.path, in: practice)
        let today = LocalDate(year: 2026, month: 4, day: 1)!
        let checked = try GroupChart.check(practice.root, options: Checker.Options(today: today))
        #expect(checked.report.diagnostics.filter { $0.rule == "symlink" }.map { "\($0.location)" } == ["\(folder):1:1"])
        #expect(checked.report.interchangeHeldBy == ["symlink"])
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("groupchart-out-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let result = try Builder.build(practice.root, options: Builder.Options(checker: Checker.Options(today: today), output: output))
        #expect(!result.written.contains("claims.837"))
    }

    /// The practice reached through a link (or an --out whose parents are
    /// one, as macOS's /tmp is): the first build creates its output folder
    /// there, where it was refused as "a symbolic link".
    @Test func aPracticeReachedThroughALinkIsBuiltFromTheFirstTime() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        let linked = FileManager.default.temporaryDirectory.appendingPathComponent("groupchart-linked-\(UUID().uuidString)")
        try FileManager.default.createSymbolicLink(atPath: linked.path, withDestinationPath: practice.root.path)
        defer { try? FileManager.default.removeItem(at: linked) }
        let built = try Builder.build(linked, options: Builder.Options(checker: Checker.Options(today: FixturePractice.today)))
        #expect(built.written.contains("index.html"))
        let out = linked.appendingPathComponent("elsewhere/records")
        let elsewhere = try Builder.build(practice.root, options: Builder.Options(checker: Checker.Options(today: FixturePractice.today), output: out))
        #expect(elsewhere.written.contains("index.html"))
        #expect(FileManager.default.fileExists(atPath: practice.root.appendingPathComponent("elsewhere/records/index.html").path))
    }

    /// A link to a folder inside submissions/ (an archive of last quarter's
    /// batches, say) was skipped without a word, and its claims sent again.
    @Test func aLinkedFolderInsideTheBillingHistoryStopsTheBatch() throws {
        let practice = try FixturePractice(base: FixturePractice.repository.appendingPathComponent("examples/dbt-skills"))
        defer { practice.delete() }
        let archive = FileManager.default.temporaryDirectory.appendingPathComponent("groupchart-archive-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: archive, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: archive) }
        try FileManager.default.moveItem(at: practice.root.appendingPathComponent("submissions/2026-03-13-000000001.837"),
                                         to: archive.appendingPathComponent("2026-03-13-000000001.837"))
        try link("submissions/2026-q1", to: archive.path, in: practice)
        let checked = try GroupChart.check(practice.root, options: Checker.Options(today: LocalDate(year: 2026, month: 4, day: 1)!))
        #expect(checked.report.diagnostics.filter { $0.rule == "symlink" }.map { "\($0.location)" } == ["submissions/2026-q1:1:1"])
        #expect(checked.report.interchangeHeldBy == ["symlink"])
    }

    @Test func aTemplateLinkedFromOutsideStopsTheBuild() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        let secret = try secretOutside()
        defer { try? FileManager.default.removeItem(at: secret) }
        try FileManager.default.createDirectory(at: practice.root.appendingPathComponent("templates"), withIntermediateDirectories: true)
        try link("templates/index.mustache", to: secret.path, in: practice)
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("groupchart-out-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        #expect {
            _ = try Builder.build(practice.root, options: Builder.Options(checker: Checker.Options(today: FixturePractice.today), output: output))
        } throws: { error in
            "\(error)".hasPrefix("templates/index.mustache:1:1: error: the template is not read:") && "\(error)".contains("outside the practice folder")
        }
    }
}

/// A folder of the practice that cannot be listed (no permission to read it,
/// or a path longer than the system allows) was skipped without a word: a
/// session folder so hidden took its paid claims into the next batch as
/// voids. It is an `encoding` error at the folder, and stops the batch.
@Suite struct UnlistableFolderTests {
    /// Folders nested under `base` until their path is longer than any
    /// system lets a program open (Linux 4,096 bytes, macOS 1,024), made one
    /// step at a time from the folder above: the deepest cannot be listed,
    /// even by root, who may list a folder without permission to read it.
    private func nestTooDeep(under base: URL) throws -> Int {
        var descriptor = open(base.path, O_RDONLY)
        guard descriptor >= 0 else { throw CocoaError(.fileNoSuchFile) }
        let depth = 2_200
        for _ in 0..<depth {
            guard mkdirat(descriptor, "d", 0o700) == 0 else { throw CocoaError(.fileWriteUnknown) }
            let next = openat(descriptor, "d", O_RDONLY)
            close(descriptor)
            guard next >= 0 else { throw CocoaError(.fileReadUnknown) }
            descriptor = next
        }
        close(descriptor)
        return depth
    }

    private func removeDeep(_ url: URL) {
        let remove = Process()
        remove.executableURL = URL(fileURLWithPath: "/bin/rm")
        remove.arguments = ["-rf", url.path]
        try? remove.run()
        remove.waitUntilExit()
    }

    @Test func aFolderThatCannotBeListedIsAnErrorAndStopsTheBatch() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        let extra = practice.root.appendingPathComponent("sessions/2026-03-05-skills/extra")
        try FileManager.default.createDirectory(at: extra, withIntermediateDirectories: false)
        defer { removeDeep(extra) }
        _ = try nestTooDeep(under: extra)
        let checked = try GroupChart.check(practice.root, options: Checker.Options(today: FixturePractice.today))
        let found = checked.report.diagnostics.filter { $0.rule == "encoding" }
        #expect(found.count == 1)
        let first = try #require(found.first)
        #expect(first.location.file.hasPrefix("sessions/2026-03-05-skills/extra/d/d/") && first.location.line == 1)
        #expect(first.message.hasPrefix("the folder \"sessions/2026-03-05-skills/extra/d/"))
        #expect(first.message.contains("cannot be listed (") && first.message.hasSuffix("no claims.837 is made until they are"))
        #expect(checked.report.interchangeHeldBy == ["encoding"])
    }
}
