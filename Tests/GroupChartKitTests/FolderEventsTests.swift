import Foundation
@testable import GroupChartKit
import GroupChartTestSupport
import Testing

/// `watch` wakes on the system's folder events where there are some
/// (inotify on Linux) and polls elsewhere. An event names the folder to look
/// in again; a folder moved or events lost call for a whole poll.
@Suite struct FolderEventsTests {
    func state(_ practice: FixturePractice) throws -> FolderState {
        FolderState.scan(try PracticeFolder(root: practice.root))
    }

    /// Every folder a document stands in, and each above it, as taking
    /// each path's folder one by one would give them.
    @Test func theDocumentsFoldersAreEveryFolderAboveADocument() {
        let paths = ["practice.yaml", "groups/dbt.md", "members/doe-jane/individual/2026-03-02.md", "members/doe-jane/profile.md",
                     "sessions/2026-03-05-skills/doe-jane.md", "sessions/2026-03-05-skills/notes/stray.md",
                     "sessions/2026-03-05-skills/session.md", "sessions/2026-03-12-skills/session.md"]
        let found = paths.map { DiscoveredFile(path: $0, kind: .stray(expected: "")) }
        var expected: Set<String> = [""]
        for path in paths {
            var parent = (path as NSString).deletingLastPathComponent
            while !parent.isEmpty {
                expected.insert(parent)
                parent = (parent as NSString).deletingLastPathComponent
            }
        }
        #expect(FolderEvents.documentFolders(found) == expected)
        #expect(expected.contains("sessions/2026-03-05-skills/notes") && expected.contains("members/doe-jane/individual"))
    }

    @Test func aSaveANewSessionAndAFolderMadeAgainEachWakeTheWatch() throws {
        guard let events = FolderEvents() else {
            #if os(Linux)
            Issue.record("Linux gives inotify: there must be folder events")
            #endif
            return
        }
        let practice = try FixturePractice(base: FixturePractice.repository.appendingPathComponent("examples/dbt-skills"))
        defer { practice.delete() }
        let folders = FolderEvents.folders(of: try state(practice), root: practice.root)
        #expect(folders.contains(practice.root.appendingPathComponent("sessions/2026-03-12-dbt-skills").path))
        #expect(folders.contains(practice.root.path))
        #expect(events.watch(folders) == folders.count)
        #expect(events.watch(folders) == 0, "a folder is watched once")
        #expect(events.wait(timeout: 0.05) == .timedOut, "nothing was saved")

        let note = "sessions/2026-03-12-dbt-skills/chen-lily.md"
        try practice.write(note, try practice.read(note) + "\n")
        let sessionFolder = PracticeFile.path(of: practice.root) + "/sessions/2026-03-12-dbt-skills"
        #expect(events.wait(timeout: 5) == .changed([sessionFolder]), "a note saved in place, in its session's folder")

        // A new session's folder, then its first note: the folder is seen
        // in sessions/, watched at the next poll, and its note wakes the watch.
        try FileManager.default.createDirectory(at: practice.root.appendingPathComponent("sessions/2026-04-02-dbt-skills"),
                                                withIntermediateDirectories: false)
        #expect(events.wait(timeout: 5) != .timedOut, "a session's folder made")
        #expect(events.watch(FolderEvents.folders(of: try state(practice), root: practice.root)) == 1)
        try practice.write("sessions/2026-04-02-dbt-skills/session.md", "---\ngroup: dbt-skills\n---\n")
        #expect(events.wait(timeout: 5) != .timedOut, "a note saved in a new session's folder")

        // Removed and made again: a folder removed calls for a whole poll,
        // after which every folder is watched again, the new one too.
        try FileManager.default.removeItem(at: practice.root.appendingPathComponent("sessions/2026-04-02-dbt-skills"))
        #expect(events.wait(timeout: 5) == .lost, "a session's folder removed")
        let afterRemoval = FolderEvents.folders(of: try state(practice), root: practice.root)
        #expect(events.watch(afterRemoval) == afterRemoval.count)
        try FileManager.default.createDirectory(at: practice.root.appendingPathComponent("sessions/2026-04-02-dbt-skills"),
                                                withIntermediateDirectories: false)
        #expect(events.wait(timeout: 5) != .timedOut)
        #expect(events.watch(FolderEvents.folders(of: try state(practice), root: practice.root)) == 1)

        // A folder renamed: its watch would follow it under the old name, so
        // every watch is dropped and the whole practice polled.
        try FileManager.default.moveItem(at: practice.root.appendingPathComponent("sessions/2026-04-02-dbt-skills"),
                                         to: practice.root.appendingPathComponent("sessions/2026-04-03-dbt-skills"))
        #expect(events.wait(timeout: 5) == .lost, "a folder renamed")
        let all = FolderEvents.folders(of: try state(practice), root: practice.root)
        #expect(events.watch(all) == all.count, "every folder is watched again")
        try practice.write("sessions/2026-04-03-dbt-skills/session.md", "---\ngroup: dbt-skills\n---\n")
        let renamed = PracticeFile.path(of: practice.root) + "/sessions/2026-04-03-dbt-skills"
        #expect(events.wait(timeout: 5) == .changed([renamed]), "a save in the renamed folder is told under its new name")

        // A member's first individual note, in a folder made for it.
        try FileManager.default.createDirectory(at: practice.root.appendingPathComponent("members/chen-lily/individual"),
                                                withIntermediateDirectories: false)
        #expect(events.wait(timeout: 5) != .timedOut)
        #expect(events.watch(FolderEvents.folders(of: try state(practice), root: practice.root)) == 1)
        try practice.write("members/chen-lily/individual/2026-03-20.md", "---\nclinician: park\n---\n")
        let individual = PracticeFile.path(of: practice.root) + "/members/chen-lily/individual"
        #expect(events.wait(timeout: 5) == .changed([individual]))
    }

