import Foundation
@testable import GroupChartKit
import GroupChartTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `watch` and `serve` tell a changed file by its size, modification time and
/// inode, and by the time its inode last changed, which nothing but the
/// system sets: a file made unreadable or readable again (`chmod`, `chown`),
/// or rewritten in place by a tool that puts its old modification time back
/// (`touch -r`, a sync), keeps the first three.
@Suite struct InodeChangeTests {
    static let note = "sessions/2026-03-19-dbt-skills/okonkwo-david.md"

    @Test func aPollSeesAChangeOfPermissionsAlone() throws {
        let practice = try FixturePractice(base: FixturePractice.repository.appendingPathComponent("examples/dbt-skills"))
        defer { practice.delete() }
        let folder = try PracticeFolder(root: practice.root)
        let before = FolderState.scan(folder)
        let path = practice.root.appendingPathComponent(Self.note).path
        #expect(chmod(path, 0o600) == 0)
        let after = FolderState.scan(folder)
        #expect(after.changes(since: before) == [Self.note])
        #expect(FolderState.scan(folder).changes(since: after).isEmpty, "and nothing else, nor twice")
    }

    /// A note rewritten in place, to the same length, its modification time
    /// put back: the build `watch` makes after its poll reads it again and
    /// gives what a cold build of the same files gives.
    /// With a file added in the same poll too, the build lists the practice
    /// anew rather than taking the poll's word for what changed: the
    /// rewritten note is read again on that path as well.
    @Test(arguments: [false, true])
    func aRewriteThatKeepsTheStampIsRebuiltAsAColdBuildWould(withAFileAdded: Bool) throws {
        let practice = try FixturePractice(base: FixturePractice.repository.appendingPathComponent("examples/dbt-skills"))
        defer { practice.delete() }
        try? practice.remove("build")
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("groupchart-inode-\(UUID().uuidString)")
        let cold = output.appendingPathExtension("cold")
        defer {
            try? FileManager.default.removeItem(at: output)
            try? FileManager.default.removeItem(at: cold)
        }
        let options = Builder.Options(checker: Checker.Options(today: FixturePractice.today), output: output)
        let path = practice.root.appendingPathComponent(Self.note).path
        // Written an hour ago, so that its stamp is trusted (`isSettled`).
        var hourAgo = [timespec(tv_sec: time(nil) - 3600, tv_nsec: 0), timespec(tv_sec: time(nil) - 3600, tv_nsec: 0)]
        #expect(utimensat(AT_FDCWD, path, &hourAgo, 0) == 0)
        var old = stat()
        #expect(stat(path, &old) == 0)
        let memo = DocumentMemo()
        let first = try FolderState.scan(PracticeFolder(root: practice.root))
        let built = try Builder.build(practice.root, options: options, memo: memo, polled: first)
        #expect(!built.report.diagnostics.contains { $0.rule == "risk-level" })

        let text = try practice.read(Self.note)
        #expect(text.contains("Risk level: moderate"))
        let rewritten = text.replacingOccurrences(of: "Risk level: moderate", with: "Risk lovel: moderate")
        #expect(rewritten.utf8.count == text.utf8.count)
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.write(contentsOf: Data(rewritten.utf8))
        try handle.close()
        #if canImport(Darwin)
        var times = [old.st_atimespec, old.st_mtimespec]
        #else
        var times = [old.st_atim, old.st_mtim]
        #endif
        #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
        if withAFileAdded { try practice.write("members/okonkwo-david/notes.md", "A stray.\n") }
        let second = try FolderState.scan(PracticeFolder(root: practice.root))
        let now = try #require(FileStamp.of(path)), then = try #require(first.ownStamps[Self.note])
        #expect([now.size, now.seconds, now.nanoseconds] == [then.size, then.seconds, then.nanoseconds] && now.inode == then.inode,
                "size, time and inode as they were")
        #expect(now.changed != then.changed, "the inode's change time is what tells")

        let rebuilt = try Builder.build(practice.root, options: options, memo: memo, polled: second,
                                        changed: FolderState.Changes(since: first, until: second))
        let expected = try Builder.build(practice.root, options: Builder.Options(checker: options.checker, output: cold))
        #expect(rebuilt.report.diagnostics.contains { $0.rule == "risk-level" && $0.location.file == Self.note })
        #expect(IncrementalEquivalenceTests.places(rebuilt.report) == IncrementalEquivalenceTests.places(expected.report))
    }

    /// A document overwritten by `cp -p` has an old modification time and
    /// a change time of now: its stamp vouches for nothing until the later
    /// of the two has settled. An output dated back by the build counts its
    /// modification time alone.
    @Test func aStampSettlesByTheLaterOfItsTimes() {
        let now = 1_800_000_000.0
        let copied = FileStamp(size: 10, seconds: Int64(now) - 3600, nanoseconds: 0, inode: 7, changed: (Int64(now) - 1) * 1_000_000_000)
        #expect(!copied.isSettled(before: now))
        #expect(copied.isSettled(before: now, countingChange: false))
        let old = FileStamp(size: 10, seconds: Int64(now) - 3600, nanoseconds: 0, inode: 7, changed: (Int64(now) - 3600) * 1_000_000_000)
        #expect(old.isSettled(before: now))
    }
    /// A link to a folder, a dangling link and a pipe have no stamp: one
    /// added or taken away is a change all the same, and the build that
    /// follows the poll reports what a cold build reports (a linked
    /// `submissions/` stops the batch). Compared by stamps alone, the two
    /// polls were equal and `watch` never built again (a fault-injection review).
    @Test func aPollSeesALinkOrAPipeComeAndGo() throws {
        let practice = try FixturePractice(base: FixturePractice.repository.appendingPathComponent("examples/dbt-skills"))
        defer { practice.delete() }
        try? practice.remove("build")
        let folder = try PracticeFolder(root: practice.root)
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("groupchart-links-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let options = Builder.Options(checker: Checker.Options(today: FixturePractice.today), output: output)
        let memo = DocumentMemo()
        let first = FolderState.scan(folder)
        _ = try Builder.build(practice.root, options: options, memo: memo, polled: first)

        let link = "sessions/2026-03-20-link"
        try FileManager.default.createSymbolicLink(atPath: practice.root.appendingPathComponent(link).path,
                                                   withDestinationPath: "2026-03-19-dbt-skills")
        let linked = FolderState.scan(folder)
        #expect(linked != first && linked.changes(since: first) == [link])
        let built = try Builder.build(practice.root, options: options, memo: memo, polled: linked,
                                      changed: FolderState.Changes(since: first, until: linked))
        #expect(built.report.diagnostics.contains { $0.rule == "symlink" && $0.location.file == link })
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("claims.837").path))

        try practice.remove(link)
        let pipe = "sessions/2026-03-19-dbt-skills/zz.md"
        #expect(mkfifo(practice.root.appendingPathComponent(pipe).path, 0o600) == 0)
        let piped = FolderState.scan(folder)
        #expect(piped.changes(since: linked) == [link, pipe])
        try practice.remove(pipe)
        #expect(FolderState.scan(folder) == first)
    }
}
