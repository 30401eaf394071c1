import Foundation

/// A line on standard error that shows how far a long command has come
/// (`[120/3400] reading files`), rewritten in place with a carriage return.
///
/// It writes only to a terminal: piped or redirected, standard error stays
/// free of progress noise, so logs and CI output hold diagnostics alone. It
/// redraws at most every `interval` seconds (and always on the last step),
/// because writing a line per file would cost more than reading many files.
///
///     let progress = ProgressLine.standardError()
///     for (index, file) in files.enumerated() {
///         progress.update(index + 1, of: files.count, "reading files")
///         ...
///     }
///     progress.finish()
public final class ProgressLine {
    private let write: (String) -> Void
    private let isEnabled: Bool
    private let interval: Double
    private let clock: () -> Double
    private var lastDrawn: Double?
    private var isShowing = false

    /// - Parameters:
    ///   - isTerminal: whether `write` reaches a terminal; nothing is written otherwise.
    ///   - clock: seconds, increasing; for tests.
    public init(isTerminal: Bool, interval: Double = 0.1,
                clock: @escaping () -> Double = { ProcessInfo.processInfo.systemUptime },
                write: @escaping (String) -> Void) {
        self.isEnabled = isTerminal
        self.interval = interval
        self.clock = clock
        self.write = write
    }

    /// Progress on standard error, shown when it is a terminal that can
    /// redraw a line (not `TERM=dumb`).
    public static func standardError() -> ProgressLine {
        let isTerminal = isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["TERM"] != "dumb"
        return ProgressLine(isTerminal: isTerminal) { text in
            FileHandle.standardError.write(Data(text.utf8))
        }
    }

    /// Shows `[done/total] stage`, unless the line was drawn less than
    /// `interval` ago and this is not the last step.
    public func update(_ done: Int, of total: Int, _ stage: String) {
        guard isEnabled else { return }
        let now = clock()
        if let lastDrawn, now - lastDrawn < interval, done < total { return }
        lastDrawn = now
        isShowing = true
        write("\r[\(done)/\(total)] \(stage)\u{1B}[K")
    }

    /// Clears the line, so that what is printed next starts at column 1.
    public func finish() {
        guard isEnabled, isShowing else { return }
        isShowing = false
        lastDrawn = nil
        write("\r\u{1B}[K")
    }
}
