import Foundation

/// The port the server listens on, known only once it is bound (`--port 0`
/// lets the system choose) and read by every request's Host check.
final class BoundPort: @unchecked Sendable {
    private let lock = NSLock()
    private var port: Int

    init(_ port: Int) {
        self.port = port
    }

    var value: Int {
        get { lock.withLock { port } }
        set { lock.withLock { port = newValue } }
    }
}
