import Foundation

/// `check` after saves that changed nothing but what notes say: the last
/// build's diagnostics, with those that read the saved notes' text found
/// again. At 20,000 notes a check from the build's cache still decoded
/// every document, assembled the practice, built every claim and ran every
/// rule (0.8 s) for a word changed in one note; this reads the practice's
/// shell and the saved notes' sessions only.
///
/// It answers only when it can answer exactly what a check of the whole
/// practice would (`IncrementalEquivalenceTests` compares the two after
/// random edits), and otherwise gives `nil` and the check runs as before:
/// - The build's files are known: the stamps it kept (`InputStamps`) name
///   every file found now with the digest the build read, and those
///   digests, with the environment and options, make the fingerprint of
///   the build's entry. So the files are the same, and only those whose
///   digest changed were saved since.
/// - Each saved file is a session's note or a progress note whose
///   document is the build's but for its text: the same with their bodies
///   and the digests of their current text let go
///   (`PracticeRecord.withoutNoteBodies`), read findings included. The
///   rules that read the whole practice (authorization, same-day
///   services, claims) read nothing else of a note, and the claims are
///   built from the same values (`ClaimInputs`); so their findings stand.
/// - The rules that read one session at a time, `similar-notes` and `templated-notes` are
///   run on the shell and the saved sessions (`SessionScopedFindings`
///   argues why that is exact); `cloned-note` on the timelines of their
///   members, the other sessions' 3-grams taken from the build's
///   `note-texts.bin` under their keys (any missing: `nil`).
/// - The build's claim ids were all first attempts, so the part's ids are
///   the whole's; and the errors are the build's, so no claim is held
///   that was not (else the claims, and the rules that read them, could
///   differ).
enum TextOnlyEdits {
    /// More saved files than this and the whole practice is checked.
    static let most = 64

    /// What a check of the saves found, for a build to render what they touched (`TextOnlyBuild`).
    struct Answer {
        var report: CheckReport
        /// The indices (in the files found) of the saved files, with their documents read now.
        var saved: [Int: DocumentReading] = [:]
        /// The folders of their sessions (`sessions/<id>`).
        var sessions: Set<Substring> = []
        /// The documents of the shell and the saved sessions, by index.
        var readings: [Int: DocumentReading] = [:]
        /// The shell and the saved sessions, assembled; `nil` when nothing was saved.
        var part: PracticeRecord?
        /// The 3-grams of the saved sessions' notes, by session id, as the
        /// build cache keeps them: under the SHA-256 of their key (`DerivedCache`).
        var noteTexts: [(session: String, digest: String, notes: [NoteTexts.Note])] = []
    }

    /// The report of a check of `folder` with `options`, from the build
    /// whose cache is `cacheFolder` and entry `entry`; `nil` when the saves
    /// since are not text-only edits, or anything needed is missing.
    static func report(_ folder: PracticeFolder, options: Checker.Options, fingerprint: BuildCache.Fingerprint,
                       known: InputStamps, compiled: CompiledDocuments, entry: BuildCache.Entry, cacheFolder: URL) -> CheckReport? {
        answer(folder, options: options, fingerprint: fingerprint, known: known, compiled: compiled, entry: entry,
               cacheFolder: cacheFolder)?.report
    }

