import Foundation

/// The emit stage: renders the records of outputs.md from the checked model
/// and writes them whole or not at all.
///
/// A session's packet is written only when no error stands in its folder or
/// its group's file; a member's chart only when none stands in the member's
/// folder. The others are skipped and named, so a clean session is never
/// held back by another's mistake and a record with errors never looks final.
public enum Builder {
    public struct Options {
        public var checker: Checker.Options
        /// The output folder (default `<practice>/build`).
        public var output: URL?
        /// Hears how far reading has come (`ProgressLine` shows it on a terminal).
        public var progress: RecordReader.Progress?
        /// With a memo, the build cache is written after the build returns
        /// (`LaterCacheWrites`): `watch`, which says a save is rebuilt as soon
        /// as its records are in place.
        public var writesCacheLater = false
        /// The process ends once the build returns: what it made is left for
        /// the system to take back at exit instead of being freed (`LeftForExit`).
        public var endsTheProcess = false
        /// Told that another build into the same folder is running and this
        /// one waits for it to end (`BuildLock`): the command says so.
        public var waiting: (@Sendable () -> Void)?
        /// The caller holds the output folder's lock already (`submit`, from
        /// its check to its file's link): taken again, from another open
        /// file, the build would wait for itself.
        var holdsLock = false
        /// Runs once the fingerprint is taken: a test's way to save a file
        /// during a build.
        var afterFingerprint: (() -> Void)?

        public init(checker: Checker.Options, output: URL? = nil, progress: RecordReader.Progress? = nil) {
            self.checker = checker
            self.output = output
            self.progress = progress
        }
    }

    public struct Result: Sendable {
        public var report: CheckReport
        public var output: URL
        /// True when nothing changed since the last build, which was given back.
        public var fromCache = false
        /// Every file written, relative to `output`.
        public var written: [String]
        /// practice.yaml has no `edi:` block, so no claims.837 was written
        /// (the build says so, since a missing interchange is easy to miss).
        public var withoutEDI = false
        /// Sessions whose packet was not written, with the rules of their errors.
        public var skippedSessions: [(id: String, rules: [String])]
        public var skippedMembers: [(id: String, rules: [String])]
        /// What the next batch holds.
        public var batch = BatchSummary()
        /// How many outputs were rendered (the others were kept as the last build wrote them).
        public var rendered = 0
        /// True when the saves since the last build changed nothing but
        /// what notes say, and only what they touched was rendered (`TextOnlyBuild`).
        public var fromTextOnlyEdits = false
        /// Outputs of an earlier build that this one does not write and
        /// could not remove (a file locked, a folder read-only): out of
        /// date, and said so, for the user to remove.
        public var notRemoved: [String] = []

        /// What `build` and `watch` say of each output not removed, the
        /// output folder shown as `shown`.
        public func notRemovedLines(shown: String) -> [String] {
            notRemoved.map { "could not remove \(shown)/\($0), which this build no longer writes "
                + "(is it locked, or its folder read-only?): it is out of date; remove it" }
        }
        /// How many documents were parsed (after saves of notes' text
        /// alone, the saved notes; the others were taken from the
        /// cache of compiled documents, or from a long-running command's memo).
        public var parsed = 0
    }

