import Foundation

/// The memory of the last build, in `<output>/.groupchart-cache/`, so that a
/// build whose inputs have not changed costs a read of the files and no more.
///
/// The fingerprint covers everything a build depends on: the program (its
/// version, its built-in templates and the executable itself), `--today`
/// and `--strict`, the practice's own templates, and the path, kind and
/// SHA-256 of every document. The outputs the last build wrote are checked
/// against their recorded SHA-256 too, so a deleted or edited output is
/// written again. Anything that differs means a full build; deleting the
/// cache folder (or the whole output folder) is always safe.
struct BuildCache {
    static let path = folderName + "/" + LastBuildFile.name

    /// The cache folder of the build into `output`.
    static func folder(of output: URL) -> URL { output.appendingPathComponent(folderName) }
    static let folderName = ".groupchart-cache"

    /// This build's cache folder.
    var folder: URL { Self.folder(of: output) }

    /// What a build found and wrote, to be given back unchanged.
    /// Kept in `last-build.bin` (`LastBuildFile`).
    struct Entry {
        var fingerprint: String
        var diagnostics: [Diagnostic]
        var fileCount: Int
        /// Each output written, with the SHA-256 of its bytes.
        var outputs: [String: String]
        /// Each output's stamp once written, which tells it is still that file.
        var stamps: [String: FileStamp]
        /// The key of each record (`OutputKeys`): the same key, the same record.
        var keys: [String: String]
        var skippedSessions: [Skipped]
        var skippedMembers: [Skipped]
        var batch: BatchSummary
        var withoutEDI: Bool
        /// The source lines its diagnostics quote (`CheckReport.quoted`), by
        /// file, with the SHA-256 the file had; empty when the build did not
        /// read them (`watch`).
        var quotedLines: [String: QuotedLines] = [:]
        /// Every claim id of the build is its service's first attempt
        /// (`ClaimID.ids` moved none): the ids of a part of the practice
        /// are then those of the whole (`TextOnlyEdits`).
        var claimIDsFirstAttempts = false
        /// Each claim on file in the billing history that the build did not
        /// build, with the member the reimbursement ledger gave it (a chart
        /// shows it as no longer billed): what `TextOnlyBuild` compares with
        /// the part of the practice it renders from.
        var unbuiltClaims: [String: String] = [:]

        /// The quoted lines of the files whose digest is still the one in `digests`.
        func quotedLines(unchangedIn digests: [String: String]) -> [String: [Int: String]] {
            quotedLines.filter { digests[$0.key] == $0.value.digest }.mapValues(\.lines)
        }

        /// The quoted lines of every file but those of `changed`, for a
        /// caller that knows every other file to have the digest this build
        /// read (`TextOnlyEdits`, whose fingerprint with the saved files'
        /// old digests is this build's): the dictionary's values mapped in
        /// place, where filtering it by `digests` hashed every path into a
        /// new one (2.7 % of a check after one edit at 20,000 notes, `perf`).
        func quotedLines(except changed: some Sequence<String>) -> [String: [Int: String]] {
            var lines = quotedLines.mapValues(\.lines)
            for path in changed { lines[path] = nil }
            return lines
        }

        /// `lines` kept with the digest of each file in `digests` (a file without one is not kept).
        static func quoted(_ lines: [String: [Int: String]], digests: [String: String]) -> [String: QuotedLines] {
            lines.reduce(into: [:]) { kept, file in
                if let digest = digests[file.key] { kept[file.key] = QuotedLines(digest: digest, lines: file.value) }
            }
        }
    }

    /// The lines of one file that diagnostics quote, by number, and the
    /// digest of the file they were read from: the next build or check
    /// takes them as they are while the file's digest is the same.
    struct QuotedLines: Equatable {
        var digest: String
        var lines: [Int: String]
    }

    struct Skipped {
        var id: String
        var rules: [String]
    }

    let output: URL
    /// The entry last written or read, kept by a long-running command's
    /// memo between builds, or by this cache for one build.
    let last: LastBuildEntry

    init(output: URL, memo: DocumentMemo? = nil) {
        self.output = output
        last = memo?.lastBuild ?? LastBuildEntry()
    }

    /// What a build depends on, read once: every document's bytes (which the
    /// build then reads from, not from the disk again) and SHA-256.
    struct Fingerprint {
        /// Over everything below: any change makes another digest.
        var digest: String
        /// The bytes read to make the digests (a document whose stamp said
        /// it was unchanged is not among them: the build reads it when it
        /// needs it).
        var files: [String: PracticeFile.Reading]
        /// The SHA-256 of each readable document, by path: what the
        /// incremental stages key their work on.
        var digests: [String: String]
        /// The program, its templates and the practice's, `--today`: what
        /// every output depends on besides the documents.
        var environment: String
        /// The documents found, in path order.
        var found: [DiscoveredFile]
        /// The settled stamp and digest of each document, for the next build.
        var stamps: InputStamps
        /// What `digest` hashed of the files, where each file's part starts,
        /// and each file's digest in the order found (`FingerprintedFiles`),
        /// when asked for: `check` tells what was saved since the last build
        /// and makes the fingerprint of that build's files from them (`TextOnlyEdits`).
        var parts: (hashed: [UInt8], starts: [Int], digests: [String?])?
    }

