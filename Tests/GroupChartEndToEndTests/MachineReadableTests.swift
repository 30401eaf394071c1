import Foundation
import GroupChartTestSupport
import Testing

/// Issue 15, point 8: under `--format json` or `sarif`, a command that
/// cannot run still writes one document on standard output, with the
/// reason, and exits 2; SARIF says what PRACTICE stands for.
@Suite struct MachineReadableTests {
    static func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "not one JSON object: \(text)")
    }

    static func emptyFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("groupchart-machine-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test(arguments: [
        ["check", "NOWHERE", "--format", "json"],
        ["check", "--format", "json", "--today", "2026-02-30"],
        ["check", "--format=json", "--no-such-option"],
        ["build", "NOWHERE", "--format", "json"],
        ["records", "--member", "nobody", "--format", "json", "NOWHERE"],
    ])
    func jsonSaysWhyItCouldNotRun(_ arguments: [String]) throws {
        let folder = try Self.emptyFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Binary.run(arguments.map { $0 == "NOWHERE" ? folder.path : $0 })
        #expect(result.status == 2)
        let error = try #require(try Self.object(result.standardOutput)["error"] as? String)
        #expect(!error.isEmpty && !error.contains("\n"), "\(error)")
        #expect(result.standardError.contains(error))
    }

    @Test func sarifSaysWhyItCouldNotRun() throws {
        let folder = try Self.emptyFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for arguments in [["check", folder.path, "--format", "sarif"], ["check", "--format", "sarif", "--bogus"]] {
            let result = try Binary.run(arguments)
            #expect(result.status == 2)
            let log = try Self.object(result.standardOutput)
            #expect(log["version"] as? String == "2.1.0")
            let run = try #require((log["runs"] as? [[String: Any]])?.first)
            #expect((run["results"] as? [Any])?.isEmpty == true)
            let invocation = try #require((run["invocations"] as? [[String: Any]])?.first)
            #expect(invocation["executionSuccessful"] as? Bool == false)
            let notification = try #require((invocation["toolExecutionNotifications"] as? [[String: Any]])?.first)
            #expect(notification["level"] as? String == "error")
            #expect(((notification["message"] as? [String: Any])?["text"] as? String)?.isEmpty == false)
        }
    }

    @Test func textStaysOffStandardOutput() throws {
        let folder = try Self.emptyFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Binary.run(["check", folder.path])
        #expect(result.status == 2 && result.standardOutput.isEmpty)
    }

    @Test func sarifNamesWhatPracticeStandsFor() throws {
        let example = CheckCommandTests.example
        let result = try Binary.run(["check", example.path, "--today", "2026-03-31", "--format", "sarif"])
        let run = try #require((try Self.object(result.standardOutput)["runs"] as? [[String: Any]])?.first)
        let bases = try #require(run["originalUriBaseIds"] as? [String: Any])
        let practice = try #require((bases["PRACTICE"] as? [String: Any])?["uri"] as? String)
        #expect(practice == URL(fileURLWithPath: example.path, isDirectory: true).absoluteString)
        #expect(practice.hasPrefix("file:///") && practice.hasSuffix("/"))
    }
}
