import Foundation
@testable import GroupChartKit
import GroupChartTestSupport
import Testing

/// Outputs hold protected health information and claims: they are written
/// whole or not at all, readable by the owner only, only inside the output
/// folder, and never over or among the practice's own documents.
@Suite struct OutputSafetyTests {
    private func temporaryFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("groupchart-out-\(UUID().uuidString)")
    }

    private func build(_ root: URL, into output: URL?) throws -> Builder.Result {
        try Builder.build(root, options: Builder.Options(checker: Checker.Options(today: FixturePractice.today), output: output))
    }

    private func contents(_ folder: URL) -> [String: Data] {
        var found: [String: Data] = [:]
        for path in FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? [] {
            if let data = FileManager.default.contents(atPath: folder.appendingPathComponent(path).path) { found[path] = data }
        }
        return found
    }

    @Test func aBuildStoppedBeforeItsRenamesLeavesThePreviousOutputs() throws {
        let output = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: output) }
        let folder = OutputFolder(root: output)
        let old: [String: [UInt8]] = ["index.html": Array("old index".utf8), "sessions/a.html": Array("old a".utf8)]
        try folder.commit(old)
        let before = contents(output)
        struct Stop: Error {}
        #expect(throws: OutputFolder.WriteError.self) {
            try folder.commit(["index.html": Array("new index".utf8), "sessions/a.html": Array("new a".utf8),
                               "sessions/b.html": Array("new b".utf8)]) {
                // Every new file is written, under its temporary name only.
                let staged = self.contents(output).keys.filter { $0.contains(".tmp-") }
                #expect(staged.count == 4, "three outputs and the manifest: \(staged.sorted())")
                #expect(FileManager.default.contents(atPath: output.appendingPathComponent("index.html").path) == Data("old index".utf8))
                throw Stop()
            }
        }
        #expect(contents(output) == before, "the previous outputs, exactly, and no temporary file")
    }

    /// A note saved again between its check and its rendering would put
    /// text no rule looked at in the record (the model reads a note's text
    /// again to render it): the records are not written, and say why.
    @Test func aNoteSavedWhileRecordsAreRenderedStopsTheirWriting() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        let output = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: output) }
        let checked = try GroupChart.check(practice.root, options: Checker.Options(today: FixturePractice.today))
        let records = try RecordSet(checked: checked.record, report: checked.report, practice: practice.root,
                                    today: FixturePractice.today)
        let note = try #require(checked.record.sessions.flatMap(\.progressNotes).first)
        try practice.write(note.file, try practice.read(note.file).replacingOccurrences(of: "## ", with: "## Edited "))
        let staging = try OutputFolder.Staging(OutputFolder(root: output))
        do {
            try records.render(into: staging)
            Issue.record("the records were rendered from a note that changed")
        } catch {
            #expect(error.description.contains(note.file) && error.description.contains("build again"), "\(error)")
        }
        staging.discard()
        #expect(contents(output).isEmpty, "nothing written")
        let member = try #require(checked.record.member(note.member))
        #expect(throws: OutputFolder.WriteError.self, "nor an audit packet") {
            try records.auditPacket(member, period: LocalDate(year: 2000, month: 1, day: 1)!...FixturePractice.today)
        }
    }

    /// A build starts flushing its records to disk before it writes the
    /// claims files (`Staging.startFlush`): what is written after the flush
    /// began lands with the rest, and nothing is in place before the commit.
    @Test func filesWrittenAfterTheFlushStartedAreCommittedWithTheRest() throws {
        let output = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: output) }
        let staging = try OutputFolder.Staging(OutputFolder(root: output))
        try staging.write("sessions/a.html", Array("records".utf8))
        staging.startFlush()
        staging.startFlush()
        try staging.write("claims.csv", Array("claims".utf8))
        #expect(contents(output).keys.allSatisfy { $0.contains(".tmp-") || !$0.contains(".") }, "nothing in place before the commit")
        try staging.commit()
        let landed = contents(output)
        #expect(landed["sessions/a.html"] == Data("records".utf8))
        #expect(landed["claims.csv"] == Data("claims".utf8))
        #expect(landed.keys.filter { $0.contains(".tmp-") }.isEmpty, "no temporary file left")
    }

    /// A build killed during its renames leaves some outputs new and some
    /// old, and the next build, whether of the same files or of the files
    /// the killed one replaced, leaves exactly its own outputs: none of the
    /// other's lingers (the packet of a session deleted in between must not
    /// stay, looking current), whatever the number of renames the kill let
    /// happen. Every file left by the kill is whole, one build's or the
    /// other's.
    @Test func theBuildAfterOneKilledDuringItsRenamesLeavesExactlyItsOwnOutputs() throws {
        let first: [String: [UInt8]] = ["index.html": Array("first index".utf8), "members/m.html": Array("first m".utf8),
                                        "sessions/x.html": Array("first x".utf8)]
        let second: [String: [UInt8]] = ["index.html": Array("second index".utf8), "members/m.html": Array("second m".utf8),
                                         "sessions/y.html": Array("second y".utf8)]
        func files(_ output: URL) -> [String: Data] {
            contents(output).filter { !$0.key.hasPrefix(".groupchart-manifest") }
        }
        // Three outputs and the manifest: a kill after 0 to 4 renames.
        for renames in 0...4 {
            for next in [first, second] {
                let output = temporaryFolder()
                defer { try? FileManager.default.removeItem(at: output) }
                let folder = OutputFolder(root: output)
                try folder.commit(first)
                #expect(throws: OutputFolder.WriteError.self) { try folder.commit(second, killedAfter: renames) }
                for (path, data) in files(output) where !path.contains(".tmp-") {
                    #expect(data == Data(first[path] ?? []) || data == Data(second[path] ?? []), "\(path) whole after \(renames) renames")
                }
                try folder.commit(next)
                let which = next == first ? "the first's files again" : "the killed build's files"
                #expect(files(output) == next.mapValues { Data($0) }, "a build of \(which) after a kill after \(renames) renames")
                #expect(FileManager.default.contents(atPath: output.appendingPathComponent(OutputFolder.manifestName).path)
                        == Data(OutputFolder.manifest(listing: Array(next.keys))), "the manifest lists its own outputs alone, as a cold build's")
            }
        }
    }

    /// A build killed during its renames leaves temporary files (whole
    /// records, of what it built) in each folder; the next build removes
    /// them even where it writes nothing (it keeps the last build's
    /// records there), and removes a folder whose outputs are all gone, as
    /// a cold build would not make it.
    @Test func theTemporariesOfAKilledBuildGoEvenWhereTheNextBuildWritesNothing() throws {
        let output = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: output) }
        let folder = OutputFolder(root: output)
        try folder.commit(["index.html": Array("first index".utf8), "members/m.html": Array("first m".utf8),
                           "sessions/x.html": Array("first x".utf8)])
        #expect(throws: OutputFolder.WriteError.self) {
            try folder.commit(["index.html": Array("killed index".utf8), "members/m.html": Array("killed m".utf8),
                               "sessions/x.html": Array("killed x".utf8)], killedAfter: 1)
        }
        #expect(contents(output).keys.contains { $0.hasPrefix("members/.m.html.tmp-") }, "the kill left a temporary record")
        let staging = try OutputFolder.Staging(folder)
        try staging.write("index.html", Array("next index".utf8))
        staging.keep("members/m.html")
        try staging.commit()
        let left = contents(output).filter { !$0.key.hasPrefix(".groupchart-manifest") }
        #expect(left == ["index.html": Data("next index".utf8), "members/m.html": Data("first m".utf8)], "\(left.keys.sorted())")
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("sessions").path), "no empty sessions/")
    }

    /// A build killed after renaming its manifest and a new output of its
    /// own, before the output the practice then went back to differs: the
    /// next build finds nothing changed since the last whole one, and still
    /// removes the killed build's output, which its manifest lists (and
    /// nothing the manifest does not list).
    @Test func aBuildWithNothingChangedRemovesTheOutputsAKilledBuildListed() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        let output = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: output) }
        _ = try build(practice.root, into: output)
        let manifest = output.appendingPathComponent(OutputFolder.manifestName)
        let listed = try String(contentsOf: manifest, encoding: .utf8)
        // Besides the killed build's output, what no manifest of a build
        // lists but a damaged or edited one could: the cache's files, the
        // manifest, a temporary name, a path out of the folder, and another
        // name of an output (as a volume that ignores case gives a session
        // renamed in case alone; a hard link here).
        let session = try #require(listed.split(separator: "\n").first { $0.hasPrefix("sessions/") }).description
        let otherName = session.replacingOccurrences(of: "skills", with: "SKILLS")
        try #require(otherName != session)
        try FileManager.default.linkItem(at: output.appendingPathComponent(session), to: output.appendingPathComponent(otherName))
        let kept = [".groupchart-cache/last-build.bin", ".groupchart-cache/build.lock", OutputFolder.manifestName,
                    "sessions/.draft.html.tmp-12", otherName]
        try Data("half".utf8).write(to: output.appendingPathComponent("sessions/.draft.html.tmp-12"))
        try (listed + (["sessions/2026-04-01-skills.html", "../outside.html"] + kept).map { $0 + "\n" }.joined())
            .write(to: manifest, atomically: true, encoding: .utf8)
        let outside = output.deletingLastPathComponent().appendingPathComponent("outside.html")
        try Data("someone's".utf8).write(to: outside)
        defer { try? FileManager.default.removeItem(at: outside) }
        try Data("a killed build's".utf8).write(to: output.appendingPathComponent("sessions/2026-04-01-skills.html"))
        try Data("mine".utf8).write(to: output.appendingPathComponent("sessions/notes.html"))
        let again = try build(practice.root, into: output)
        #expect(again.fromCache, "nothing changed since the last whole build")
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("sessions/2026-04-01-skills.html").path))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("sessions/notes.html").path), "not listed: not GroupChart's")
        #expect(FileManager.default.fileExists(atPath: outside.path), "out of the folder")
        for path in kept.filter({ !$0.contains(".tmp-") }) {
            #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(path).path), "\(path) is no leftover output")
        }
        #expect(try String(contentsOf: manifest, encoding: .utf8) == listed, "the manifest of the last whole build again")
    }

    /// An output of the last build that this one no longer writes and
    /// cannot remove (locked; here a folder stands at its name, which
    /// `unlink` refuses as it refuses a locked file) stays in the manifest
    /// and is said; the next build that can removes it. Left out of the
    /// manifest, the packet of a session now skipped stayed for ever,
    /// looking current (a fault-injection review).
    @Test func anOutputThatCannotBeRemovedStaysListedAndIsSaid() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        let output = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: output) }
        _ = try build(practice.root, into: output)
        let packet = "sessions/2026-03-05-skills.html"
        let manifest = output.appendingPathComponent(OutputFolder.manifestName)
        #expect(try String(contentsOf: manifest, encoding: .utf8).contains(packet + "\n"))
        // The session skipped from now on: a note's Risk section emptied.
        let note = "sessions/2026-03-05-skills/doe-jane.md"
        try practice.write(note, try practice.read(note).replacingOccurrences(of: "Urges rated 3 of 10, no acts. Risk level: low.", with: "TODO"))
        try FileManager.default.removeItem(at: output.appendingPathComponent(packet))
        try FileManager.default.createDirectory(at: output.appendingPathComponent(packet), withIntermediateDirectories: false)
        try Data("locked".utf8).write(to: output.appendingPathComponent(packet + "/inside"))
        let skipped = try build(practice.root, into: output)
        #expect(skipped.skippedSessions.map(\.id) == ["2026-03-05-skills"])
        #expect(skipped.notRemoved == [packet])
        #expect(skipped.notRemovedLines(shown: "build") == ["could not remove build/\(packet), which this build no longer writes "
            + "(is it locked, or its folder read-only?): it is out of date; remove it"])
        #expect(try String(contentsOf: manifest, encoding: .utf8).contains(packet + "\n"))
        // Unlocked (a file again), the next build removes it, though nothing else changed.
        try FileManager.default.removeItem(at: output.appendingPathComponent(packet))
        try Data("old packet".utf8).write(to: output.appendingPathComponent(packet))
        let again = try build(practice.root, into: output)
        #expect(again.fromCache && again.notRemoved.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent(packet).path))
        #expect(try !String(contentsOf: manifest, encoding: .utf8).contains(packet + "\n"))
    }

    /// Two builds into one folder at once (`watch` running, and `build` typed
    /// in another terminal): each waits while the other holds the folder,
    /// and both succeed with a cold build's outputs. Without waiting, each
    /// build's clean-up of a killed build's temporary files took the
    /// other's, and one of them, or both, failed ("cannot rename").
    @Test func twoBuildsIntoOneFolderAtOnceBothSucceed() throws {
        let practice = try FixturePractice(base: FixturePractice.repository.appendingPathComponent("examples/dbt-skills"))
        defer { practice.delete() }
        try? practice.remove("build")
        let reference = temporaryFolder(), output = temporaryFolder()
        defer { [reference, output].forEach { try? FileManager.default.removeItem(at: $0) } }
        _ = try build(practice.root, into: reference)
        let expected = IncrementalEquivalenceTests.outputs(reference)
        let root = practice.root
        for round in 0..<4 {
            try? FileManager.default.removeItem(at: output)
            // Both builds start while the folder is held (as by a build
            // already running), and both are let go at once.
            let held = try #require(BuildLock.take(output, waiting: nil))
            let waits = Waits()
            let builds = (0..<2).map { _ in
                Background { () -> String? in
                    var options = Builder.Options(checker: Checker.Options(today: FixturePractice.today), output: output)
                    options.waiting = { waits.count() }
                    do { _ = try Builder.build(root, options: options) } catch { return "\(error)" }
                    return nil
                }
            }
            let deadline = Date().addingTimeInterval(30)
            while waits.total < 2 && Date() < deadline { usleep(10_000) }
            #expect(waits.total == 2, "round \(round): both builds waited for the folder")
            held.release()
            let failures = try builds.compactMap { try $0.value() }
            #expect(failures.isEmpty, "round \(round): \(failures)")
            #expect(IncrementalEquivalenceTests.outputs(output) == expected, "round \(round)")
        }
    }

    private final class Waits: @unchecked Sendable {
        private let lock = NSLock()
        private var waits = 0
        func count() { lock.withLock { waits += 1 } }
        var total: Int { lock.withLock { waits } }
    }

    @Test func temporaryFilesOfAKilledBuildAreRemovedByTheNext() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        let output = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: output) }
        _ = try build(practice.root, into: output)
        let leftovers = [".index.html.tmp-99999", "sessions/.2026-03-05-skills.html.tmp-4242", ".groupchart-manifest.tmp-7"]
        for path in leftovers { try Data("half".utf8).write(to: output.appendingPathComponent(path)) }
        try Data("mine".utf8).write(to: output.appendingPathComponent(".notes.tmp-draft"))
        _ = try build(practice.root, into: output)
        for path in leftovers { #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent(path).path), "\(path)") }
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(".notes.tmp-draft").path), "only GroupChart's own temporary names")
    }

    /// A temporary file being written now is no leftover; one of this
    /// process's id that nothing is writing is (in a container every build
    /// may have the same id).
    @Test func onlyTemporariesBeingWrittenAreSpared() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let writing = OutputFolder.temporary(for: folder.appendingPathComponent("inputs.tsv"))
        let leftover = OutputFolder.temporary(for: folder.appendingPathComponent("last-build.bin"))
        for file in [writing, leftover] { try Data("half".utf8).write(to: file) }
        OutputFolder.writing.insert(writing)
        defer { OutputFolder.writing.remove(writing) }
        OutputFolder.removeLeftoverTemporaries(in: folder)
        #expect(FileManager.default.fileExists(atPath: writing.path))
        #expect(!FileManager.default.fileExists(atPath: leftover.path), "this process's id, but nothing writes it")
    }

    /// The build cache writes its entry and its stamps on two threads at
    /// once, into one folder: each write's clean-up of what a killed build
    /// left must not take the other's temporary file (it did, and the
    /// stamps file was then stale now and again).
    @Test func twoFilesWrittenAtOnceInOneFolderBothLand() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for round in 0..<200 {
            // In a folder not made yet, every tenth round: both threads make it.
            if round % 10 == 0 { try? FileManager.default.removeItem(at: folder) }
            let out = OutputFolder(root: folder.appendingPathComponent("cache"))
            let bytes = Array(repeating: UInt8(round % 250), count: 64 * 1024)
            let other = Meanwhile { (try? out.write("stamps", bytes, flush: false)) != nil }
            let written = (try? out.write("entry", bytes, flush: false)) != nil
            #expect(other.take() && written, "round \(round)")
            for name in ["stamps", "entry"] {
                #expect(try Data(contentsOf: folder.appendingPathComponent("cache/\(name)")) == Data(bytes), "\(name), round \(round)")
            }
        }
    }

    @Test func everyOutputIsOwnerOnlyAuditPacketToo() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        _ = try build(practice.root, into: nil)
        let audit = try Builder.auditPacket(practice.root, member: "doe-jane", from: nil, to: nil, output: nil,
                                            options: Checker.Options(today: FixturePractice.today)).file
        #expect(audit.path.hasPrefix(practice.root.appendingPathComponent("build/audit/").path))
        let build = practice.root.appendingPathComponent("build")
        var checked = 0
        for path in FileManager.default.enumerator(atPath: build.path)?.allObjects as? [String] ?? [] {
            let attributes = try FileManager.default.attributesOfItem(atPath: build.appendingPathComponent(path).path)
            let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue ?? 0
            let isFolder = attributes[.type] as? FileAttributeType == .typeDirectory
            #expect(mode == (isFolder ? 0o700 : 0o600), "\(path): \(String(mode, radix: 8))")
            checked += 1
        }
        #expect(checked > 8)
    }

    @Test(arguments: [".", "..", "sessions", "members/doe-jane/out", "groups", "templates/out", "remittances"])
    func anOutputAmongThePracticesOwnFoldersIsRefused(relative: String) throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        let before = contents(practice.root)
        #expect(throws: Builder.Failure.self) { _ = try build(practice.root, into: practice.root.appendingPathComponent(relative)) }
        #expect(contents(practice.root) == before)
    }

    @Test func aFolderOfSomeoneElsesFilesIsRefused() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        let output = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: output) }
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try Data("<h1>my site</h1>".utf8).write(to: output.appendingPathComponent("index.html"))
        #expect {
            _ = try build(practice.root, into: output)
        } throws: { error in
            "\(error)".contains("holds \"index.html\", which no GroupChart build wrote")
        }
        #expect(FileManager.default.contents(atPath: output.appendingPathComponent("index.html").path) == Data("<h1>my site</h1>".utf8))
    }

    /// A first build killed before its manifest leaves folders of its own
    /// temporary files: the next build takes the folder as its own and
    /// removes them, where it refused it as someone else's, and `submit`
    /// with it, until it was deleted by hand (a fault-injection review).
    /// A file of anyone else's among them still refuses it.
    @Test func theFoldersOfAFirstBuildKilledAreTheNextBuildsOwn() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        let output = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: output) }
        let leftovers = ["members/.doe-jane.html.tmp-4242", "sessions/.2026-03-05-skills.html.tmp-4242",
                         ".groupchart-cache/.documents.bin.tmp-4242"]
        for folder in ["members", "sessions", ".groupchart-cache", "audit/empty"] {
            try FileManager.default.createDirectory(at: output.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        for path in leftovers { try Data("half".utf8).write(to: output.appendingPathComponent(path)) }
        _ = try build(practice.root, into: output)
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("members/doe-jane.html").path))
        for path in leftovers { #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent(path).path), "\(path)") }
        // Someone's file among them: refused, as before.
        let other = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: other) }
        try FileManager.default.createDirectory(at: other.appendingPathComponent("members"), withIntermediateDirectories: true)
        try Data("half".utf8).write(to: other.appendingPathComponent("members/.doe-jane.html.tmp-4242"))
        try Data("mine".utf8).write(to: other.appendingPathComponent("members/notes.txt"))
        #expect {
            _ = try build(practice.root, into: other)
        } throws: { error in
            "\(error)".contains("holds \"members\", which no GroupChart build wrote")
        }
    }

    @Test func aFolderWithOnlyAnAuditPacketOrAnEarlierBuildIsAccepted() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        _ = try Builder.auditPacket(practice.root, member: "doe-jane", from: nil, to: nil, output: nil,
                                    options: Checker.Options(today: FixturePractice.today))
        _ = try build(practice.root, into: nil)
        _ = try build(practice.root, into: nil)
        let output = practice.root.appendingPathComponent("out/records")
        _ = try build(practice.root, into: output)
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("index.html").path))
    }

    @Test func aLinkInsideTheOutputIsNotWrittenThrough() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        let output = practice.root.appendingPathComponent("build")
        _ = try build(practice.root, into: output)
        try FileManager.default.removeItem(at: output.appendingPathComponent("sessions"))
        try FileManager.default.createSymbolicLink(at: output.appendingPathComponent("sessions"),
                                                   withDestinationURL: practice.root.appendingPathComponent("sessions"))
        let before = contents(practice.root.appendingPathComponent("sessions"))
        #expect(throws: Builder.Failure.self) { _ = try build(practice.root, into: output) }
        #expect(contents(practice.root.appendingPathComponent("sessions")) == before)
    }

    @Test func aFileOrLinkAlreadyAtATemporaryNameIsReplacedNotWrittenThrough() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let target = folder.appendingPathComponent("elsewhere.txt")
        try Data("someone else's".utf8).write(to: target)
        let stale = folder.appendingPathComponent(".index.html.tmp-1")
        try Data("a killed build's half".utf8).write(to: stale)
        let linked = folder.appendingPathComponent(".claims.csv.tmp-2")
        try FileManager.default.createSymbolicLink(at: linked, withDestinationURL: target)
        let fresh = folder.appendingPathComponent(".batch.csv.tmp-3")
        for (url, text) in [(stale, "whole"), (linked, "claims"), (fresh, "batch")] {
            try OutputFolder.writeNew(url, Array(text.utf8))
            #expect(try Data(contentsOf: url) == Data(text.utf8), "\(url.lastPathComponent)")
            let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
            #expect(attributes[.type] as? FileAttributeType == .typeRegular, "\(url.lastPathComponent) is a file, not a link")
            #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        }
        #expect(try Data(contentsOf: target) == Data("someone else's".utf8), "the link's target is untouched")
    }

    @Test func anAuditPacketAmongThePracticesDocumentsIsRefused() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        for target in ["sessions/2026-03-05-skills/audit.html", "practice.yaml", "members/doe-jane/profile.md"] {
            #expect(throws: Builder.Failure.self, "\(target)") {
                _ = try Builder.auditPacket(practice.root, member: "doe-jane", from: nil, to: nil,
                                            output: practice.root.appendingPathComponent(target),
                                            options: Checker.Options(today: FixturePractice.today))
            }
        }
        #expect(try practice.check().places == [])
    }
}