    /// The fingerprint of a build of `folder` with `options`.
    /// With a `memo` (a long-running command), a file whose stamp has not
    /// changed since it was last read is not read again; without one, a
    /// file whose stamp is that of `known` (the last build's) is not either.
    /// `found` is the listing of the practice when the caller has just
    /// made it (the poll of `watch`), and `stamps` the stamps that poll took
    /// (a file missing from them has none: a link, read every time). A file
    /// saved between that poll and this build may be read as it is now
    /// under the poll's stamp; the next poll sees a new stamp and builds
    /// again. With a memo, `poll` is that poll and `changes` what it found
    /// changed since an earlier one: when that is the poll of the memo's
    /// last fingerprint, only the changed files (and those no stamp vouched
    /// for) are looked at again. `stamped` is the listing with each file's
    /// stamp, when the caller has just made it (`listedReading`).
    static func fingerprint(_ folder: PracticeFolder, options: Checker.Options, memo: DocumentMemo? = nil,
                            known: InputStamps? = nil, found listed: [DiscoveredFile]? = nil,
                            stamps polled: [String: FileStamp]? = nil, poll: FolderState? = nil,
                            changes: FolderState.Changes? = nil, keepingParts: Bool = false,
                            stamped listing: [PracticeFolder.Stamped]? = nil) -> Fingerprint {
        var phases = PhaseTimes()
        // Each file stamped as it is listed, unless the caller listed them.
        let stamped = listed == nil ? listing ?? folder.discover(stamping: true) : nil
        let found = listed ?? stamped?.map(\.file) ?? []
        phases.mark("fingerprint: discover")
        let now = Date().timeIntervalSince1970
        // What the last build recorded of each file, by its index in `found`.
        let recorded = memo == nil ? known?.matching(found) : nil
        @Sendable func read(_ index: Int) -> FingerprintedFiles.Read {
            let file = found[index]
            let stamp: FileStamp?
            if let polled {
                stamp = polled[file.path]
            } else if let stamped {
                stamp = stamped[index].stamp
            } else {
                stamp = FileStamp.of(folder.fullPath(file.path))
            }
            if let known = memo?.known(file, stamp: stamp, now: now) {
                return .init(path: file.path, reading: known.reading, digest: known.digest, stamp: stamp)
            }
            if let digest = recorded?[index]?.digest(ifStill: stamp), stamp?.isSettled(before: now) == true {
                return .init(path: file.path, reading: nil, digest: digest, stamp: stamp)
            }
            let reading = folder.read(file)
            let digest = (try? reading.get()).map(SignedText.digest)
            // A stamp still within its tick could also be that of a write
            // made after this read (same size, same time, same file): it is
            // not remembered, and the file is read again until it settles.
            memo?.remember(file, stamp: stamp.flatMap { $0.isSettled(before: now) ? $0 : nil }, reading: reading, digest: digest)
            return .init(path: file.path, reading: reading, digest: digest, stamp: stamp)
        }
        var files: FingerprintedFiles
        var stamps: [InputStamps.Entry] = []
        stamps.reserveCapacity(memo == nil ? found.count : 0)
        // Taken out of the memo, so that the files' dictionaries and hashed
        // parts are changed in place, not copied (a page fault for each
        // page of 4 MB at 20,000 notes).
        // A file the poll names is read again whatever its stamp says (its
        // inode changed: chmod, or a rewrite that put its time back), on
        // either path below.
        if let memo, let changes {
            for path in changes.paths { memo.readAgain(path) }
        }
        if let memo, let changes, var last = memo.takeLastFingerprint(), let since = changes.since, let lastPoll = last.poll,
           since.isSamePoll(as: lastPoll), let until = changes.until, let poll, until.isSamePoll(as: poll), last.found == found {
            // The poll said which files changed since the last build's: only
            // they, and those no stamp vouched for, are looked at again.
            let again = Set(last.takeUnvouched()).union(found.indices.filter { changes.paths.contains(found[$0].path) })
            for index in again.sorted() { last.update(index, with: read(index), now: now) }
            files = last
        } else {
            let reads = ParallelMap.map(Array(found.indices), read)
            phases.mark("fingerprint: stamps")
            memo?.keep(only: Set(found.map(\.path)))
            files = FingerprintedFiles(found: found, reads: reads, now: now)
            phases.mark("fingerprint: files")
            // A stamp still within its tick could also be that of a later
            // write: it is not kept, and the file is read next time; its
            // digest is, under a stamp that vouches for nothing
            // (`FileStamp.none`), for `check` to tell what was saved since
            // (`TextOnlyEdits`). A long-running command keeps its stamps in
            // its memo instead.
            if memo == nil {
                for read in reads {
                    if let digest = read.digest {
                        let stamp = read.stamp.flatMap { $0.isSettled(before: now) ? $0 : nil } ?? .none
                        stamps.append(InputStamps.Entry(path: read.path, known: InputStamps.Known(stamp: stamp, digest: digest)))
                    }
                }
            }
        }
        files.poll = poll
        memo?.putLastFingerprint(files)
        defer { phases.mark("fingerprint: hash") }
        let environmentDigest = environment(folder.root, today: options.today)
        return Fingerprint(digest: digest(environment: environmentDigest, options: options, files: files.hashed),
                           files: files.files, digests: files.digests,
                           environment: environmentDigest, found: found, stamps: InputStamps(stamps),
                           parts: keepingParts ? (files.hashed, files.starts, files.inOrder) : nil)
    }

