import Foundation

/// The documents of a practice as last read, kept in memory between builds
/// by a long-running command (`watch`, `serve`): a file whose stamp has not
/// changed is not read again, and a file whose bytes have not changed is not
/// parsed again (architecture.md: document in, compiled document out, keyed
/// by the bytes' hash). A cold build runs the same code with an empty memo.
public final class DocumentMemo: @unchecked Sendable {
    /// A class, changed only under the memo's lock: each save looks up every
    /// file's entry, and a struct was copied whole, field by field, at each
    /// lookup (`perf`: 44 % of the lookups of a save at 20,000 notes).
    final class Entry {
        let kind: DocumentKind
        var stamp: FileStamp?
        let reading: PracticeFile.Reading
        let digest: String?
        var document: DocumentReading?

        init(kind: DocumentKind, stamp: FileStamp?, reading: PracticeFile.Reading, digest: String?) {
            self.kind = kind
            self.stamp = stamp
            self.reading = reading
            self.digest = digest
        }
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    /// The last build's fingerprint of each file: the next build looks
    /// again only at what its poll says changed (`FingerprintedFiles`).
    /// Taken out under the lock, and put back by the build that took it:
    /// two builds with one memo at once find none, and look at every file.
    private var lastFingerprint: FingerprintedFiles?

    func takeLastFingerprint() -> FingerprintedFiles? {
        lock.withLock {
            defer { lastFingerprint = nil }
            return lastFingerprint
        }
    }

    func putLastFingerprint(_ files: FingerprintedFiles) {
        lock.withLock { lastFingerprint = files }
    }
    /// The last build's documents and record (`RecordReader.LastReading`),
    /// taken out and put back as `lastFingerprint` is: a build changes it
    /// in place, not a copy.
    private var lastReading: RecordReader.LastReading?

    func takeLastReading() -> RecordReader.LastReading? {
        lock.withLock {
            defer { lastReading = nil }
            return lastReading
        }
    }

    func putLastReading(_ reading: RecordReader.LastReading) {
        lock.withLock { lastReading = reading }
    }

    /// What the rules derived from these documents (`DerivedMemo`).
    let derived = DerivedMemo()
    /// The build cache's entry as this process last wrote or read it
    /// (`LastBuildEntry`).
    let lastBuild = LastBuildEntry()
    /// The cache writes a build left for after it returned (`watch`).
    let cacheWrites = LaterCacheWrites()

    public init() {}

    /// The bytes of `file` as last read, when its stamp says it is the same
    /// file and was written long enough ago for the stamp to tell.
    func known(_ file: DiscoveredFile, stamp: FileStamp?, now: TimeInterval) -> (reading: PracticeFile.Reading, digest: String?)? {
        lock.lock()
        defer { lock.unlock() }
        guard let entry = entries[file.path], entry.kind == file.kind, let stamp, entry.stamp == stamp,
              stamp.isSettled(before: now) else { return nil }
        return (entry.reading, entry.digest)
    }

    /// Has `file` read again at the next build however its stamp compares:
    /// a poll saw its inode change (`chmod`, `chown`) where its stamp did
    /// not. What was parsed of its bytes is kept, for bytes that are the same.
    func readAgain(_ path: String) {
        lock.lock()
        defer { lock.unlock() }
        entries[path]?.stamp = nil
    }

    /// The compiled document of `file` when its bytes are those last parsed.
    func document(_ file: DiscoveredFile, digest: String?) -> DocumentReading? {
        lock.lock()
        defer { lock.unlock() }
        guard let digest, let entry = entries[file.path], entry.kind == file.kind, entry.digest == digest else { return nil }
        return entry.document
    }

    func remember(_ file: DiscoveredFile, stamp: FileStamp?, reading: PracticeFile.Reading, digest: String?) {
        lock.lock()
        defer { lock.unlock() }
        if let entry = entries[file.path], entry.digest == digest, entry.kind == file.kind {
            entry.stamp = stamp
        } else {
            entries[file.path] = Entry(kind: file.kind, stamp: stamp, reading: reading, digest: digest)
        }
    }

    func remember(_ file: DiscoveredFile, digest: String?, document: DocumentReading) {
        lock.lock()
        defer { lock.unlock() }
        guard let entry = entries[file.path], entry.digest == digest else { return }
        entry.document = document
    }

    /// Whether nothing has been read into it yet (the first build of a long-running command).
    var isEmpty: Bool {
        lock.lock()
        defer { lock.unlock() }
        return entries.isEmpty
    }

    /// Forgets the files no longer found.
    func keep(only paths: Set<String>) {
        lock.lock()
        defer { lock.unlock() }
        // Removed in place: filtering made a new dictionary of every entry
        // at each save (a fifth of the fingerprint in watch at 20,000 notes).
        let gone = entries.keys.filter { !paths.contains($0) }
        for path in gone { entries.removeValue(forKey: path) }
    }
}
