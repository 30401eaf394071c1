@testable import GroupChartServe
import Testing

/// The privacy rules of `serve`, one request at a time, without a server.
@Suite struct RequestPolicyTests {
    static let token = AccessToken(value: "0123456789abcdef0123456789abcdef0123456789abcdef")
    let policy = RequestPolicy(token: RequestPolicyTests.token, port: 4173)
    let host = ["127.0.0.1:4173"]
    var base: String { "/\(Self.token.value)/" }

    @Test func pagesAndTheEventStreamAreFoundUnderTheToken() {
        #expect(policy.decide(method: "GET", hosts: host, path: base) == .page("index.html"))
        #expect(policy.decide(method: "GET", hosts: host, path: base + "sessions/2026-03-12-dbt-skills.html")
                == .page("sessions/2026-03-12-dbt-skills.html"))
        #expect(policy.decide(method: "GET", hosts: host, path: base + "members/nguy%E1%BB%85n-lan.html?x=1") == .page("members/nguyễn-lan.html"))
        #expect(policy.decide(method: "GET", hosts: host, path: base + "events") == .events)
        #expect(policy.decide(method: "GET", hosts: host, path: "/\(Self.token.value)") == .redirect(base))
    }

    @Test(arguments: ["/", "", "index.html", "/index.html", "/0123456789abcdef0123456789abcdef0123456789abcdee/",
                      "/0123456789abcdef0123456789abcdef0123456789abcde/", "/0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF/",
                      "/?token=0123456789abcdef0123456789abcdef0123456789abcdef", "/x/0123456789abcdef0123456789abcdef0123456789abcdef/"])
    func aPathWithoutTheTokenIsForbidden(path: String) {
        #expect(status(policy.decide(method: "GET", hosts: host, path: path)) == 403)
    }

    @Test(arguments: [["attacker.example:4173"], ["127.0.0.1:4174"], ["127.0.0.1"], ["localhost.attacker.example:4173"],
                      ["127.0.0.1:4173", "attacker.example:4173"], [], ["127.0.0.2:4173"], ["[::1]"]])
    func aForeignHostIsForbidden(hosts: [String]) {
        #expect(status(policy.decide(method: "GET", hosts: hosts, path: base)) == 403)
    }

    @Test(arguments: ["127.0.0.1:4173", "localhost:4173", "LocalHost:4173", "[::1]:4173"])
    func theLoopbackNamesAreServed(host: String) {
        #expect(policy.decide(method: "GET", hosts: [host], path: base) == .page("index.html"))
    }

    @Test(arguments: ["POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE", "CONNECT"])
    func onlyGETIsAllowed(method: String) {
        #expect(status(policy.decide(method: method, hosts: host, path: base)) == 405)
        #expect(status(policy.decide(method: method, hosts: host, path: "/")) == 403, "without the token, nothing more is said")
    }

    @Test(arguments: ["../index.html", "sessions/../index.html", "./index.html", "%2e%2e/x", "..%2Fx", "sessions%2Fx.html",
                      "sessions%2fx.html", "..%5Cx", "a\\b", "/index.html", "index.html%00", "%", "sessions/", "%2E"])
    func aPathThatCouldLeadElsewhereIsRefused(rest: String) {
        #expect(status(policy.decide(method: "GET", hosts: host, path: base + rest)) == 400)
    }

    @Test func tokensAreLongRandomAndComparedWhole() {
        let first = AccessToken.random(), second = AccessToken.random()
        #expect(first.value.count == 48 && first.value.allSatisfy(\.isHexDigit))
        #expect(first.value != second.value)
        #expect(first.matches(Substring(first.value)))
        #expect(!first.matches(Substring(first.value.dropLast())) && !first.matches(Substring(first.value + "0")) && !first.matches(""))
    }

    private func status(_ decision: RequestPolicy.Decision) -> Int? {
        if case .refuse(let status, _) = decision { return status }
        return nil
    }
}
