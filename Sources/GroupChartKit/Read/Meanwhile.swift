import Foundation

/// A value made on a thread of its own while the caller goes on: for work
/// that needs nothing the caller is about to make, and that would
/// otherwise run alone on one core after it (`Checker`: the claims).
final class Meanwhile<Value: Sendable>: @unchecked Sendable {
    private let made = DispatchSemaphore(value: 0)
    /// Written once by the thread, read only after `made` is signalled.
    private var result: Value?

    init(_ make: @escaping @Sendable () -> Value) {
        let thread = Thread { [self] in
            result = make()
            made.signal()
        }
        // The caller waits for it: no lower priority than the caller's
        // (macOS would otherwise run it after work the caller outranks).
        thread.qualityOfService = .userInitiated
        thread.start()
    }

    /// The value, once made: waits for it, and hands it over, keeping no
    /// reference, so that the caller owns it alone (the claims are changed
    /// in place once taken, and a second owner would make that a copy of
    /// 20 MB at 20,000 claims). Taken once.
    func take() -> Value {
        made.wait()
        defer { made.signal() }  // a second take fails below rather than waiting forever
        guard let value = result else { preconditionFailure("Meanwhile's value was taken twice") }
        result = nil
        return value
    }
}
