import Foundation

/// What a command that ends as soon as its build or check returns does not
/// free: the model, the records and the claims of 20,000 notes are millions
/// of small objects, and freeing them one by one took 0.3 s of a build after
/// one edit (the `store` stage, where `compile` returned) for memory the
/// system takes back at exit in one go. Compilers do the same (clang's
/// `-disable-free`). Only `groupchart build` and `check` ask for it
/// (`Builder.Options.endsTheProcess`); tests and long-running commands free
/// as usual. The peak is reached before (reading and the rules): the cold
/// build's was 247-248 MiB before and 246-251 MiB after, in `make bench`.
enum LeftForExit {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var kept: [Any] = []

    static func keep(_ value: Any) {
        lock.lock()
        kept.append(value)
        lock.unlock()
    }
}
