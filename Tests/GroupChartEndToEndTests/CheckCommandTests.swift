import Foundation
import GroupChartTestSupport
import Testing

/// The real `groupchart` binary on practice folders: output and exit status.
@Suite struct CheckCommandTests {
    static let example = FixturePractice.repository.appendingPathComponent("examples/dbt-skills")

    @Test func exampleChecksClean() throws {
        let result = try Binary.run(["check", CheckCommandTests.example.path, "--today", "2026-03-31"])
        #expect(result.status == 0)
        #expect(result.standardOutput.hasSuffix("0 errors, 0 warnings in 41 files\n"))
        #expect(!result.standardOutput.contains("error:") && !result.standardOutput.contains("warning:"))
        #expect(result.standardError.isEmpty)
    }

    /// The binary a user runs allocates with mimalloc on Linux
    /// (`FreedMemory`): its phase times name the allocator whose `malloc`
    /// answered, and the check itself is unchanged by them.
    @Test func theBinaryAllocatesWithMimallocOnLinux() throws {
        let result = try Binary.run(["check", CheckCommandTests.example.path, "--today", "2026-03-31"],
                                    environment: ["GROUPCHART_PHASES": "1"])
        #expect(result.status == 0)
        #expect(result.standardOutput.hasSuffix("0 errors, 0 warnings in 41 files\n"))
        let named = result.standardError.split(separator: "\n").filter { $0.hasPrefix("groupchart: allocator ") }
        #if os(Linux)
        #expect(named.count == 1 && named[0].hasPrefix("groupchart: allocator mimalloc "), "\(result.standardError)")
        #else
        #expect(named == ["groupchart: allocator the C library's malloc"], "\(result.standardError)")
        #endif
    }

    /// One defect of every kind, each reported at its place (the JSON
    /// output); `EXPECTED` is a golden file (GROUPCHART_RECORD=1 re-records it).
    @Test func oneDefectOfEachKindIsReportedWhereItStands() throws {
        let overlay = FixturePractice.fixtures.appendingPathComponent("defects")
        let practice = try FixturePractice(overlay: overlay)
        defer { practice.delete() }
        let result = try Binary.run(["check", practice.root.path, "--today", "2026-03-31", "--format", "json"])
        #expect(result.status == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        let diagnostics = try #require(json["diagnostics"] as? [[String: Any]])
        let places = diagnostics.map { "\($0["file"]!):\($0["line"]!):\($0["column"]!) \($0["rule"]!)" }
        try Golden.compare(places.joined(separator: "\n") + "\n", to: overlay.appendingPathComponent("EXPECTED"))
        let rules = Set(diagnostics.compactMap { $0["rule"] as? String })
        let missing = Set(CheckCommandTests.ruleIDs()).subtracting(rules)
        #expect(missing.isEmpty, "rules with no defect in Fixtures/defects: \(missing.sorted())")
        #expect(json["errors"] as? Int == diagnostics.filter { $0["severity"] as? String == "error" }.count)
    }

    /// The ids `groupchart explain` lists.
    static func ruleIDs() -> [String] {
        let listing = (try? Binary.run(["explain"]).standardOutput) ?? ""
        return listing.split(separator: "\n").compactMap { line in
            line.first?.isLetter == true && line.contains("  ") ? line.split(separator: " ").first.map(String.init) : nil
        }
    }

    @Test func aFolderThatIsNoPracticeExitsTwoWithASentence() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("groupchart-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        let result = try Binary.run(["check", empty.path])
        #expect(result.status == 2)
        #expect(result.standardError.contains("is not in a GroupChart practice: no folder from there up holds practice.yaml"))
        #expect(try Binary.run(["check", empty.appendingPathComponent("missing").path]).status == 2)
    }

    @Test func anEmptyPracticeYamlIsADiagnosticNotACrash() throws {
        let practice = try FixturePractice(base: nil)
        defer { practice.delete() }
        try practice.write("practice.yaml", "")
        let result = try Binary.run(["check", practice.root.path, "--no-color"])
        #expect(result.status == 1)
        #expect(result.standardOutput.hasPrefix("practice.yaml:1:1: error: practice.yaml is empty [missing-field]\n"))
        #expect(result.standardOutput.hasSuffix("1 error, 0 warnings in 1 file\n"))
    }