    /// `report`, with what it read.
    static func answer(_ folder: PracticeFolder, options: Checker.Options, fingerprint: BuildCache.Fingerprint,
                       known: InputStamps, compiled: CompiledDocuments, entry: BuildCache.Entry, cacheFolder: URL) -> Answer? {
        var phases = PhaseTimes()
        guard entry.claimIDsFirstAttempts else { return declined("the build's claim ids were not all first attempts") }
        let found = fingerprint.found
        guard let parts = fingerprint.parts, parts.digests.count == found.count else {
            return declined("the fingerprint kept no parts")
        }
        // What the build read of each file, and which were saved since.
        var built: [String: String] = [:]
        var saved: [Int] = []
        let recorded = known.matching(found)
        for (index, file) in found.enumerated() {
            let now = parts.digests[index], then = recorded[index]?.digest
            // A link to a folder is never read, so it has no digest.
            if now == nil, then == nil, file.kind == .linkedFolder || file.kind == .unreadableFolder { continue }
            guard let now, let then else { return declined("a file without a digest") }
            if now != then {
                saved.append(index)
                built[file.path] = then
            }
        }
        guard saved.count <= most else { return declined("\(saved.count) files saved") }
        guard let hashed = FingerprintedFiles.hashed(parts.hashed, starts: parts.starts, found: found, digests: built, changing: saved),
              BuildCache.digest(environment: fingerprint.environment, options: options, files: hashed) == entry.fingerprint else {
            return declined("the stamps and the build's entry disagree")
        }
        var report = CheckReport(diagnostics: entry.diagnostics, fileCount: entry.fileCount, sources: [:])
        report.reread = SourceRereader(root: folder.root, digests: fingerprint.digests, found: found)
        // Every file but the saved ones has the digest the build read (the fingerprint above says so).
        report.quoted = entry.quotedLines(except: saved.map { found[$0].path })
        report.answeredByTextOnlyEdits = saved.count
        phases.mark("text-only: what was saved")
        if saved.isEmpty { return Answer(report: report) }

        // Each saved file as read now, the same as the build's but for its text.
        let preread = PrereadFiles(fingerprint.files, digests: fingerprint.digests)
        var readNow: [Int: DocumentReading] = [:]
        var sessions: Set<Substring> = []
        for index in saved {
            let file = found[index]
            guard let session = RecordReader.sessionID(of: file.kind), let inFolder = PracticeRecord.sessionFolder(of: file.path),
                  inFolder == "sessions/\(session)",
                  let before = compiled.document(file, digest: built[file.path])?.reading else {
                return declined("a saved file that is not a session's note or progress note")
            }
            let now = DocumentReading.read(file, in: folder, preread: preread)
            guard now.file?.sha256 == fingerprint.digests[file.path] else { return declined("a file saved again while it was read") }
            guard let shape = Self.shape(now), shape == Self.shape(before) else {
                return declined("a saved note changed more than its text")
            }
            readNow[index] = now
            sessions.insert(inFolder)
        }
        // A session is one folder: no other folder's name reads as the same session.
        let ids = Set(sessions.map { String($0.dropFirst("sessions/".count)) })
        for file in found {
            if let session = RecordReader.sessionID(of: file.kind), ids.contains(session),
               PracticeRecord.sessionFolder(of: file.path) != "sessions/\(session)"[...] {
                return declined("a session in two folders")
            }
        }

        // The shell and the saved sessions, as a check of the whole would
        // cut them out of it (`PracticeRecord.keepingSessionFolders`), on every core.
        let inPart = found.indices.filter { index in
            PracticeRecord.sessionFolder(of: found[index].path).map(sessions.contains) ?? true
        }
        let saves = readNow
        let read = ParallelMap.map(inPart) { index -> DocumentReading? in
            saves[index] ?? Self.reading(found[index], compiled: compiled, digests: fingerprint.digests, folder: folder, preread: preread)
        }
        let readings = read.compactMap { $0 }
        guard readings.count == read.count else { return declined("a file saved again while it was read") }
        let part = RecordReader.assemble(readings, folder: folder).record
        phases.mark("text-only: the shell and the saved sessions")
        let settings = RuleSettings(part.practice?.ruleSettings ?? [], rules: RuleRegistry.all)
        let enabled = Checker.enabled(RuleRegistry.all, settings: settings)
        let regions = part.practice?.regions ?? []
        // Its findings are kept only in the saved sessions, whose claims' histories are all it reads.
        let analysis = Analysis(record: part)
        analysis.ledgerOfOwnClaimsOnly = true
        let inSaved = { (path: String) in PracticeRecord.sessionFolder(of: path).map(sessions.contains) ?? false }

        // The rules of one session at a time, and the two that read a session's notes' 3-grams and counts.
        let local = enabled.filter { $0.isSessionLocal || [SimilarNotesRule().id, TemplatedNotesRule().id].contains($0.id) }
        // Such a rule reads no claims (`SessionLocalRuleTests`); one that did would find nothing here.
        guard !local.contains(where: \.readsClaims) else { return declined("a rule of one session reads claims") }
        let again = Checker.diagnostics(of: local, Checker.findings(of: local, in: analysis, options: options, settings: settings, billing: nil),
                                        options: options, settings: settings, regions: regions)
            .filter { inSaved($0.location.file) }
        phases.mark("text-only: rules of one session")
        let localIDs = Set(local.map(\.id))
        var replaced = { (diagnostic: Diagnostic) in localIDs.contains(diagnostic.rule) && inSaved(diagnostic.location.file) }

        // cloned-note, on the timelines of the saved sessions' members.
        var cloned: [Diagnostic] = []
        if let rule = enabled.first(where: { $0.id == ClonedNoteRule().id }) {
            guard let timelines = Self.timelines(of: analysis, sessions: sessions, found: found, digests: fingerprint.digests,
                                                 cacheFolder: cacheFolder) else {
                return declined("a member's timeline is not in note-texts.bin")
            }
            let threshold = settings.parameters[rule.id]?[ClonedNoteRule.threshold.name] ?? ClonedNoteRule.threshold.defaultValue
            let findings = timelines.notes.keys.sorted().flatMap { ClonedNoteRule.findings(in: timelines.notes[$0]!, threshold: threshold) }
            cloned = Checker.diagnostics(of: [rule], [findings], options: options, settings: settings, regions: regions)
            let files = timelines.files
            let before = replaced
            replaced = { before($0) || ($0.rule == rule.id && files.contains($0.location.file)) }
        }

        phases.mark("text-only: cloned-note")
        let diagnostics = entry.diagnostics.filter { !replaced($0) } + again + cloned
        // The errors decide which claims are held: other errors, other claims.
        guard CheckReport.ordered(diagnostics.filter { $0.severity == .error })
                == CheckReport.ordered(entry.diagnostics.filter { $0.severity == .error }) else {
            return declined("the errors changed")
        }
        report.diagnostics = CheckReport.ordered(diagnostics)
        return Answer(report: report, saved: readNow, sessions: sessions,
                      readings: Dictionary(uniqueKeysWithValues: zip(inPart, readings)), part: part,
                      noteTexts: Self.keyed(analysis.noteTexts, of: part, found: found, digests: fingerprint.digests))
    }

