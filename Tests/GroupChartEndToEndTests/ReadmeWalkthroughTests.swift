import Foundation
import GroupChartTestSupport
import Testing

/// The README's "Writing records", walked through exactly as written: every
/// `$ ` line of its console blocks is run by a shell in a fresh folder (a
/// `cd` changes the folder of the next lines, so part of it runs from the
/// session's folder and from the practice), and what it prints must be what
/// the README shows. `...` stands for any lines; the date of the session is
/// today's, and times and digests may differ. Step 3, writing the notes, is
/// prose: the test writes them before the first `sign`. `serve`, which runs
/// until stopped, is left to ServeTests; the summary its first line shows
/// is held to what `check` says of the practice at that step.
@Suite(.enabled(if: Git.isAvailable)) struct ReadmeWalkthroughTests {
    static let readmeDate = "2026-12-01"

    /// One `$ ` line and the lines the README shows under it.
    struct Step {
        var command: String
        var expected: [String]
    }

    static func steps() throws -> [Step] {
        let readme = try String(contentsOf: FixturePractice.repository.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: "\n## Writing records"), "README.md has no Writing records section")
        let rest = readme[start.upperBound...]
        let section = rest[..<(rest.range(of: "\n## ")?.lowerBound ?? rest.endIndex)]
        var steps: [Step] = []
        for block in section.components(separatedBy: "```console\n").dropFirst() {
            let body = block.components(separatedBy: "\n```")[0]
            for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
                if line.hasPrefix("$ ") {
                    steps.append(Step(command: String(line.dropFirst(2)), expected: []))
                } else if !steps.isEmpty {
                    steps[steps.count - 1].expected.append(String(line))
                }
            }
        }
        return steps
    }

    /// Times and digests vary from run to run; the README's date is today's.
    static func normalised(_ line: String, today: String) -> String {
        var line = line.replacingOccurrences(of: readmeDate, with: today)
        for (pattern, stand) in [(#"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}"#, "<time>"), (#"sha256:[0-9a-f]{12}\.\.\."#, "<digest>...")] {
            line = line.replacingOccurrences(of: pattern, with: stand, options: .regularExpression)
        }
        return line
    }

    /// Whether `actual` is `expected`, where a `...` line stands for any lines.
    static func matches(_ expected: ArraySlice<String>, _ actual: ArraySlice<String>) -> Bool {
        guard let first = expected.first else { return actual.isEmpty }
        if first == "..." {
            return (actual.startIndex...actual.endIndex).contains { matches(expected.dropFirst(), actual[$0...]) }
        }
        return actual.first == first && matches(expected.dropFirst(), actual.dropFirst())
    }

    @Test func writingRecordsWorksAsWritten() throws {
        let steps = try Self.steps()
        #expect(steps.contains { $0.command.hasPrefix("cd ") } && steps.contains { $0.command.hasPrefix("groupchart sign") })
        let top = AuthoringWorkflowTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: top) }
        try FileManager.default.createDirectory(at: top, withIntermediateDirectories: true)
        let today = AuthoringWorkflowTests.today
        var folder = top
        var notesWritten = false
        var environment = ["PATH": Binary.url.deletingLastPathComponent().path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"),
                           "GROUPCHART": Binary.url.path, "NO_COLOR": "1"]
        for role in ["AUTHOR", "COMMITTER"] {
            environment["GIT_\(role)_NAME"] = "GroupChart Tests"
            environment["GIT_\(role)_EMAIL"] = "tests@example.com"
        }
        for step in steps {
            let command = step.command.replacingOccurrences(of: Self.readmeDate, with: today)
            // `serve` runs until stopped: ServeTests run it and read its pages.
            // Its first line states what `check` states of the practice then.
            if command.hasPrefix("groupchart serve") {
                let served = try #require(step.expected.first { $0.hasPrefix("groupchart: serving ") })
                let practice = String(command.split(separator: " ")[2])
                let check = try Binary.run(["check", practice, "--today", today], in: folder, environment: environment)
                let summary = check.standardOutput.split(separator: "\n").last.map(String.init) ?? ""
                #expect(served == "groupchart: serving \(practice): \(summary)", "$ \(command)\nREADME: \(served)\ncheck: \(summary)")
                continue
            }
            if command.hasPrefix("cd ") {
                folder = folder.appendingPathComponent(String(command.dropFirst(3))).standardizedFileURL
                continue
            }
            if command.hasPrefix("groupchart sign"), !notesWritten {
                try Self.writeNotes(in: top.appendingPathComponent("practice"), today: today)
                notesWritten = true
            }
            let result = try Binary.run(["-c", "exec 2>&1; " + command], in: folder, environment: environment,
                                        executable: URL(fileURLWithPath: "/bin/sh"))
            let actual = result.standardOutput.split(separator: "\n", omittingEmptySubsequences: false).map {
                Self.normalised(String($0), today: today)
            }.dropLast(result.standardOutput.hasSuffix("\n") ? 1 : 0)
            let expected = step.expected.map { Self.normalised($0, today: today) }
            #expect(Self.matches(expected[...], actual[...]),
                    "$ \(command)\nexpected:\n\(expected.joined(separator: "\n"))\nactual:\n\(actual.joined(separator: "\n"))")
        }
    }

    /// Step 3: the session's notes written. The session ended a minute past
    /// midnight, so that `sign`, which signs now, finds it over.
    static func writeNotes(in root: URL, today: String) throws {
        let now = Calendar.current.dateComponents([.hour, .minute], from: Date())
        if now.hour == 0, (now.minute ?? 0) < 2 { Thread.sleep(forTimeInterval: 120) }
        try WhereYouStandTests.writeSession(root, folder: "sessions/\(today)-coping-skills", start: "00:00", end: "00:01")
    }
}
