import Foundation

/// Writes `watch`'s build cache after the build has said it is done, on a
/// queue of its own, so that the wait from a save to its rebuilt records
/// does not include encoding the cache's entry (4.7 MB of JSON at 20,000
/// notes when this was written, about a tenth of a save; 1 MB in the
/// compact form of `LastBuildFile` since). The records and claims are in
/// place before the cache is written, as in a build; the next build waits for the
/// write before it reads the cache. A watch stopped before the write leaves
/// the last cache, which no longer matches the outputs: the next build
/// renders what changed again, never trusts it.
final class LaterCacheWrites: @unchecked Sendable {
    private let queue = DispatchQueue(label: "groupchart.cache-writes")

    func later(_ write: @escaping @Sendable () -> Void) {
        queue.async(execute: write)
    }

    /// Frees `value` on the writes' queue, after the writes asked for so
    /// far: a save's model, claims and records are millions of small
    /// objects, and freeing them as the build returned was 35-40 ms of each
    /// save at 20,000 notes, before `watch` could say it was done.
    func free(_ value: Any) {
        let held = Held(value)
        queue.async { held.value = nil }
    }

    private final class Held: @unchecked Sendable {
        var value: Any?
        init(_ value: Any) { self.value = value }
    }

    /// Returns once every write asked for has been made.
    func wait() {
        queue.sync {}
    }
}
