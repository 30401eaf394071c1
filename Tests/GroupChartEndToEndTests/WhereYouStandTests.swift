import Foundation
import GroupChartTestSupport
import Testing

/// Issue 15, points 1 and 2: the commands find the practice from any folder
/// inside it, as git finds its repository, and the commands they suggest
/// work when pasted in the folder the user ran them from.
@Suite struct WhereYouStandTests {
    typealias Workflow = AuthoringWorkflowTests

    /// Yesterday's local date: a session that has ended, whatever the hour.
    static let yesterday: String = {
        let date = Calendar.current.date(byAdding: .day, value: -1, to: Date())!
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }()

    /// `init`'s practice in `folder/practice`, its plan and verification
    /// dated yesterday, so that a session of yesterday is billable and
    /// signable now.
    static func practice(in folder: URL) throws -> URL {
        let root = folder.appendingPathComponent("practice")
        #expect(try Binary.run(["init", root.path]).status == 0)
        for path in ["members/example-jordan/profile.md", "members/example-jordan/plan-\(Workflow.today).md", "groups/coping-skills.md",
                     "members/example-riley/profile.md", "members/example-riley/plan-\(Workflow.today).md"] {
            try Workflow.write(root, path, try Workflow.read(root, path).replacingOccurrences(of: Workflow.today, with: yesterday))
        }
        return root
    }

