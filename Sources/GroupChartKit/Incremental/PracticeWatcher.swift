import Foundation

/// `groupchart watch`: keeps the compiled practice in memory and rebuilds
/// what each saved file affects.
///
/// What changed is found by a poll: it lists the practice and takes each
/// file's stamp (size, modification time, inode), and when anything differs
/// it builds again with the memo of the last build. The poll follows every
/// `interval`, or, where the system gives folder events (`FolderEvents`,
/// inotify on Linux), at once when one arrives, looking again only in the
/// sessions' and members' folders it names; the whole practice is polled at
/// least every `FolderEvents.safetyInterval` in case an event never came
/// (a network folder). Only files whose bytes changed are
/// parsed again and only records whose inputs changed are rendered again
/// (`DocumentMemo`, `OutputKeys`); the outputs are written whole, as by
/// `build`, so a browser or printer never sees half a record.
public final class PracticeWatcher: @unchecked Sendable {
    public let root: URL
    public private(set) var options: Builder.Options
    public let interval: TimeInterval
    /// The clock "today" follows when no `--today` was given: the date
    /// rules, the claims' dates and `sign`'s signatures agree on the day
    /// after midnight, and the day's change rebuilds (a watch started the
    /// day before held a note signed after midnight as signed "after
    /// today"). `nil`: `options`' day, fixed.
    public var clock: (@Sendable () -> LocalDate)?
    private let memo = DocumentMemo()
    /// The poll the last build took (or a later one that found what it
    /// found: a poll that finds nothing new leaves it); `nil` when there was
    /// no practice to scan. Events name the changes since, and the build
    /// is told what changed since it (`FolderState.Changes`).
    private var lastScan: FolderState?
    /// The system's folder events, while they can be trusted to wake the
    /// watch; `nil` to poll every `interval`.
    private var events = FolderEvents()
    /// What woke the watch for this poll.
    private var wake = FolderEvents.Wake.lost
    /// The folders of the documents the last poll found, kept while the
    /// polls after it find the same documents (`FolderEvents.documentFolders`).
    private var documentFolders: (found: [DiscoveredFile], folders: Set<String>)?
    /// When the practice was last polled whole.
    private var lastWholePoll = ContinuousClock.now

    public init(root: URL, options: Builder.Options, interval: TimeInterval = 0.25) {
        self.root = root
        var options = options
        options.writesCacheLater = true
        self.options = options
        self.interval = interval
    }

    /// Seconds each rebuild (not the first build) is drawn out by, inside
    /// the time Ctrl-C waits for: `GROUPCHART_WATCH_TEST_PAUSE`, for the
    /// test that stops a watch in the middle of a rebuild.
    private static let testPause = ProcessInfo.processInfo.environment["GROUPCHART_WATCH_TEST_PAUSE"].flatMap(TimeInterval.init)

    /// Ctrl-C and SIGTERM stop the watch, after the build running, if any,
    /// has put its outputs in place (`WatchInterrupt`).
    public static func stopBetweenBuilds() {
        WatchInterrupt.install()
    }

    /// Watches until the process ends: builds at once, then after each change.
    /// `report` hears each build (or why it could not run) and how long it took.
    public func run(report: (Result<Builder.Result, Builder.Failure>, Duration) -> Void) -> Never {
        let clock = ContinuousClock()
        var first = true
        while true {
            // The last build's cache written first, so that the poll below
            // is followed by its build at once: the build takes the stamps
            // the poll took, and a save between the two waits for the next poll.
            memo.cacheWrites.wait()
            let start = clock.now
            // The poll that saw the change stands for the state built: a
            // second listing before the build would only add to the wait.
            let current = scan(after: wake)
            let changed = changes(current)
            let newDay = turnTheDay()
            if first || newDay || changed?.paths != [] {
                PhaseTimes.report("poll", since: start)
                let outcome: Result<Builder.Result, Builder.Failure>
                // Ctrl-C waits for the build's renames (`WatchInterrupt`).
                WatchInterrupt.building(true)
                do {
                    outcome = .success(try Builder.build(root, options: options, memo: memo, polled: current,
                                                         changed: first || newDay ? nil : changed))
                } catch {
                    outcome = .failure(error)
                }
                if let pause = Self.testPause, !first { Thread.sleep(forTimeInterval: pause) }
                WatchInterrupt.building(false)
                report(outcome, clock.now - start)
                WatchInterrupt.stopIfAsked { memo.cacheWrites.wait() }
                first = false
            }
            // A poll that found nothing new leaves the last build's poll as
            // the one later changes are told against: the build's memo
            // knows that poll (`FolderState.Changes`).
            if changed?.paths != [] { lastScan = current }
            wake = waitForChange(after: current)
        }
    }

    /// Takes the clock's day as today when it changed since the last
    /// build; whether it did.
    func turnTheDay() -> Bool {
        guard let day = clock?(), day != options.checker.today else { return false }
        options.checker.today = day
        return true
    }

    /// Waits for the next poll: until a folder event or the safety
    /// interval, or for `interval` when events cannot be trusted for the
    /// practice as `state` shows it. A folder watched for the first time
    /// may have changed before its watch began: the poll then follows at once.
    @inline(never)
    private func waitForChange(after state: FolderState?) -> FolderEvents.Wake {
        if let events, let state, !state.hasLinks {
            if documentFolders?.found != state.found {
                documentFolders = (state.found, FolderEvents.documentFolders(state.found))
            }
            switch events.watch(FolderEvents.folders(of: state, root: root, documentFolders: documentFolders?.folders)) {
            case 0?:
                let sinceWholePoll = (ContinuousClock.now - lastWholePoll) / .seconds(1)
                let left = max(interval, FolderEvents.safetyInterval) - sinceWholePoll
                return left > 0 ? events.wait(timeout: left) : .timedOut
            case _?: return .lost
            case nil: self.events = nil
            }
        }
        Thread.sleep(forTimeInterval: interval)
        return .timedOut
    }

    /// The files saved, added or removed since the last build's poll: none
    /// when there are none, `nil` when a practice appeared or went away.
    /// Out of line, as is `scan`: inlined into `run`'s endless loop, these
    /// kept Swift 6.3.1's optimiser from ever finishing a release build.
    @inline(never)
    private func changes(_ current: FolderState?) -> FolderState.Changes? {
        switch (current, lastScan) {
        // Still no practice: no change, not a build attempted (and its error
        // printed) at every poll.
        case (nil, nil): return FolderState.Changes.none
        case let (now?, then?): return FolderState.Changes(since: then, until: now)
        default: return nil
        }
    }

    /// The practice as the stamps of its files show it (the same state
    /// `serve` polls, following links as reading does), `nil` while there is
    /// no practice at `root`.
    /// When the system said in which sessions' or members' folders files
    /// changed, only those are looked at again (a whole poll took 0.2 s at
    /// 20,000 notes); any other wake is a whole poll.
    @inline(never)
    private func scan(after wake: FolderEvents.Wake) -> FolderState? {
        let folder: PracticeFolder
        do { folder = try PracticeFolder(root: root) } catch { return nil }
        if case .changed(let folders) = wake, let lastScan {
            let prefix = PracticeFile.path(of: root) + "/"
            let relative = folders.map { $0.hasPrefix(prefix) ? String($0.dropFirst(prefix.count)) : "" }
            let recordFolders = relative.map(FolderEvents.recordFolder(of:))
            if !recordFolders.contains(nil), let state = lastScan.rediscovering(Set(recordFolders.compactMap { $0 }), in: folder) {
                return state
            }
        }
        lastWholePoll = ContinuousClock.now
        return FolderState.scan(folder)
    }
}
