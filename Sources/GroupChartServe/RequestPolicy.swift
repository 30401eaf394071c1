import Foundation

/// Decides what the server does with a request from its method, Host header
/// and raw path, before anything is looked up: the privacy of `serve` in one
/// place, kept apart from the HTTP library so that each rule is tested alone.
///
/// - The Host header must name the loopback address with the server's port
///   (`127.0.0.1`, `localhost`, `[::1]`): a page on another site that points
///   a name of its own at 127.0.0.1 (DNS rebinding) is refused.
/// - The first segment of the path must be the token.
/// - Only GET: nothing served ever changes anything.
/// - The rest of the path names one rendered record. Segments are decoded
///   one at a time, and `.`, `..`, empty segments, encoded slashes and
///   backslashes and NUL bytes are refused before any lookup; the lookup is
///   then in the pages held in memory, never in the file system, so no link
///   or path can reach a file that is not a rendered record.
struct RequestPolicy: Sendable {
    enum Decision: Equatable {
        /// A page, by its path among the records (`sessions/<id>.html`).
        case page(String)
        /// The stream of server-sent events that tells pages to reload.
        case events
        /// The same URL with the slash a relative link needs.
        case redirect(String)
        case refuse(status: Int, reason: String)
    }

    /// The path under the token at which the event stream is served.
    static let eventsPath = "events"

    let token: AccessToken
    let port: Int

    /// `hosts` are the values of every Host header the request carried.
    func decide(method: String, hosts: [String], path rawPath: String) -> Decision {
        guard hosts.count == 1, isLoopback(hosts[0]) else {
            return .refuse(status: 403, reason: "the Host header must be 127.0.0.1:\(port), localhost:\(port) or [::1]:\(port)")
        }
        let path = rawPath.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        var segments = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        guard path.hasPrefix("/"), let first = segments.first, token.matches(first) else {
            return .refuse(status: 403, reason: "this address needs the token: open the link groupchart serve printed")
        }
        guard method == "GET" else {
            return .refuse(status: 405, reason: "only GET is served")
        }
        segments = segments.dropFirst()
        guard !segments.isEmpty else { return .redirect("/\(token.value)/") }
        if segments.count == 1, segments.first == "" { return .page("index.html") }
        var decoded: [String] = []
        for segment in segments {
            guard let text = Self.decode(segment) else {
                return .refuse(status: 400, reason: "the path is not one of a record")
            }
            decoded.append(text)
        }
        let page = decoded.joined(separator: "/")
        return page == Self.eventsPath ? .events : .page(page)
    }

    /// A segment percent-decoded, or `nil` when it could lead anywhere else:
    /// empty, `.` or `..`, or holding a slash, a backslash or NUL once decoded.
    static func decode(_ segment: Substring) -> String? {
        guard !segment.isEmpty, let text = String(segment).removingPercentEncoding else { return nil }
        guard text != ".", text != "..", !text.contains("/"), !text.contains("\\"), !text.contains("\0") else { return nil }
        return text
    }

    private func isLoopback(_ host: String) -> Bool {
        let allowed = ["127.0.0.1", "localhost", "[::1]"]
        let lowered = host.lowercased()
        return allowed.contains { lowered == "\($0):\(port)" || (port == 80 && lowered == $0) }
    }
}