    /// The practice listed with each file's stamp on this thread while
    /// `read` reads what the cache keeps on another: the two are some
    /// 40 and 10 to 20 ms of every build and check after an edit at 20,000
    /// notes, and neither needs the other.
    static func listedReading<Value: Sendable>(_ folder: PracticeFolder,
                                               _ read: @escaping @Sendable () -> Value) -> (stamped: [PracticeFolder.Stamped], read: Value) {
        let reading = Meanwhile(read)
        let stamped = folder.discover(stamping: true)
        return (stamped, reading.take())
    }

    /// The fingerprint's digest: over the `environment`, the options the
    /// diagnostics depend on, and the files' parts (`FingerprintedFiles.hashed`).
    static func digest(environment: String, options: Checker.Options, files: [UInt8]) -> String {
        var hash = PartsHash()
        hash.add(environment)
        // The diagnostics' severities and their help's paths, which the records
        // do not show: typed from where the user stands, relative or absolute,
        // so they name the practice's folder too (a practice moved, or built
        // through another path, gives other help).
        hash.add("\(options.strict) \(options.location?.currentFolder ?? "")")
        hash.add(options.location.map { "\($0.root.path) \($0.currentFolder == nil ? "absolute" : "relative")" } ?? "no location")
        hash.add(bytes: files)
        return hash.hex
    }

    /// What every output depends on besides the documents: the program, its
    /// templates and the practice's, and `today`.
    static func environment(_ root: URL, today: LocalDate) -> String {
        environment(today: today, templateParts: templateParts(practiceTemplates(root)))
    }

    /// The environment of a build whose practice templates are `templateParts`.
    static func environment(today: LocalDate, templateParts: [String]) -> String {
        var environment = PartsHash()
        environment.add(GroupChart.version)
        environment.add(programIdentity)
        environment.add("\(today)")
        for part in templateParts { environment.add(part) }
        return environment.hex
    }

    /// What the environment hashes of the practice's templates (by name,
    /// without `.mustache`, in name order): the same whether read for the
    /// fingerprint or by the `TemplateLibrary` that renders.
    static func templateParts(_ templates: [(name: String, text: String)]) -> [String] {
        templates.map { "template \($0.name) \(SignedText.digest(of: $0.text))" }
    }

    /// The last build's entry, whatever its fingerprint; `nil` when there is
    /// none or it cannot be read (another version's, truncated, corrupt).
    func lastEntry() -> Entry? {
        guard let data = FileManager.default.contents(atPath: output.appendingPathComponent(Self.path).path) else { return nil }
        // The bytes are read and hashed in any case (3 ms for 4.7 MB): an
        // entry changed on disk is never taken from the memo.
        let digest = SignedText.digest(of: [UInt8](data))
        if let entry = last.entry(digest: digest) { return entry }
        guard let entry = LastBuildFile.entry(of: [UInt8](data)) else { return nil }
        last.remember(entry, digest: digest)
        return entry
    }

    /// The last build's entry when its fingerprint is `digest` and its outputs are as it wrote them.
    func entry(matching digest: String) -> Entry? {
        guard let entry = lastEntry(), entry.fingerprint == digest else { return nil }
        return areIntact(entry.outputs.keys.sorted(), in: entry) ? entry : nil
    }

    /// The records of `entry` whose key is still `keys`' and whose file is as
    /// the last build wrote it: kept, not rendered again.
    func reusable(_ entry: Entry, keys: [String: String]) -> Set<String> {
        let candidates = keys.filter { entry.keys[$0.key] == $0.value }.map(\.key).sorted()
        let intact = ParallelMap.map(candidates) { path in isIntact(path, in: entry) }
        return Set(zip(candidates, intact).filter(\.1).map(\.0))
    }

