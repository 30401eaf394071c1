import Foundation
@testable import GroupChartKit
import GroupChartTestSupport
import Testing

/// `watch` wakes on the system's folder events where there are some
/// (inotify on Linux) and polls elsewhere; the events only say when to
/// poll, so what matters is that a save of any kind wakes it.
@Suite struct FolderEventsTests {
    func state(_ practice: FixturePractice) throws -> FolderState {
        FolderState.scan(try PracticeFolder(root: practice.root))
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
        #expect(!events.wait(timeout: 0.05), "nothing was saved")

        let note = "sessions/2026-03-12-dbt-skills/chen-lily.md"
        try practice.write(note, try practice.read(note) + "\n")
        #expect(events.wait(timeout: 5), "a note saved in place")

        // A new session's folder, then its first note: the folder is seen
        // in sessions/, watched at the next poll, and its note wakes the watch.
        try FileManager.default.createDirectory(at: practice.root.appendingPathComponent("sessions/2026-04-02-dbt-skills"),
                                                withIntermediateDirectories: false)
        #expect(events.wait(timeout: 5), "a session's folder made")
        #expect(events.watch(FolderEvents.folders(of: try state(practice), root: practice.root)) == 1)
        try practice.write("sessions/2026-04-02-dbt-skills/session.md", "---\ngroup: dbt-skills\n---\n")
        #expect(events.wait(timeout: 5), "a note saved in a new session's folder")

        // Removed and made again: its old watch ended with it, so it is watched anew.
        try FileManager.default.removeItem(at: practice.root.appendingPathComponent("sessions/2026-04-02-dbt-skills"))
        #expect(events.wait(timeout: 5), "a session's folder removed")
        try FileManager.default.createDirectory(at: practice.root.appendingPathComponent("sessions/2026-04-02-dbt-skills"),
                                                withIntermediateDirectories: false)
        #expect(events.wait(timeout: 5))
        #expect(events.watch(FolderEvents.folders(of: try state(practice), root: practice.root)) == 1)
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
}
