import Foundation

/// The build cache's entry as this process last wrote or decoded it, under
/// the SHA-256 of the file's bytes: given back while the file still holds
/// those bytes instead of decoded again. `watch` decoded the 4.7 MB of JSON
/// the entry then was (`LastBuildFile` since) twice a save at 20,000 notes
/// (8 % of what it spent on a save, with the encoding), and a build after
/// an edit decoded it twice, once to compare fingerprints and once for the
/// records' keys.
final class LastBuildEntry: @unchecked Sendable {
    private let lock = NSLock()
    private var last: (digest: String, entry: BuildCache.Entry)?

    func remember(_ entry: BuildCache.Entry, digest: String) {
        lock.lock()
        defer { lock.unlock() }
        last = (digest, entry)
    }

    /// The entry last remembered when `digest` is that of its bytes.
    func entry(digest: String) -> BuildCache.Entry? {
        lock.lock()
        defer { lock.unlock() }
        return last?.digest == digest ? last?.entry : nil
    }
}
