import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Ctrl-C (SIGINT) and SIGTERM for `watch`: between builds they stop it at
/// once; during a build they let the build finish first (its renames, which
/// a kill would leave half done: some records the new build's, some the
/// last one's, and temporary files beside them), then stop it by the same
/// signal, so that the outputs are always one build's, whole. A second
/// signal during that build stops it at once, as before.
///
/// The handler only reads and writes two words (nothing else is safe in a
/// signal handler); the watch's loop marks its builds (`building`) and
/// stops once a build it marked is done (`stopIfAsked`).
enum WatchInterrupt {
    /// [0]: a build is running; [1]: a signal asked to stop (its number).
    /// Raw memory the handler may touch: no Swift runtime in between.
    nonisolated(unsafe) private static let state: UnsafeMutablePointer<Int32> = {
        let words = UnsafeMutablePointer<Int32>.allocate(capacity: 2)
        words.initialize(repeating: 0, count: 2)
        return words
    }()

    /// Installs the handlers, unblocking both signals (a spawned child
    /// inherits its parent's mask).
    static func install() {
        _ = state
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGINT)
        sigaddset(&signals, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
        signal(SIGINT, handle)
        signal(SIGTERM, handle)
    }

    private static let handle: @convention(c) (Int32) -> Void = { number in
        let words = WatchInterrupt.state
        if words[0] == 0 || words[1] != 0 {
            signal(number, SIG_DFL)
            raise(number)
            return
        }
        words[1] = number
    }

    /// Marks a build running (`true`) or done.
    static func building(_ running: Bool) {
        state[0] = running ? 1 : 0
    }

    /// Stops the process by the signal that asked, if one did while a
    /// build ran, once `finishing` (the cache's writes) is done.
    static func stopIfAsked(finishing: () -> Void) {
        let number = state[1]
        guard number != 0 else { return }
        finishing()
        signal(number, SIG_DFL)
        raise(number)
    }
}
