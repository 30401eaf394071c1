import Foundation

/// The notes a rendering could not read again with the bytes that were
/// checked: saved again (or removed) while the build ran. The records made
/// from them would show text no rule looked at, so the build stops with
/// their names, writes nothing, and the next build reads them afresh.
final class ChangedSources: @unchecked Sendable {
    private let lock = NSLock()
    private var paths: Set<String> = []

    func add(_ path: String) {
        lock.lock()
        defer { lock.unlock() }
        paths.insert(path)
    }

    func contains(_ path: String) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return paths.contains(path)
    }

    /// Why the records cannot be written, when a note changed.
    var failure: OutputFolder.WriteError? {
        lock.lock()
        defer { lock.unlock() }
        guard !paths.isEmpty else { return nil }
        let named = paths.sorted().prefix(3).joined(separator: ", ") + (paths.count > 3 ? " and \(paths.count - 3) more" : "")
        return OutputFolder.WriteError(description: "\(named) changed while the build ran, so nothing was written: build again")
    }
}
