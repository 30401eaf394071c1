import Foundation
import GroupChartKit
import GroupChartTestSupport
import Testing

/// Individual notes follow the progress note's rules (rules.md, "Individual
/// sessions"): each case plants one defect in the clean individual note of
/// `Fixtures/individual` and expects exactly its diagnostics.
@Suite struct IndividualNoteTests {
    static let note = "members/doe-jane/individual/2026-03-10.md"

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var edit: @Sendable (FixturePractice) throws -> Void
        var expected: [String]
        var testDescription: String { name }
    }

    static func editing(_ path: String = note, _ change: @escaping @Sendable (String) -> String) -> @Sendable (FixturePractice) throws -> Void {
        { practice in try practice.write(path, change(try practice.read(path))) }
    }

    static let cases: [Case] = [
        Case(name: "missing section", edit: editing { $0.replacingOccurrences(of: "## Plan\n", with: "") },
             expected: ["\(note):1:1 missing-section"]),
        Case(name: "empty section", edit: editing { $0.replacingOccurrences(of: "Chain analysis of Saturday's urge; rehearsal of the cold-water skill for the car.", with: "TBD") },
             expected: ["\(note):10:1 empty-section"]),
        Case(name: "unknown goal", edit: editing { $0.replacingOccurrences(of: "on her own.\n", with: "on her own.\n- G3: In progress.\n") },
             expected: ["\(note):16:1 unknown-goal"]),
        Case(name: "goal status", edit: editing { $0.replacingOccurrences(of: "- G2: In progress.", with: "- G2: Going well.") },
             expected: ["\(note):15:1 goal-status"]),
        Case(name: "risk level", edit: editing { $0.replacingOccurrences(of: "Risk level: low.", with: "Risk level: severe.") },
             expected: ["\(note):17:1 risk-level"]),
        Case(name: "unsigned", edit: editing { $0.replacingOccurrences(of: "signed_at: 2026-03-10T11:20\n", with: "") },
             expected: ["\(note):1:1 unsigned-note"]),
        Case(name: "signed before the session ended", edit: editing { $0.replacingOccurrences(of: "2026-03-10T11:20", with: "2026-03-10T10:30") },
             expected: ["\(note):8:12 signed-before-session"]),
        Case(name: "plan without individual psychotherapy",
             edit: editing("members/doe-jane/plan-2026-01-29.md") { $0.replacingOccurrences(of: "[group psychotherapy, individual psychotherapy]", with: "group psychotherapy") },
             expected: ["\(note):1:1 plan-modality"]),
        Case(name: "individual authorization required",
             edit: editing("practice.yaml") { $0.replacingOccurrences(of: "group_authorization: required}", with: "group_authorization: required, individual_authorization: required}") },
             expected: ["\(note):1:1 authorization"]),
        Case(name: "future session", edit: editing { $0.replacingOccurrences(of: "2026-03-10", with: "2026-04-10") },
             expected: ["\(note):2:7 future-session", "\(note):8:12 invalid-value"]),
        Case(name: "benefits verified after the date of service",
             edit: editing("members/doe-jane/profile.md") { $0.replacingOccurrences(of: "verified_on: 2026-01-05", with: "verified_on: 2026-03-09") },
             expected: ["sessions/2026-03-05-skills/doe-jane.md:1:1 benefits-unverified"]),
        Case(name: "cloned from the previous individual note",
             edit: { practice in
                 let text = try practice.read(note).replacingOccurrences(of: "2026-03-10", with: "2026-03-17")
                 try practice.write("members/doe-jane/individual/2026-03-17.md", text)
             },
             expected: ["members/doe-jane/individual/2026-03-17.md:1:1 cloned-note"]),
        // Copied to another file name, a note keeps its date: and its claim: one service billed twice.
        Case(name: "two notes of one date",
             edit: { practice in
                 let text = try practice.read(note).replacingOccurrences(of: "Chain analysis of Saturday's urge", with: "Chain analysis of Sunday's urge")
                 try practice.write("members/doe-jane/individual/2026-03-11.md", text)
             },
             expected: ["members/doe-jane/individual/2026-03-11.md:2:7 duplicate-id"]),
    ]

    @Test func theCleanIndividualNoteChecksClean() throws {
        let practice = try FixturePractice(overlay: FixturePractice.fixtures.appendingPathComponent("individual"))
        defer { practice.delete() }
        #expect(try practice.check().places == [])
    }

    @Test(arguments: cases)
    func aDefectInAnIndividualNoteIsFound(_ defect: Case) throws {
        let practice = try FixturePractice(overlay: FixturePractice.fixtures.appendingPathComponent("individual"))
        defer { practice.delete() }
        try defect.edit(practice)
        #expect(try practice.check().places == defect.expected)
    }

    @Test func theSameDayModifierGoesOnTheIndividualClaimOnly() throws {
        let practice = try FixturePractice(overlay: FixturePractice.fixtures.appendingPathComponent("rules/same-day-services/fail"))
        defer { practice.delete() }
        try practice.write("practice.yaml", try practice.read("practice.yaml")
            .replacingOccurrences(of: "group_authorization: required}", with: "group_authorization: required, same_day_modifier: XE}"))
        let checked = try GroupChart.check(practice.root, options: Checker.Options(today: FixturePractice.today))
        let claims = ClaimBuilder(record: checked.record, report: checked.report).claims().filter { $0.service.member == "doe-jane" }
        #expect(claims.map { "\($0.service.sessionID) \($0.lines[0].cpt) \($0.lines[0].modifiers)" }
                == ["2026-03-05-skills 90853 []", "individual-2026-03-05 90834 [\"XE\"]"])
        #expect(claims.allSatisfy { $0.isReady }, "a note diagnostic holds nothing")
        #expect(checked.report.diagnostics.map(\.severity) == [.note])
    }
}
