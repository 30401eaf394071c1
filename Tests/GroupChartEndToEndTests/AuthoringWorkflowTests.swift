import Foundation
import GroupChartTestSupport
import Testing

/// The authoring commands as a new user meets them, through the real
/// binary: init, check, new session, writing the notes, sign, check.
@Suite struct AuthoringWorkflowTests {
    /// Today's local date, as the binary reads it.
    static let today: String = {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }()

    static func temporaryFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("groupchart-authoring-\(UUID().uuidString)")
    }

    static func read(_ root: URL, _ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    static func write(_ root: URL, _ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    /// The rule ids of `check --format json`.
    static func rules(_ root: URL) throws -> [String] {
        let result = try Binary.run(["check", root.path, "--today", today, "--format", "json"])
        let json = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
        return (json?["diagnostics"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String }
    }

    /// The front-matter of a skeleton as written, with `body` below it.
    static func filled(_ skeleton: String, _ body: String) -> String {
        let parts = skeleton.components(separatedBy: "\n---\n")
        return parts[0] + "\n---\n" + body
    }

    @Test func initNewSessionWriteSignCheck() throws {
        let root = Self.temporaryFolder().appendingPathComponent("practice")
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        #expect(try Binary.run(["init", root.path]).status == 0)
        let clean = try Binary.run(["check", root.path, "--today", Self.today])
        #expect(clean.status == 0)
        #expect(clean.standardOutput == "0 errors, 0 warnings in 6 files\n")

        let created = try Binary.run(["new", "session", "--group", "coping-skills", "--date", Self.today, root.path])
        #expect(created.status == 0)
        let rules = try Self.rules(root)
        #expect(rules.contains("empty-section"))
        #expect(Set(rules).isSubset(of: ["empty-section", "goal-status", "risk-level", "unsigned-note", "missing-field"]), "\(rules)")

        let folder = "sessions/\(Self.today)-coping-skills"
        // A session that ended at 00:01 today, so that its notes can be
        // signed then whatever the hour the test runs (sign refuses a time
        // later than now).
        let session = try Self.read(root, "\(folder)/session.md")
            .replacingOccurrences(of: "\nstart:  ", with: "\nstart: \"00:00\"")
            .replacingOccurrences(of: "\nend:    ", with: "\nend: \"00:01\"")
        try Self.write(root, "\(folder)/session.md", Self.filled(session, """
            ## Summary
            Members learned worry postponement and practised scheduling a daily worry period.

            ## Interventions
            Teaching, paired rehearsal of postponement, and feedback from peers.

            ## Group process
            The two members encouraged each other and compared what made worry hard to set aside.

            """))
        try Self.write(root, "\(folder)/example-jordan.md", Self.filled(try Self.read(root, "\(folder)/example-jordan.md"), """
            ## Participation
            Jordan described avoiding phone calls at work and rehearsed postponing a worry about a deadline.

            ## Goals
            - G1: In progress. Worry ratings averaged 6 of 10 this week, down from 8.
            - G2: No change. Used paced breathing once, on one day.

            ## Risk
            Denies suicidal ideation. Risk level: low.

            ## Plan
            Schedule a daily fifteen-minute worry period and log it before next week.

            """))
        try Self.write(root, "\(folder)/example-riley.md", Self.filled(try Self.read(root, "\(folder)/example-riley.md"), """
            ## Participation
            Riley arrived anxious after a crowded train ride and led the second breathing round.

            ## Goals
            - G1: Regressed. Two panic attacks since intake, both on trains.

            ## Risk
            No self-harm; sleep is short. Risk level: low.

            ## Plan
            Interoceptive exercise (spinning in a chair) twice before the next meeting.

            """))
        for note in ["session.md", "example-jordan.md", "example-riley.md"] {
            let signed = try Binary.run(["sign", root.appendingPathComponent("\(folder)/\(note)").path, "--by", "rivera", "--at", "\(Self.today)T00:01"])
            #expect(signed.status == 0, "\(note): \(signed.standardError)")
            #expect(signed.standardOutput.hasPrefix("signed \(root.path)/\(folder)/\(note) by rivera at \(Self.today)T00:01 (sha256:"))
        }
        let final = try Binary.run(["check", root.path, "--today", Self.today])
        #expect(final.standardOutput == "0 errors, 0 warnings in 9 files\n")
        #expect(final.status == 0)
    }

    /// Every refusal is exit status 2 with a sentence on standard error,
    /// and leaves the files as they were.
    @Test func refusalsExitTwoAndWriteNothing() throws {
        let root = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try Binary.run(["init", root.path]).status == 0)
        let practiceYaml = try Self.read(root, "practice.yaml")

        let again = try Binary.run(["init", root.path])
        #expect(again.status == 2 && again.standardError.contains("never overwrites"))
        #expect(try Self.read(root, "practice.yaml") == practiceYaml)

        let hook = try Binary.run(["init", Self.temporaryFolder().path, "--git-hook"])
        #expect(hook.status == 2 && hook.standardError.contains("is not in a git repository"))

        let group = try Binary.run(["new", "session", "--group", "coping", "--date", Self.today, root.path])
        #expect(group.status == 2 && group.standardError.contains("did you mean \"coping-skills\"?"))
        let date = try Binary.run(["new", "session", "--group", "coping-skills", "--date", "2026-02-30", root.path])
        #expect(date.status == 2 && date.standardError.contains("February 2026 has 28 days"))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("sessions").path))

        #expect(try Binary.run(["new", "session", "--group", "coping-skills", "--date", Self.today, root.path]).status == 0)
        let note = root.appendingPathComponent("sessions/\(Self.today)-coping-skills/example-jordan.md")
        let skeleton = try String(contentsOf: note, encoding: .utf8)
        let twice = try Binary.run(["new", "session", "--group", "coping-skills", "--date", Self.today, root.path])
        #expect(twice.status == 2 && twice.standardError.contains("already exists"))

        let stranger = try Binary.run(["sign", note.path, "--by", "rivra"])
        #expect(stranger.status == 2 && stranger.standardError.contains("did you mean \"rivera\"?"))
        let unfinished = try Binary.run(["sign", note.path, "--by", "rivera", "--at", "\(Self.today)T00:00"])
        #expect(unfinished.status == 1 && unfinished.standardOutput.contains("[empty-section]"))
        let future = try Binary.run(["sign", note.path, "--by", "rivera", "--at", "2099-01-01T00:00"])
        #expect(future.status == 2 && future.standardError.contains("--at 2099-01-01T00:00 is in the future"))
        #expect(try String(contentsOf: note, encoding: .utf8) == skeleton)
    }

    /// The pre-commit hook refuses a commit while check reports an error.
    @Test(.enabled(if: Git.isAvailable)) func theGitHookStopsACommitWithAnError() throws {
        let root = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        #expect(try Git.run(["init", "-q"], in: root).status == 0)
        #expect(try Binary.run(["init", ".", "--git-hook"], in: root).status == 0)
        #expect(try Git.run(["add", "-A"], in: root).status == 0)
        let first = try Git.run(["commit", "-q", "-m", "A new practice"], in: root)
        #expect(first.status == 0, "\(first.output)")
        #expect(try Binary.run(["new", "session", "--group", "coping-skills", "--date", Self.today], in: root).status == 0)
        #expect(try Git.run(["add", "-A"], in: root).status == 0)
        let refused = try Git.run(["commit", "-q", "-m", "Unwritten notes"], in: root)
        #expect(refused.status != 0)
        #expect(refused.output.contains("[empty-section]") && refused.output.contains("pre-commit: commit refused"))
    }
}

/// git, run with an identity of its own and the hook pointed at the binary.
enum Git {
    static let isAvailable: Bool = (try? run(["--version"], in: FileManager.default.temporaryDirectory))?.status == 0

    static func run(_ arguments: [String], in folder: URL) throws -> (status: Int32, output: String) {
        var environment = ["GROUPCHART": Binary.url.path]
        for role in ["AUTHOR", "COMMITTER"] {
            environment["GIT_\(role)_NAME"] = "GroupChart Tests"
            environment["GIT_\(role)_EMAIL"] = "tests@example.com"
        }
        return try ExternalTool.run(ExternalTool.env, ["git"] + arguments, in: folder, environment: environment)
    }
}
