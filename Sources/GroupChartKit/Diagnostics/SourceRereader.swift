import Foundation

/// Reads a note again for the line a printer shows under a diagnostic: the
/// model lets a note's text go once parsed (`SourceFile.withoutText`), and
/// a report holds only the digest each note had when it was checked. A
/// note saved again since is shown without its line rather than with a line
/// the diagnostic was not about.
///
/// Printers go through the diagnostics in file order, so the last file read
/// is kept for the next diagnostic in it, and no more than that; the text
/// printer reads its own on every core, a run of diagnostics each (`readAgain`).
public final class SourceRereader: @unchecked Sendable {
    private let root: URL
    private let lock = NSLock()
    private var last: (path: String, file: SourceFile?)?
    /// The files it was made from, until `digests` is first asked for.
    private var files: [SourceFile]?
    private var made: [String: String]?
    /// The first line each note kept when its text was let go
    /// (`SourceFile.keptFirstLine`), made with `digests`.
    private var firstLines: [String: String] = [:]
    /// Apart from `lock`, which is held while a note is read (`read` asks for `digests`).
    private let making = NSLock()

    /// The SHA-256 each note had when it was checked, by path: made when a
    /// printer first asks for a line, from the record's files. Made at once
    /// it was 1.3 % of a `check` after one edit at 20,000 notes, whose
    /// printer takes every line from the build's cache and asks for none.
    private var digests: [String: String] {
        making.lock()
        defer { making.unlock() }
        if let made { return made }
        var digests: [String: String] = [:]
        for file in files ?? [] where !file.holdsText {
            digests[file.path] = file.sha256
            if let first = file.keptFirstLine { firstLines[file.path] = first }
        }
        made = digests
        files = nil
        return digests
    }

    /// Files found but never read as documents (strays, links to folders):
    /// a build from its files shows no line of them, so none is read here.
    private var unread: Set<String> = []

    /// From the digests of a fingerprint: every file found, of which those
    /// `found` as strays or links to folders are never quoted, as a build
    /// from the files does not quote them (it never read them).
    init(root: URL, digests: [String: String], found: [DiscoveredFile]) {
        self.root = root
        self.made = digests
        for file in found where !file.kind.isRead { unread.insert(file.path) }
    }

    /// The notes of `record` whose text it let go.
    init?(_ record: PracticeRecord) {
        guard let folder = record.folder else { return nil }
        root = folder.root
        files = record.files
    }

    /// The note at `path` as it was checked, or `nil` (not a note it knows, or changed since).
    func source(_ path: String) -> SourceFile? {
        guard digests[path] != nil else { return nil }
        lock.lock()
        defer { lock.unlock() }
        if let last, last.path == path { return last.file }
        let file = read(path)
        last = (path, file)
        return file
    }

    /// The first line the note at `path` kept when its text was let go, if
    /// it kept one (`SourceFile.keptFirstLine`): what a diagnostic at 1:1
    /// quotes, without reading the note again.
    func keptFirstLine(_ path: String) -> String? {
        _ = digests
        making.lock()
        defer { making.unlock() }
        return firstLines[path]
    }

    /// The note at `path` as it was checked, read again without keeping it
    /// (`nil`: not a note it knows, or changed since): the text printer
    /// reads a run of diagnostics' notes on each core (`TextPrinter.render`).
    func readAgain(_ path: String) -> SourceFile? {
        read(path)
    }

    private func read(_ path: String) -> SourceFile? {
        guard let digest = digests[path], !unread.contains(path) else { return nil }
        return PracticeFile.read(path, in: root, asChecked: digest).map { SourceDecoder.decode($0, path: path) }
    }
}
