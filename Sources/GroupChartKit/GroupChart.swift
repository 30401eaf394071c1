import Foundation

/// The library's front door: what the `groupchart` command calls.
public enum GroupChart {
    public static let version = "0.1.0"
    public static let informationURI = "https://github.com/groupchart/groupchart"

    /// Reads and validates the practice at `root` (the `check` command),
    /// taking unchanged documents from the cache of the build into
    /// `buildFolder` (default: the practice's `build/`).
    /// The record keeps its notes' bodies: letting 20,000 go would cost the
    /// command 0.2 to 0.3 s for memory it gives back at once by exiting.
    public static func check(_ root: URL, options: Checker.Options, progress: RecordReader.Progress? = nil,
                             preread: [String: PracticeFile.Reading]? = nil,
                             buildFolder: URL? = nil) throws(PracticeFolder.NotAPractice) -> (record: PracticeRecord, report: CheckReport) {
        let folder = try PracticeFolder(root: root)
        var phases = PhaseTimes()
        FreedMemory.returnLargeBlocksAtOnce()
        let cacheFolder = BuildCache.folder(of: buildFolder ?? root.appendingPathComponent("build"))
        let record = preread == nil ? readUsingBuildCache(folder, options: options, progress: progress, cacheFolder: cacheFolder).record
            : RecordReader.read(folder, progress: progress, preread: preread)
        phases.mark("read")
        var report = Checker.check(record, options: options,
                                   cache: preread == nil ? DerivedCache(folder: cacheFolder, writing: false) : nil)
        if preread == nil {
            // The lines the last build's diagnostics quote, of the files
            // unchanged since: the printer does not read those notes again.
            let digests = Dictionary(record.files.map { ($0.path, $0.sha256) }) { first, _ in first }
            report.quoted = BuildCache(output: buildFolder ?? root.appendingPathComponent("build")).quotedLines(unchangedIn: digests)
        }
        phases.mark("check")
        return (record, report)
    }

    /// The practice read as `check` reads it: a document whose bytes are
    /// those a build compiled is taken from that build's cache of compiled
    /// documents in `cacheFolder` (`BuildCache.folder`), and
    /// one whose stamp that build recorded is not even read (its digest is
    /// the recorded one), as a build does. `check` writes nothing: without a
    /// cache, or with one of another program, it reads every file.
    static func readUsingBuildCache(_ folder: PracticeFolder, options: Checker.Options, progress: RecordReader.Progress?,
                                    cacheFolder: URL) -> (record: PracticeRecord, parsed: Int) {
        var phases = PhaseTimes()
        guard let compiled = CompiledDocuments.read(in: cacheFolder) else {
            return RecordReader.read(folder, progress: progress, preread: nil, found: nil, digests: [:], memo: nil, compiled: nil)
        }
        phases.mark("read: cache of compiled documents")
        let known = InputStamps.read(in: cacheFolder)
        phases.mark("read: stamps file")
        var fingerprint = BuildCache.fingerprint(folder, options: options, known: known)
        phases.mark("read: stamps")
        let preread = PrereadFiles(fingerprint.files)
        fingerprint.files = [:]
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
        let preread = PrereadFiles(fingerprint.files, keeping: true)
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