    /// Why the build could not run or write (exit status 2).
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Builds the practice at `root`. A long-running command passes the
    /// `memo` of its last build, so that what has not changed is neither
    /// read nor parsed again, and the state its poll found (`polled`), so
    /// that the practice is neither listed nor stamped twice, with the files
    /// it saw `changed` since an earlier poll: when that is the poll of the
    /// memo's last build, only they are read again. The poll's
    /// stamps are taken only with a memo: a long-running command polls again
    /// and sees a save made after its poll, a single build would not.
    public static func build(_ root: URL, options: Options, memo: DocumentMemo? = nil,
                             polled: FolderState? = nil, changed: FolderState.Changes? = nil) throws(Failure) -> Result {
        let output = OutputPlacement.folder(options.output, practice: root)
        if let problem = OutputPlacement.folderProblem(output, practice: root) { throw Failure(description: problem) }
        let practice: PracticeFolder
        do {
            practice = try PracticeFolder(root: root)
        } catch {
            throw Failure(description: error.description)
        }
        var phases = PhaseTimes()
        memo?.cacheWrites.wait()
        // Held until the cache is written: by the later write's closure in
        // `watch`, or let go as this function returns.
        let lock = options.holdsLock ? nil : BuildLock.take(output, waiting: options.waiting)
        var lockHandedOver = false
        defer { if !lockHandedOver { lock?.release() } }
        let cache = BuildCache(output: output, memo: memo)
        // A long-running command keeps its stamps in its memo; the stamps of
        // the cache are for the next `build`, and writing them at every save
        // of watch (3 MB at 20,000 notes) would be time for nothing.
        // Read while the practice is listed, when this build lists it.
        let (stamped, known) = memo == nil && polled == nil ? BuildCache.listedReading(practice) { [cache] in cache.inputStamps() }
            : (nil, memo == nil ? cache.inputStamps() : nil)
        // A long-running command's first build compiles the practice even
        // when the cache says nothing changed: given back from the cache, it
        // left the memo empty, and the first save then parsed every file
        // (4 s at 20,000 notes, against 2.3 s for the saves after it).
        let memoIsWarm = memo.map { !$0.isEmpty } ?? true
        var fingerprint = BuildCache.fingerprint(practice, options: options.checker, memo: memo, known: known,
                                                 found: polled?.found, stamps: memo == nil ? nil : polled?.ownStamps,
                                                 poll: memo == nil ? nil : polled, changes: changed, keepingParts: memo == nil,
                                                 stamped: stamped)
        phases.mark("fingerprint")
        options.afterFingerprint?()
        if memoIsWarm, let entry = cache.entry(matching: fingerprint.digest) {
            let notRemoved = OutputFolder(root: output).removeLeftovers(besides: Array(entry.outputs.keys))
            if memo == nil { cache.store(fingerprint.stamps, unless: known) }
            var result = Result(cached: entry, digests: fingerprint.digests, found: fingerprint.found, practice: root, output: cache.output)
            result.notRemoved = notRemoved
            // Freeing the files' dictionaries and the result's was 7 % of a
            // build with nothing changed at 20,000 notes (`perf`).
            letGo((fingerprint, known, result), options: options, memo: memo)
            return result
        }
        // Saves of notes' text alone: what they touched is rendered again.
        if memo == nil, let result = TextOnlyBuild.build(practice, options: options, fingerprint: fingerprint, known: known, cache: cache) {
            letGo(fingerprint, options: options, memo: memo)
            return result
        }
        // The bytes are handed over, and each is let go once decoded into
        // the record's sources: a second copy of every file is memory for nothing.
        let preread = PrereadFiles(fingerprint.files, digests: fingerprint.digests, keeping: memo != nil)
        fingerprint.files = [:]
        defer { letGo((preread, fingerprint), options: options, memo: memo) }
        let (entry, result) = try compile(practice, options: options, preread: preread, fingerprint: fingerprint,
                                          memo: memo, cache: cache, phases: &phases)
        // Stored after the build: in `watch`, once its records are in place.
        // (The entry's encoding, 30 MB at 20,000 notes when the dashboard
        // listed every claim, was once the top of the peak; it is about 1 MB
        // now, so `build` stores it with the model still held for the exit,
        // `LeftForExit`: the cold build's peak 247-248 MiB before, 246-251 after.)
        if options.writesCacheLater, let memo {
            lockHandedOver = true
            memo.cacheWrites.later {
                cache.store(entry)
                lock?.release()
            }
        } else {
            phases.mark("end of compile")
            if memo == nil {
                cache.store(entry, stamps: fingerprint.stamps, unless: known)
            } else {
                cache.store(entry)
            }
        }
        phases.mark("store")
        return result
    }

