import Foundation

/// The bytes a build read to fingerprint the practice, handed to the reader
/// one file at a time and let go as each is taken: a dictionary the reader
/// only looked into held a second copy of every file until the whole
/// practice was read (44 MB at 20,000 notes, at the end of reading, where
/// the build's peak memory then stood).
final class PrereadFiles: @unchecked Sendable {
    private let lock = NSLock()
    private var files: [String: PracticeFile.Reading]

    /// Takes over `files`: let go of every other reference to them for
    /// their bytes to be freed as they are taken.
    init(_ files: [String: PracticeFile.Reading]) {
        self.files = files
    }

    /// The bytes read for `path`, removed from here; `nil` when they were
    /// not read (the reader then reads the file itself).
    func take(_ path: String) -> PracticeFile.Reading? {
        lock.lock()
        defer { lock.unlock() }
        return files.removeValue(forKey: path)
    }
}
