import Foundation
@testable import GroupChartKit
import GroupChartTestSupport
import Testing

/// A group over its size needs a clinical reason in `size_rationale`; a
/// placeholder ("N/A", "none") is no reason, as an empty value is not
/// (auditor review: "N/A" silenced the warning).
@Suite struct GroupSizeRationaleTests {
    @Test(arguments: ["N/A", "none", "", "Two members joining from the closed Tuesday group until it restarts."])
    func aPlaceholderIsNoReason(rationale: String) throws {
        let practice = try FixturePractice(base: FixturePractice.repository.appendingPathComponent("examples/dbt-skills"))
        defer { practice.delete() }
        try practice.write("practice.yaml", try practice.read("practice.yaml") + "rules:\n  group-size: {max: 3}\n")
        let session = "sessions/2026-03-12-dbt-skills/session.md"
        try practice.write(session, try practice.read(session)
            .replacingOccurrences(of: "topic: TIPP", with: "size_rationale: \"\(rationale)\"\ntopic: TIPP"))
        let warned = try practice.check().diagnostics.contains { $0.rule == "group-size" && $0.location.file == session }
        #expect(warned == (rationale.count < 10), "\(rationale)")
    }
}
