import Foundation

/// `build` after saves that changed nothing but what notes say, and none
/// of what the checker found: the saved sessions' packets and their
/// members' charts rendered again, every other output kept as the last
/// build wrote it. At 20,000 notes a build after one reworded note still
/// read every document, built every claim, ran the rules and wrote the
/// claim files (1.2 s of a 4 to 5 s cold build); this reads the practice's
/// shell and the sessions of the saved notes' members only.
///
/// It builds only when that gives the outputs, byte for byte, that a
/// build of the whole practice would (`IncrementalEquivalenceTests`), and
/// otherwise gives `nil` and the whole practice is built as before:
/// - `check` would answer from the last build (`TextOnlyEdits`: the same
///   files, each saved one a session's note or progress note that is the
///   build's but for its text, the same errors), and with every diagnostic
///   the build's. Then nothing any output shows but a note's text can
///   differ: the claims and the claim files are made of the same values,
///   attendance.csv of the same attendance logs, and index.html of the
///   same view (it shows no note's text).
/// - The packets of the saved sessions and the charts of the members whose
///   chart reads a saved file (`OutputKeys`: a progress note's member, or
///   every member a saved session names, `Session.namedMembers`) are
///   rendered from the shell and every session that names one of those
///   members: all of those members' services and claims. A claim billed
///   from a session outside that part is not built there, and the
///   reimbursement ledger gives a claim it does not build to a member (by
///   its insurance id, which two members of one family plan share): each
///   chart must show as no longer billed exactly the claims the last
///   build's did (`BuildCache.Entry.unbuiltClaims`).
/// - Every output kept is as the last build wrote it (`BuildCache.areIntact`).
/// - Every document read is the one the fingerprint hashed (a file saved
///   again while it ran is not).
///
/// The entry it leaves has the build's new fingerprint and stamps, the new
/// keys of the records it rendered, and the old keys of those it kept:
/// attendance.csv's key named the old digest of a saved session's note,
/// and the file it keeps is the rendering of those old inputs, so the key
/// still says truly what the file was made of (the next build of the whole
/// practice renders it once more, to the same bytes). The documents and
/// 3-grams it read anew go to the addenda of the cache's files
/// (`CompiledDocuments.writeAddendum`), for the next `check` and build.
enum TextOnlyBuild {
    static func build(_ practice: PracticeFolder, options: Builder.Options, fingerprint: BuildCache.Fingerprint,
                      known: InputStamps?, cache: BuildCache) -> Builder.Result? {
        var phases = PhaseTimes()
        guard let known, let entry = cache.lastEntry(), let compiled = CompiledDocuments.open(in: cache.folder) else { return nil }
        // The templates compiled on a thread of their own while the saves
        // are checked and the part read (7 ms of processor time at each
        // build after an edit); `TemplateLibrary.compiled` keeps the library
        // for the records, or for the whole build when this one declines.
        let compiling = Meanwhile { [root = practice.root] in (try? TemplateLibrary.compiled(practice: root)) != nil }
        guard let answer = TextOnlyEdits.answer(practice, options: options.checker, fingerprint: fingerprint, known: known,
                                                compiled: compiled, entry: entry, cacheFolder: cache.folder),
              let part = answer.part else { return nil }
        guard answer.report.diagnostics == entry.diagnostics else { return declined("the diagnostics changed") }
        let found = fingerprint.found

        // The members whose charts read a saved file.
        var members: Set<String> = []
        for index in answer.saved.keys {
            switch found[index].kind {
            case .progressNote(_, let member):
                members.insert(member)
            case .sessionNote(let id):
                guard let session = part.sessions.first(where: { $0.id == id }) else { return declined("a saved session not read") }
                members.formUnion(session.namedMembers)
            default:
                return declined("a saved file that is not a note")
            }
        }

        // Every session naming one of them, in its attendance log or by a progress note.
        let preread = PrereadFiles(fingerprint.files, digests: fingerprint.digests)
        var readings = answer.readings
        var sessions = answer.sessions
        var sessionNotes: [Int] = []
        for (index, file) in found.enumerated() {
            switch file.kind {
            case .progressNote(let session, let member) where members.contains(member):
                if let folder = PracticeRecord.sessionFolder(of: file.path), folder == "sessions/\(session)" { sessions.insert(folder) }
            case .sessionNote where readings[index] == nil:
                sessionNotes.append(index)
            default:
                break
            }
        }
        // Each log read from the cache up to its end, or the note read whole.
        let logs = ParallelMap.map(sessionNotes) { index -> [String]? in
            let file = found[index]
            if let digest = fingerprint.digests[file.path],
               let payload = compiled.payload(of: file.path, kind: file.kind.key, digest: digest),
               let members = SessionNote.attendingMembers(inEntry: payload) {
                return members
            }
            guard let reading = TextOnlyEdits.reading(file, compiled: compiled, digests: fingerprint.digests, folder: practice,
                                                      preread: preread) else { return nil }
            guard case .sessionNote(_, let note?) = reading.document else { return [] }
            return note.attendance.map(\.member.value)
        }
        guard !logs.contains(where: { $0 == nil }) else { return declined("a file saved again while it was read") }
        for (index, log) in zip(sessionNotes, logs) where log!.contains(where: members.contains) {
            if let folder = PracticeRecord.sessionFolder(of: found[index].path) { sessions.insert(folder) }
        }
        phases.mark("text-only build: sessions of the members")
        let more = found.indices.filter { index in
            readings[index] == nil && (PracticeRecord.sessionFolder(of: found[index].path).map(sessions.contains) ?? false)
        }
        let read = ParallelMap.map(more) { index in
            TextOnlyEdits.reading(found[index], compiled: compiled, digests: fingerprint.digests, folder: practice, preread: preread)
        }
        for (index, reading) in zip(more, read) {
            guard let reading else { return declined("a file saved again while it was read") }
            readings[index] = reading
        }
        let record = RecordReader.assemble(readings.keys.sorted().map { readings[$0]! }, folder: practice).record
        phases.mark("text-only build: read")

        // The claims as a build makes them: held by the errors of the rules
        // that do not read claims (`Checker.check`), the part's claims only.
        var report = answer.report
        let claimRules = Set(RuleRegistry.all.filter(\.readsClaims).map(\.id))
        _ = compiling.take()
        let records: RecordSet
        do {
            var first = report
            first.diagnostics = report.diagnostics.filter { !claimRules.contains($0.rule) }
            // The claims on file that the sessions outside the part build
            // are not planned or listed as no longer billed: at 20,000
            // billed claims, voids planned for 18,000 were 0.2 s.
            let billing = Billing(record: record, report: first, unbuilt: Set(entry.unbuiltClaims.keys))
            records = RecordSet(record: record, report: report, billing: billing,
                                reimbursement: ReimbursementLedger(billing: billing, record: record, today: options.checker.today),
                                templates: try TemplateLibrary.compiled(practice: practice.root), today: options.checker.today)
        } catch {
            return declined("the templates: \(error.description)")
        }
        guard BuildCache.environment(today: options.checker.today, templateParts: records.templates.practiceParts) == fingerprint.environment else {
            return declined("a template was saved during the build")
        }
        // A claim billed from a session outside the part is not built here,
        // and the reimbursement ledger gives a claim it does not build to the
        // member its batch or insurance id names (two members of one family
        // plan share one): each chart rendered here must show as no longer
        // billed exactly the claims the whole practice's did (the build's
        // entry keeps them). Then each is the same claim, given to the same
        // member for the same reason (`TextOnlyBuildTests`).
        var unbuiltNow: [String: Set<String>] = [:], unbuiltBefore: [String: Set<String>] = [:]
        for entry in records.reimbursement.entries where !entry.isBuilt && members.contains(entry.member) {
            unbuiltNow[entry.member, default: []].insert(entry.claimID)
        }
        for (claim, member) in entry.unbuiltClaims where members.contains(member) { unbuiltBefore[member, default: []].insert(claim) }
        guard unbuiltNow == unbuiltBefore else { return declined("a chart would show other claims as no longer billed") }
        let keys = OutputKeys(record: record, report: report, digests: fingerprint.digests, environment: fingerprint.environment,
                              found: found).keys()
        let rendered = Set(answer.sessions.map { "\($0).html" } + members.map { "members/\($0).html" })
        let kept = entry.outputs.keys.filter { !rendered.contains($0) }.sorted()
        guard cache.areIntact(kept, in: entry) else { return declined("an output is not as the last build wrote it") }
        phases.mark("text-only build: model")

        // A note saved again while this ran, or a write that fails: what
        // was staged is taken back and the whole practice is built, which
        // says what failed.
        let staging: OutputFolder.Staging
        do {
            staging = try OutputFolder.Staging(OutputFolder(root: cache.output))
        } catch {
            return declined("writing: \(error.description)")
        }
        do {
            try records.render(only: rendered, into: staging)
            for path in kept { staging.keep(path) }
            try staging.commit()
        } catch {
            staging.discard()
            return declined("writing: \(error.description)")
        }
        phases.mark("text-only build: records")
        let written = staging.paths
        let renderedNow = written.filter { staging.digests[$0] != nil }

        // The documents and 3-grams read anew, for the next build and check.
        let savedPaths = Set(answer.saved.keys.map { found[$0].path })
        let documents = answer.saved.keys.sorted().compactMap { index in
            CompiledDocuments.Entry(found[index], digest: fingerprint.digests[found[index].path], reading: answer.saved[index]!)
        }
        Self.addendum(CompiledDocuments.name, in: cache.folder, replacing: savedPaths, with: documents)
        if let name = DerivedCache.files[NoteTexts.purpose] {
            let texts = answer.noteTexts.compactMap { session, digest, notes in
                (try? CompactCoding.encode(notes)).map {
                    CompiledDocuments.Entry(path: session, kind: NoteTexts.purpose, digest: digest, payload: $0[...])
                }
            }
            Self.addendum(name, in: cache.folder, replacing: Set(answer.noteTexts.map(\.session)), with: texts)
        }
        phases.mark("text-only build: addenda")

        // The answer's report keeps the build's lines of every file but the saved ones (`TextOnlyEdits`).
        report.quoted = TextPrinter.quotedLines(of: report, kept: report.quoted ?? entry.quotedLines(unchangedIn: fingerprint.digests))
        var next = entry
        next.fingerprint = fingerprint.digest
        next.quotedLines = BuildCache.Entry.quoted(report.quoted ?? [:], digests: fingerprint.digests)
        for (path, stamp) in cache.stamps(renderedNow) { next.stamps[path] = stamp }
        for path in renderedNow {
            next.outputs[path] = staging.digests[path]
            next.keys[path] = keys[path]
        }
        cache.store(next, stamps: fingerprint.stamps, unless: known)
        phases.mark("text-only build: store")
        // What it read and made, left for the exit (`LeftForExit`).
        if options.endsTheProcess { LeftForExit.keep((answer, readings, records)) }
        return Builder.Result(report: report, output: cache.output, written: written, withoutEDI: entry.withoutEDI,
                              skippedSessions: entry.skippedSessions.map { ($0.id, $0.rules) },
                              skippedMembers: entry.skippedMembers.map { ($0.id, $0.rules) }, batch: entry.batch,
                              rendered: renderedNow.count, fromTextOnlyEdits: true, notRemoved: staging.notRemoved,
                              parsed: answer.saved.count)
    }

    /// Writes the addendum of the cache file `name` in `folder`: the last
    /// addendum's entries but those of `replaced` paths, and `added`.
    private static func addendum(_ name: String, in folder: URL, replacing replaced: Set<String>, with added: [CompiledDocuments.Entry]) {
        let before = CompiledDocuments.addendumEntries(in: folder, name: name)
        CompiledDocuments.writeAddendum(before.filter { !replaced.contains($0.path) } + added, in: folder, name: name)
    }

    private static func declined<T>(_ why: String) -> T? {
        TextOnlyEdits.declined(why, "build")
    }
}
