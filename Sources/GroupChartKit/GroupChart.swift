import Foundation

/// The library's front door: what the `groupchart` command calls.
public enum GroupChart {
    public static let version = "0.1.0"
    public static let informationURI = "https://github.com/groupchart/groupchart"

    /// Reads and validates the practice at `root`, taking unchanged
    /// documents from the cache of the build into `buildFolder` (default:
    /// the practice's `build/`).
    /// The record keeps its notes' bodies: letting 20,000 go would cost the
    /// command 0.2 to 0.3 s for memory it gives back at once by exiting.
    public static func check(_ root: URL, options: Checker.Options, progress: RecordReader.Progress? = nil,
                             preread: [String: PracticeFile.Reading]? = nil,
                             buildFolder: URL? = nil) throws(PracticeFolder.NotAPractice) -> (record: PracticeRecord, report: CheckReport) {
        let folder = try PracticeFolder(root: root)
        let output = OutputPlacement.folder(buildFolder, practice: root)
        let build = preread == nil ? LastBuild(folder, options: options, output: output) : nil
        return check(folder, options: options, progress: progress, preread: preread, output: preread == nil ? output : nil, build: build)
    }

    /// The `check` command's check: `check`, unless the files saved since
    /// the last build changed nothing but what notes say, when it is that
    /// build's diagnostics with those of the saved notes found again
    /// (`TextOnlyEdits`), and there is no record. `endsTheProcess`: what it
    /// read of the last build is not freed (`LeftForExit`): the stamps,
    /// digests and listing of 22,000 files, freed object by object, were
    /// some 3 % of a check after one edit at 20,000 notes (`perf`).
    public static func checkReport(_ root: URL, options: Checker.Options, progress: RecordReader.Progress? = nil,
                                   buildFolder: URL? = nil,
                                   endsTheProcess: Bool = false) throws(PracticeFolder.NotAPractice) -> (record: PracticeRecord?, report: CheckReport) {
        let folder = try PracticeFolder(root: root)
        let output = OutputPlacement.folder(buildFolder, practice: root)
        let build = LastBuild(folder, options: options, output: output)
        defer { if endsTheProcess, let build { LeftForExit.keep(build) } }
        var phases = PhaseTimes()
        if let build, let known = build.known, let entry = build.entry,
           let report = TextOnlyEdits.report(folder, options: options, fingerprint: build.fingerprint, known: known,
                                             compiled: build.opened, entry: entry, cacheFolder: build.cacheFolder) {
            phases.mark("check: text-only edits")
            if endsTheProcess { LeftForExit.keep(entry) }
            return (nil, report)
        }
        let checked = check(folder, options: options, progress: progress, preread: nil, output: output, build: build)
        return (checked.record, checked.report)
    }

    /// What the last build left that a check reads: its cache of compiled
    /// documents (opened: each document read when asked for), the stamps
    /// it kept, with the practice's fingerprint made from them, and its
    /// entry (`last-build.bin`: its diagnostics and the lines they quote);
    /// `nil` without a cache of this program.
    struct LastBuild {
        var cacheFolder: URL
        var opened: CompiledDocuments
        var known: InputStamps?
        var fingerprint: BuildCache.Fingerprint
        var entry: BuildCache.Entry?

        init?(_ folder: PracticeFolder, options: Checker.Options, output: URL) {
            var phases = PhaseTimes()
            let cacheFolder = BuildCache.folder(of: output)
            self.cacheFolder = cacheFolder
            // Without a cache there is nothing to read beside the listing,
            // and the check that follows lists the practice itself: listed
            // here first, it was listed twice (40 ms at 20,000 notes).
            guard FileManager.default.fileExists(atPath: cacheFolder.appendingPathComponent(CompiledDocuments.name).path) else {
                return nil
            }
            // The entry as well: decoded after the fingerprint, on this
            // thread alone, it was 5 % of a check answered from the cache
            // at 20,000 notes (`perf`), some 10 ms with the other core idle.
            let (stamped, (opened, known, entry)) = BuildCache.listedReading(folder) {
                (CompiledDocuments.open(in: cacheFolder), InputStamps.read(in: cacheFolder), BuildCache(output: output).lastEntry())
            }
            guard let opened else { return nil }
            self.opened = opened
            self.known = known
            self.entry = entry
            phases.mark("read: the listing, the index of compiled documents, the stamps file and the last entry")
            fingerprint = BuildCache.fingerprint(folder, options: options, known: known, keepingParts: true, stamped: stamped)
            phases.mark("read: stamps")
        }
    }