    /// Reads, checks, renders and writes the practice; what the cache
    /// keeps of it, and what the caller is told. Everything else it made
    /// (the model, the claims, the records) is let go when it returns, but
    /// for what a long-running command's memo keeps (`ClaimsMemo`).
    private static func compile(_ practice: PracticeFolder, options: Options, preread: PrereadFiles,
                                fingerprint: BuildCache.Fingerprint, memo: DocumentMemo?, cache: BuildCache,
                                phases: inout PhaseTimes) throws(Failure) -> (BuildCache.Entry, Result) {
        let root = practice.root
        let output = cache.output
        var record: PracticeRecord
        let parsed: Int
        let compiledDocuments: CompiledDocuments.Writer?
        (record, parsed, compiledDocuments) = read(practice, options: options, preread: preread, fingerprint: fingerprint, memo: memo, cache: cache)
        defer { letGo(record, options: options, memo: memo) }
        // The cache of compiled documents goes in place with the outputs, or not at all.
        var committed = false
        defer { if !committed { compiledDocuments?.discard() } }
        if memo == nil { FreedMemory.giveBack() }
        phases.mark("read")
        // The rules are the last to read the notes' bodies: the check lets
        // them go before it builds the claims. A long-running command's memo
        // keeps them for its next rebuild, so there it would be time for no memory.
        let derivedCache = memo == nil ? DerivedCache(folder: cache.folder, writing: true) : nil
        defer { if !committed { derivedCache?.discard() } }
        let checkReport = Checker.check(&record, options: options.checker, memo: memo?.derived,
                                        lettingGoOfNoteBodies: memo == nil, cache: derivedCache)
        if memo == nil { FreedMemory.giveBack() }
        let checked = (record: record, report: checkReport)
        phases.mark("check")
        let records: RecordSet
        do {
            records = try RecordSet(checked: checked.record, report: checked.report, practice: root, today: options.checker.today,
                                    claims: memo?.derived.claims)
        } catch {
            throw Failure(description: error.description)
        }
        defer { letGo((checked, records), options: options, memo: memo) }
        // A template saved between the fingerprint and its reading here:
        // the records are rendered from what was read, and the next build
        // must not take them for renderings of the templates fingerprinted
        // (saved back, they would never be rendered again).
        let templatesAsFingerprinted = BuildCache.environment(today: options.checker.today,
                                                              templateParts: records.templates.practiceParts) == fingerprint.environment
        phases.mark("model")
        options.progress?(1, 1, "rendering records and claims")
        let billing = records.billing
        let reimbursement = records.reimbursement
        // The records whose inputs have not changed since the last build are
        // kept as it wrote them; the others are rendered again.
        let outputKeys = OutputKeys(record: checked.record, report: checked.report, digests: fingerprint.digests,
                                    environment: fingerprint.environment, found: fingerprint.found)
        var keys = outputKeys.keys()
        phases.mark("keys: records")
        keys["attendance.csv"] = outputKeys.attendance()
        phases.mark("keys: attendance")
        let dashboard = records.dashboard()
        phases.mark("keys: dashboard view")
        keys["index.html"] = outputKeys.dashboard(dashboard)
        phases.mark("keys")
        let previous = cache.lastEntry()
        let reused = previous.map { cache.reusable($0, keys: keys) } ?? []
        let staging: OutputFolder.Staging
        do {
            staging = try OutputFolder.Staging(OutputFolder(root: output))
        } catch {
            throw Failure(description: error.description)
        }
        do throws(Failure) {
            do {
                try records.render(into: staging, reusing: reused, givingBackFreedMemory: memo == nil, dashboard: dashboard)
                if memo == nil { FreedMemory.giveBack() }
                // Flushed while the claims files are made (`startFlush`).
                staging.startFlush()
                phases.mark("records")
            } catch {
                throw Failure(description: error.description)
            }
            do {
                let files = ClaimFiles(billing: billing, reimbursement: reimbursement, practice: checked.record.practice,
                                       interchangeHeldBy: checked.report.interchangeHeldBy,
                                       today: options.checker.today)
                try files.write(into: staging, memo: memo?.derived.claims)
            } catch let error as X12Writer.UnsafeValue {
                throw Failure(description: error.description)
            } catch let error as OutputFolder.WriteError {
                throw Failure(description: error.description)
            } catch {
                throw Failure(description: "\(error)")
            }
            phases.mark("claims")
            do {
                try staging.commit()
            } catch {
                throw Failure(description: error.description)
            }
            compiledDocuments?.commit()
            derivedCache?.commit()
            committed = true
        } catch {
            staging.discard()
            throw error
        }
        phases.mark("commit")
        let written = staging.paths
        // Looked up once per record: `written.contains` for each of 2,100
        // records was a scan of 2,100 paths each (at 20,000 notes).
        let writtenNow = Set(written)
        var digests = staging.digests
        for path in reused { digests[path] = previous?.outputs[path] }
        let batch = BatchSummary(billing.batch, written: written.contains("claims.837"))
        let withoutEDI = checked.record.practice.map { $0.edi == nil } ?? false
        var report = checked.report
        // The claims travel in the check's report to the build; the caller
        // does not need them, and holding them would keep them past the build.
        report.billing = nil
        // The lines the printer quotes, read once here (where the printer
        // would have read them) and kept with the diagnostics, so that a
        // build with nothing changed prints them without reading the notes;
        // those of files unchanged since the last build are taken from it.
        if memo == nil {
            report.quoted = TextPrinter.quotedLines(of: report, kept: previous?.quotedLines(unchangedIn: fingerprint.digests) ?? [:])
        }
        // Without the templates fingerprinted, the entry matches no build
        // and vouches for no record: the next build renders every one.
        let entry = BuildCache.Entry(
            fingerprint: templatesAsFingerprinted ? fingerprint.digest : "", diagnostics: report.diagnostics, fileCount: report.fileCount,
            outputs: digests, stamps: cache.stamps(written), keys: templatesAsFingerprinted ? keys.filter { writtenNow.contains($0.key) } : [:],
            skippedSessions: records.skippedSessions.map { BuildCache.Skipped(id: $0.id, rules: $0.rules) },
            skippedMembers: records.skippedMembers.map { BuildCache.Skipped(id: $0.id, rules: $0.rules) }, batch: batch,
            withoutEDI: withoutEDI, quotedLines: BuildCache.Entry.quoted(report.quoted ?? [:], digests: fingerprint.digests),
            // Only `check` asks, from the cache of a `build` (a long-running command writes no stamps).
            claimIDsFirstAttempts: memo == nil && ClaimID.allFirstAttempts(checked.record.services),
            unbuiltClaims: Dictionary(reimbursement.entries.filter { !$0.isBuilt }.map { ($0.claimID, $0.member) }) { first, _ in first })
        return (entry, Result(report: report, output: output, written: written, withoutEDI: withoutEDI,
                              skippedSessions: records.skippedSessions, skippedMembers: records.skippedMembers, batch: batch,
                              rendered: written.count - reused.count, notRemoved: staging.notRemoved, parsed: parsed))
    }
}

