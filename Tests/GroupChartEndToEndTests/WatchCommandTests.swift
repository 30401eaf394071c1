import Foundation
import GroupChartTestSupport
import Testing

/// `groupchart watch` end to end: the real binary watches a copy of the
/// example; a note saved with a change is rebuilt into its record, read
/// back from the output folder, and only the records it touches are
/// rendered anew.
@Suite struct WatchCommandTests {
    /// Waits up to `seconds` for `condition`.
    private func eventually(_ seconds: Double, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            usleep(50_000)
        }
        return condition()
    }

    /// `groupchart watch` started on `practice`, its standard error going
    /// to the log file returned (the caller removes it).
    private func watch(_ practice: FixturePractice, environment: [String: String] = [:]) throws -> (Process, URL) {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("groupchart-watch-\(UUID().uuidString).log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let process = Process()
        process.executableURL = Binary.url
        process.arguments = ["watch", practice.root.path, "--today", "2026-03-31", "--interval", "0.1"]
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: log)
        try process.run()
        return (process, log)
    }

    /// Ctrl-C in the middle of a rebuild stops the watch once the build's
    /// outputs are in place: the rebuild is reported done, the process ends
    /// by the signal, and no temporary file is left. (The rebuild is drawn
    /// out by `GROUPCHART_WATCH_TEST_PAUSE`, so that the signal lands in it.)
    @Test func ctrlCDuringARebuildLetsItFinish() throws {
        let practice = try FixturePractice(base: CheckCommandTests.example)
        defer { practice.delete() }
        try? practice.remove("build")
        let (process, log) = try watch(practice, environment: ["GROUPCHART_WATCH_TEST_PAUSE": "3"])
        defer { try? FileManager.default.removeItem(at: log) }
        var reaped = false
        defer {
            if !reaped {
                kill(process.processIdentifier, SIGKILL)
                var status: Int32 = 0
                waitpid(process.processIdentifier, &status, 0)
            }
        }
        let stderr = { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }
        #expect(eventually(60) { stderr().contains("built ") }, "the first build: \(stderr())")
        // A template of the practice's own: every packet is rendered again.
        let template = try String(contentsOf: FixturePractice.repository.appendingPathComponent("templates/session.mustache"), encoding: .utf8)
        try practice.write("templates/session.mustache", template.replacingOccurrences(of: "</body>", with: "<p>Revised</p></body>"))
        // The rebuild runs, then pauses three seconds before it counts as done.
        let packet = practice.root.appendingPathComponent("build/sessions/2026-03-12-dbt-skills.html")
        #expect(eventually(30) { (try? String(contentsOf: packet, encoding: .utf8))?.contains("Revised") == true }, "the rebuild: \(stderr())")
        kill(process.processIdentifier, SIGINT)
        #expect(eventually(20) { !process.isRunning }, "stopped once the rebuild was done")
        reaped = !process.isRunning
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGINT,
                "ended by the signal (\(process.terminationReason.rawValue), \(process.terminationStatus))")
        #expect(stderr().components(separatedBy: "built ").count == 3, "the rebuild was reported done before the watch stopped: \(stderr())")
        let left = (FileManager.default.enumerator(atPath: practice.root.appendingPathComponent("build").path)?.allObjects as? [String]) ?? []
        #expect(!left.contains { $0.contains(".tmp-") }, "no temporary file left: \(left.filter { $0.contains(".tmp-") })")
    }

    @Test func aSavedNoteIsRebuiltIntoItsRecord() throws {
        let practice = try FixturePractice(base: CheckCommandTests.example)
        defer { practice.delete() }
        try? practice.remove("build")
        let (process, log) = try watch(practice)
        defer { try? FileManager.default.removeItem(at: log) }
        // Stopped as Ctrl-C would, and reaped directly: Foundation's
        // waitUntilExit can wait forever on Linux once the child is gone.
        defer {
            kill(process.processIdentifier, SIGINT)
            var status: Int32 = 0
            waitpid(process.processIdentifier, &status, 0)
        }
        let stderr = { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }
        #expect(eventually(60) { stderr().contains("built ") }, "the first build: \(stderr())")
        let packet = practice.root.appendingPathComponent("build/sessions/2026-03-12-dbt-skills.html")
        let packetBefore = try Data(contentsOf: packet)
        let other = practice.root.appendingPathComponent("build/members/bell-marcus.html")
        let otherBefore = try Data(contentsOf: other)
        let chart = practice.root.appendingPathComponent("build/members/okonkwo-david.html")

        // An individual note is read by its member's chart alone.
        let note = "members/okonkwo-david/individual/2026-03-14.md"
        try practice.write(note, try practice.read(note).replacingOccurrences(of: "## Interventions\n", with: "## Interventions\nA sentence added on saving.\n"))
        let signed = try Binary.run(["sign", note, "--by", "torres", "--at", "2026-03-14T12:00", "--force"], in: practice.root)
        #expect(signed.status == 0, "\(signed.standardError)\(signed.standardOutput)")
        #expect(eventually(30) { stderr().components(separatedBy: "built ").count > 2 }, "a second build: \(stderr())")
        #expect(eventually(10) { (try? String(contentsOf: chart, encoding: .utf8))?.contains("A sentence added on saving.") == true },
                "the chart shows the saved note")
        #expect(try Data(contentsOf: other) == otherBefore, "another member's chart is kept as it was")
        #expect(try Data(contentsOf: packet) == packetBefore, "the session packets are kept as they were")
        let second = stderr().components(separatedBy: "\n").last { $0.contains("built ") } ?? ""
        #expect(second.contains("files written anew") && !second.contains("17 of 17"), "not every record rendered again: \(second)")

        // The practice goes away (practice.yaml moved): said once, not at
        // every poll; back, it is built again.
        let builds = stderr().components(separatedBy: "built ").count
        try FileManager.default.moveItem(at: practice.root.appendingPathComponent("practice.yaml"),
                                         to: practice.root.appendingPathComponent("practice.yaml.away"))
        #expect(eventually(10) { stderr().contains("is not a GroupChart practice") }, "the practice gone: \(stderr())")
        usleep(1_000_000)
        #expect(stderr().components(separatedBy: "is not a GroupChart practice").count == 2, "said once in ten polls: \(stderr())")
        try FileManager.default.moveItem(at: practice.root.appendingPathComponent("practice.yaml.away"),
                                         to: practice.root.appendingPathComponent("practice.yaml"))
        #expect(eventually(30) { stderr().components(separatedBy: "built ").count > builds }, "built again once back: \(stderr())")
    }
}
