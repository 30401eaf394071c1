import Foundation
import GroupChartKit
import GroupChartTestSupport
import Testing

/// Issue 15: a value written badly is reported once, as `invalid-value` at
/// its key, and no rule then says the value is missing ("late but has no
/// arrival time", "not signed: no signed_at", "never verified", "allows 0").
@Suite struct BadValueOnceTests {
    struct Case: CustomStringConvertible, Sendable {
        var file: String
        var written: String
        var bad: String
        var description: String { "\(file): \(bad)" }
    }

    static let session = "sessions/2026-03-05-skills/session.md"
    static let cases: [Case] = [
        Case(file: session, written: #"{status: late, arrived: "14:15"}"#, bad: #"{status: late, arrived: "9:45 AM"}"#),
        Case(file: session, written: #"{status: late, arrived: "14:15"}"#, bad: #"{status: left-early, left: "3 pm"}"#),
        Case(file: session, written: "signed_by: torres", bad: "signed_by: Dr. Torres"),
        Case(file: session, written: "signed_at: 2026-03-05T16:00", bad: "signed_at: March 5, 4 pm"),
        Case(file: "sessions/2026-03-05-skills/doe-jane.md", written: "signed_at: 2026-03-05T16:30", bad: "signed_at: 2026-03-05T16:30pm"),
        Case(file: "members/doe-jane/plan-2026-01-29.md", written: "session_minutes: 90", bad: "session_minutes: ninety"),
        Case(file: "members/doe-jane/profile.md", written: "verified_on: 2026-01-05", bad: "verified_on: 2026-01-32"),
        Case(file: "members/doe-jane/profile.md", written: "sessions: 24}", bad: "sessions: twenty-four}"),
        Case(file: "members/doe-jane/profile.md", written: "to: 2026-07-15", bad: "to: 2026-07-45"),
        Case(file: "members/doe-jane/profile.md", written: #"cpt: "90853", from"#, bad: #"cpt: "9O853", from"#),
    ]

    @Test(arguments: cases) func aBadValueIsReportedOnce(_ bad: Case) throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        let text = try practice.read(bad.file)
        #expect(text.contains(bad.written))
        try practice.write(bad.file, text.replacingOccurrences(of: bad.written, with: bad.bad))
        let report = try practice.check()
        #expect(report.diagnostics.map(\.rule) == ["invalid-value"], "\(report.places)")
        #expect(report.diagnostics.first?.location.file == bad.file)
    }

    /// A value that is absent is still missing: the rules speak then.
    @Test func aMissingArrivalIsStillReported() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        let text = try practice.read(Self.session)
        try practice.write(Self.session, text.replacingOccurrences(of: #"{status: late, arrived: "14:15"}"#, with: "late"))
        #expect(try practice.check().diagnostics.map(\.rule) == ["attendance-time"])
    }
}
