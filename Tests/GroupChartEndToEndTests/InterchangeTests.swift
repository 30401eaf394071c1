import Foundation
import GroupChartTestSupport
import Testing

/// claims.837 against pyx12, through ../shared/tools/x12check.py (skipped
/// when ../shared is not beside the repository).
@Suite struct InterchangeTests {
    static let checker = FixturePractice.repository.appendingPathComponent("../shared/tools/x12check.py").standardized
    static let python = ExternalTool.find("python3", "python")
    static var hasChecker: Bool { FileManager.default.fileExists(atPath: checker.path) }

    static var pyx12Installed: Bool {
        guard let python else { return false }
        return (try? ExternalTool.run(python, ["-c", "import pyx12"]).status) == 0
    }

    /// Builds `practice`, checks its claims.837 with pyx12, returns its claims.csv.
    @discardableResult
    private func buildAndCheck(_ practice: URL, today: String = "2026-03-31", claimsFile: ((String) -> Void)? = nil) throws -> String {
        let python = try #require(Self.python, "python3 is not installed")
        #expect(Self.pyx12Installed, "pyx12 is not installed (pip install pyx12; make test installs it)")
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("groupchart-837-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let build = try Binary.run(["build", practice.path, "--out", output.path, "--today", today])
        #expect(build.status == 0, "\(build.standardOutput)")
        let check = try ExternalTool.run(python, [Self.checker.path, output.appendingPathComponent("claims.837").path])
        #expect(check.status == 0, "pyx12: \(check.output)")
        #expect(check.output.contains("VALID"))
        try claimsFile?(String(contentsOf: output.appendingPathComponent("claims.837"), encoding: .utf8))
        return try String(contentsOf: output.appendingPathComponent("claims.csv"), encoding: .utf8)
    }

    @Test(.enabled(if: hasChecker && (pyx12Installed || ExternalTool.required)))
    func theExampleInterchangeValidates() throws {
        try buildAndCheck(CheckCommandTests.example)
    }

    /// Telehealth modifiers and a session without a co-facilitator, in pyx12 too.
    @Test(.enabled(if: hasChecker && (pyx12Installed || ExternalTool.required)))
    func aTelehealthVariantValidates() throws {
        let practice = try FixturePractice(base: CheckCommandTests.example)
        defer { practice.delete() }
        let path = "sessions/2026-03-19-dbt-skills/session.md"
        try practice.write(path, try practice.read(path)
            .replacingOccurrences(of: "place_of_service: \"11\"", with: "place_of_service: \"02\"")
            .replacingOccurrences(of: "co_facilitator: park", with: "co_facilitator: none"))
        // The digest covers the front-matter: the changed note is signed anew.
        let signed = try Binary.run(["sign", practice.root.appendingPathComponent(path).path, "--by", "torres",
                                     "--at", "2026-03-19T16:05", "--force"])
        #expect(signed.status == 0, "\(signed.standardError)")
        let csv = try buildAndCheck(practice.root)
        #expect(csv.contains(",2026-03-19,02,90853,95,"), "the telehealth modifier of Aetna")
    }

    /// A member billed for more than 100 sessions in one batch (a backlog):
    /// loop 2300 repeats at most 100 times under one subscriber loop, so the
    /// member's loops start again, and pyx12 finds the file valid.
    @Test(.enabled(if: hasChecker && (pyx12Installed || ExternalTool.required)))
    func aBacklogOfMoreThanAHundredClaimsForOneMemberValidates() throws {
        let python = try #require(Self.python, "python3 is not installed")
        let practice = FileManager.default.temporaryDirectory.appendingPathComponent("groupchart-backlog-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: practice) }
        let generated = try ExternalTool.run(python, [FixturePractice.repository.appendingPathComponent("bench/generate-practice.py").path,
                                                      practice.path, "--groups", "1", "--sessions", "110", "--members", "3"])
        #expect(generated.status == 0, "\(generated.output)")
        var claimsPerLoop: [Int] = []
        try buildAndCheck(practice, today: "2027-06-01") { x12 in
            for segment in x12.split(separator: "~") {
                if segment.hasPrefix("HL*"), segment.split(separator: "*", omittingEmptySubsequences: false)[3] == "22" {
                    claimsPerLoop.append(0)
                } else if segment.hasPrefix("CLM*"), !claimsPerLoop.isEmpty {
                    claimsPerLoop[claimsPerLoop.count - 1] += 1
                }
            }
        }
        #expect(claimsPerLoop == [100, 10, 100, 10, 100, 10], "each member's 110 claims in two subscriber loops")
    }
}