    /// The saved sessions' 3-grams under the keys a check of the whole
    /// would keep them under (those of `timelines`).
    private static func keyed(_ texts: NoteTexts, of part: PracticeRecord, found: [DiscoveredFile],
                              digests: [String: String]) -> [(session: String, digest: String, notes: [NoteTexts.Note])] {
        let names = NoteSimilarity(record: part).namesKey
        return zip(part.sessions, texts.sessions).compactMap { session, notes in
            let readable = session.progressNotes.filter(\.isReadable)
            guard let key = NoteTexts.key(session: session.id, sessionNote: session.note?.file,
                                          notes: readable.map { ($0.file, $0.member) }, names: names,
                                          digest: { digests[$0] ?? "" }) else { return nil }
            return (session.id, SignedText.digest(of: Analysis.cacheKey(key, for: NoteTexts.purpose)), notes)
        }
    }

    /// `nil`, saying why when the phases are timed (`GROUPCHART_PHASES`):
    /// no text-only `check` (or `build`, `TextOnlyBuild`).
    static func declined<T>(_ why: String, _ what: String = "check") -> T? {
        if ProcessInfo.processInfo.environment["GROUPCHART_PHASES"] != nil {
            FileHandle.standardError.write(Data("groupchart: no text-only \(what): \(why)\n".utf8))
        }
        return nil
    }