extension Builder {
    /// Lets go of what a build made once it returns: left for the exit when
    /// the process ends with the build (`LeftForExit`), freed after the
    /// build has said it is done in `watch` (`LaterCacheWrites.free`),
    /// freed at once otherwise.
    private static func letGo(_ value: Any, options: Options, memo: DocumentMemo?) {
        if options.endsTheProcess {
            LeftForExit.keep(value)
        } else if options.writesCacheLater, let memo {
            memo.cacheWrites.free(value)
        }
    }

    /// Reads the practice, taking the documents whose bytes are unchanged
    /// from the cache of compiled documents (`CompiledDocuments`) and
    /// leaving a new one for the next build. A long-running command keeps
    /// its documents in its memo instead, and neither reads nor writes it.
    private static func read(_ practice: PracticeFolder, options: Options, preread: PrereadFiles,
                             fingerprint: BuildCache.Fingerprint, memo: DocumentMemo?, cache: BuildCache)
        -> (PracticeRecord, parsed: Int, CompiledDocuments.Writer?) {
        let compiled = memo == nil ? CompiledDocuments.read(in: cache.folder) : nil
        let writer = memo == nil ? CompiledDocuments.Writer(in: cache.folder) : nil
        let (record, parsed) = RecordReader.read(practice, progress: options.progress, preread: preread, found: fingerprint.found,
                                                 digests: fingerprint.digests, memo: memo, compiled: compiled, writer: writer)
        return (record, parsed, writer)
    }
}

extension Builder.Result {
    /// The last build given back: its diagnostics, with the source lines
    /// it kept (any other is read again from the files with the digests
    /// this build found).
    init(cached entry: BuildCache.Entry, digests: [String: String], found: [DiscoveredFile], practice root: URL, output: URL) {
        var report = CheckReport(diagnostics: entry.diagnostics, fileCount: entry.fileCount, sources: [:])
        report.reread = SourceRereader(root: root, digests: digests, found: found)
        report.quoted = entry.quotedLines(unchangedIn: digests)
        self.init(report: report,
                  output: output, fromCache: true, written: entry.outputs.keys.sorted(), withoutEDI: entry.withoutEDI,
                  skippedSessions: entry.skippedSessions.map { ($0.id, $0.rules) },
                  skippedMembers: entry.skippedMembers.map { ($0.id, $0.rules) }, batch: entry.batch)
    }
}

extension Builder {
    /// Writes the audit packet of `member` for `from...to` (each defaulting
    /// to the first and last date of service on record) to `output`
    /// (default `<practice>/build/audit/<member>-<from>-<to>.html`).
    public static func auditPacket(_ root: URL, member id: String, from: LocalDate?, to: LocalDate?, output: URL?,
                                   options: Checker.Options) throws(Failure) -> (report: CheckReport, file: URL) {
        let checked: (record: PracticeRecord, report: CheckReport)
        do {
            checked = try GroupChart.check(root, options: options)
        } catch {
            throw Failure(description: error.description)
        }
        guard let member = checked.record.member(id) else {
            let suggestion = NearestName.help(for: id, in: checked.record.members.map(\.id), noun: "member")
            throw Failure(description: "no member \"\(id)\"; \(suggestion)")
        }
        let dates = checked.record.services.filter { $0.member == id }.map(\.date)
        let start = from ?? dates.min() ?? options.today
        let end = to ?? dates.max() ?? options.today
        guard start <= end else { throw Failure(description: "--from \(start) is after --to \(end)") }
        let records: RecordSet
        do {
            records = try RecordSet(checked: checked.record, report: checked.report, practice: root, today: options.today)
        } catch {
            throw Failure(description: error.description)
        }
        let file = output ?? root.appendingPathComponent("build/audit/\(id)-\(start)-\(end).html")
        if let problem = OutputPlacement.fileProblem(file, practice: root, isDefault: output == nil) { throw Failure(description: problem) }
        do {
            try OutputFolder(root: file.deletingLastPathComponent())
                .write(file.lastPathComponent, records.auditPacket(member, period: start...end))
        } catch {
            throw Failure(description: error.description)
        }
        return (checked.report, file)
    }
}