    @Test func badArgumentsExitTwo() throws {
        // A bad date is the command's error, said once, not ArgumentParser's
        // with the usage of the whole program under it.
        let badDate = try Binary.run(["check", "--today", "12/06/2026"], in: Self.example)
        #expect(badDate.status == 2)
        #expect(badDate.standardError == "groupchart: error: --today: \"12/06/2026\" is not a date; write dates as YYYY-MM-DD, for example 2026-03-12\n",
                "\(badDate.standardError)")
        #expect(try Binary.run(["check", "--today", "2026-02-30"]).status == 2)
        #expect(try Binary.run(["check", "--format", "xml"]).status == 2)
        #expect(try Binary.run(["check", "--no-such-option"]).status == 2)
        #expect(try Binary.run(["frobnicate"]).status == 2)
        let help = try Binary.run(["check", "--help"])
        #expect(help.status == 0)
        #expect(help.standardOutput.contains("--strict"))
    }

    @Test func strictTurnsWarningsIntoErrors() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        try practice.write("members/doe-jane/notes.md", "A stray.\n")
        #expect(try Binary.run(["check", practice.root.path, "--today", "2026-03-31"]).status == 0)
        let strict = try Binary.run(["check", practice.root.path, "--today", "2026-03-31", "--strict"])
        #expect(strict.status == 1)
        #expect(strict.standardOutput.contains("error: \"members/doe-jane/notes.md\" is not a document"))
    }

    @Test func quietPrintsErrorsOnly() throws {
        let practice = try FixturePractice(overlay: FixturePractice.fixtures.appendingPathComponent("defects"))
        defer { practice.delete() }
        let result = try Binary.run(["check", practice.root.path, "--today", "2026-03-31", "--quiet"])
        #expect(result.status == 1)
        #expect(!result.standardOutput.contains("warning:"))
        #expect(!result.standardOutput.contains(" in 16 files"))
        #expect(result.standardOutput.contains("error:"))
    }

    @Test func noColourWhenNotATerminal() throws {
        let practice = try FixturePractice(overlay: FixturePractice.fixtures.appendingPathComponent("defects"))
        defer { practice.delete() }
        let result = try Binary.run(["check", practice.root.path, "--today", "2026-03-31"])
        #expect(!result.standardOutput.contains("\u{1B}["))
    }

    @Test func sarifOutputIsJSON() throws {
        let result = try Binary.run(["check", CheckCommandTests.example.path, "--today", "2026-03-31", "--format", "sarif"])
        #expect(result.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
        #expect(json?["version"] as? String == "2.1.0")
    }

    /// Issue 15: a hostile remittance of 150,000 odd segments on one line
    /// prints 20 of its warnings and a count of the rest, in seconds (it
    /// took minutes when the long line was converted for each diagnostic);
    /// JSON keeps every one.
    @Test(.timeLimit(.minutes(2))) func oneRuleIsShownTwentyTimesPerFileAndQuickly() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        let envelope = "ISA*00*          *00*          *ZZ*AETNA          *ZZ*FIXTURE        *260327*1200*^*00501*000000001*0*P*:~"
            + "GS*HP*AETNA*FIXTURE*20260327*1200*1*X*005010X221A1~ST*835*0001~"
        try practice.write("remittances/hostile.835", envelope + String(repeating: "Z*1~", count: 150_000))
        for command in ["check", "build"] {
            let result = try Binary.run([command, practice.root.path, "--today", "2026-03-31"])
            #expect(result.status == 0, "\(result.standardError)")
            let lines = result.standardOutput.split(separator: "\n")
            #expect(lines.filter { $0.hasPrefix("remittances/hostile.835:") && $0.hasSuffix("[remittance]") }.count == 20)
            #expect(lines.contains { $0.hasPrefix("remittances/hostile.835: note: 149983 more [remittance] diagnostics in this file") })
            #expect(lines.last == "0 errors, 150003 warnings in 10 files")
        }
        let json = try Binary.run(["check", practice.root.path, "--today", "2026-03-31", "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any]
        #expect((object?["diagnostics"] as? [Any])?.count == 150_003)
    }

    @Test func checkDefaultsToTheCurrentFolder() throws {
        let result = try Binary.run(["check", "--today", "2026-03-31"], in: CheckCommandTests.example)
        #expect(result.status == 0)
    }
}
