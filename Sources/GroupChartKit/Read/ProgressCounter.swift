import Foundation

/// Counts files read by parallel workers and passes the count on to a
/// `RecordReader.Progress`, one caller at a time.
final class ProgressCounter: @unchecked Sendable {
    private let total: Int
    private let progress: RecordReader.Progress?
    private let lock = NSLock()
    private var done = 0

    init(total: Int, progress: RecordReader.Progress?) {
        self.total = total
        self.progress = progress
    }

    func advance() {
        guard let progress else { return }
        lock.lock()
        defer { lock.unlock() }
        done += 1
        progress(done, total, "reading files")
    }
}
