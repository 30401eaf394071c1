/// What each record is made from, as one digest: a session packet's or a
/// member chart's key changes whenever anything it shows could, and only
/// then, so that a build re-renders the records an edit touches and keeps
/// the others (architecture.md: outputs keyed by the hashes of what they
/// render). A key covers the build's environment (the program, its
/// templates and the practice's, `--today`), the SHA-256 of every file the
/// record reads, and what the checker decided about them (the diagnostics in
/// those files, which decide what is held and what is skipped). The
/// equivalence tests build incrementally after random edits and compare with
/// a cold build, byte for byte, to keep these lists honest.
struct OutputKeys {
    let record: PracticeRecord
    let report: CheckReport
    /// SHA-256 of each document, by path.
    let digests: [String: String]
    let environment: String
    /// The documents in the order found (by path), when the caller has them.
    var found: [DiscoveredFile]? = nil

    /// `sessions/<id>.html` and `members/<id>.html` to their keys.
    ///
    /// Each part goes straight into the key's hash (`PartsHash`): built as
    /// strings first (`path=digest`, a diagnostic as one line), the parts
    /// of a `watch` save at 20,000 notes were 130 ms of allocation and
    /// copying for a few hundred thousand strings hashed once and dropped.
    func keys() -> [String: String] {
        // Only the folders of the record's sessions and members are asked
        // for: a build after a save of a note's text keys the part of the
        // practice it read (`TextOnlyBuild`), a tenth of the 22,000 files.
        let folders = Set(record.sessions.map { Substring("sessions/\($0.id)") } + record.members.map { Substring("members/\($0.id)") })
        let paths = found?.map(\.path) ?? digests.keys.sorted { $0.precedesInBytes($1) }
        let ascii = Self.areASCII(paths)
        let byFolder = Self.grouped(paths, digests, in: folders, ascii: ascii)
        let diagnostics = Dictionary(grouping: report.diagnostics, by: \.location.file)
        // The billing history every chart shows, hashed once for all of them.
        var historyHash = PartsHash(environment: "")
        for (path, digest) in Self.history(paths, digests, ascii: ascii) { historyHash.add(file: path, digest: digest) }
        let history = historyHash.hex
        // Each key reads only the model and the digests: they are made on
        // every core (the keys stage of a rebuild in watch at 20,000 notes
        // was 0.2 s on one).
        let sessions = ParallelMap.map(record.sessions) { session -> (key: String, named: Set<String>, groupFile: String?, skippedBecause: [Diagnostic]) in
            let named = session.namedMembers
            let groupFile = session.note.flatMap { record.group(of: $0)?.file }
            var hash = PartsHash(environment: environment)
            hash.add("packet")
            hash.add(session.id)
            for (path, digest) in byFolder[Substring("sessions/\(session.id)")] ?? [] { hash.add(file: path, digest: digest) }
            add(groupFile, to: &hash)
            add("practice.yaml", to: &hash)
            for member in named.sorted() { add(record.member(member)?.profileFile, to: &hash) }
            for diagnostic in said(in: [session.noteFile] + (groupFile.map { [$0] } ?? []), diagnostics) {
                hash.add(diagnostic)
            }
            // Whether the packet was skipped (its errors), which each of its
            // members' charts says: worked out once per session, not once
            // per member and session.
            return (hash.hex, named, groupFile, said(in: bySessionFiles(session, groupFile: groupFile), diagnostics, errorsOnly: true))
        }
        var keys: [String: String] = [:]
        // Each member's sessions by index: a copy of each `Session` (several
        // hundred bytes inline) for each member named in it was 20 MiB of a
        // build's peak at 20,000 notes.
        var grouping: [String: [Int]] = [:]
        for (index, (session, made)) in zip(record.sessions, sessions).enumerated() {
            keys["sessions/\(session.id).html"] = made.key
            for member in made.named { grouping[member, default: []].append(index) }
        }
        let sessionsOf = grouping
        // Each chart reads some 600 files: their paths and digests go
        // straight into the hash, and only those with a diagnostic are kept
        // (as arrays of every path read, the charts' keys were 40 % of the
        // keys stage of a save at 20,000 notes).
        let charts = ParallelMap.map(record.members) { member -> String in
            var hash = PartsHash(environment: environment)
            hash.add("chart")
            hash.add(member.id)
            for (path, digest) in byFolder[Substring("members/\(member.id)")] ?? [] { hash.add(file: path, digest: digest) }
            add("practice.yaml", to: &hash)
            hash.add(history)
            var diagnosed: Set<String> = []
            func read(_ path: String?) {
                if let path, diagnostics[path] != nil { diagnosed.insert(path) }
            }
            for path in ["practice.yaml", member.profileFile] + member.plans.map(\.file) + member.individualNotes.map(\.file) { read(path) }
            for index in sessionsOf[member.id] ?? [] {
                // Asked of the session where it stands: a copy of each
                // `Session` was most of the retains of the keys stage.
                let note = record.sessions[index].progressNoteFile(for: member.id)
                let noteFile = record.sessions[index].noteFile
                let group = sessions[index].groupFile
                hash.add("session")
                hash.add(record.sessions[index].id)
                add(noteFile, to: &hash)
                add(note, to: &hash)
                add(group, to: &hash)
                read(noteFile)
                read(note)
                read(group)
                for diagnostic in sessions[index].skippedBecause { hash.add(diagnostic) }
            }
            for diagnostic in said(in: diagnosed, diagnostics) { hash.add(diagnostic) }
            return hash.hex
        }
        for (member, key) in zip(record.members, charts) { keys["members/\(member.id).html"] = key }
        return keys
    }

