import Foundation

/// Work on a thread of its own, such as reading an event stream while the
/// test saves a file; `value()` waits for it. A thread, not a task: the
/// work blocks on a socket, which must not hold a thread of Swift's
/// cooperative pool that other tests need.
public final class Background<Value>: @unchecked Sendable {
    private var result: Result<Value, any Error>?
    private let done = DispatchSemaphore(value: 0)

    public init(_ work: @escaping @Sendable () throws -> Value) {
        let thread = Thread { [self] in
            result = Result { try work() }
            done.signal()
        }
        thread.start()
    }

    public func value() throws -> Value {
        done.wait()
        done.signal()
        return try result!.get()
    }
}