    /// The document of `file` as the build cache holds it under the digest
    /// the fingerprint found, or read; `nil` when the bytes read are not
    /// those (saved again since): what is derived from it would be kept
    /// under a digest it was not made from.
    static func reading(_ file: DiscoveredFile, compiled: CompiledDocuments, digests: [String: String],
                        folder: PracticeFolder, preread: PrereadFiles) -> DocumentReading? {
        if let kept = compiled.document(file, digest: digests[file.path])?.reading { return kept }
        let read = DocumentReading.read(file, in: folder, preread: preread)
        return read.file?.sha256 == digests[file.path] ? read : nil
    }

    /// A session's note or a progress note as the rules that read the
    /// whole practice see it: without its text, its body and the digest of
    /// its current text; `nil` for any other document.
    static func shape(_ reading: DocumentReading) -> DocumentReading? {
        var reading = reading
        reading.file = nil
        switch reading.document {
        case .progressNote(let session, var note):
            PracticeRecord.bare(&note.content.body)
            PracticeRecord.bare(&note.signature, keepingCurrentDigest: false)
            reading.document = .progressNote(session: session, note)
        case .sessionNote(let session, var note?):
            PracticeRecord.bare(&note.body)
            PracticeRecord.bare(&note.signature, keepingCurrentDigest: false)
            reading.document = .sessionNote(session: session, note)
        default:
            return nil
        }
        return reading
    }

    /// Each member of the saved sessions with the 3-grams of every group
    /// note of theirs (`NoteTexts.Note`), and the files of those notes:
    /// the saved sessions' made from `analysis` (of the part), the others'
    /// taken from the build's `note-texts.bin` under the key a check of the
    /// whole would give them (`NoteTexts`); `nil` when one is not there.
    private static func timelines(of analysis: Analysis, sessions saved: Set<Substring>, found: [DiscoveredFile],
                                  digests: [String: String], cacheFolder: URL)
        -> (notes: [String: [NoteTexts.Note]], files: Set<String>)? {
        let texts = analysis.noteTexts
        var notes: [String: [NoteTexts.Note]] = [:]
        for session in texts.sessions {
            for note in session where note.date != nil { notes[note.member, default: []].append(note) }
        }
        let members = Set(notes.keys)
        // Every session's files in path order (its key names them all), and
        // the files of the members' notes.
        var bySession: [String: (sessionNote: String?, notes: [(file: String, member: String)])] = [:]
        var files: Set<String> = []
        for file in found {
            switch file.kind {
            case .progressNote(let session, let member):
                bySession[session, default: (nil, [])].notes.append((file.path, member))
                if members.contains(member) { files.insert(file.path) }
            case .sessionNote(let session):
                bySession[session, default: (nil, [])].sessionNote = file.path
            default:
                break
            }
        }
        let others = bySession.filter { session, parts in
            !saved.contains("sessions/\(session)"[...]) && parts.notes.contains { members.contains($0.member) }
        }
        guard !others.isEmpty else { return (notes, files) }
        // The 3-grams of every session, by session id and the SHA-256 of its key.
        guard let name = DerivedCache.files[NoteTexts.purpose], let kept = CompiledDocuments.open(in: cacheFolder, name: name) else {
            return declined("no note-texts.bin")
        }
        let names = NoteSimilarity(record: analysis.record).namesKey
        let decoded = ParallelMap.map(others.keys.sorted()) { session -> [NoteTexts.Note]? in
            let parts = others[session]!
            // Its notes taken as readable: one that is not gives another key, which finds nothing.
            guard let key = NoteTexts.key(session: session, sessionNote: parts.sessionNote, notes: parts.notes, names: names,
                                          digest: { digests[$0] ?? "" }),
                  let payload = kept.payload(of: session, kind: NoteTexts.purpose,
                                             digest: SignedText.digest(of: Analysis.cacheKey(key, for: NoteTexts.purpose)))
            else { return nil }
            return try? CompactCoding.decode([NoteTexts.Note].self, from: payload)
        }
        for session in decoded {
            guard let session else { return declined("a session's 3-grams are not in note-texts.bin") }
            for note in session where note.date != nil && members.contains(note.member) {
                notes[note.member, default: []].append(note)
            }
        }
        return (notes, files)
    }
}
