import Crypto
import Foundation

/// Each session's notes reduced to their 3-grams (`NoteTexts`) as the last
/// build derived them, in `build/.groupchart-cache/note-texts.bin`: the
/// input of `similar-notes` and `cloned-note`, a fifth of a check at
/// 20,000 notes. The next build and `check` take a session's from here when
/// the key of what they are derived from is the same: the digests of its
/// session note and progress notes, their paths, every member's names, the
/// session and its members (the key of `watch`'s memo, `Analysis.derived`).
///
/// The file has the form of the cache of compiled documents
/// (`CompiledDocuments`: the program's identity, one entry per session in
/// the practice's order, a count and a hash), with the session's id for a
/// path and the SHA-256 of the key for a digest, and is trusted and written
/// the same way: whole, by this program, or not at all; a build renames it
/// into place with its outputs, `check` only reads it.
final class CachedNoteTexts: @unchecked Sendable {
    static let name = "note-texts.bin"
    private static let kind = "note-texts"

    private let previous: CompiledDocuments?
    private let writer: CompiledDocuments.Writer?
    private let lock = NSLock()
    private var added = 0
    private(set) var reused = 0

    /// The 3-grams kept in `folder` (a build's cache folder); `writing`, a
    /// build's, which leaves the next.
    init(folder: URL, writing: Bool) {
        previous = CompiledDocuments.read(in: folder, name: Self.name)
        writer = writing ? CompiledDocuments.Writer(in: folder, name: Self.name) : nil
    }

    /// The 3-grams of the session at `index` (its `id`), derived from what
    /// `parts` name, as kept, or made by `make` and kept for the next build.
    func notes(of id: String, at index: Int, parts: [String], make: () -> [NoteTexts.Note]) -> [NoteTexts.Note] {
        var hash = SHA256()
        for part in parts {
            hash.update(data: Data(part.utf8))
            hash.update(data: Data([0]))
        }
        let key = SignedText.hex(hash.finalize())
        if let payload = previous?.payload(of: id, kind: Self.kind, digest: key),
           let notes = try? CompactCoding.decode([NoteTexts.Note].self, from: payload) {
            writer?.add(CompiledDocuments.Entry(path: id, kind: Self.kind, digest: key, payload: payload), at: index)
            count(reused: true)
            return notes
        }
        let notes = make()
        let payload = writer == nil ? nil : try? CompactCoding.encode(notes)
        writer?.add(payload.map { CompiledDocuments.Entry(path: id, kind: Self.kind, digest: key, payload: $0[...]) }, at: index)
        count(reused: false)
        return notes
    }

    /// The 3-grams of the session at `index`, made by `make` and not kept:
    /// one of the files they are derived from has no digest (no session note).
    func uncached(at index: Int, make: () -> [NoteTexts.Note]) -> [NoteTexts.Note] {
        writer?.add(nil, at: index)
        count(reused: false)
        return make()
    }

    private func count(reused: Bool) {
        lock.lock()
        defer { lock.unlock() }
        added += 1
        if reused { self.reused += 1 }
    }

    /// Ends the next build's file once every session was asked for; it is
    /// not written again when every session's came from this one.
    func finish() {
        previous?.letGo()
        writer?.finish(keep: !(reused == added && previous?.count == added))
    }

    /// Puts the next build's file in place (the build's outputs are).
    func commit() { writer?.commit() }

    /// Takes it back (a build that failed, or one whose rules never asked).
    func discard() { writer?.discard() }
}
