import Foundation

/// What a command that ends as soon as its build or check returns does not
/// free: the model, the records and the claims of 20,000 notes are millions
/// of small objects, and freeing them one by one took 0.3 s of a build after
/// one edit (the `store` stage, where `compile` returned) for memory the
/// system takes back at exit in one go. Compilers do the same (clang's
/// `-disable-free`). Only `groupchart build` and `check` ask for it
/// (`Builder.Options.endsTheProcess`); tests and long-running commands free
/// as usual, and the peak is the same either way (it is reached before).
enum LeftForExit {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var kept: [Any] = []

    static func keep(_ value: Any) {
        lock.lock()
        kept.append(value)
        lock.unlock()
    }
}
