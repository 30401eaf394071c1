import HTTPTypes
import GroupChartKit
import Hummingbird

/// Answers every request: the policy first (Host, token, method, path),
/// then a page from the compiled practice, with the reload script that only
/// served pages carry, or the event stream that tells pages to reload.
struct PreviewResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let live: LivePractice
    let token: AccessToken
    let port: BoundPort
    /// A second Host header, which HTTP/1 conversion leaves among the fields.
    private static let hostField = HTTPField.Name("Host")!

    func respond(to request: Request, context: Context) async throws -> Response {
        let hosts = [request.head.authority].compactMap { $0 } + request.headers[values: Self.hostField]
        let policy = RequestPolicy(token: token, port: port.value)
        switch policy.decide(method: request.method.rawValue, hosts: hosts, path: request.head.path ?? "") {
        case .refuse(let status, let reason):
            var headers = ResponseHeaders.fields(contentType: "text/plain; charset=utf-8")
            if status == 405 { headers[.allow] = "GET" }
            return Response(status: .init(code: status), headers: headers, body: .init(byteBuffer: ByteBuffer(string: reason + "\n")))
        case .redirect(let location):
            var headers = ResponseHeaders.fields(contentType: "text/plain; charset=utf-8")
            headers[.location] = location
            return Response(status: .permanentRedirect, headers: headers)
        case .events:
            return events()
        case .page(let path):
            let snapshot = await live.refresh()
            let script = ReloadScript.element(build: snapshot.build, events: "/\(token.value)/\(RequestPolicy.eventsPath)")
            guard let page = snapshot.preview.page(path) else {
                return Response(status: .notFound, headers: ResponseHeaders.fields(contentType: "text/html; charset=utf-8"),
                                body: .init(byteBuffer: ByteBuffer(string: Self.notFound(dashboard: "/\(token.value)/", script: script))))
            }
            let html = PanelPlacement.place(in: String(decoding: page, as: UTF8.self), bodyEnd: script)
            return Response(status: .ok, headers: ResponseHeaders.fields(contentType: "text/html; charset=utf-8"),
                            body: .init(byteBuffer: ByteBuffer(string: html)))
        }
    }

    /// Server-sent events: `event: build` with the build number, now and
    /// after every rebuild that changed what is shown, until the server stops.
    private func events() -> Response {
        let live = self.live
        return Response(status: .ok, headers: ResponseHeaders.fields(contentType: "text/event-stream"), body: .init { writer in
            try await writer.write(ByteBuffer(string: "retry: 1000\n\n"))
            for await build in await live.builds() {
                try await writer.write(ByteBuffer(string: "event: build\ndata: \(build)\n\n"))
            }
            try await writer.finish(nil)
        })
    }

    /// A page for an address that names no record (a session renamed, a
    /// record not yet written): it reloads by itself when one appears.
    private static func notFound(dashboard: String, script: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><title>No such record</title></head>
        <body>
        <p>No record has this address, or not yet. See the <a href="\(dashboard)">dashboard</a>.</p>
        \(script)</body>
        </html>

        """
    }
}
