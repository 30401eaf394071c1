import Foundation

/// A value made on a thread of its own while the caller goes on: for work
/// that needs nothing the caller is about to make, and that would
/// otherwise run alone on one core after it (`Checker`: the claims).
final class Meanwhile<Value: Sendable>: @unchecked Sendable {
    private let made = DispatchSemaphore(value: 0)
    /// Written once by the thread, read only after `made` is signalled.
    private var result: Value?

    init(_ make: @escaping @Sendable () -> Value) {
        Thread { [self] in
            result = make()
            made.signal()
        }.start()
    }

    /// The value, once made: waits for it.
    func value() -> Value {
        made.wait()
        defer { made.signal() }
        guard let result else { preconditionFailure("signalled before the value was made") }
        return result
    }
}
