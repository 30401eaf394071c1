import Foundation

/// How long each stage of a build took, and the peak resident memory once
/// it ended, printed to standard error when `GROUPCHART_PHASES` is set: the
/// first thing to look at before a profile (the peak says which stage set
/// it), and cheap enough to leave in (one clock reading per stage).
struct PhaseTimes {
    private let enabled = ProcessInfo.processInfo.environment["GROUPCHART_PHASES"] != nil
    private let clock = ContinuousClock()
    private var last: ContinuousClock.Instant
    private var lastProcessor: Double

    init() {
        last = clock.now
        lastProcessor = Self.processorSeconds
        if enabled { _ = Self.allocatorNamed }
    }

    /// Names the allocator once per process, before the first stage: the
    /// figures mean little without it (`FreedMemory`).
    private static let allocatorNamed: Bool = {
        FileHandle.standardError.write(Data("groupchart: allocator \(FreedMemory.allocator)\n".utf8))
        return true
    }()

    /// With `GROUPCHART_PHASES=rules`, how long each rule took (they run in
    /// parallel, so these add up to more than the check stage).
    static func ruleTook(_ id: String, since start: ContinuousClock.Instant) {
        guard showsRules else { return }
        let milliseconds = Int(((ContinuousClock.now - start) / .milliseconds(1)).rounded())
        if milliseconds >= 10 { FileHandle.standardError.write(Data("groupchart: rule \(id) \(milliseconds) ms\n".utf8)) }
    }

    /// Reports a stage timed outside a build (`watch`'s poll that saw a change).
    static func report(_ name: String, since start: ContinuousClock.Instant) {
        guard ProcessInfo.processInfo.environment["GROUPCHART_PHASES"] != nil else { return }
        let milliseconds = Int(((ContinuousClock.now - start) / .milliseconds(1)).rounded())
        FileHandle.standardError.write(Data("groupchart: phase \(name) \(milliseconds) ms\n".utf8))
    }

    private static let showsRules = ProcessInfo.processInfo.environment["GROUPCHART_PHASES"] == "rules"

    /// Ends the stage called `name` and starts the next one.
    mutating func mark(_ name: String) {
        guard enabled else { return }
        let now = clock.now
        let took = now - last
        let milliseconds = Double(took.components.seconds) * 1000 + Double(took.components.attoseconds) / 1e15
        // The processor time of every thread, beside the time: a stage
        // that keeps both cores busy shows about twice its milliseconds.
        let processor = Self.processorSeconds
        let busy = Int(((processor - lastProcessor) * 1000).rounded())
        lastProcessor = processor
        FileHandle.standardError.write(Data("groupchart: phase \(name) \(Int(milliseconds.rounded())) ms, processor \(busy) ms, peak \(Self.peakMiB) MiB\(Self.residentMiB.map { ", now \($0) MiB" } ?? "")\n".utf8))
        last = now
    }

    /// The resident memory now, where the system says (Linux's
    /// `/proc/self/statm`, in pages): what a stage let go shows here, not
    /// in the peak. `nil` elsewhere.
    static var residentMiB: Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return nil }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return nil }
        return pages * Int(getpagesize()) / (1024 * 1024)
    }

    /// The processor time the process has used so far, user and system, in seconds.
    static var processorSeconds: Double {
        var usage = rusage()
        #if canImport(Darwin)
        getrusage(RUSAGE_SELF, &usage)
        #else
        getrusage(RUSAGE_SELF.rawValue, &usage)
        #endif
        return [usage.ru_utime, usage.ru_stime].reduce(0) { $0 + Double($1.tv_sec) + Double($1.tv_usec) / 1e6 }
    }

    /// The process's peak resident memory so far (`getrusage`, which Linux
    /// gives in KiB and macOS in bytes).
    static var peakMiB: Int {
        var usage = rusage()
        #if canImport(Darwin)
        getrusage(RUSAGE_SELF, &usage)
        return Int(usage.ru_maxrss) / (1024 * 1024)
        #else
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Int(usage.ru_maxrss) / 1024
        #endif
    }
}
