import Foundation
import GroupChartKit
import Logging
import NIOCore
import ServiceLifecycle

/// `groupchart serve`: the practice's records and their diagnostics in a
/// browser, compiled in memory, rebuilt when a file is saved, and reloaded
/// in every open page; private by construction (loopback only, a token in
/// every URL, the Host checked, GET only, rendered records only, no cache,
/// a strict Content-Security-Policy).
public struct PreviewServer: Sendable {
    /// Where the records are served, once the server listens.
    public struct Listening: Sendable {
        public var port: Int
        /// `http://127.0.0.1:PORT/TOKEN/`, then the `[::1]` and `localhost` forms.
        public var addresses: [String]
    }

    /// Why the server could not listen.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    public let compiler: PracticeCompiler
    public let port: Int

    /// `port` 0 lets the system choose a free one.
    public init(compiler: PracticeCompiler, port: Int) {
        self.compiler = compiler
        self.port = port
    }

    /// Compiles the practice, listens, and serves until SIGINT (Ctrl-C) or
    /// SIGTERM, then stops cleanly: the event streams end, requests under
    /// way finish, and it returns.
    public func run(onListening: @escaping @Sendable (LivePreview, Listening) -> Void,
                    onRebuild: @escaping @Sendable (LivePreview, Set<String>) -> Void) async throws {
        let live = await LivePractice.start(compiler, onRebuild: onRebuild)
        let token = AccessToken.random()
        let responder = PreviewResponder(live: live, token: token, port: BoundPort(port))
        let listeners = LoopbackListeners(responder: responder, requestedPort: port) { port, ipv6 in
            let hosts = ["127.0.0.1"] + (ipv6 ? ["[::1]", "localhost"] : ["localhost"])
            Task {
                let shown = await live.snapshot.preview
                onListening(shown, Listening(port: port, addresses: hosts.map { "http://\($0):\(port)/\(token.value)/" }))
            }
        }
        var logger = Logger(label: "groupchart.serve")
        logger.logLevel = .critical
        var configuration = ServiceGroupConfiguration(
            services: [.init(service: listeners), .init(service: ChangePoller(live: live))],
            gracefulShutdownSignals: [.sigint, .sigterm], logger: logger)
        configuration.maximumGracefulShutdownDuration = .seconds(5)
        do {
            try await ServiceGroup(configuration: configuration).run()
        } catch let error as IOError where error.errnoCode == EADDRINUSE {
            throw Failure(description: "port \(port) is in use on the loopback address: choose another with --port, or leave --port out for a free one")
        } catch let error as IOError where error.errnoCode == EACCES {
            throw Failure(description: "port \(port) needs privileges to listen on: choose one above 1023, or leave --port out for a free one")
        }
    }
}
