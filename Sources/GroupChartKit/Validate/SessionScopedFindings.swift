/// The findings of the rules that read one session at a time
/// (`Rule.isSessionLocal`), kept per session folder and for the shell
/// (everything outside `sessions/`, `PracticeRecord.keepingSessionFolders`)
/// so that a check after an edit runs them on the shell and the sessions
/// whose files changed only, and takes every other session's findings as
/// the last check made them.
///
/// A session's findings are kept under the digests and paths of its files
/// and the key of the shell; the shell's under the digests and paths of
/// every file outside `sessions/`, the date of the check, where the user
/// stands (help names paths as typed from there) and the rules run. When
/// the shell changed (a member, a plan, practice.yaml), every session's
/// key changed with it and the rules run over the whole practice, as
/// without a memo. `watch` and `serve` keep them in their `DerivedMemo`;
/// a build in its cache (`session-rules.bin`, `DerivedCache`) for the next
/// build and `check`.
///
/// Why this is exact: such a rule's findings in a session's folder depend
/// on that session and the shell alone, and its findings outside
/// `sessions/` on the shell alone, so running it on the shell and some
/// sessions gives exactly their findings (`SessionLocalRuleTests` checks
/// each rule so marked against a run over the whole practice).
enum SessionScopedFindings {
    static let purpose = "session-rules"

    /// One rule's findings in one part.
    struct RuleFindings: Codable, Sendable {
        var rule: String
        var findings: [Finding]
    }

    /// The shell and the session folders of a record, with their keys
    /// (`nil`: a file without a digest, so nothing is kept).
    struct Parts {
        var shell: String?
        /// `sessions/<id>`, in path order, and its key.
        var folders: [(name: Substring, key: String?)]
    }

    /// The findings of `rules`, each in the order the rules were given:
    /// `run` runs them over a record's analysis. Kept per part when the
    /// analysis has a memo or a cache (`extra` names what else decides
    /// them: the date, where the user stands).
    static func findings(of rules: [any Rule], in analysis: Analysis, extra: [String],
                         run: ([any Rule], Analysis) -> [[Finding]]) -> [[Finding]] {
        guard analysis.keepsDerived, !rules.isEmpty else { return run(rules, analysis) }
        let ids = rules.map(\.id)
        let parts = parts(of: analysis.record, extra: extra + ids)
        guard let shellKey = parts.shell,
              let shell: [RuleFindings] = analysis.kept(purpose, key: shellKey, cachedAs: ("", 0)) else {
            let all = run(rules, analysis)
            keep(all, of: ids, in: parts, analysis: analysis, folders: Array(parts.folders.indices), shell: true)
            return all
        }
        var kept: [[RuleFindings]?] = parts.folders.enumerated().map { index, folder in
            analysis.kept(purpose, key: folder.key, cachedAs: (String(folder.name), index + 1))
        }
        let missed = kept.indices.filter { kept[$0] == nil }
        if !missed.isEmpty {
            let slice = analysis.record.keepingSessionFolders(Set(missed.map { parts.folders[$0].name }))
            let found = run(rules, Analysis(record: slice))
            let made = keep(found, of: ids, in: parts, analysis: analysis, folders: missed, shell: false)
            for (index, findings) in zip(missed, made) { kept[index] = findings }
        }
        // Each rule's findings: the shell's, then each session's in path order.
        var byRule = Dictionary(uniqueKeysWithValues: ids.map { ($0, [Finding]()) })
        for part in [shell] + kept.map({ $0 ?? [] }) {
            for entry in part { byRule[entry.rule]?.append(contentsOf: entry.findings) }
        }
        return ids.map { byRule[$0] ?? [] }
    }

    /// Splits `found` (per rule) by the part each finding stands in and
    /// keeps each of `folders` (indices into `parts.folders`) and, when
    /// `shell`, the shell's; gives back the folders' findings in that order.
    @discardableResult
    private static func keep(_ found: [[Finding]], of ids: [String], in parts: Parts, analysis: Analysis,
                             folders: [Int], shell: Bool) -> [[RuleFindings]] {
        let position = Dictionary(uniqueKeysWithValues: folders.enumerated().map { (parts.folders[$1].name, $0 + 1) })
        // Bucket 0 is the shell; a finding in a folder not asked for stays there.
        var buckets = Array(repeating: [RuleFindings](), count: folders.count + 1)
        for (id, findings) in zip(ids, found) {
            for finding in findings {
                let bucket = PracticeRecord.sessionFolder(of: finding.location.file).flatMap { position[$0] } ?? 0
                if buckets[bucket].last?.rule != id { buckets[bucket].append(RuleFindings(rule: id, findings: [])) }
                buckets[bucket][buckets[bucket].count - 1].findings.append(finding)
            }
        }
        if shell, let key = parts.shell { analysis.keep(buckets[0], purpose, key: key, cachedAs: ("", 0)) }
        for (offset, index) in folders.enumerated() {
            let folder = parts.folders[index]
            analysis.keep(buckets[offset + 1], purpose, key: folder.key, cachedAs: (String(folder.name), index + 1))
        }
        return Array(buckets.dropFirst())
    }

    /// The parts of `record`, each keyed by the hash of what stands in it:
    /// its files' paths and digests, its strays, its read findings (a file
    /// that could not be read, a link, has no digest) and the claim ids of
    /// its services (ids are unique across the practice, so one can change
    /// with another session). A session's key ends with the shell's.
    static func parts(of record: PracticeRecord, extra: [String]) -> Parts {
        var hashes = [PartsHash()]
        var known = [true]
        var names: [Substring] = [""]
        var index: [Substring: Int] = [:]
        /// The part `path` stands in: 0, the shell, or a session's folder.
        func part(_ path: String) -> Int {
            guard let folder = PracticeRecord.sessionFolder(of: path) else { return 0 }
            if let at = index[folder] { return at }
            hashes.append(PartsHash())
            known.append(true)
            names.append(folder)
            index[folder] = names.count - 1
            return names.count - 1
        }
        for file in record.files {
            let at = part(file.path), digest = file.sha256
            hashes[at].add(file.path, ending: 1)
            hashes[at].add(digest)
            if digest.isEmpty { known[at] = false }
        }
        for stray in record.strays { hashes[part(stray.path)].add(stray.path, ending: 2) }
        for session in record.sessions { _ = part(session.noteFile) }
        for finding in record.readFindings {
            let text = "\(finding.location) \(finding.rule) \(finding.message) \(finding.help) \(finding.scope.map { "\($0)" } ?? "-")"
            hashes[part(finding.location.file)].add(text, ending: 3)
        }
        for service in record.services {
            hashes[service.sessionNoteFile.map(part) ?? 0].add(service.claimID ?? "-", ending: 4)
        }
        for part in extra { hashes[0].add(part, ending: 5) }
        for at in names.indices.dropFirst() { hashes[at].add(String(names[at]), ending: 6) }
        guard known[0] else { return Parts(shell: nil, folders: names.dropFirst().map { ($0, nil) }) }
        let shellKey = hashes[0].hex
        return Parts(shell: shellKey, folders: names.indices.dropFirst().sorted { names[$0] < names[$1] }.map { at in
            (names[at], known[at] ? shellKey + hashes[at].hex : nil)
        })
    }
}