    /// The session's notes, written as a clinician would (Riley's too,
    /// unless `riley` is false: a note left unfinished).
    static func writeSession(_ root: URL, folder: String, start: String = "14:00", end: String = "15:30", riley: Bool = true) throws {
        let session = try Workflow.read(root, "\(folder)/session.md")
            .replacingOccurrences(of: "\nstart:  ", with: "\nstart: \"\(start)\"")
            .replacingOccurrences(of: "\nend:    ", with: "\nend: \"\(end)\"")
        try Workflow.write(root, "\(folder)/session.md", Workflow.filled(session, """
            ## Summary
            Members learned worry postponement and practised scheduling a daily worry period.

            ## Interventions
            Teaching, paired rehearsal of postponement, and feedback from peers.

            ## Group process
            The member compared what made worry hard to set aside with last week.

            """))
        try Workflow.write(root, "\(folder)/example-jordan.md", Workflow.filled(try Workflow.read(root, "\(folder)/example-jordan.md"), """
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
        let rileyNote = "\(folder)/example-riley.md"
        if riley, FileManager.default.fileExists(atPath: root.appendingPathComponent(rileyNote).path) {
            try Workflow.write(root, rileyNote, Workflow.filled(try Workflow.read(root, rileyNote), SignManyTests.rileyNote))
        }
    }

    /// The `groupchart ...` line a command printed, run as pasted in `folder`.
    static func runPasted(_ line: Substring, in folder: URL) throws -> Binary.Result {
        let words = line.split(separator: " ").map(String.init)
        #expect(words.first == "groupchart")
        return try Binary.run(Array(words.dropFirst()), in: folder)
    }

    @Test func everyCommandFindsThePracticeFromASubfolder() throws {
        let top = Workflow.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: top) }
        let root = try Self.practice(in: top)
        let fromRoot = try Binary.run(["new", "session", "--group", "coping-skills", "--date", Self.yesterday], in: root)
        #expect(fromRoot.status == 0, "\(fromRoot.standardError)")
        let session = root.appendingPathComponent("sessions/\(Self.yesterday)-coping-skills")
        let member = root.appendingPathComponent("members/example-jordan")
        let atRoot = try Binary.run(["check"], in: root)
        for folder in [session, member, root.appendingPathComponent("sessions")] {
            let check = try Binary.run(["check"], in: folder)
            #expect(check.status == 1 && check.standardOutput.split(separator: "\n").last == atRoot.standardOutput.split(separator: "\n").last)
            let json = try Binary.run(["check", "--format", "json"], in: folder)
            #expect(json.status == 1 && json.standardOutput.hasPrefix("{\n  \"diagnostics\""))
            let build = try Binary.run(["build"], in: folder)
            #expect(build.status == 1 && build.standardError.contains("groupchart: wrote "), "\(build.standardError)")
            let records = try Binary.run(["records", "--member", "example-jordan"], in: folder)
            #expect(records.status == 1 && records.standardError.contains("groupchart: wrote "), "\(records.standardError)")
            let signing = try Binary.run(["sign", ".", "--by", "rivera"], in: session)
            #expect(signing.status == 1 && signing.standardOutput.contains("not signed session.md: it has"))
        }
        let evening = try Binary.run(["new", "session", "--group", "coping-skills", "--date", Self.yesterday, "--suffix", "pm"], in: member)
        #expect(evening.status == 0, "\(evening.standardError)")
        #expect(evening.standardOutput.hasPrefix("created ../../sessions/\(Self.yesterday)-coping-skills-pm/ for 2 enrolled members:\n"))
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("build/index.html").path))
        #expect(!FileManager.default.fileExists(atPath: session.appendingPathComponent("build").path))
    }

    /// Outside any practice the sentence says so; init is never advised
    /// inside a practice, and refuses to nest one there.
    @Test func outsideAPracticeAndInitInsideOne() throws {
        let top = Workflow.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: top) }
        try FileManager.default.createDirectory(at: top, withIntermediateDirectories: true)
        let outside = try Binary.run(["check"], in: top)
        #expect(outside.status == 2)
        #expect(outside.standardError.contains("is not in a GroupChart practice: no folder from there up holds practice.yaml"))
        let root = try Self.practice(in: top)
        let nested = try Binary.run(["init", "second"], in: root.appendingPathComponent("members"))
        #expect(nested.status == 2 && nested.standardError.contains("is inside the practice at \(root.path)"))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("members/second").path))
        for command in [["check"], ["new", "session", "--group", "coping-skills", "--date", Self.yesterday]] {
            let inside = try Binary.run(command + ["groups"], in: root)
            #expect(inside.status != 2 && !inside.standardError.contains("groupchart init"), "\(inside.standardError)")
        }
    }

    /// `new session`'s sign line and the unsigned-note help, pasted in the
    /// folder the command ran in, sign the notes.
    @Test func suggestedCommandsWorkWhenPasted() throws {
        let top = Workflow.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: top) }
        let root = try Self.practice(in: top)
        let created = try Binary.run(["new", "session", "--group", "coping-skills", "--date", Self.yesterday, "practice"], in: top)
        let folder = "sessions/\(Self.yesterday)-coping-skills"
        #expect(created.standardOutput == """
            created practice/\(folder)/ for 2 enrolled members:
              practice/\(folder)/session.md
              practice/\(folder)/example-jordan.md
              practice/\(folder)/example-riley.md
            Fill in start and end, correct the attendance and write each note; then sign them all:
              groupchart sign practice/\(folder) --by rivera

            """)
        try Self.writeSession(root, folder: folder)
        let members = root.appendingPathComponent("members")
        let help = try Binary.run(["check", "--format", "json"], in: members)
        let object = try JSONSerialization.jsonObject(with: Data(help.standardOutput.utf8)) as? [String: Any]
        let helps = (object?["diagnostics"] as? [[String: Any]] ?? []).compactMap { $0["help"] as? String }
        let signJordan = try #require(helps.first { $0.contains("example-jordan.md") })
        #expect(signJordan == "sign it with groupchart sign ../\(folder)/example-jordan.md --by CLINICIAN")
        let pasted = signJordan.dropFirst("sign it with ".count).replacingOccurrences(of: "CLINICIAN", with: "rivera")
        let signedOne = try Self.runPasted(Substring(pasted), in: members)
        #expect(signedOne.status == 0 && signedOne.standardOutput.hasPrefix("signed ../\(folder)/example-jordan.md by rivera at "))

        let line = try #require(created.standardOutput.split(separator: "\n").last).drop { $0 == " " }
        let signedAll = try Self.runPasted(line, in: top)
        #expect(signedAll.status == 0, "\(signedAll.standardOutput)")
        #expect(signedAll.standardOutput.hasPrefix("already signed, left as it is: practice/\(folder)/example-jordan.md\nsigned practice/\(folder)/example-riley.md by rivera at "))
        #expect(signedAll.standardOutput.contains("\nsigned practice/\(folder)/session.md by rivera at "))
        let final = try Binary.run(["check", "practice"], in: top).standardOutput
        #expect(final == "0 errors, 0 warnings in 9 files\n", "\(final)")
    }
}
