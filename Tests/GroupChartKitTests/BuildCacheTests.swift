import Crypto
import Foundation
@testable import GroupChartKit
import GroupChartTestSupport
import Testing

/// The build cache is invisible but for speed: a build with nothing changed
/// gives back the last one, and any change, even one the cache cannot see
/// coming, builds again.
@Suite struct BuildCacheTests {
    private func build(_ practice: FixturePractice, today: LocalDate = FixturePractice.today) throws -> Builder.Result {
        try Builder.build(practice.root, options: Builder.Options(checker: Checker.Options(today: today)))
    }

    /// The inode of an output: the same inode is the same file, kept, not written again.
    private func outputInode(_ practice: FixturePractice, _ path: String) throws -> Int? {
        try FileManager.default.attributesOfItem(atPath: practice.root.appendingPathComponent("build/\(path)").path)[.systemFileNumber] as? Int
    }

    private func outputs(_ practice: FixturePractice) -> [String: Data] {
        let root = practice.root.appendingPathComponent("build")
        let paths = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String } ?? []
        return Dictionary(uniqueKeysWithValues: paths.filter { !$0.hasPrefix(".groupchart-cache") }.compactMap { path in
            FileManager.default.contents(atPath: root.appendingPathComponent(path).path).map { (path, $0) }
        })
    }

    /// The digests in the order found are those by path, after the files
    /// are first read and after one is read again (`TextOnlyEdits` reads
    /// them by place).
    @Test func theDigestsInOrderAreTheDigestsByPath() throws {
        let found = (0..<50).map { DiscoveredFile(path: "sessions/s\($0)/a.md", kind: .progressNote(session: "s\($0)", member: "a")) }
        let reads = found.enumerated().map { index, file in
            FingerprintedFiles.Read(path: file.path, reading: nil, digest: index % 7 == 3 ? nil : "sha256:\(index)", stamp: nil)
        }
        var files = FingerprintedFiles(found: found, reads: reads, now: 0)
        func agree() -> Bool { found.indices.allSatisfy { files.inOrder[$0] == files.digests[found[$0].path] } && files.inOrder.count == found.count }
        #expect(agree())
        #expect(files.inOrder[3] == nil && files.inOrder[4] == "sha256:4")
        files.update(4, with: .init(path: found[4].path, reading: nil, digest: "sha256:again", stamp: nil), now: 0)
        files.update(3, with: .init(path: found[3].path, reading: nil, digest: "sha256:now read", stamp: nil), now: 0)
        #expect(agree())
        #expect(files.inOrder[4] == "sha256:again" && files.inOrder[3] == "sha256:now read")
    }

    @Test func nothingChangedGivesBackTheLastBuild() throws {
        let practice = try FixturePractice(overlay: FixturePractice.fixtures.appendingPathComponent("rules/risk-level/fail"))
        defer { practice.delete() }
        let first = try build(practice)
        let before = outputs(practice)
        let second = try build(practice)
        #expect(!first.fromCache && second.fromCache)
        #expect(first.report.billing == nil, "the claims are let go with the build, not handed to its caller")
        #expect(second.report.diagnostics == first.report.diagnostics)
        #expect(second.report.fileCount == first.report.fileCount)
        #expect(second.written == first.written)
        #expect(second.skippedSessions.map(\.id) == first.skippedSessions.map(\.id))
        #expect(outputs(practice) == before)
        #expect(TextPrinter().render(second.report) == TextPrinter().render(first.report), "snippets come back too")
        #expect(TextPrinter().render(second.report).contains("12 | ## Risk\n"), "the note's line, read again")
    }

    /// `watch` starting on a practice built already: its first build fills
    /// its memo instead of answering from the cache, so that its first save
    /// parses one file, not all of them; the outputs stay as they were, and
    /// no record is rendered again.
    @Test func aLongRunningCommandsFirstBuildFillsItsMemo() throws {
        let practice = try FixturePractice(overlay: FixturePractice.fixtures.appendingPathComponent("rules/risk-level/fail"))
        defer { practice.delete() }
        let cold = try build(practice)
        let before = outputs(practice)
        let memo = DocumentMemo()
        let options = Builder.Options(checker: Checker.Options(today: FixturePractice.today))
        let first = try Builder.build(practice.root, options: options, memo: memo)
        #expect(!first.fromCache && !memo.isEmpty)
        #expect(first.rendered < first.written.count, "the records the cache vouches for are kept")
        #expect(first.report.diagnostics == cold.report.diagnostics)
        #expect(outputs(practice) == before)
        let second = try Builder.build(practice.root, options: options, memo: memo)
        #expect(second.fromCache, "with the memo filled, nothing changed is the cache's answer again")
    }

    /// A long-running command takes the entry it wrote from its memo, not
    /// by decoding the file again, but only while the file holds the bytes
    /// it wrote: an entry changed on disk is read from the disk, and a
    /// damaged one is none at all.
    @Test func theMemoGivesBackTheEntryOnlyWhileTheFileHoldsIt() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        let output = practice.root.appendingPathComponent("build")
        let memo = DocumentMemo()
        let cache = BuildCache(output: output, memo: memo)
        var entry = BuildCache.Entry(fingerprint: "written", diagnostics: [], fileCount: 1, outputs: [:], stamps: [:], keys: [:],
                                     skippedSessions: [], skippedMembers: [], batch: BatchSummary(), withoutEDI: false)
        cache.store(entry)
        #expect(memo.lastBuild.entry(digest: SignedText.digest(of: Array(try Data(contentsOf: output.appendingPathComponent(BuildCache.path))))) != nil)
        #expect(cache.lastEntry()?.fingerprint == "written")
        entry.fingerprint = "changed on disk"
        BuildCache(output: output).store(entry)
        #expect(cache.lastEntry()?.fingerprint == "changed on disk", "the memo's entry is not that file's")
        #expect(memo.lastBuild.entry(digest: SignedText.digest(of: Array(try Data(contentsOf: output.appendingPathComponent(BuildCache.path)))))?
            .fingerprint == "changed on disk", "what was decoded is kept for the next ask")
        try Data("{\"fingerprint\":".utf8).write(to: output.appendingPathComponent(BuildCache.path))
        #expect(cache.lastEntry() == nil)
        #expect(BuildCache(output: output).lastEntry() == nil)
    }

    /// `last-build.bin` gives back the entry written, field by field, the
    /// same bytes for the same entry whatever the dictionaries' order; cut
    /// short anywhere, with a byte changed, or of another program, it is
    /// no entry at all.
    @Test func theLastBuildsFileGivesBackItsEntryOrNone() throws {
        let place = SourceLocation(file: "sessions/2026-03-12-dbt-skills/chen-lily.md", line: 12, column: 3)
        let diagnostics = [ClaimScope.chain, .code("90853"), .payer("aetna"), .interchange].enumerated().map { index, scope in
            Diagnostic(rule: "rule-\(index)", severity: [.note, .warning, .error][index % 3], location: place,
                       message: "message \(index) “quoted”", help: index == 0 ? "" : "help \(index)",
                       related: index == 1 ? [RelatedLocation(SourceLocation(file: "members/chen-lily/plan.md", line: 2), "the plan")] : [],
                       scope: scope)
        }
        var batch = BatchSummary()
        batch.originals = 3; batch.replacements = 1; batch.voids = 2; batch.controlNumber = 42; batch.written = true
        let entry = BuildCache.Entry(
            fingerprint: "sha256:abc", diagnostics: diagnostics, fileCount: 14,
            outputs: ["index.html": "sha256:1", "claims.csv": "sha256:2"],
            stamps: ["index.html": FileStamp(size: 10, seconds: 1_700_000_000, nanoseconds: 5, inode: UInt64.max),
                     "claims.csv": FileStamp(size: 0, seconds: -1, nanoseconds: 0, inode: 7)],
            keys: ["sessions/a.html": "k1", "members/b.html": "k2"],
            skippedSessions: [BuildCache.Skipped(id: "2026-03-12-dbt-skills", rules: ["a", "b"])], skippedMembers: [],
            batch: batch, withoutEDI: true,
            quotedLines: ["sessions/2026-03-12-dbt-skills/chen-lily.md": BuildCache.QuotedLines(digest: "sha256:c", lines: [12: "## Risk “low”", 3: ""]),
                          "a.md": BuildCache.QuotedLines(digest: "sha256:a", lines: [1: "x"])])
        let bytes = LastBuildFile.bytes(of: entry, program: "this program")
        let back = try #require(LastBuildFile.entry(of: bytes, program: "this program"))
        #expect(back.fingerprint == entry.fingerprint && back.diagnostics == entry.diagnostics && back.fileCount == 14)
        #expect(back.outputs == entry.outputs && back.stamps == entry.stamps && back.keys == entry.keys)
        #expect(back.skippedSessions.map(\.id) == ["2026-03-12-dbt-skills"] && back.skippedSessions[0].rules == ["a", "b"])
        #expect(back.skippedMembers.isEmpty && back.batch == batch && back.withoutEDI && back.quotedLines == entry.quotedLines)
        #expect(LastBuildFile.bytes(of: back, program: "this program") == bytes, "the same entry, the same bytes")
        #expect(LastBuildFile.entry(of: bytes, program: "another program") == nil)
        for length in 0..<bytes.count {
            #expect(LastBuildFile.entry(of: Array(bytes.prefix(length)), program: "this program") == nil, "cut at \(length)")
        }
        for offset in bytes.indices {
            var damaged = bytes
            damaged[offset] ^= 0x01
            #expect(LastBuildFile.entry(of: damaged, program: "this program") == nil, "a byte changed at \(offset)")
        }
    }

    /// `watch`'s builds: each takes the stamps its poll took, and writes the
    /// cache after it returns. A save is rebuilt as a cold build of the same
    /// files would be, and the cache is there once the write is waited for,
    /// so that the next build with nothing changed is the cache's answer.
    @Test func aWatchBuildTakesItsPollsStampsAndWritesTheCacheAfter() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        let memo = DocumentMemo()
        var options = Builder.Options(checker: Checker.Options(today: FixturePractice.today))
        options.writesCacheLater = true
        let folder = try PracticeFolder(root: practice.root)
        // Written a minute ago, so that the poll's stamps are settled and
        // the memo trusts them: the save below must still be seen.
        for file in folder.discover() { try Self.setModificationTime(of: practice.root.appendingPathComponent(file.path), secondsAgo: 60) }
        _ = try Builder.build(practice.root, options: options, memo: memo, polled: FolderState.scan(folder))
        memo.cacheWrites.wait()
        #expect(BuildCache(output: practice.root.appendingPathComponent("build")).lastEntry() != nil)
        let note = "sessions/2026-03-05-skills/doe-jane.md"
        try practice.write(note, try practice.read(note).replacingOccurrences(of: "## Participation\n", with: "## Participation\nPolledword. "))
        let saved = try Builder.build(practice.root, options: options, memo: memo, polled: FolderState.scan(folder))
        let cold = try Builder.build(practice.root, options: Builder.Options(checker: Checker.Options(today: FixturePractice.today),
                                                                             output: practice.root.appendingPathComponent("cold")))
        #expect(saved.report.diagnostics == cold.report.diagnostics)
        let packet = try practice.read("build/sessions/2026-03-05-skills.html")
        #expect(packet.contains("Polledword."), "the saved note is in its rebuilt record")
        #expect(packet == (try practice.read("cold/sessions/2026-03-05-skills.html")))
        let again = try Builder.build(practice.root, options: options, memo: memo, polled: FolderState.scan(folder))
        #expect(again.fromCache, "the cache written after the save's build answers the next")
    }

    /// A watch build is told which files its poll saw change, and looks
    /// again only at them; but only when told against the poll its memo's
    /// last build took. Changes told against a later poll (one no build
    /// followed, a build that failed before reading) would leave a save
    /// unseen, so the build looks at every file then.
    @Test func aBuildTrustsWhatChangedOnlyAgainstItsLastBuildsPoll() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        let watch = try WatchedPractice(practice)
        let jane = "sessions/2026-03-05-skills/doe-jane.md", sam = "sessions/2026-03-05-skills/roe-sam.md"
        try watch.save(jane, adding: "Toldword", secondsAgo: 50)
        let told = watch.poll()
        _ = try watch.build(since: watch.firstPoll, told)
        #expect(try practice.read("build/sessions/2026-03-05-skills.html").contains("Toldword."))
        // A poll no build followed, then another save: told against the
        // first, the build must still see the save before it.
        try watch.save(sam, adding: "Unbuiltword", secondsAgo: 40)
        let unbuilt = watch.poll()
        try watch.save(jane, adding: "Laterword", secondsAgo: 30)
        let saved = try watch.build(since: unbuilt, watch.poll())
        let packet = try practice.read("build/sessions/2026-03-05-skills.html")
        #expect(packet.contains("Unbuiltword."), "the save told against another poll is seen")
        #expect(packet.contains("Laterword."))
        let cold = try Builder.build(practice.root, options: Builder.Options(checker: Checker.Options(today: FixturePractice.today),
                                                                             output: practice.root.appendingPathComponent("cold")))
        #expect(saved.report.diagnostics == cold.report.diagnostics)
        #expect(packet == (try practice.read("cold/sessions/2026-03-05-skills.html")))
    }

    /// Two session folders whose names are the same text in two Unicode
    /// forms (a Linux file system holds both) are one session, as the
    /// record is assembled: a save in one of them is not spliced from that
    /// folder alone, which would leave the other's notes out.
    @Test func aSessionInTwoFoldersIsNeverSplicedFromOne() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        let composed = "sessions/2026-03-12-caf\u{E9}", decomposed = "sessions/2026-03-12-cafe\u{301}"
        let session = try practice.read("sessions/2026-03-05-skills/session.md").replacingOccurrences(of: "2026-03-05", with: "2026-03-12")
        try FileManager.default.createDirectory(at: practice.root.appendingPathComponent(composed), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: practice.root.appendingPathComponent(decomposed), withIntermediateDirectories: true)
        let folders = try FileManager.default.contentsOfDirectory(atPath: practice.root.appendingPathComponent("sessions").path)
        guard folders.count == 3 else { return } // a file system that takes the two names for one (macOS)
        try practice.write("\(composed)/session.md", session)
        let note = "\(decomposed)/doe-jane.md"
        try practice.write(note, try practice.read("sessions/2026-03-05-skills/doe-jane.md"))
        let watch = try WatchedPractice(practice)
        try watch.save(note, adding: "Savedword", secondsAgo: 50)
        let saved = try watch.build(since: watch.firstPoll, watch.poll())
        let cold = try Builder.build(practice.root, options: Builder.Options(checker: Checker.Options(today: FixturePractice.today),
                                                                             output: practice.root.appendingPathComponent("cold")))
        #expect(IncrementalEquivalenceTests.places(saved.report) == IncrementalEquivalenceTests.places(cold.report))
        let built = IncrementalEquivalenceTests.outputs(practice.root.appendingPathComponent("build"))
        let expected = IncrementalEquivalenceTests.outputs(practice.root.appendingPathComponent("cold"))
        #expect(Set(built.keys) == Set(expected.keys))
        for (path, bytes) in expected { #expect(built[path] == bytes, "\(path) differs from a cold build's") }
    }

    /// A file read while its stamp could still be that of a later write (in
    /// the same tick of the clock) is not vouched for by that stamp: a note
    /// rewritten in place with the same size and time (a clock of coarse
    /// ticks, a network folder) is read again by the next build, not taken
    /// from the memo once the stamp has settled.
    @Test func aStampTakenWithinItsTickIsNeverTrustedLater() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        let memo = DocumentMemo()
        let options = Builder.Options(checker: Checker.Options(today: FixturePractice.today))
        let note = "sessions/2026-03-05-skills/doe-jane.md"
        try practice.write(note, try practice.read(note).replacingOccurrences(of: "## Participation\n", with: "## Participation\nAlpha. "))
        var status = stat()
        try #require(stat(practice.root.appendingPathComponent(note).path, &status) == 0)
        _ = try Builder.build(practice.root, options: options, memo: memo)
        // Rewritten in place (same file, same size) and given back its time.
        let handle = try FileHandle(forUpdating: practice.root.appendingPathComponent(note))
        try handle.write(contentsOf: Data(try practice.read(note).replacingOccurrences(of: "Alpha. ", with: "Omega. ").utf8))
        try handle.close()
        #if canImport(Darwin)
        let time = status.st_mtimespec
        #else
        let time = status.st_mtim
        #endif
        var times = [time, time]
        try #require(utimensat(AT_FDCWD, practice.root.appendingPathComponent(note).path, &times, 0) == 0)
        Thread.sleep(forTimeInterval: 2.2)
        _ = try Builder.build(practice.root, options: options, memo: memo)
        let packet = try practice.read("build/sessions/2026-03-05-skills.html")
        #expect(packet.contains("Omega."), "the note as it is now, not as the memo read it")
    }

    /// The keys and fingerprints must not change with how `PartsHash`
    /// gathers its parts: its digest is that of the parts, each followed by
    /// its ending, laid end to end, with numbers as eight bytes and laid-out
    /// bytes as they are; parts larger than its buffer included.
    @Test func aPartsHashIsTheSHA256OfItsPartsEndToEnd() {
        let long = String(repeating: "sessions/2026-03-05-skills/doe-jane.md ", count: 900)
        var hash = PartsHash()
        var bytes: [UInt8] = []
        for index in 0..<2000 {
            let part = index % 500 == 7 ? long : "part \(index) é"
            let ending: UInt8 = index % 3 == 0 ? 1 : 0
            hash.add(part, ending: ending)
            bytes += part.utf8
            bytes.append(ending)
            if index % 250 == 0 {
                hash.add(number: index)
                withUnsafeBytes(of: Int64(index).littleEndian) { bytes += $0 }
                hash.add(bytes: Array(part.utf8))
                bytes += part.utf8
            }
        }
        #expect(hash.hex == SignedText.hex(SHA256.hash(data: bytes)))
        #expect(hash.hex == hash.hex, "reading the digest leaves the hash as it was")
    }

    /// A practice built once as `watch` builds it (every file written a
    /// minute ago, so that the poll's stamps are settled), with what the
    /// next builds are told: the polls, and what changed between two.
    struct WatchedPractice {
        let practice: FixturePractice
        let memo = DocumentMemo()
        let options = Builder.Options(checker: Checker.Options(today: FixturePractice.today))
        let folder: PracticeFolder
        let firstPoll: FolderState

        init(_ practice: FixturePractice) throws {
            self.practice = practice
            folder = try PracticeFolder(root: practice.root)
            for file in folder.discover() { try BuildCacheTests.setModificationTime(of: practice.root.appendingPathComponent(file.path), secondsAgo: 60) }
            firstPoll = FolderState.scan(folder)
            _ = try Builder.build(practice.root, options: options, memo: memo, polled: firstPoll)
        }

        func poll() -> FolderState { FolderState.scan(folder) }

        /// `word` written at the start of `note`'s participation, dated `secondsAgo`.
        func save(_ note: String, adding word: String, secondsAgo: Int) throws {
            try practice.write(note, try practice.read(note).replacingOccurrences(of: "## Participation\n", with: "## Participation\n\(word). "))
            try BuildCacheTests.setModificationTime(of: practice.root.appendingPathComponent(note), secondsAgo: secondsAgo)
        }

        /// A build told what changed from `earlier` to `now`, as `watch` tells it.
        func build(since earlier: FolderState, _ now: FolderState) throws -> Builder.Result {
            try Builder.build(practice.root, options: options, memo: memo, polled: now, changed: FolderState.Changes(since: earlier, until: now))
        }
    }

    private static func setModificationTime(of url: URL, secondsAgo: Int) throws {
        var times = [timespec(tv_sec: time(nil) - secondsAgo, tv_nsec: 0), timespec(tv_sec: time(nil) - secondsAgo, tv_nsec: 0)]
        try #require(utimensat(AT_FDCWD, url.path, &times, 0) == 0)
    }

    /// `GROUPCHART_PHASES` prints the peak memory in MiB, which getrusage
    /// gives in KiB on Linux and in bytes on macOS: a unit mistaken either
    /// way would put this process (tens of MiB) far outside the range.
    @Test func thePeakMemoryOfPhasesIsInMebibytes() throws {
        let peak = PhaseTimes.peakMiB
        #expect(peak >= 5 && peak < 64 * 1024, "\(peak) MiB")
        #if os(Linux)
        let now = try #require(PhaseTimes.residentMiB, "the resident memory now, from /proc")
        #expect(now >= 5 && now <= PhaseTimes.peakMiB, "\(now) MiB now, \(peak) MiB at the peak")
        #endif
    }

    @Test func aChangedPlanReChecksTheNotesThatDependOnIt() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        #expect(try build(practice).report.diagnostics.isEmpty)
        let plan = "members/doe-jane/plan-2026-01-29.md"
        try practice.write(plan, try practice.read(plan).replacingOccurrences(of: "review_by: 2026-04-29", with: "review_by: 2026-03-01"))
        let rebuilt = try build(practice)
        #expect(!rebuilt.fromCache)
        #expect(rebuilt.report.places == ["sessions/2026-03-05-skills/doe-jane.md:1:1 plan-review-overdue"])
    }

    /// index.html is keyed by the digest of the dashboard's view and
    /// attendance.csv by the session notes it lists: a reworded progress
    /// note changes neither, and both are kept as the last build wrote them
    /// (the same files); an absence changes both, written again as a cold
    /// build writes them.
    @Test func theDashboardAndAttendanceAreKeptWhileWhatTheyShowIsTheSame() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        _ = try build(practice)
        func inode(_ path: String) throws -> Int? { try outputInode(practice, path) }
        let before = try ["index.html", "attendance.csv", "sessions/2026-03-05-skills.html"].map(inode)
        let note = "sessions/2026-03-05-skills/doe-jane.md"
        try practice.write(note, try practice.read(note).replacingOccurrences(of: "## Plan\n", with: "## Plan\n\nContinue.\n"))
        #expect(try !build(practice).fromCache)
        let after = try ["index.html", "attendance.csv", "sessions/2026-03-05-skills.html"].map(inode)
        #expect(after[0] == before[0] && after[1] == before[1], "index.html and attendance.csv kept")
        #expect(after[2] != before[2], "the edited note's packet written again")
        let session = "sessions/2026-03-05-skills/session.md"
        try practice.write(session, try practice.read(session).replacingOccurrences(of: "roe-sam: {status: late, arrived: \"14:15\"}", with: "roe-sam: {status: absent, reason: ill}"))
        _ = try build(practice)
        #expect(try inode("index.html") != after[0] && inode("attendance.csv") != after[1])
        let cold = try FixturePractice(base: practice.root)
        defer { cold.delete() }
        try cold.remove("build")
        _ = try build(cold)
        #expect(outputs(cold) == outputs(practice), "what a cold build writes")
    }

    /// The same through a whole compile: a note's front matter given a
    /// comment is not a save of its text alone (`TextOnlyEdits` declines
    /// it), so the build compiles the practice and keys index.html by the
    /// dashboard's view itself. (The test above goes through `TextOnlyBuild`
    /// and passes with the compile's reuse of index.html taken out.)
    @Test func theDashboardIsKeptByABuildThatCompilesThePractice() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        _ = try build(practice)
        func inode(_ path: String) throws -> Int? { try outputInode(practice, path) }
        let before = try inode("index.html")
        let note = "sessions/2026-03-05-skills/doe-jane.md"
        try practice.write(note, try practice.read(note).replacingOccurrences(of: "signed_by: torres\n", with: "signed_by: torres\n# reviewed\n"))
        let result = try build(practice)
        #expect(!result.fromCache && !result.fromTextOnlyEdits, "a whole compile")
        #expect(try inode("index.html") == before, "index.html kept")
        let cold = try FixturePractice(base: practice.root)
        defer { cold.delete() }
        try cold.remove("build")
        _ = try build(cold)
        #expect(outputs(cold) == outputs(practice), "what a cold build writes")
    }

    @Test func aDeletedOrEditedOutputIsWrittenAgain() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        _ = try build(practice)
        let before = outputs(practice)
        try practice.remove("build/index.html")
        #expect(try !build(practice).fromCache)
        try practice.write("build/claims.csv", "edited by hand\n")
        #expect(try !build(practice).fromCache)
        #expect(outputs(practice) == before)
    }

    /// A stray is reported, never read: no build quotes a line of it, the
    /// one given back from the cache (which could read it from the disk)
    /// and a check after a save no more than a build from the files.
    @Test func aStrayIsQuotedByNoBuild() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        let profile = try #require(try FileManager.default.subpathsOfDirectory(atPath: practice.root.appendingPathComponent("members").path)
            .sorted().first { $0.hasSuffix("/profile.md") })
        let stray = "members/" + (profile as NSString).deletingLastPathComponent + "/scratch.md"
        try practice.write(stray, "# scratch\n")
        let cold = TextPrinter().render(try build(practice).report)
        #expect(cold.contains("\(stray):1:1") && !cold.contains("# scratch"))
        let again = try build(practice)
        #expect(again.fromCache && TextPrinter().render(again.report) == cold)
        #expect(TextPrinter().render(try GroupChart.checkReport(practice.root, options: Checker.Options(today: FixturePractice.today)).report) == cold)
    }

    /// A template saved during a build, between the fingerprint and the
    /// rendering, then saved back: the records rendered from the saved
    /// template are not taken for renderings of the one fingerprinted, so
    /// the builds after it end as a cold build of the same files does.
    @Test func aTemplateSavedDuringABuildIsNeverTakenForTheOneFingerprinted() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        let builtIn = try #require(BuiltInTemplates.all["note"])
        let version = { (name: String) in builtIn.replacingOccurrences(of: "<footer", with: "<!-- \(name) --><footer") }
        try practice.write("templates/note.mustache", version("version A"))
        _ = try build(practice)
        let session = try #require(try FileManager.default.contentsOfDirectory(atPath: practice.root.appendingPathComponent("sessions").path)
            .sorted().first { !$0.hasPrefix(".") })
        let note = "sessions/\(session)/session.md"
        try practice.write(note, try practice.read(note) + "\nOne more sentence.\n")
        var options = Builder.Options(checker: Checker.Options(today: FixturePractice.today))
        options.afterFingerprint = { try? practice.write("templates/note.mustache", version("version B")) }
        _ = try Builder.build(practice.root, options: options)
        #expect(outputs(practice).values.contains { String(decoding: $0, as: UTF8.self).contains("version B") }, "rendered from what was read")
        try practice.write("templates/note.mustache", version("version A"))
        _ = try build(practice)
        _ = try build(practice)
        let incremental = outputs(practice)
        try practice.remove("build")
        _ = try build(practice)
        #expect(incremental == outputs(practice))
        #expect(!incremental.values.contains { String(decoding: $0, as: UTF8.self).contains("version B") })
    }

    /// The outputs a build writes are dated three seconds back, so that a
    /// build right after it trusts their stamps instead of hashing them; an
    /// output overwritten at once with as many bytes is still seen (the
    /// write dates it now). (One given its recorded date back by hand, with
    /// its size and inode, is not, as git would not see it either.)
    @Test func outputsJustWrittenAreTrustedAtOnceAndAnEditAfterIsSeen() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        _ = try build(practice)
        let before = outputs(practice)
        let cache = BuildCache(output: practice.root.appendingPathComponent("build"))
        let entry = try #require(cache.lastEntry())
        let now = Date().timeIntervalSince1970
        #expect(!entry.stamps.isEmpty && entry.stamps.values.allSatisfy { $0.isSettled(before: now, countingChange: false) })
        #expect(entry.stamps.count == entry.outputs.count)
        #expect(try build(practice).fromCache)
        let index = practice.root.appendingPathComponent("build/index.html").path
        let original = try #require(before["index.html"])
        var edited = original
        edited[edited.startIndex] = edited[edited.startIndex] == 0x3C ? 0x20 : 0x3C
        try edited.write(to: URL(fileURLWithPath: index))
        #expect(try !build(practice).fromCache, "the same size, written within the second: seen by its date")
        #expect(outputs(practice) == before)
    }

    /// An output whose stamp no longer says it is the file the build wrote
    /// (dated now, as `touch` does) is known again by its digest: kept
    /// when its bytes are the same, written again when one of them changed.
    @Test func anOutputTouchedButUnchangedIsKnownByItsDigest() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        _ = try build(practice)
        let before = outputs(practice)
        let index = practice.root.appendingPathComponent("build/index.html").path
        try FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: index)
        #expect(try build(practice).fromCache, "the same bytes, dated now")
        var edited = try #require(before["index.html"])
        edited[edited.index(before: edited.endIndex)] ^= 0x01
        try edited.write(to: URL(fileURLWithPath: index))
        try FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: index)
        #expect(try !build(practice).fromCache, "one byte changed at its end")
        #expect(outputs(practice) == before)
    }

    /// The digest changes with any one byte of a file, and with its length.
    @Test func anOutputsDigestChangesWithAnyByteAndTheLength() {
        let bytes = (0..<61).map { UInt8(truncatingIfNeeded: $0 &* 37) }
        let digest = OutputDigest.of(bytes)
        #expect(OutputDigest.of(bytes) == digest)
        for position in bytes.indices {
            var changed = bytes
            changed[position] ^= 0x80
            #expect(OutputDigest.of(changed) != digest, "byte \(position)")
        }
        #expect(OutputDigest.of(bytes + [0]) != digest)
        #expect(OutputDigest.of(Array(bytes.dropLast())) != digest)
        #expect(digest.hasPrefix("w64:61:") && digest.count == "w64:61:".count + 16)
    }

    @Test func anotherTodayOrNoCacheAtAllBuildsAgain() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        _ = try build(practice)
        let before = outputs(practice)
        #expect(try !build(practice, today: LocalDate(year: 2026, month: 4, day: 1)!).fromCache)
        _ = try build(practice)
        try practice.remove("build/.groupchart-cache")
        #expect(try !build(practice).fromCache)
        #expect(outputs(practice) == before)
    }

    /// Every file of the practice as if written an hour ago, so that its
    /// stamp is settled and the build keeps it (`InputStamps`).
    private func age(_ practice: FixturePractice, by seconds: TimeInterval = 3600, only: String? = nil) throws {
        let paths = only.map { [$0] } ?? FileManager.default.enumerator(atPath: practice.root.path)?.compactMap { $0 as? String } ?? []
        for path in paths where !path.hasPrefix("build") {
            let url = practice.root.appendingPathComponent(path)
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-seconds)], ofItemAtPath: url.path)
        }
    }

    private func stamps(_ practice: FixturePractice) -> InputStamps? {
        InputStamps.read(in: practice.root.appendingPathComponent("build/.groupchart-cache"))
    }

    @Test func settledDocumentsAreVouchedForByTheirStamps() throws {
        let practice = try FixturePractice(overlay: FixturePractice.fixtures.appendingPathComponent("rules/risk-level/fail"))
        defer { practice.delete() }
        try age(practice)
        let first = try build(practice)
        let kept = try #require(stamps(practice))
        let read = RecordReader.read(try PracticeFolder(root: practice.root)).files.map(\.path)
        #expect(Set(kept.byPath.keys) == Set(read))
        #expect(kept.byPath["sessions/2026-03-05-skills/doe-jane.md"] != nil && kept.byPath["practice.yaml"] != nil)
        let second = try build(practice)
        #expect(second.fromCache)
        #expect(TextPrinter().render(second.report) == TextPrinter().render(first.report), "snippets are read for the printers")
    }

    /// A build given back from the cache prints the lines its diagnostics
    /// quote as the build that found them kept them: the notes are not read
    /// again (here one is changed behind the cache's back, its stamp kept,
    /// and its old line is still the one printed).
    @Test func aBuildGivenBackPrintsTheLinesItKeptWithoutReadingTheNotes() throws {
        let (practice, printed) = try builtWithANoteChangedBehindTheCachesBack()
        defer { practice.delete() }
        let second = try build(practice)
        #expect(second.fromCache, "the same size, time and inode: vouched for by its stamp")
        #expect(TextPrinter().render(second.report) == printed, "the line kept with the diagnostics, not read again")
    }

    /// After an edit of another note, a build and a check reading the
    /// build's cache take the kept lines of the notes unchanged since.
    @Test func theKeptLinesOfUnchangedNotesAreTakenAfterAnEdit() throws {
        let (practice, printed) = try builtWithANoteChangedBehindTheCachesBack()
        defer { practice.delete() }
        let other = "sessions/2026-03-05-skills/roe-sam.md"
        try practice.write(other, try practice.read(other) + "\nAn added line.\n")
        try age(practice, by: 1800, only: other)
        let checked = try GroupChart.check(practice.root, options: Checker.Options(today: FixturePractice.today))
        #expect(TextPrinter().render(checked.report).contains("12 | ## Risk\n"), "the kept line, not the file's")
        let rebuilt = try build(practice)
        #expect(!rebuilt.fromCache)
        let reprinted = TextPrinter().render(rebuilt.report)
        #expect(reprinted.contains("12 | ## Risk\n") && !reprinted.contains("Rusk"), "the kept line, not the file's")
        #expect(printed.contains("12 | ## Risk\n"))
    }

    /// A practice built once, then one of its notes quoted by a diagnostic
    /// changed in place, its time put back, and the stamps file made to
    /// vouch for it as it is now (a write no stamp can tell, as a file
    /// system without change times would give): only a reader of the note
    /// itself would see the change. Also what the build printed.
    private func builtWithANoteChangedBehindTheCachesBack() throws -> (FixturePractice, String) {
        let practice = try FixturePractice(overlay: FixturePractice.fixtures.appendingPathComponent("rules/risk-level/fail"))
        let settled = Date(timeIntervalSince1970: (Date().timeIntervalSince1970 - 3600).rounded(.down))
        let paths = FileManager.default.enumerator(atPath: practice.root.path)?.compactMap { $0 as? String } ?? []
        for path in paths where (try? practice.root.appendingPathComponent(path).resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            try FileManager.default.setAttributes([.modificationDate: settled], ofItemAtPath: practice.root.appendingPathComponent(path).path)
        }
        let first = try build(practice)
        let printed = TextPrinter().render(first.report)
        #expect(printed.contains("12 | ## Risk\n"))
        let note = practice.root.appendingPathComponent("sessions/2026-03-05-skills/doe-jane.md")
        let changed = try practice.read("sessions/2026-03-05-skills/doe-jane.md").replacingOccurrences(of: "## Risk", with: "## Rusk")
        let handle = try FileHandle(forWritingTo: note)
        try handle.write(contentsOf: Data(changed.utf8))
        try handle.close()
        try FileManager.default.setAttributes([.modificationDate: settled], ofItemAtPath: note.path)
        let cache = practice.root.appendingPathComponent("build/.groupchart-cache")
        var known = try #require(InputStamps.read(in: cache)).byPath
        known["sessions/2026-03-05-skills/doe-jane.md"]?.stamp = try #require(FileStamp.of(note.path))
        try Data(InputStamps(known).bytes).write(to: cache.appendingPathComponent(InputStamps.name))
        // A stamp is trusted once its change time has settled too (`FileStamp.isSettled`).
        Thread.sleep(forTimeInterval: 2.2)
        return (practice, printed)
    }

    /// The stamps file is written digit by digit; it reads back as the
    /// stamps written, line for line in the format of its header.
    @Test func stampsAreWrittenAsTheyReadBack() throws {
        let digest = "sha256:" + String(repeating: "ab", count: 32)
        let stamps = InputStamps([
            "practice.yaml": .init(stamp: FileStamp(size: 0, seconds: 0, nanoseconds: 0, inode: 0), digest: digest),
            "sessions/b/x.md": .init(stamp: FileStamp(size: 1234, seconds: 1_780_000_000, nanoseconds: 999_999_999,
                                                       inode: UInt64.max, changed: 1_780_000_001_000_000_002), digest: digest),
            "members/a/profile.md": .init(stamp: FileStamp(size: 10, seconds: 9, nanoseconds: 100, inode: 7), digest: digest),
            "tab\there.md": .init(stamp: FileStamp(size: 1, seconds: 1, nanoseconds: 1, inode: 1), digest: digest),
        ])
        #expect(stamps.text == """
            groupchart-inputs 2
            members/a/profile.md\t10\t9\t100\t7\t0\t\(digest)
            practice.yaml\t0\t0\t0\t0\t0\t\(digest)
            sessions/b/x.md\t1234\t1780000000\t999999999\t18446744073709551615\t1780000001000000002\t\(digest)

            """)
        var kept = stamps.byPath
        kept["tab\there.md"] = nil
        #expect(InputStamps(text: stamps.text)?.byPath == kept, "any inode number reads back, up to UInt64.max")
        let past = stamps.text.replacingOccurrences(of: "18446744073709551615", with: "18446744073709551616")
        #expect(InputStamps(text: past) == nil, "an inode past UInt64.max is damage")
        let accented = InputStamps(["members/caf\u{e9}/profile.md": .init(stamp: FileStamp(size: 1, seconds: 2, nanoseconds: 3, inode: 4),
                                                                         digest: digest)])
        #expect(InputStamps(text: accented.text)?.byPath == accented.byPath, "a path beyond ASCII reads back")
        // Read by walking the documents and the lines together, which holds
        // only for lines in path order, each path once.
        let lines = stamps.text.split(separator: "\n").map(String.init)
        let swapped = ([lines[0], lines[2], lines[1]] + lines[3...]).joined(separator: "\n") + "\n"
        #expect(InputStamps(text: swapped) == nil, "lines out of path order are damage")
        let twice = ([lines[0], lines[1], lines[1]] + lines[2...]).joined(separator: "\n") + "\n"
        #expect(InputStamps(text: twice) == nil, "a path twice is damage")
        #expect(InputStamps(text: lines.joined(separator: "\n")) == nil, "a last line without its line break is damage")
    }

    /// The fingerprint lays each file's kind without making its key; the
    /// bytes are the key's, for every kind.
    @Test func eachKindIsLaidAsItsKey() {
        let kinds: [DocumentKind] = [.practice, .group(id: "g-1"), .profile(member: "m"), .plan(member: "m"),
                                     .sessionNote(session: "2026-01-02-dbt"), .progressNote(session: "2026-01-02-dbt", member: "doe-jane"),
                                     .progressNote(session: "", member: ""), .individualNote(member: "m"), .remittance, .submission,
                                     .implementationAcknowledgment, .claimAcknowledgment, .stray(expected: "x"), .linkedFolder,
                                     .sessionNote(session: "caf\u{e9} \u{1F600}")]
        for kind in kinds {
            var bytes: [UInt8] = [9]
            kind.appendKey(to: &bytes)
            #expect(bytes == [9] + Array(kind.key.utf8), "\(kind)")
        }
    }

    /// Each document is stamped as its folder is listed, with the stamp
    /// `FileStamp.of` gives its path: a regular file's own, and none for a
    /// link to a note, a link to a folder, or a stray; practice.yaml too.
    @Test func aDocumentListedIsStampedAsItsPathIs() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        let note = "sessions/2026-03-05-skills/doe-jane.md"
        try practice.write("elsewhere/kept.md", try practice.read(note))
        try FileManager.default.createSymbolicLink(atPath: practice.root.appendingPathComponent("sessions/2026-03-05-skills/roe-rick.md").path,
                                                   withDestinationPath: "../../elsewhere/kept.md")
        try FileManager.default.createSymbolicLink(atPath: practice.root.appendingPathComponent("members/linked").path,
                                                   withDestinationPath: "../elsewhere")
        try practice.write("sessions/2026-03-05-skills/notes/stray.md", "a stray\n")
        let folder = try PracticeFolder(root: practice.root)
        let stamped = folder.discover(stamping: true)
        #expect(stamped.map(\.file) == folder.discover())
        #expect(stamped.contains { $0.file.path.hasSuffix("roe-rick.md") } && stamped.contains { $0.file.kind == .linkedFolder })
        #expect(stamped.contains { if case .stray = $0.file.kind { return true } else { return false } })
        for found in stamped {
            #expect(found.stamp == FileStamp.of(practice.root.appendingPathComponent(found.file.path).path), "\(found.file.path)")
        }
        #expect(stamped.first { $0.file.path == "practice.yaml" }?.stamp != nil)
        #expect(stamped.first { $0.file.path.hasSuffix("roe-rick.md") }?.stamp == nil, "a link has no stamp of its own")
    }

    /// Each document is matched to its own line, whatever is recorded
    /// before, between or after the documents found.
    @Test func eachDocumentIsMatchedToItsOwnLine() {
        func known(_ size: Int64) -> InputStamps.Known {
            .init(stamp: FileStamp(size: size, seconds: 1, nanoseconds: 2, inode: 3), digest: "sha256:" + String(repeating: "0", count: 64))
        }
        let paths = ["a.md", "b/c.md", "b/d.md", "b0.md", "b_.md", "sessions/x/y.md", "z.md", "\u{e9}.md"]
        var random = IncrementalEquivalenceTests.Random(state: 16)
        for trial in 0..<500 {
            let recordedPaths = paths.filter { _ in random.next() % 2 == 0 }
            let foundPaths = paths.filter { _ in random.next() % 2 == 0 }
            let stamps = InputStamps(Dictionary(uniqueKeysWithValues: recordedPaths.enumerated().map { ($1, known(Int64($0))) }))
            let found = foundPaths.sorted { $0.precedesInBytes($1) }.map { DiscoveredFile(path: $0, kind: .remittance) }
            let matched = stamps.matching(found)
            #expect(matched == found.map { stamps.byPath[$0.path] }, "trial \(trial): \(recordedPaths) against \(foundPaths)")
            // Out of path order, a document may go unmatched (it is read
            // again), but never takes another's line.
            let shuffled = found.shuffled(using: &random)
            for (file, known) in zip(shuffled, stamps.matching(shuffled)) where known != nil {
                #expect(known == stamps.byPath[file.path], "trial \(trial): \(file.path)")
            }
        }
        // A path given twice is written once.
        let twice = InputStamps([InputStamps.Entry(path: "b.md", known: known(1)), InputStamps.Entry(path: "a.md", known: known(2)),
                                 InputStamps.Entry(path: "b.md", known: known(3))])
        #expect(twice.entries.map(\.path) == ["a.md", "b.md"] && twice.entries.last?.known == known(1))
        #expect(InputStamps(text: twice.text)?.entries == twice.entries)
    }

    @Test func aDocumentWrittenJustNowIsNotVouchedFor() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        _ = try build(practice)
        // Its digest is kept, for check to tell what was saved since, under a stamp that vouches for nothing.
        let kept = try #require(stamps(practice))
        #expect(!kept.byPath.isEmpty && kept.byPath.values.allSatisfy { $0.stamp == .none })
        for (path, known) in kept.byPath {
            #expect(known.digest(ifStill: FileStamp.of(practice.root.appendingPathComponent(path).path)) == nil,
                    "a stamp within its tick could also be that of a later write")
            #expect(known.digest(ifStill: FileStamp.none) == nil)
        }
    }

    @Test func anEditThatKeepsTheSizeIsSeen() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        try age(practice)
        #expect(try build(practice).report.diagnostics.isEmpty)
        let note = "sessions/2026-03-05-skills/doe-jane.md"
        let text = try practice.read(note)
        let edited = text.replacingOccurrences(of: "Risk level: low.", with: "Risk level: wow.")
        #expect(edited != text && edited.utf8.count == text.utf8.count)
        try practice.write(note, edited)
        try age(practice, by: 1800)
        let rebuilt = try build(practice)
        #expect(!rebuilt.fromCache)
        #expect(rebuilt.report.places.contains { $0.hasPrefix(note) && $0.hasSuffix("risk-level") })
    }

    /// A note overwritten in place (`cp -p`, `rsync --inplace`) with text of
    /// the same length and its old modification time keeps its size, time
    /// and inode: only the inode's change time tells. `check` and `build`
    /// answered from the note as it was (and billed a note a rule holds).
    @Test func anEditInPlaceThatPutsTheTimeBackIsSeen() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        try age(practice)
        #expect(try build(practice).report.diagnostics.isEmpty)
        let note = "sessions/2026-03-05-skills/doe-jane.md"
        let url = practice.root.appendingPathComponent(note)
        let before = try FileManager.default.attributesOfItem(atPath: url.path)
        let text = try practice.read(note)
        let edited = text.replacingOccurrences(of: "Risk level: low.", with: "Risk level: wow.")
        #expect(edited != text && edited.utf8.count == text.utf8.count)
        // In place: the same inode, written over, then its time put back.
        let handle = try FileHandle(forWritingTo: url)
        try handle.write(contentsOf: Data(edited.utf8))
        try handle.close()
        try FileManager.default.setAttributes([.modificationDate: before[.modificationDate]!], ofItemAtPath: url.path)
        let after = try FileManager.default.attributesOfItem(atPath: url.path)
        #expect(after[.systemFileNumber] as? Int == before[.systemFileNumber] as? Int && after[.size] as? Int == before[.size] as? Int)
        #expect(after[.modificationDate] as? Date == before[.modificationDate] as? Date)
        let checked = try GroupChart.check(practice.root, options: Checker.Options(today: FixturePractice.today))
        #expect(checked.report.places.contains { $0.hasPrefix(note) && $0.hasSuffix("risk-level") })
        let rebuilt = try build(practice)
        #expect(!rebuilt.fromCache)
        #expect(rebuilt.report.places.contains { $0.hasPrefix(note) && $0.hasSuffix("risk-level") })
    }

    @Test func aDamagedStampFileIsIgnoredWhole() throws {
        let practice = try FixturePractice(overlay: FixturePractice.fixtures.appendingPathComponent("rules/risk-level/fail"))
        defer { practice.delete() }
        try age(practice)
        _ = try build(practice)
        let file = "build/.groupchart-cache/\(InputStamps.name)"
        let valid = try practice.read(file)
        let note = "sessions/2026-03-05-skills/doe-jane.md"
        let damaged = [
            String(valid.dropLast(40)),
            "groupchart-inputs 1" + valid.drop { $0 != "\n" },
            "groupchart-inputs 3" + valid.drop { $0 != "\n" },
            valid.replacingOccurrences(of: "\tsha256:", with: "\tsha1:"),
            valid + "\u{0}\n",
            "",
        ]
        for (index, text) in damaged.enumerated() {
            #expect(InputStamps(text: text) == nil)
            // The note changed too: a trusted damaged file would hide it.
            try practice.write(note, try practice.read(note).replacingOccurrences(of: "## Goals", with: "Seen again (\(index)).\n\n## Goals"))
            try practice.write(file, text)
            try age(practice, by: Double.random(in: 600...1200))
            let rebuilt = try build(practice)
            let elsewhere = FileManager.default.temporaryDirectory.appendingPathComponent("groupchart-cold-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: elsewhere) }
            let cold = try Builder.build(practice.root, options: Builder.Options(checker: Checker.Options(today: FixturePractice.today),
                                                                                 output: elsewhere))
            #expect(!rebuilt.fromCache)
            #expect(rebuilt.report.places == cold.report.places)
            #expect(try practice.read("build/claims.csv") == String(contentsOf: elsewhere.appendingPathComponent("claims.csv"), encoding: .utf8))
            #expect(stamps(practice)?.byPath.count == InputStamps(text: valid)?.byPath.count, "written whole again")
        }
    }
}