    /// The check of the whole practice, reading what the build into
    /// `output` left (`build`: its documents and stamps; the rules'
    /// findings and quoted lines even without them), or, with `preread`,
    /// only those bytes and nothing of a build.
    private static func check(_ folder: PracticeFolder, options: Checker.Options, progress: RecordReader.Progress?,
                              preread: [String: PracticeFile.Reading]?, output: URL?,
                              build: LastBuild?) -> (record: PracticeRecord, report: CheckReport) {
        var phases = PhaseTimes()
        let record = preread == nil ? readUsingBuildCache(folder, progress: progress, build: build).record
            : RecordReader.read(folder, progress: progress, preread: preread)
        phases.mark("read")
        var report = Checker.check(record, options: options,
                                   cache: output.flatMap { DerivedCache.reading(BuildCache.folder(of: $0)) })
        if let output, let entry = build?.entry ?? BuildCache(output: output).lastEntry() {
            // The lines the last build's diagnostics quote, of the files
            // unchanged since: the printer does not read those notes again.
            let digests = Dictionary(record.files.map { ($0.path, $0.sha256) }) { first, _ in first }
            report.quoted = entry.quotedLines(unchangedIn: digests)
        }
        phases.mark("check")
        return (record, report)
    }

    /// The practice read as `check` reads it: a document whose bytes are
    /// those a build compiled is taken from that build's cache of compiled
    /// documents (`LastBuild`), and one whose stamp that build recorded is
    /// not even read (its digest is the recorded one), as a build does.
    /// `check` writes nothing: without a cache, or with one of another
    /// program, it reads every file.
    static func readUsingBuildCache(_ folder: PracticeFolder, progress: RecordReader.Progress?,
                                    build: LastBuild?) -> (record: PracticeRecord, parsed: Int) {
        guard var fingerprint = build?.fingerprint else {
            return RecordReader.read(folder, progress: progress, preread: nil, found: nil, digests: [:], memo: nil, compiled: nil)
        }
        let preread = PrereadFiles(fingerprint.files, digests: fingerprint.digests)
        fingerprint.files = [:]
        // Every document is asked for: the whole file is read at once.
        var phases = PhaseTimes()
        let compiled = build.flatMap { CompiledDocuments.read(in: $0.cacheFolder) }
        phases.mark("read: cache of compiled documents")
        return RecordReader.read(folder, progress: progress, preread: preread, found: fingerprint.found, digests: fingerprint.digests,
                                 memo: nil, compiled: compiled)
    }

    /// `check`, for a long-running command that keeps its `memo` between
    /// calls: a file whose stamp is unchanged is not read again, and one
    /// whose bytes are unchanged is not parsed again, and what the rules
    /// derived from unchanged files is not derived again.
    public static func check(_ root: URL, options: Checker.Options, memo: DocumentMemo) throws(PracticeFolder.NotAPractice) -> (record: PracticeRecord, report: CheckReport) {
        let folder = try PracticeFolder(root: root)
        var fingerprint = BuildCache.fingerprint(folder, options: options, memo: memo)
        let preread = PrereadFiles(fingerprint.files, digests: fingerprint.digests, keeping: true)
        fingerprint.files = [:]
        let record = RecordReader.read(folder, progress: nil, preread: preread, found: fingerprint.found,
                                       digests: fingerprint.digests, memo: memo)
        return (record, Checker.check(record, options: options, memo: memo.derived))
    }
}

extension GroupChart {
    /// Named in every record's footer.
    public static var generator: String { "GroupChart \(version)" }
}
