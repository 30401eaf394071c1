import Foundation
import GroupChartKit

/// The compiled practice the server shows, kept current: each page request
/// and each tick of the poller first looks for saved files, and rebuilds
/// when there are any. A request therefore always gets the records as the
/// files stand, and open pages hear of each new build on the event stream.
///
/// One rebuild runs at a time, on a thread of its own (a full build keeps a
/// core busy for a while, which would stall the server's own tasks); who
/// asks meanwhile waits for it, then looks again.
actor LivePractice {
    /// What a request is served from.
    struct Snapshot: Sendable {
        var preview: LivePreview
        /// Counts the builds that changed what is shown; pages carry it.
        var build: Int
    }

    /// Told of each rebuild that changed what is shown, with the files saved.
    typealias RebuildHandler = @Sendable (LivePreview, Set<String>) -> Void

    private var compiler: PracticeCompiler
    private var state: FolderState
    private(set) var snapshot: Snapshot
    private var rebuilding: Task<Void, Never>?
    private var listeners: [UUID: AsyncStream<Int>.Continuation] = [:]
    private var closed = false
    private let onRebuild: RebuildHandler
    /// How long the last look for saved files took, so the poller can look
    /// less often on a practice large enough for it to cost.
    private(set) var lastScan: Duration = .zero

    private static let queue = DispatchQueue(label: "groupchart.serve.rebuild", qos: .userInitiated)

    /// Compiles the practice for the first time.
    static func start(_ compiler: PracticeCompiler, onRebuild: @escaping RebuildHandler) async -> LivePractice {
        let state = FolderState.scan(compiler.folder)
        let (compiled, preview) = await compile(compiler, changed: [])
        return LivePractice(compiler: compiled, state: state, preview: preview, onRebuild: onRebuild)
    }

    private init(compiler: PracticeCompiler, state: FolderState, preview: LivePreview, onRebuild: @escaping RebuildHandler) {
        self.compiler = compiler
        self.state = state
        self.snapshot = Snapshot(preview: preview, build: 1)
        self.onRebuild = onRebuild
    }

    /// The records as the files stand now.
    func refresh() async -> Snapshot {
        while let running = rebuilding { await running.value }
        let now = scan()
        guard now != state else { return snapshot }
        let running = Task { await rebuild(from: now) }
        rebuilding = running
        await running.value
        return snapshot
    }

    private func scan() -> FolderState {
        let clock = ContinuousClock()
        let started = clock.now
        let now = FolderState.scan(compiler.folder)
        lastScan = clock.now - started
        return now
    }

    /// Waits until two looks a moment apart agree (an editor may be caught
    /// half-way through writing a file), then compiles what they show.
    private func rebuild(from first: FolderState) async {
        var now = first
        for _ in 0..<Self.settleLooks {
            try? await Task.sleep(for: Self.settleWait)
            let again = scan()
            if again == now { break }
            now = again
        }
        let changed = now.changes(since: state)
        let (compiled, preview) = await Self.compile(compiler, changed: changed)
        compiler = compiled
        state = now
        rebuilding = nil
        guard preview != snapshot.preview else { return }
        snapshot = Snapshot(preview: preview, build: snapshot.build + 1)
        for listener in listeners.values { listener.yield(snapshot.build) }
        onRebuild(preview, changed)
    }

    private static let settleWait: Duration = .milliseconds(30)
    private static let settleLooks = 10

    private static func compile(_ compiler: PracticeCompiler, changed: Set<String>) async -> (PracticeCompiler, LivePreview) {
        await withCheckedContinuation { continuation in
            queue.async {
                var compiler = compiler
                let preview = compiler.rebuild(changed: changed)
                continuation.resume(returning: (compiler, preview))
            }
        }
    }

    /// The build numbers, the current one first, then one for each rebuild;
    /// it ends when the server stops.
    func builds() -> AsyncStream<Int> {
        let (stream, continuation) = AsyncStream.makeStream(of: Int.self, bufferingPolicy: .bufferingNewest(1))
        guard !closed else {
            continuation.finish()
            return stream
        }
        let id = UUID()
        listeners[id] = continuation
        continuation.onTermination = { _ in Task { await self.forget(id) } }
        continuation.yield(snapshot.build)
        return stream
    }

    private func forget(_ id: UUID) {
        listeners[id] = nil
    }

    /// Ends every event stream, so that stopping waits for none of them.
    func close() {
        closed = true
        for listener in listeners.values { listener.finish() }
        listeners = [:]
    }
}
