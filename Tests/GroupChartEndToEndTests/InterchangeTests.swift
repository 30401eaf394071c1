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
    private func buildAndCheck(_ practice: URL) throws -> String {
        let python = try #require(Self.python, "python3 is not installed")
        #expect(Self.pyx12Installed, "pyx12 is not installed (pip install pyx12; make test installs it)")
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("groupchart-837-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let build = try Binary.run(["build", practice.path, "--out", output.path, "--today", "2026-03-31"])
        #expect(build.status == 0, "\(build.standardOutput)")
        let check = try ExternalTool.run(python, [Self.checker.path, output.appendingPathComponent("claims.837").path])
        #expect(check.status == 0, "pyx12: \(check.output)")
        #expect(check.output.contains("VALID"))
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
}
