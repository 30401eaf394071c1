import Foundation

/// What the rules derived from each session in the last build, kept in
/// `build/.groupchart-cache/` for the next build and `check`: the notes'
/// 3-grams (`note-texts.bin`, the input of `similar-notes` and
/// `cloned-note`, a fifth of a check at 20,000 notes) and the findings of
/// `other-member-named` (`other-member-named.bin`, the slowest rule) and of
/// `similar-notes` (`similar-notes.bin`, which compares a session's notes);
/// and, per record folder, the findings of the three rules that read each
/// note's sections alone (`empty-section.bin`, `missing-section.bin`,
/// `duplicate-section.bin`). A session's (or folder's) are taken from there
/// when the key of what they are derived from is the same: the key of
/// `watch`'s memo (`Analysis.derived`), which names the digests and paths
/// of its files, every member's names and the session's members.
///
/// Each file has the form of the cache of compiled documents
/// (`CompiledDocuments`: the program's identity, one entry per session in
/// the practice's order, a count and a hash), with the session's id for a
/// path and the SHA-256 of the key for a digest, and is trusted and written
/// the same way: whole, by this program, or not at all; a build renames it
/// into place with its outputs, `check` only reads it.
final class DerivedCache: @unchecked Sendable {
    /// The file of each purpose kept.
    static let files = [NoteTexts.purpose: "note-texts.bin", "other-member-named": "other-member-named.bin",
                        "similar-notes": "similar-notes.bin",
                        // Kept per record folder rather than per session (`Analysis.eachDocumentAlone`).
                        "empty-section": "empty-section.bin", "missing-section": "missing-section.bin",
                        "duplicate-section": "duplicate-section.bin",
                        // The shell's and each session's findings of the rules that read one session at a time.
                        SessionScopedFindings.purpose: "session-rules.bin"]

    private let kept: [String: KeptValues]

    /// The values kept in `folder` (a build's cache folder); `writing`, a
    /// build's, which leaves the next.
    init(folder: URL, writing: Bool) {
        var kept: [String: KeptValues] = [:]
        for (purpose, name) in Self.files { kept[purpose] = KeptValues(folder: folder, name: name, kind: purpose, writing: writing) }
        self.kept = kept
    }

    /// `check`'s cache of the last build's values: `nil` when no file of
    /// this program holds any, so that the rules run as without a cache.
    /// With a cache, each session's and each record folder's key is made
    /// to look its values up (the digests and paths of its files hashed),
    /// and the shell's from every file of the practice: at 20,000 notes a
    /// `check` with no build behind it made them all to find nothing.
    static func reading(_ folder: URL) -> DerivedCache? {
        let cache = DerivedCache(folder: folder, writing: false)
        return cache.kept.values.contains(where: \.readPrevious) ? cache : nil
    }

    /// The value of `purpose` for the session `id` at `index`, derived from
    /// what `key` names (`DerivedMemo.key`; `nil`: a file without a digest,
    /// never kept), as kept, or made by `make` and kept for the next build.
    func value<Value: Codable>(_ purpose: String, of id: String, at index: Int, key: String?, make: () -> Value) -> Value {
        guard let values = kept[purpose] else { return make() }
        return values.value(of: id, at: index, key: key, make: make)
    }

    /// `value`'s two halves, for a caller that derives the values it
    /// misses together: the value kept, or `nil`; and keeping one.
    func kept<Value: Codable>(_ purpose: String, of id: String, at index: Int, key: String?) -> Value? {
        kept[purpose]?.kept(of: id, at: index, key: key)
    }

    func keep<Value: Codable>(_ value: Value, _ purpose: String, of id: String, at index: Int, key: String?) {
        kept[purpose]?.keep(value, of: id, at: index, key: key)
    }

    /// How many sessions' values of `purpose` came from the cache (tests).
    func reused(_ purpose: String) -> Int { kept[purpose]?.reused ?? 0 }

    /// Ends the next build's file of `purpose` once every session was asked for.
    func finish(_ purpose: String) { kept[purpose]?.finish() }

    /// Ends every file not ended yet (the rules have run).
    func finishAll() { for values in kept.values { values.finish() } }

    /// Puts the next build's files in place (the build's outputs are).
    func commit() { for values in kept.values { values.commit() } }

    /// Takes them back (a build that failed).
    func discard() { for values in kept.values { values.discard() } }

    /// One purpose's file: the last build's and the next.
    private final class KeptValues: @unchecked Sendable {
        private let kind: String
        private let previous: CompiledDocuments?
        private let writer: CompiledDocuments.Writer?
        private let lock = NSLock()
        private var added = 0
        private(set) var reused = 0
        private var finished = false

        init(folder: URL, name: String, kind: String, writing: Bool) {
            self.kind = kind
            previous = CompiledDocuments.read(in: folder, name: name)
            writer = writing ? CompiledDocuments.Writer(in: folder, name: name) : nil
        }

        func value<Value: Codable>(of id: String, at index: Int, key memoKey: String?, make: () -> Value) -> Value {
            if let value: Value = kept(of: id, at: index, key: memoKey) { return value }
            let value = make()
            keep(value, of: id, at: index, key: memoKey)
            return value
        }

        /// The value kept for `id` under `memoKey`, then written again for
        /// the next build at `index`; `nil` when there is none (the caller
        /// then derives it and `keep`s it at the same index).
        func kept<Value: Codable>(of id: String, at index: Int, key memoKey: String?) -> Value? {
            guard let memoKey else { return nil }
            let key = SignedText.digest(of: memoKey)
            guard let payload = previous?.payload(of: id, kind: kind, digest: key),
                  let value = try? CompactCoding.decode(Value.self, from: payload) else { return nil }
            writer?.add(CompiledDocuments.Entry(path: id, kind: kind, digest: key, payload: payload), at: index)
            count(reused: true)
            return value
        }

        /// Keeps `value`, just derived, for the next build (`nil` key: not kept).
        func keep<Value: Codable>(_ value: Value, of id: String, at index: Int, key memoKey: String?) {
            defer { count(reused: false) }
            guard let memoKey, writer != nil, let payload = try? CompactCoding.encode(value) else {
                writer?.add(nil, at: index)
                return
            }
            let key = SignedText.digest(of: memoKey)
            writer?.add(CompiledDocuments.Entry(path: id, kind: kind, digest: key, payload: payload[...]), at: index)
        }

        private func count(reused: Bool) {
            lock.lock()
            defer { lock.unlock() }
            added += 1
            if reused { self.reused += 1 }
        }

        /// Once: the file is not written again when every session's value
        /// came from the last one and it holds no others.
        func finish() {
            lock.lock()
            defer { lock.unlock() }
            guard !finished else { return }
            finished = true
            previous?.letGo()
            // Nothing asked (the rule ran on the sessions an edit touched
            // only, `SessionScopedFindings`): the last file stands, its
            // entries still right under their keys.
            writer?.finish(keep: added > 0 && !(reused == added && previous?.count == added))
        }

        func commit() { writer?.commit() }
        func discard() { writer?.discard() }

        /// Whether the last build's file was read (whole, of this program).
        var readPrevious: Bool { previous != nil }
    }
}
