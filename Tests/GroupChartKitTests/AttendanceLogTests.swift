import Foundation
import GroupChartKit
import GroupChartTestSupport
import Testing

/// attendance.csv is "one row per session and enrolled member" (outputs.md):
/// a session whose packet an error keeps back (an unsigned note) keeps its
/// rows, where they were left out and the log lost who attended.
@Suite struct AttendanceLogTests {
    @Test func aSessionWithAnErrorKeepsItsRows() throws {
        let practice = try FixturePractice(base: FixturePractice.repository.appendingPathComponent("examples/dbt-skills"))
        defer { practice.delete() }
        let note = "sessions/2026-03-19-dbt-skills/okonkwo-david.md"
        let text = try practice.read(note)
        try practice.write(note, text.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("signed_at:") && !$0.hasPrefix("digest:") }.joined(separator: "\n"))
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("groupchart-attendance-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let built = try Builder.build(practice.root, options: Builder.Options(checker: Checker.Options(today: FixturePractice.today),
                                                                              output: output))
        #expect(built.skippedSessions.map(\.id) == ["2026-03-19-dbt-skills"], "its packet is kept back")
        let log = try String(contentsOf: output.appendingPathComponent("attendance.csv"), encoding: .utf8)
        #expect(log.components(separatedBy: "2026-03-19-dbt-skills").count - 1 == 8, "its eight enrolled members' rows")
        #expect(log.components(separatedBy: "2026-03-12-dbt-skills").count - 1 == 8)
    }
}
