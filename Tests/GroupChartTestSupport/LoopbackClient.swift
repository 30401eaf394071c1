import Foundation

#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#endif

/// A small HTTP/1.1 client over a plain socket to 127.0.0.1, for the tests
/// of `serve`. URLSession would not do: the defences are tested with what a
/// browser never sends (a raw `..` in the path, a forged or doubled Host
/// header, no Host at all), and URLSession tidies those away.
public enum LoopbackClient {
    public struct Response {
        public var status: Int
        /// Header names in lower case.
        public var headers: [String: String]
        public var body: String
    }

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Sends one request and reads the whole response. `host` is the Host
    /// header (`nil`: none at all); `head` adds header lines as written.
    public static func request(port: Int, _ target: String, method: String = "GET", host: String?? = .none,
                               head: [String] = [], version: String = "HTTP/1.1", timeout: TimeInterval = 30) throws -> Response {
        let socket = try connect(port: port, timeout: timeout)
        defer { close(socket) }
        let hostLine: [String]
        switch host {
        case .none: hostLine = ["Host: 127.0.0.1:\(port)"]
        case .some(.none): hostLine = []
        case .some(.some(let value)): hostLine = ["Host: \(value)"]
        }
        let request = (["\(method) \(target) \(version)"] + hostLine + head + ["Connection: close", "", ""]).joined(separator: "\r\n")
        try send(socket, request)
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = recv(socket, &buffer, buffer.count, 0)
            if count < 0 { throw Failure(description: "no answer to \(method) \(target) in \(timeout) s") }
            if count == 0 { break }
            received += buffer[0..<count]
        }
        return try parse(received)
    }

    /// Reads the event stream at `target` until `enough` says the text read
    /// so far suffices (then returns it), or `timeout` passes (then throws
    /// with what was read).
    public static func events(port: Int, _ target: String, timeout: TimeInterval, enough: (String) -> Bool) throws -> String {
        let socket = try connect(port: port, timeout: 0.2)
        defer { close(socket) }
        try send(socket, "GET \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: text/event-stream\r\n\r\n")
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let count = recv(socket, &buffer, buffer.count, 0)
            if count == 0 { break }
            if count > 0 { received += buffer[0..<count] }
            let text = String(decoding: received, as: UTF8.self)
            if enough(text) { return text }
        }
        throw Failure(description: "the event stream did not say it in \(timeout) s; it said:\n\(String(decoding: received, as: UTF8.self))")
    }

    private static func connect(port: Int, timeout: TimeInterval) throws -> Int32 {
        #if canImport(Darwin)
        let socket = Darwin.socket(AF_INET, SOCK_STREAM, 0)
        #else
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #endif
        guard socket >= 0 else { throw Failure(description: "no socket") }
        var wait = timeval()
        wait.tv_sec = Int(timeout)
        wait.tv_usec = suseconds_t((timeout - Double(Int(timeout))) * 1_000_000)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                #if canImport(Darwin)
                Darwin.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                #else
                Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                #endif
            }
        }
        guard connected == 0 else {
            close(socket)
            throw Failure(description: "nothing listens on 127.0.0.1:\(port)")
        }
        return socket
    }

    private static func send(_ socket: Int32, _ text: String) throws {
        let bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { write(socket, $0.baseAddress, $0.count) }
            guard count > 0 else { throw Failure(description: "the request could not be sent") }
            sent += count
        }
    }

    private static func parse(_ bytes: [UInt8]) throws -> Response {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let split = text.range(of: "\r\n\r\n") else { throw Failure(description: "no response head in:\n\(text)") }
        let lines = text[..<split.lowerBound].components(separatedBy: "\r\n")
        guard let statusLine = lines.first, let status = statusLine.split(separator: " ").dropFirst().first.flatMap({ Int($0) }) else {
            throw Failure(description: "no status line in:\n\(text)")
        }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = String(text[split.upperBound...])
        if headers["transfer-encoding"]?.lowercased() == "chunked" { body = dechunk(body) }
        return Response(status: status, headers: headers, body: body)
    }

    /// The body of a chunked response, without its chunk sizes.
    private static func dechunk(_ text: String) -> String {
        var rest = Substring(text)
        var body = ""
        while let end = rest.range(of: "\r\n"), let size = Int(rest[..<end.lowerBound], radix: 16), size > 0 {
            let start = end.upperBound
            let utf8 = rest.utf8
            guard let stop = utf8.index(start, offsetBy: size, limitedBy: utf8.endIndex) else { break }
            body += String(rest[start..<stop])
            rest = rest[stop...].dropFirst(2)
        }
        return body
    }
}
