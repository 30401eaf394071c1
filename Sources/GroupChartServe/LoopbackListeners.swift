import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// The two listening sockets: 127.0.0.1 first, on the port asked for (or
/// one the system chooses), then ::1 on the same port, since a browser may
/// resolve `localhost` to either. Never any other address: the records are
/// for this machine only. A machine without IPv6 loopback is served on
/// 127.0.0.1 alone.
struct LoopbackListeners: Service {
    let responder: PreviewResponder
    let requestedPort: Int
    /// Told the port once 127.0.0.1 listens, and whether ::1 does too.
    let onListening: @Sendable (_ port: Int, _ ipv6: Bool) -> Void

    func run() async throws {
        var logger = Logger(label: "groupchart.serve")
        logger.logLevel = .critical
        let port = responder.port
        try await withThrowingTaskGroup(of: Void.self) { group in
            let (bound, announce) = AsyncStream.makeStream(of: Int.self)
            let ipv4 = Application(responder: responder, configuration: .init(address: .hostname("127.0.0.1", port: requestedPort)),
                                   onServerRunning: { channel in
                                       announce.yield(channel.localAddress?.port ?? requestedPort)
                                       announce.finish()
                                   }, logger: logger)
            group.addTask {
                defer { announce.finish() }
                try await ipv4.run()
            }
            var iterator = bound.makeAsyncIterator()
            guard let chosen = await iterator.next() else {
                // 127.0.0.1 could not be bound: its task ends with the error.
                try await group.next()
                return
            }
            port.value = chosen
            let (ipv6Bound, ipv6Announce) = AsyncStream.makeStream(of: Bool.self)
            let ipv6 = Application(responder: responder, configuration: .init(address: .hostname("::1", port: chosen)),
                                   onServerRunning: { _ in ipv6Announce.yield(true) }, logger: logger)
            group.addTask {
                do {
                    try await ipv6.run()
                } catch {
                    ipv6Announce.yield(false)
                }
                ipv6Announce.finish()
            }
            var ipv6Iterator = ipv6Bound.makeAsyncIterator()
            onListening(chosen, await ipv6Iterator.next() ?? false)
            try await group.waitForAll()
        }
    }
}
