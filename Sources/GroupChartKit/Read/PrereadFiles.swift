import Foundation

/// The bytes a build read to fingerprint the practice, handed to the reader
/// one file at a time and let go as each is taken: a dictionary the reader
/// only looked into held a second copy of every file until the whole
/// practice was read (44 MB at 20,000 notes, at the end of reading, where
/// the build's peak memory then stood).
final class PrereadFiles: @unchecked Sendable {
    private let lock = NSLock()
    private var files: [String: PracticeFile.Reading]
    /// The SHA-256 the fingerprint made of each file's bytes, which the
    /// reader would otherwise make again (`SourceFile.sha256`): hashing
    /// every file twice was 1 % of a cold build.
    private let digests: [String: String]
    private let keeping: Bool

    /// Takes over `files`: let go of every other reference to them for
    /// their bytes to be freed as they are taken. A long-running command,
    /// whose memo holds every file's bytes anyway, is `keeping` them:
    /// taking one out would copy the memo's whole dictionary at each save.
    init(_ files: [String: PracticeFile.Reading], digests: [String: String] = [:], keeping: Bool = false) {
        self.files = files
        self.digests = digests
        self.keeping = keeping
    }

    /// The bytes read for `path`, removed from here; `nil` when they were
    /// not read (the reader then reads the file itself).
    func take(_ path: String) -> PracticeFile.Reading? {
        lock.lock()
        defer { lock.unlock() }
        return keeping ? files[path] : files.removeValue(forKey: path)
    }

    /// The digest of the bytes `take` gives for `path`, when the fingerprint made it.
    func digest(of path: String) -> String? {
        digests[path]
    }
}
