import Foundation
import GroupChartTestSupport
import Testing

/// `groupchart serve` end to end: the real binary on a free port, asked over
/// a socket for the records, their diagnostics and their reloads.
@Suite struct ServeTests {
    static let session = "sessions/2026-03-19-dbt-skills.html"
    static let note = "sessions/2026-03-19-dbt-skills/okonkwo-david.md"

    /// A copy of the example.
    static func example() throws -> FixturePractice {
        let practice = try FixturePractice(base: CheckCommandTests.example)
        try? practice.remove("build")
        return practice
    }

    /// Saves David Okonkwo's note of 2026-03-19 without its risk level: a
    /// `risk-level` error at the "## Risk" heading, line 40. The digest line
    /// goes too (the note reads as signed without one), so that the edit is
    /// the one error and not also a `signature-mismatch`.
    static func breakRisk(_ practice: FixturePractice) throws {
        let text = try practice.read(note)
        #expect(text.contains("Risk level: moderate"))
        let unsigned = text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("digest: ") }
            .joined(separator: "\n")
        try practice.write(note, unsigned.replacingOccurrences(of: "Risk level: moderate", with: "Risk is moderate"))
    }

    @Test func pagesShowTheDiagnosticsThatConcernThem() throws {
        let practice = try Self.example()
        defer { practice.delete() }
        try Self.breakRisk(practice)
        let server = try ServedPractice(practice.root)
        defer { #expect(server.stop() == 0) }

        let packet = try server.get(Self.session)
        #expect(packet.status == 200)
        #expect(packet.headers["content-type"] == "text/html; charset=utf-8")
        let panel = try #require(Self.panel(of: packet.body))
        #expect(panel.contains("1 error, 0 warnings"))
        #expect(panel.contains("\(Self.note):40:1"))
        #expect(panel.contains("section &quot;Risk&quot; states no risk level") && panel.contains("[risk-level]"))
        #expect(panel.contains("   40 | ## Risk\n      | ^"), "the source line with a caret")
        #expect(panel.contains("help: write"))
        let absolute = practice.root.standardizedFileURL.path
        #expect(panel.contains("href=\"vscode://file\(absolute)/\(Self.note):40:1\""))
        #expect(panel.contains("href=\"file://\(absolute)/\(Self.note)\""))
        #expect(panel.contains("<details><summary>Explain <code>risk-level</code>") && panel.contains("What it checks:"))
        #expect(panel.contains("Preview, not final"), "a session with errors is previewed, marked as not final")
        #expect(packet.body.contains("David Okonkwo") && packet.body.contains("Radical Acceptance"), "the packet itself is there")

        let chart = try server.get("members/okonkwo-david.html")
        #expect(try #require(Self.panel(of: chart.body)).contains("\(Self.note):40:1"), "his chart shows his note's error")
        let other = try server.get("members/chen-lily.html")
        #expect(try #require(Self.panel(of: other.body)).contains("No problems"), "another member's chart does not")
        let clean = try server.get("sessions/2026-03-12-dbt-skills.html")
        let cleanPanel = try #require(Self.panel(of: clean.body))
        #expect(!cleanPanel.contains("risk-level") && !cleanPanel.contains("not final"))
        #expect(cleanPanel.contains("elsewhere in the practice"))
        let dashboard = try server.get("")
        #expect(try #require(Self.panel(of: dashboard.body)).contains("\(Self.note):40:1"), "the dashboard shows every diagnostic")
        #expect(dashboard.body.contains("href=\"\(Self.session)\""), "the dashboard links the previewed session")
    }

    /// A clean record is served as `build` writes it, with only the panel,
    /// its style and the reload script added.
    @Test func cleanRecordsAreServedAsBuildWritesThem() throws {
        let practice = try Self.example()
        defer { practice.delete() }
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("groupchart-serve-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let built = try Binary.run(["build", practice.root.path, "--out", output.path, "--today", "2026-03-31"])
        #expect(built.status == 0, "\(built.standardError)")
        let server = try ServedPractice(practice.root)
        defer { #expect(server.stop() == 0) }
        for page in ["sessions/2026-03-12-dbt-skills.html", "members/okonkwo-david.html", "index.html"] {
            let served = try server.get(page).body
            let written = try String(contentsOf: output.appendingPathComponent(page), encoding: .utf8)
            #expect(Self.withoutLiveParts(served) == written, "\(page) differs from the one build wrote")
        }
        #expect(!FileManager.default.fileExists(atPath: practice.root.appendingPathComponent("build").path), "serve wrote a build folder")
    }

    /// The first request after a save is answered from the rebuilt practice
    /// (how long that takes is a figure of `make bench`, not of a test: the
    /// machines that run tests are shared).
    @Test func aNoteSavedWithAnErrorShowsOnTheNextRequest() throws {
        let practice = try Self.example()
        defer { practice.delete() }
        let server = try ServedPractice(practice.root)
        defer { #expect(server.stop() == 0) }
        #expect(try server.get(Self.session).body.contains("No problems"))
        try Self.breakRisk(practice)
        let page = try server.get(Self.session)
        #expect(page.status == 200)
        #expect(try #require(Self.panel(of: page.body)).contains("\(Self.note):40:1"))
        #expect(server.waitForStandardError(containing: "rebuilt after \(Self.note): 1 error"), "\(server.standardError)")
    }

    /// An open page hears of the rebuild on the event stream, and reloads.
    @Test func openPagesHearOfTheRebuildOnTheEventStream() throws {
        let practice = try Self.example()
        defer { practice.delete() }
        let server = try ServedPractice(practice.root)
        defer { #expect(server.stop() == 0) }
        let page = try server.get(Self.session)
        #expect(page.body.contains("<script data-build=\"1\" data-events=\"/\(server.token)/events\">"))
        #expect(page.body.contains("location.reload()"))
        let before = try LoopbackClient.events(port: server.port, "/\(server.token)/events", timeout: 10) {
            $0.contains("event: build\ndata: 1\n\n")
        }
        #expect(before.contains("text/event-stream") && before.lowercased().contains("cache-control: no-store"))
        let stream = Background {
            try LoopbackClient.events(port: server.port, "/\(server.token)/events", timeout: 10) { $0.contains("data: 2\n\n") }
        }
        Thread.sleep(forTimeInterval: 0.5)
        try Self.breakRisk(practice)
        let heard = try stream.value()
        #expect(heard.contains("event: build\ndata: 1\n\n") && heard.contains("event: build\ndata: 2\n\n"))
        let reloaded = try server.get(Self.session).body
        #expect(reloaded.contains("<script data-build=\"") && !reloaded.contains("<script data-build=\"1\""), "the page shows the new build")
    }

    @Test func requestsWithoutTheTokenAreRefused() throws {
        let practice = try Self.example()
        defer { practice.delete() }
        let server = try ServedPractice(practice.root)
        defer { #expect(server.stop() == 0) }
        let wrong = String(server.token.dropLast()) + (server.token.hasSuffix("0") ? "1" : "0")
        for target in ["/", "/index.html", "/\(Self.session)", "/\(wrong)/", "/\(wrong)/\(Self.session)",
                       "/\(server.token.dropLast())/", "/?token=\(server.token)", "/index.html?token=\(server.token)",
                       "/\(server.token.uppercased())/"] {
            let response = try LoopbackClient.request(port: server.port, target)
            #expect(response.status == 403, "\(target) answered \(response.status)")
            Self.expectNothingLeaks(response, target)
        }
        #expect(try server.get("").status == 200)
    }

    @Test func foreignHostHeadersAreRefused() throws {
        let practice = try Self.example()
        defer { practice.delete() }
        let server = try ServedPractice(practice.root)
        defer { #expect(server.stop() == 0) }
        let target = "/\(server.token)/"
        let refused: [(String??, [String])] = [
            (.some("attacker.example:\(server.port)"), []), (.some("attacker.example"), []),
            (.some("127.0.0.1.attacker.example:\(server.port)"), []), (.some("localhost:\(server.port + 1)"), []),
            (.some("127.0.0.1"), []), (.some(.none), []), (.none, ["Host: attacker.example:\(server.port)"]),
        ]
        for (host, head) in refused {
            let response = try LoopbackClient.request(port: server.port, target, host: host, head: head)
            #expect(response.status == 403, "Host \(String(describing: host)) \(head) answered \(response.status)")
            Self.expectNothingLeaks(response, "Host \(String(describing: host))")
        }
        let bare = try LoopbackClient.request(port: server.port, target, host: .some(.none), version: "HTTP/1.0")
        #expect(bare.status == 403, "a request without a Host header")
        for host in ["127.0.0.1:\(server.port)", "localhost:\(server.port)", "LOCALHOST:\(server.port)", "[::1]:\(server.port)"] {
            #expect(try LoopbackClient.request(port: server.port, target, host: .some(host)).status == 200, "\(host)")
        }
    }

    @Test func onlyGETIsServed() throws {
        let practice = try Self.example()
        defer { practice.delete() }
        let server = try ServedPractice(practice.root)
        defer { #expect(server.stop() == 0) }
        for method in ["POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD"] {
            let response = try LoopbackClient.request(port: server.port, "/\(server.token)/", method: method,
                                                   head: ["Content-Length: 0"])
            #expect(response.status == 405, "\(method) answered \(response.status)")
            #expect(response.headers["allow"] == "GET")
        }
    }

    /// Only rendered records are served: no `..`, encoded slash or
    /// backslash reaches anything else, and neither do links, since pages
    /// come from memory and never from the file system.
    @Test func nothingButTheRenderedRecordsIsServed() throws {
        let practice = try Self.example()
        defer { practice.delete() }
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("groupchart-outside-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: outside) }
        let secret = "SECRET-OUTSIDE-THE-PRACTICE"
        try Data("---\nfirst_name: \(secret)\n---\n\(secret)\n".utf8).write(to: outside.appendingPathComponent("profile.md"))
        try Data(secret.utf8).write(to: outside.appendingPathComponent("secret.html"))
        let links = [("members/ghost", outside.path), ("secret.html", outside.appendingPathComponent("secret.html").path),
                     ("build/secret.html", outside.appendingPathComponent("secret.html").path),
                     ("sessions/leak.html", outside.appendingPathComponent("secret.html").path)]
        for (link, target) in links {
            let url = practice.root.appendingPathComponent(link)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: target)
        }
        let server = try ServedPractice(practice.root)
        defer { #expect(server.stop() == 0) }
        let token = server.token
        let malformed = [
            "/\(token)/../\(token)/index.html", "/\(token)/sessions/../index.html", "/\(token)/./index.html",
            "/\(token)/%2e%2e/etc/passwd", "/\(token)/..%2F..%2F..%2Fetc%2Fpasswd", "/\(token)/sessions%2F2026-03-12-dbt-skills.html",
            "/\(token)/sessions%2f2026-03-12-dbt-skills.html", "/\(token)/..%5C..%5Cetc%5Cpasswd", "/\(token)//index.html",
            "/\(token)/index.html%00", "/\(token)/%", "/\(token)/sessions/",
        ]
        for target in malformed {
            let response = try LoopbackClient.request(port: server.port, target)
            #expect(response.status == 400, "\(target) answered \(response.status)")
            Self.expectNothingLeaks(response, target)
        }
        let absent = ["secret.html", "build/secret.html", "sessions/leak.html", "members/ghost.html", "members/ghost/profile.md",
                      "practice.yaml", "sessions/2026-03-12-dbt-skills/session.md", "attendance.csv", "claims.837", "etc/passwd"]
        for path in absent {
            let response = try server.get(path)
            #expect(response.status == 404, "\(path) answered \(response.status)")
            #expect(!response.body.contains(secret) && !response.body.contains("attendance:"), "\(path) leaked a file")
        }
        for page in ["", "index.html", Self.session, "members/okonkwo-david.html"] {
            #expect(!(try server.get(page).body.contains(secret)), "\(page) shows the linked file")
        }
    }

    /// Every response, refusals too, keeps out of caches and allows one script.
    @Test func responsesCarryNoStoreAndAStrictContentSecurityPolicy() throws {
        let practice = try Self.example()
        defer { practice.delete() }
        let server = try ServedPractice(practice.root)
        defer { #expect(server.stop() == 0) }
        let responses = [try server.get(""), try server.get(Self.session), try server.get("nothing.html"),
                         try LoopbackClient.request(port: server.port, "/")]
        for response in responses {
            #expect(response.headers["cache-control"] == "no-store")
            let policy = try #require(response.headers["content-security-policy"])
            #expect(policy.contains("default-src 'none'") && policy.contains("frame-ancestors 'none'"))
            let scripts = try #require(policy.split(separator: ";").first { $0.contains("script-src") })
            #expect(scripts.contains("'sha256-") && !scripts.contains("unsafe"), "\(scripts)")
            #expect(response.headers["referrer-policy"] == "no-referrer")
        }
    }

    @Test func buildWritesNoScript() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("groupchart-serve-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let built = try Binary.run(["build", CheckCommandTests.example.path, "--out", output.path, "--today", "2026-03-31"])
        #expect(built.status == 0)
        let files = FileManager.default.enumerator(atPath: output.path)?.compactMap { $0 as? String } ?? []
        let pages = files.filter { $0.hasSuffix(".html") }
        #expect(pages.count > 10)
        for page in pages {
            let text = try String(contentsOf: output.appendingPathComponent(page), encoding: .utf8).lowercased()
            #expect(!text.contains("<script") && !text.contains("eventsource") && !text.contains("groupchart-live"), "\(page)")
        }
    }

    @Test func refusesWhatItCannotServe() throws {
        let practice = try Self.example()
        defer { practice.delete() }
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("not-a-practice-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: outside) }
        let notAPractice = try Binary.run(["serve", outside.path])
        #expect(notAPractice.status == 2 && notAPractice.standardError.contains("is not in a GroupChart practice"), "\(notAPractice.standardError)")
        let badPort = try Binary.run(["serve", practice.root.path, "--port", "70000"])
        #expect(badPort.status == 2)
        let server = try ServedPractice(practice.root)
        defer { #expect(server.stop() == 0) }
        let taken = try Binary.run(["serve", practice.root.path, "--port", String(server.port)])
        #expect(taken.status == 2 && taken.standardError.contains("port \(server.port) is in use"), "\(taken.standardError)")
    }

    /// Like check, build and watch, serve takes a folder inside the practice
    /// (a clinician standing in a session's folder) and serves the practice.
    @Test func servesThePracticeAroundAFolderInsideIt() throws {
        let practice = try Self.example()
        defer { practice.delete() }
        let server = try ServedPractice(practice.root.appendingPathComponent("sessions/2026-03-19-dbt-skills"))
        defer { #expect(server.stop() == 0) }
        #expect(server.standardError.contains("serving \(practice.root.path): "), "\(server.standardError)")
        let page = try server.get(Self.session)
        #expect(page.status == 200 && page.body.contains("2026-03-19"))
    }

    /// Started from a subfolder with a relative path, the commands its
    /// diagnostics suggest are typed from there, as `check` types them, so
    /// that they work when pasted into the clinician's terminal.
    @Test func suggestedCommandsAreTypedFromWhereItWasStarted() throws {
        let practice = try Self.example()
        defer { practice.delete() }
        let text = try practice.read(Self.note)
        try practice.write(Self.note, text.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("signed_by: ") && !$0.hasPrefix("signed_at: ") && !$0.hasPrefix("digest: ") }
            .joined(separator: "\n"))
        let sessions = practice.root.appendingPathComponent("sessions")
        let checked = try Binary.run(["check", ".", "--today", "2026-03-31"], in: sessions)
        let typed = "groupchart sign 2026-03-19-dbt-skills/okonkwo-david.md"
        #expect(checked.standardOutput.contains(typed), "\(checked.standardOutput)")
        let server = try ServedPractice(practice.root, from: sessions, path: ".")
        defer { #expect(server.stop() == 0) }
        let panel = try #require(Self.panel(of: try server.get(Self.session).body))
        #expect(panel.contains("[unsigned-note]") && panel.contains(typed), "\(panel)")
        #expect(!panel.contains("groupchart sign \(Self.note)"))
    }

    /// Ctrl-C stops it cleanly, with an event stream open.
    @Test func ctrlCStopsCleanly() throws {
        let practice = try Self.example()
        defer { practice.delete() }
        let server = try ServedPractice(practice.root)
        defer { server.stop() }
        let stream = Background {
            try? LoopbackClient.events(port: server.port, "/\(server.token)/events", timeout: 20) { _ in false }
        }
        Thread.sleep(forTimeInterval: 0.5)
        let started = Date()
        #expect(server.stop() == 0)
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(server.standardError.contains("groupchart: stopped"))
        _ = try stream.value()
    }

    // MARK: Helpers

    /// The diagnostics panel of a served page.
    static func panel(of page: String) -> String? {
        guard let start = page.range(of: "<aside id=\"groupchart-live\""), let end = page.range(of: "</aside>", range: start.upperBound..<page.endIndex) else {
            return nil
        }
        return String(page[start.lowerBound..<end.upperBound])
    }

    /// A served page less what only served pages carry.
    static func withoutLiveParts(_ page: String) -> String {
        var text = page
        for (open, close, before) in [("<style>\n.live ", "</style>\n", ""), ("<aside id=\"groupchart-live\"", "</aside>\n", "\n"),
                                      ("<script data-build=", "</script>\n", "")] {
            guard let start = text.range(of: before + open), let end = text.range(of: close, range: start.upperBound..<text.endIndex) else {
                continue
            }
            text.removeSubrange(start.lowerBound..<end.upperBound)
        }
        return text
    }

    /// A refusal says why, and shows nothing of the records.
    static func expectNothingLeaks(_ response: LoopbackClient.Response, _ request: String) {
        for record in ["Harbor Behavioral Health", "Okonkwo", "risk", "<html"] {
            #expect(!response.body.contains(record), "the refusal of \(request) shows \"\(record)\"")
        }
    }
}
