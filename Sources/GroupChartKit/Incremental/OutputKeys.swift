import Crypto

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

    /// `sessions/<id>.html` and `members/<id>.html` to their keys.
    func keys() -> [String: String] {
        let bySession = Self.grouped(digests, under: "sessions/")
        let byMember = Self.grouped(digests, under: "members/")
        let diagnostics = Dictionary(grouping: report.diagnostics, by: \.location.file)
        let history = digests.filter { path, _ in
            path.hasPrefix("submissions/") || path.hasPrefix("acknowledgments/") || path.hasPrefix("remittances/")
        }.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        // Each key reads only the model and the digests: they are made on
        // every core (the keys stage of a rebuild in watch at 20,000 notes
        // was 0.2 s on one).
        let sessions = ParallelMap.map(record.sessions) { session -> (key: String, named: Set<String>, skippedBecause: [String]) in
            let named = Set((session.note?.attendance.map(\.member.value) ?? []) + session.progressNotes.map(\.member))
            var parts = ["packet", session.id] + (bySession[session.id] ?? [])
            parts += files([session.note.flatMap { record.group(of: $0)?.file }, "practice.yaml"])
            parts += files(named.sorted().map { record.member($0)?.profileFile })
            parts += said(in: [session.noteFile] + (session.note.flatMap { record.group(of: $0)?.file }.map { [$0] } ?? []), diagnostics)
            // Whether the packet was skipped (its errors), which each of its
            // members' charts says: worked out once per session, not once
            // per member and session.
            return (digest(parts), named, said(in: bySessionFiles(session), diagnostics, errorsOnly: true))
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
        let charts = ParallelMap.map(record.members) { member -> String in
            var parts = ["chart", member.id] + (byMember[member.id] ?? []) + files(["practice.yaml"]) + history
            var read = ["practice.yaml", member.profileFile] + member.plans.map(\.file) + member.individualNotes.map(\.file)
            for index in sessionsOf[member.id] ?? [] {
                let session = record.sessions[index], skippedBecause = sessions[index].skippedBecause
                let note = session.progressNote(for: member.id)?.file
                let group = session.note.flatMap { record.group(of: $0)?.file }
                parts += ["session \(session.id)"] + files([session.noteFile, note, group])
                read += [session.noteFile, note, group].compactMap { $0 }
                parts += skippedBecause
            }
            parts += said(in: read, diagnostics)
            return digest(parts)
        }
        for (member, key) in zip(record.members, charts) { keys["members/\(member.id).html"] = key }
        return keys
    }

    private func bySessionFiles(_ session: Session) -> [String] {
        [session.noteFile] + session.progressNotes.map(\.file) + (session.note.flatMap { record.group(of: $0)?.file }.map { [$0] } ?? [])
    }

    /// `path=digest` of each file, `path=absent` for one not read.
    private func files(_ paths: [String?]) -> [String] {
        paths.compactMap { $0 }.map { "\($0)=\(digests[$0] ?? "absent")" }
    }

    /// What the checker said in `paths`, which a record may show or act on.
    private func said(in paths: [String], _ diagnostics: [String: [Diagnostic]], errorsOnly: Bool = false) -> [String] {
        Set(paths).sorted().flatMap { path in
            (diagnostics[path] ?? []).filter { !errorsOnly || $0.severity == .error }
                .map { "\($0.location) \($0.severity.rawValue) \($0.rule) \($0.message)" }
        }
    }

    private func digest(_ parts: [String]) -> String {
        var hash = SHA256()
        Self.update(&hash, environment)
        for part in parts {
            Self.update(&hash, part)
            withUnsafeBytes(of: UInt8(0)) { hash.update(bufferPointer: $0) }
        }
        return SignedText.hex(hash.finalize())
    }

    /// Hashes the text's UTF-8 where it lies, without an array per part
    /// (a watch rebuild at 20,000 notes hashes a few hundred thousand parts).
    private static func update(_ hash: inout SHA256, _ text: String) {
        var text = text
        text.withUTF8 { hash.update(bufferPointer: UnsafeRawBufferPointer($0)) }
    }

    /// `path=digest` of every file below `<folder><id>/`, by id.
    static func grouped(_ digests: [String: String], under folder: String) -> [String: [String]] {
        var grouped: [String: [String]] = [:]
        for (path, digest) in digests where path.hasPrefix(folder) {
            let rest = path.dropFirst(folder.count)
            guard let slash = rest.firstIndex(of: "/") else { continue }
            grouped[String(rest[..<slash]), default: []].append("\(path)=\(digest)")
        }
        return grouped.mapValues { $0.sorted() }
    }
}
