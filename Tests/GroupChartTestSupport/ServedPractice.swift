import Foundation

/// `groupchart serve` running on a practice for a test: the real binary on a
/// free port, its address read from what it prints. Stop it in a `defer`,
/// so that no test leaves a server running.
public final class ServedPractice: @unchecked Sendable {
    public let process = Process()
    public private(set) var port = 0
    public private(set) var token = ""
    private let output = Output()
    private let errors = Output()

    /// Starts `groupchart serve PATH --port 0 arguments...` and waits until it
    /// listens; from `folder` with PATH as typed there (`path`), when given.
    public init(_ practice: URL, arguments: [String] = ["--today", "2026-03-31"], timeout: TimeInterval = 120,
                from folder: URL? = nil, path: String? = nil) throws {
        process.executableURL = Binary.url
        process.arguments = ["serve", path ?? practice.path, "--port", "0"] + arguments
        if let folder { process.currentDirectoryURL = folder }
        let standardOutput = Pipe()
        let standardError = Pipe()
        process.standardOutput = standardOutput
        process.standardError = standardError
        output.follow(standardOutput)
        errors.follow(standardError)
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline, process.isRunning {
            if let address = output.text.split(separator: "\n").first(where: { $0.contains("http://127.0.0.1:") }),
               let url = URL(string: address.trimmingCharacters(in: .whitespaces)), let port = url.port {
                self.port = port
                token = url.pathComponents.dropFirst().first ?? ""
                return
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        stop()
        throw LoopbackClient.Failure(description: "groupchart serve printed no address:\n\(output.text)\n\(errors.text)")
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    /// `http://127.0.0.1:PORT/TOKEN/`.
    public var address: String { "http://127.0.0.1:\(port)/\(token)/" }

    /// GET `path` below the token (`sessions/<id>.html`).
    public func get(_ path: String) throws -> LoopbackClient.Response {
        try LoopbackClient.request(port: port, "/\(token)/\(path)")
    }

    /// What it printed on standard error so far.
    public var standardError: String { errors.text }

    /// Waits until standard error holds `text` (a line is printed after the
    /// page that a request rebuilt is served, and the pipe is read on its
    /// own thread); whether it came within `timeout`.
    public func waitForStandardError(containing text: String, timeout: TimeInterval = 30) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while !errors.text.contains(text) {
            guard Date() < deadline, process.isRunning else { return errors.text.contains(text) }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return true
    }

    /// Sends SIGINT, as Ctrl-C does, and waits for it to stop (killing it
    /// after `timeout`); its exit status, or `nil` when it had to be killed.
    @discardableResult
    public func stop(timeout: TimeInterval = 15) -> Int32? {
        guard process.isRunning else { return process.terminationStatus }
        kill(process.processIdentifier, SIGINT)
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        guard !process.isRunning else {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return nil
        }
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Text read from a pipe as it comes.
    private final class Output: @unchecked Sendable {
        private let lock = NSLock()
        private var data = Data()

        var text: String { lock.withLock { String(decoding: data, as: UTF8.self) } }

        func follow(_ pipe: Pipe) {
            pipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
                let chunk = handle.availableData
                if chunk.isEmpty {
                    handle.readabilityHandler = nil
                } else {
                    self?.lock.withLock { self?.data.append(chunk) }
                }
            }
        }
    }
}
