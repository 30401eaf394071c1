import Foundation
import GroupChartTestSupport
import Testing

@Suite struct ExplainCommandTests {
    @Test func listsEveryRule() throws {
        let result = try Binary.run(["explain"])
        #expect(result.status == 0)
        for id in ["front-matter", "missing-member-note", "enrolled-not-recorded", "stray-file"] {
            #expect(result.standardOutput.contains("\n\(id) ") || result.standardOutput.hasPrefix("\(id) "), "\(id)")
        }
    }

    @Test func explainsOneRuleInFull() throws {
        let result = try Binary.run(["explain", "note-for-absent-member"])
        #expect(result.status == 0)
        for heading in ["What it checks:", "Why payers care:", "Example that fires:", "Fix:"] {
            #expect(result.standardOutput.contains(heading))
        }
    }

    @Test func anUnknownRuleSuggestsTheNearest() throws {
        let result = try Binary.run(["explain", "note-for-absent"])
        #expect(result.status == 2)
        #expect(result.standardError == """
            groupchart: error: no rule "note-for-absent": did you mean "note-for-absent-member"? (`groupchart explain` lists them all)

            """, "\(result.standardError)")
    }
}