    /// Whether every output of `paths` is the file `entry` wrote.
    func areIntact(_ paths: [String], in entry: Entry) -> Bool {
        ParallelMap.map(paths) { isIntact($0, in: entry) }.allSatisfy { $0 }
    }

    /// Whether the output at `path` is the file `entry` wrote: its stamp says
    /// so, or (written too recently for a stamp to tell) its bytes do.
    private func isIntact(_ path: String, in entry: Entry) -> Bool {
        guard let digest = entry.outputs[path] else { return false }
        let full = PracticeFile.path(of: output) + "/" + path
        if let stamp = FileStamp.of(full), stamp == entry.stamps[path], stamp.isSettled(before: Date().timeIntervalSince1970, countingChange: false) {
            return true
        }
        return FileManager.default.contents(atPath: full).map { OutputDigest.of([UInt8]($0)) } == digest
    }

    /// The stamps of `paths` as they stand now, for the entry of a build that
    /// wrote them; each written in the last two seconds is first dated three
    /// seconds back (`FileStamp.settle`), so that the next build can trust
    /// its stamp at once. Why: a stamp younger than two seconds is
    /// never trusted (a write in the same tick could leave it unchanged), so
    /// a build run right after another read and hashed again every output
    /// the other wrote in its last two seconds: at 20,000 notes, half of 149
    /// MB of records, 0.33 s of a 0.17 s build (`make bench`, which builds
    /// again at once). Any later write dates the file at its own time, at
    /// least three seconds after the date given, whatever the file system's
    /// tick, so it still changes the stamp.
    func stamps(_ paths: [String]) -> [String: FileStamp] {
        var stamps: [String: FileStamp] = [:]
        let folder = PracticeFile.path(of: output)
        let now = Date().timeIntervalSince1970
        for path in paths { stamps[path] = FileStamp.settle(folder + "/" + path, before: now) }
        return stamps
    }

    /// The stamps of the documents the last build read (`InputStamps`).
    func inputStamps() -> InputStamps? {
        InputStamps.read(in: folder)
    }

    /// Keeps the stamps of the documents this build read, for the next; the
    /// same stamps are not written again.
    func store(_ stamps: InputStamps, unless known: InputStamps?) {
        guard known?.entries != stamps.entries else { return }
        try? OutputFolder(root: folder).write(InputStamps.name, stamps.bytes, flush: false)
    }

    /// Remembers a build, and the stamps of its documents for the next
    /// (unless they are `known`'s), each written on a core of its own: the
    /// 3 MB of stamps at 20,000 notes are 8 to 10 ms of every build after an
    /// edit. Both are written after the build's outputs, as before: a build
    /// that fails leaves neither.
    func store(_ entry: Entry, stamps: InputStamps, unless known: InputStamps?) {
        // The same stamps are not written again, and no thread is started for them.
        guard known?.entries != stamps.entries else { return store(entry) }
        let storing = Meanwhile { [self] in
            store(stamps, unless: nil)
            return true
        }
        store(entry)
        _ = storing.take()
    }

    /// Remembers a build that wrote `outputs`.
    func store(_ entry: Entry) {
        let bytes = LastBuildFile.bytes(of: entry)
        guard (try? OutputFolder(root: folder).write(LastBuildFile.name, bytes, flush: false)) != nil else { return }
        // The JSON form of versions before 2026-12-03, which nothing reads any more.
        try? FileManager.default.removeItem(at: folder.appendingPathComponent("last-build.json"))
        last.remember(entry, digest: SignedText.digest(of: bytes))
    }

    /// The templates and the executable: a new build of the program never reuses an old cache.
    static let programIdentity: String = {
        var parts = BuiltInTemplates.all.sorted { $0.key < $1.key }.map { "\($0.key)=\(SignedText.digest(of: $0.value))" }
        if let executable = Bundle.main.executableURL,
           let attributes = try? FileManager.default.attributesOfItem(atPath: executable.path) {
            parts.append("\(executable.path) \(attributes[.size] ?? "") \(attributes[.modificationDate] ?? "")")
        }
        return parts.joined(separator: ";")
    }()

    /// The templates `TemplateLibrary` reads: `templates/*.mustache`, not hidden, in name order.
    private static func practiceTemplates(_ root: URL) -> [(name: String, text: String)] {
        let folder = root.appendingPathComponent("templates")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.sorted().filter { $0.hasSuffix(".mustache") && !$0.hasPrefix(".") }.compactMap { name in
            FileManager.default.contents(atPath: folder.appendingPathComponent(name).path)
                .map { (String(name.dropLast(".mustache".count)), String(decoding: $0, as: UTF8.self)) }
        }
    }
}