    /// attendance.csv's key: each session it lists (those not skipped) by
    /// its id and its note's digest, and every group's file (the rosters
    /// say who was not recorded). At 20,000 notes the table took 35 ms of
    /// each `watch` save that changed none of it.
    func attendance() -> String {
        var hash = PartsHash(environment: environment)
        hash.add("attendance")
        for session in record.sessions {
            hash.add(session.id)
            add(session.noteFile, to: &hash)
        }
        for group in record.groups { add(group.file, to: &hash) }
        return hash.hex
    }

    /// index.html's key: the digest of the dashboard's view, which is all
    /// the template shows (`nil`, never kept, when it cannot be encoded).
    /// Made of the view rather than of what the view is made of, because
    /// the dashboard reads nearly everything (every session, diagnostic
    /// and claim) but changes with few saves: rendering it was 85 to 105 ms
    /// of each `watch` save at 20,000 notes.
    func dashboard(_ view: IndexPage.View) -> String? {
        guard let bytes = try? CompactCoding.encode(view) else { return nil }
        var hash = PartsHash(environment: environment)
        hash.add("index")
        hash.add(SignedText.digest(of: bytes))
        return hash.hex
    }

    private func bySessionFiles(_ session: Session, groupFile: String?) -> [String] {
        [session.noteFile] + session.progressNotes.map(\.file) + (groupFile.map { [$0] } ?? [])
    }

    /// A file's path and digest (`absent` for one not read); nothing for `nil`.
    private func add(_ path: String?, to hash: inout PartsHash) {
        if let path { hash.add(file: path, digest: digests[path] ?? "absent") }
    }

    /// What the checker said in `paths`, which a record may show or act
    /// on, by path in order. Only the paths with diagnostics are sorted: a
    /// chart reads some 600 files, few of which have any.
    private func said(in paths: some Sequence<String>, _ diagnostics: [String: [Diagnostic]], errorsOnly: Bool = false) -> [Diagnostic] {
        var seen: Set<String> = []
        var found: [String] = []
        for path in paths where diagnostics[path] != nil && seen.insert(path).inserted { found.append(path) }
        return found.sorted().flatMap { path in
            (diagnostics[path] ?? []).filter { !errorsOnly || $0.severity == .error }
        }
    }

