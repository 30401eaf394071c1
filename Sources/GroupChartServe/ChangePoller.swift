import ServiceLifecycle

/// Looks for saved files a few times a second, so that open pages reload
/// soon after a save even when nobody asks for a page. It waits at least ten
/// times as long as a look takes, so that a large practice never costs more
/// than a tenth of a core; a page request looks again for itself anyway.
///
/// When the server stops, it ends the event streams first, so that no
/// page's open stream holds the stop back.
struct ChangePoller: Service {
    let live: LivePractice
    static let shortestWait: Duration = .milliseconds(250)

    func run() async throws {
        do {
            try await cancelWhenGracefulShutdown {
                while true {
                    _ = await live.refresh()
                    try await Task.sleep(for: max(Self.shortestWait, await live.lastScan * 10))
                }
            }
        } catch {
            // Cancelled: the server is stopping.
        }
        await live.close()
    }
}
