import Foundation
@testable import GroupChartKit
import GroupChartTestSupport
import Testing

/// A fee with amounts each from a date on (`"90853": {2026-01-01: 65.00,
/// 2026-03-15: 70.00}`): a practice raises its fee for later services
/// without repricing, and so replacing, every claim it has already sent.
@Suite struct DatedFeeTests {
    static let example = FixturePractice.repository.appendingPathComponent("examples/dbt-skills")
    static func march(_ day: Int) -> LocalDate { LocalDate(year: 2026, month: 3, day: day)! }
    static let datedFee = "\"90853\":\n    2026-01-01: 65.00\n    2026-03-15: 70.00"

    /// The example without its billing history: nothing sent, nothing answered.
    private func unbilledExample() throws -> FixturePractice {
        let practice = try FixturePractice(base: Self.example)
        for folder in ["submissions", "acknowledgments", "remittances"] { try practice.remove(folder) }
        return practice
    }

    private func setGroupFee(_ practice: FixturePractice, to fee: String) throws {
        let example = try String(contentsOf: Self.example.appendingPathComponent("practice.yaml"), encoding: .utf8)
        try practice.write("practice.yaml", example.replacingOccurrences(of: "\"90853\": 65.00", with: fee))
    }

    private func check(_ practice: FixturePractice) throws -> (billing: Billing, report: CheckReport) {
        let checked = try GroupChart.check(practice.root, options: Checker.Options(today: FixturePractice.today))
        return (try #require(checked.report.billing), checked.report)
    }

    private func charges(_ billing: Billing, on day: Int) -> Set<Money> {
        Set(billing.claims.filter { $0.service.date == Self.march(day) && $0.service.cpt == "90853" }.map { $0.lines[0].charge })
    }

    @Test func eachServiceIsChargedTheAmountInEffectOnItsDate() throws {
        let practice = try unbilledExample()
        defer { practice.delete() }
        try setGroupFee(practice, to: Self.datedFee)
        let (billing, report) = try check(practice)
        #expect(report.errorCount == 0, "\(report.diagnostics.map(\.message))")
        #expect(charges(billing, on: 12) == [Money(cents: 6500)])
        #expect(charges(billing, on: 19) == [Money(cents: 7000)])
    }

    /// The claims of the 12th sent at 65.00, then the fee raised from the
    /// 15th: the next batch carries the 19th's claims at 70.00 and no
    /// replacement; raised for every date, each claim sent is repriced, and
    /// the note says how to date the fee instead.
    @Test func aFeeRaisedFromADateLeavesTheClaimsSentBeforeIt() throws {
        let practice = try unbilledExample()
        defer { practice.delete() }
        _ = try BatchSubmitter.submit(practice.root, options: BatchSubmitter.Options(
            checker: Checker.Options(today: Self.march(13)), through: Self.march(12), output: practice.root.appendingPathComponent("build")))
        try setGroupFee(practice, to: Self.datedFee)
        let (dated, datedReport) = try check(practice)
        #expect(dated.batch.entries.allSatisfy { $0.frequency == .original })
        let unsent = dated.batch.entries.map { $0.claim.lines[0] }.filter { $0.cpt == "90853" }
        #expect(unsent.contains { $0.date == Self.march(19) })
        #expect(unsent.allSatisfy { $0.charge == ($0.date == Self.march(19) ? Money(cents: 7000) : Money(cents: 6500)) })
        #expect(!datedReport.diagnostics.contains { $0.rule == "claim-changed-after-billing" })

        try setGroupFee(practice, to: "\"90853\": 70.00")
        let (raised, raisedReport) = try check(practice)
        #expect(raised.batch.corrections.contains { $0.frequency == .replacement })
        let repriced = raisedReport.diagnostics.filter { $0.rule == "claim-changed-after-billing" && $0.message.contains("line 1 charge 65.00 -> 70.00;") }
        #expect(!repriced.isEmpty)
        #expect(repriced.allSatisfy { $0.help.contains("\"90853\": {YYYY-MM-DD: 65.00, YYYY-MM-DD: 70.00}") == true }, "\(repriced.map(\.help))")
    }

    /// A service dated before a fee's first amount has no charge: the
    /// error stands at the fee and holds its code's claims, never a claim
    /// billed at 0.00.
    @Test func aServiceBeforeTheFirstAmountIsAnErrorAtTheFee() throws {
        let practice = try unbilledExample()
        defer { practice.delete() }
        try setGroupFee(practice, to: "\"90853\":\n    2026-03-15: 70.00")
        let checked = try GroupChart.check(practice.root, options: Checker.Options(today: FixturePractice.today))
        let errors = checked.report.diagnostics.filter { $0.severity == .error }
        #expect(errors.map { "\($0.location) \($0.rule)" } == ["practice.yaml:41:3 missing-field"])
        #expect(errors.first?.message == "no fee for CPT 90853 on 2026-03-12, a date of service before its first amount (from 2026-03-15)")
        let readiness = ClaimReadiness(record: checked.record, report: checked.report)
        let heldCodes = Set(zip(checked.record.services, readiness.decisions).filter { !$0.1.heldBy.isEmpty }.map(\.0.cpt))
        #expect(heldCodes == ["90853"])
    }

    /// Each mistake in a dated fee is said where it stands, once.
    @Test func aDatedFeeWrittenWrongIsReportedWhereItStands() throws {
        let practice = try unbilledExample()
        defer { practice.delete() }
        try setGroupFee(practice, to: "\"90853\":\n    2026-1-01: 65.00\n    2026-03-15: seventy")
        let wrong = try check(practice).report.diagnostics.filter { $0.severity == .error }
        #expect(wrong.map { "\($0.location) \($0.rule)" } == ["practice.yaml:42:5 invalid-value", "practice.yaml:43:17 invalid-value"])
        try setGroupFee(practice, to: "\"90853\": {}")
        let empty = try check(practice).report.diagnostics.filter { $0.severity == .error }
        #expect(empty.map { "\($0.location) \($0.rule) \($0.message)" } == ["practice.yaml:41:12 missing-field \"fees.\\\"90853\\\"\" has no amount"])
    }
}
