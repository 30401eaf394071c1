import Foundation

/// Where rendered outputs go: the output folder's staging (`build`), or
/// memory (pages served, tests). Called from several threads at once.
protocol RecordSink: AnyObject, Sendable {
    func write(_ path: String, _ bytes: [UInt8]) throws(OutputFolder.WriteError)
    /// The last build's `path` stays as it is.
    func keep(_ path: String)
}

extension OutputFolder.Staging: RecordSink {}

/// Outputs kept in memory, by path.
final class RecordsInMemory: RecordSink, @unchecked Sendable {
    private let lock = NSLock()
    private(set) var outputs: [String: [UInt8]] = [:]

    func write(_ path: String, _ bytes: [UInt8]) throws(OutputFolder.WriteError) {
        lock.lock()
        outputs[path] = bytes
        lock.unlock()
    }

    func keep(_ path: String) {}
}