    /// The path and digest of every file in `sessions/<id>/` and
    /// `members/<id>/`, by that folder, in the order of `paths` (sorted by
    /// path, so that a folder's files stand together: each folder's list
    /// is made in one go, not appended to in a dictionary and sorted, which
    /// was a sixth of the keys stage of a save at 20,000 notes, and found
    /// by `paths(_:startingWith:)`). Only the `folders` given are asked for.
    static func grouped(_ paths: [String], _ digests: [String: String], in folders: Set<Substring>,
                        ascii: Bool? = nil) -> [Substring: [(path: String, digest: String)]] {
        guard ascii ?? Self.areASCII(paths) else { return groupedByScan(paths, digests, in: folders) }
        var grouped: [Substring: [(path: String, digest: String)]] = [:]
        for folder in folders {
            let files = Self.paths(paths, startingWith: folder + "/").compactMap { path in digests[path].map { (path, $0) } }
            if !files.isEmpty { grouped[folder] = files }
        }
        return grouped
    }

    /// `grouped` by walking every path, cut at its folder and looked up:
    /// for paths beyond ASCII, where a folder's name and a path's may be
    /// the same string (canonically equivalent) in other bytes, which a
    /// search by bytes would tell apart and the record does not.
    private static func groupedByScan(_ paths: [String], _ digests: [String: String],
                                      in folders: Set<Substring>) -> [Substring: [(path: String, digest: String)]] {
        var grouped: [Substring: [(path: String, digest: String)]] = [:]
        var folder: Substring?
        var files: [(path: String, digest: String)] = []
        for path in paths {
            guard let containing = PracticeRecord.recordFolder(containing: path),
                  containing == folder || folders.contains(containing), let digest = digests[path] else { continue }
            if containing != folder {
                if let folder { grouped[folder, default: []] += files }
                folder = containing
                files = []
            }
            files.append((path, digest))
        }
        if let folder { grouped[folder, default: []] += files }
        return grouped
    }

    /// The billing history's files (submissions, acknowledgments and
    /// remittances) with their digests, in the order the key hashes them.
    private static func history(_ paths: [String], _ digests: [String: String], ascii: Bool) -> [(path: String, digest: String)] {
        guard ascii else {
            return digests.filter { path, _ in
                path.hasPrefix("submissions/") || path.hasPrefix("acknowledgments/") || path.hasPrefix("remittances/")
            }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        }
        // In path order, which is `<`'s for ASCII.
        return ["acknowledgments/", "remittances/", "submissions/"].flatMap { folder in
            Self.paths(paths, startingWith: folder).compactMap { path in digests[path].map { (path, $0) } }
        }
    }

    /// Whether every path is plain ASCII, whose strings are equal only when their bytes are.
    private static func areASCII(_ paths: [String]) -> Bool {
        paths.allSatisfy { path in
            var path = path
            return path.withUTF8 { UnsafeRawBufferPointer($0).isASCII() }
        }
    }

    /// The run of `paths` (in path order, `precedesInBytes`, as `discover`
    /// lists them) that start with `prefix`, found by a binary search for
    /// where it begins: a build after a save keys a few hundred folders,
    /// and walking all 22,000 paths for them (each cut at its folder and
    /// looked up) was 1.3 % of it, the billing history's filter of every
    /// digest 1 % more (`perf`).
    static func paths(_ paths: [String], startingWith prefix: String) -> ArraySlice<String> {
        var low = 0
        var high = paths.count
        while low < high {
            let middle = (low + high) / 2
            if paths[middle].precedesInBytes(prefix) { low = middle + 1 } else { high = middle }
        }
        var end = low
        while end < paths.count, paths[end].utf8.starts(with: prefix.utf8) { end += 1 }
        return paths[low..<end]
    }
}

extension PartsHash {
    /// The hash of a record's key, which starts with the build's environment.
    init(environment: String) {
        self.init()
        add(environment)
    }

    /// `path=digest`.
    mutating func add(file path: String, digest: String) {
        add(path, ending: UInt8(ascii: "="))
        add(digest)
    }

    /// Where a diagnostic stands, its severity, rule and message.
    mutating func add(_ diagnostic: Diagnostic) {
        add(diagnostic.location.file, ending: 1)
        add(number: diagnostic.location.line)
        add(number: diagnostic.location.column)
        add(diagnostic.severity.rawValue, ending: 1)
        add(diagnostic.rule, ending: 1)
        add(diagnostic.message)
    }
}