    @Test func anEventInsideARecordFolderLooksAgainInThatFolder() {
        #expect(FolderEvents.recordFolder(of: "sessions/2026-03-12-dbt-skills") == "sessions/2026-03-12-dbt-skills")
        #expect(FolderEvents.recordFolder(of: "members/chen-lily/individual") == "members/chen-lily")
        #expect(FolderEvents.recordFolder(of: "sessions/2026-03-12-dbt-skills/draft/old") == "sessions/2026-03-12-dbt-skills")
        #expect(FolderEvents.recordFolder(of: "sessions") == nil)
        #expect(FolderEvents.recordFolder(of: "templates") == nil)
        #expect(FolderEvents.recordFolder(of: "") == nil)
    }

    @Test func aPracticeThatLinksDocumentsFromElsewhereIsPolled() throws {
        let practice = try FixturePractice(base: FixturePractice.repository.appendingPathComponent("examples/dbt-skills"))
        defer { practice.delete() }
        #expect(!(try state(practice)).hasLinks)
        let elsewhere = FileManager.default.temporaryDirectory.appendingPathComponent("groupchart-elsewhere-\(UUID().uuidString).md")
        defer { try? FileManager.default.removeItem(at: elsewhere) }
        let note = "sessions/2026-03-12-dbt-skills/chen-lily.md"
        try Data(try practice.read(note).utf8).write(to: elsewhere)
        try practice.remove(note)
        try FileManager.default.createSymbolicLink(at: practice.root.appendingPathComponent(note), withDestinationURL: elsewhere)
        #expect((try state(practice)).hasLinks, "a save of the linked note changes no folder of the practice")
    }

    /// Looking again only in the folders an event names gives what a whole
    /// scan gives, after saves, new and removed notes, strays and new folders.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func lookingAgainInChangedFoldersEqualsAWholeScan(seed: UInt64) throws {
        let practice = try FixturePractice(base: FixturePractice.repository.appendingPathComponent("examples/dbt-skills"))
        defer { practice.delete() }
        let folder = try PracticeFolder(root: practice.root)
        var state = FolderState.scan(folder)
        var random = IncrementalEquivalenceTests.Random(state: seed)
        let sessions = ["sessions/2026-03-12-dbt-skills", "sessions/2026-03-19-dbt-skills", "sessions/2026-05-01-dbt-skills"]
        let members = ["members/chen-lily", "members/reyes-maria", "members/new-member"]
        for step in 0..<40 {
            let changed = random.pick(sessions + members)!
            let files = ["session.md", "chen-lily.md", "zed.md", "notes.txt", "profile.md", "plan-2026-01-01.md", "odd.md",
                         "individual/2026-03-01.md", "draft/loose.md", ".hidden.md"]
            let file = changed + "/" + random.pick(files)!
            let url = practice.root.appendingPathComponent(file)
            switch random.next() % 3 {
            case 0 where FileManager.default.fileExists(atPath: url.path): try FileManager.default.removeItem(at: url)
            default:
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data("---\nstep: \(step)\n---\n".utf8).write(to: url)
            }
            // A new folder is seen by a whole scan (its parent's event); the others by looking again in them.
            let whole = FolderState.scan(folder)
            // The folder an event names may be a subfolder (a member's individual/, a stray's folder).
            let named = (file as NSString).deletingLastPathComponent
            guard let again = state.rediscovering([FolderEvents.recordFolder(of: named)!], in: folder) else {
                Issue.record("\(changed) exists, and looking again in it must be possible")
                state = whole
                continue
            }
            #expect(again == whole, "stamps differ after \(file)")
            #expect(again.found == whole.found, "documents differ after \(file)")
            #expect(again.ownStamps == whole.ownStamps)
            state = again
        }
        #expect(state.rediscovering(["practice.yaml"], in: folder) == nil)
        #expect(state.rediscovering(["sessions"], in: folder) == nil)
        #expect(state.rediscovering(["sessions/missing"], in: folder) == nil)
        // A session's folder replaced by a file: a whole scan.
        try FileManager.default.removeItem(at: practice.root.appendingPathComponent(sessions[2]))
        try Data("not a folder".utf8).write(to: practice.root.appendingPathComponent(sessions[2]))
        #expect(state.rediscovering([sessions[2]], in: folder) == nil)
    }
}
