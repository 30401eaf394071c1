import Foundation
@testable import GroupChartKit
import GroupChartTestSupport
import Testing

/// The readers of submissions/ (837P) and acknowledgments/ (999, 277CA):
/// files GroupChart wrote and files other programs wrote, and what is odd
/// about either a `submission` or `acknowledgment` warning where it stands.
@Suite struct BillingHistoryReadingTests {
    private func log(_ read: (FindingLog) -> Void) -> [String] {
        let log = FindingLog()
        read(log)
        return log.findings.map { "\($0.location) \($0.rule): \($0.message)" }
    }

    private func file(_ text: String, _ path: String) -> SourceFile {
        SourceDecoder.decode(Array(text.utf8), path: path)
    }

    /// An 837P as another biller's program writes it: `|` between elements,
    /// `>` between components, a line break after each `~`, the patient in a
    /// 2000C loop, a line-level rendering provider (2420A) and authorization,
    /// a date range, units written `1.0`, ICD codes with the old BK/BF qualifiers.
    static let foreign = """
        ISA|00|          |00|          |ZZ|OTHERBILLING   |ZZ|CLEARHOUSE     |260401|0930|^|00501|000000734|0|P|>~
        GS|HC|OTHERBILLING|CLEARHOUSE|20260401|0930|734|X|005010X222A1~
        ST|837|0042|005010X222A1~
        BHT|0019|00|B734|20260401|0930|CH~
        NM1|41|2|OTHER BILLING|||||46|OTHERBILLING~
        PER|IC|OTHER BILLING|TE|5105550199~
        NM1|40|2|CLEARINGHOUSE|||||46|CLEARHOUSE~
        HL|1||20|1~
        NM1|85|2|HARBOR BEHAVIORAL HEALTH|||||XX|1234567893~
        N3|200 HARBOR WAY~
        N4|OAKLAND|CA|946073710~
        REF|EI|123456789~
        HL|2|1|22|1~
        SBR|P||W0039877||||||CI~
        NM1|IL|1|ALVAREZ|DANIEL||||MI|XEB771209331~
        NM1|PR|2|BLUE SHIELD OF CALIFORNIA|||||PI|94036~
        HL|3|2|23|0~
        PAT|01~
        NM1|QC|1|ALVAREZ|SOFIA~
        N3|712 BUENA VISTA AVE~
        N4|ALAMEDA|CA|94501~
        DMG|D8|19821211|F~
        CLM|20260312T44TH2LHCJVP|80|||11>B>7|Y|A|Y|Y~
        REF|F8|BS2607100431~
        HI|BK>F332|BF>F411~
        LX|1~
        SV1|HC>90853|65|UN|1.0|||1>2~
        DTP|472|RD8|20260312-20260312~
        REF|G1|BSC-1~
        NM1|82|1|TORRES|ANGELA||||XX|1245319599~
        LX|2~
        SV1|HC>90785|15|UN|1|11||1~
        DTP|472|D8|20260312~
        SE|32|0042~
        GE|1|734~
        IEA|1|000000734~

        """

    @Test func anotherProgramsSubmissionIsReadByItsHierarchy() throws {
        var submission: Submission?
        let findings = log { submission = SubmissionReader.read(file(Self.foreign, "submissions/other.837"), log: $0) }
        #expect(findings.isEmpty, "\(findings)")
        let read = try #require(submission)
        #expect(read.controlNumber == 734 && read.groupControls == ["734"] && read.date == LocalDate(year: 2026, month: 4, day: 1))
        let claim = try #require(read.claims.first)
        #expect(claim.frequency == .replacement && claim.payerClaimNumber == "BS2607100431" && claim.transactionControl == "0042")
        let billed = claim.billed
        #expect(billed.id == "20260312T44TH2LHCJVP" && billed.memberID == "XEB771209331" && billed.payerID == "94036")
        #expect(billed.relationship == .spouse && billed.patient.firstName == "SOFIA" && billed.patient.dob == "19821211")
        #expect(billed.subscriber.lastName == "ALVAREZ" && billed.subscriber.firstName == "DANIEL")
        #expect(billed.diagnoses == ["F332", "F411"] && billed.placeOfService == "11" && billed.renderingNPI == "1234567893")
        #expect(billed.lines.map(\.cpt) == ["90853", "90785"] && billed.lines.map(\.units) == ["1", "1"])
        #expect(billed.lines[0].date == LocalDate(year: 2026, month: 3, day: 12) && billed.lines[0].renderingNPI == "1245319599")
        #expect(billed.lines[0].priorAuthorization == "BSC-1" && billed.lines[0].pointers == [1, 2] && billed.lines[1].placeOfService == "11")
        #expect(billed.total == Money(cents: 8000))
    }

    /// What GroupChart writes reads back to the very content it was built from.
    @Test func theExampleSubmissionReadsBackToItsClaims() throws {
        let example = FixturePractice.repository.appendingPathComponent("examples/dbt-skills")
        let checked = try GroupChart.check(example, options: Checker.Options(today: FixturePractice.today))
        let submission = try #require(checked.record.billingHistory.submissions.first)
        #expect(submission.file == "submissions/2026-03-13-000000001.837" && submission.claims.count == 6)
        let built = Dictionary(uniqueKeysWithValues: try #require(checked.report.billing).claims.map { ($0.id, $0) })
        for sent in submission.claims where sent.billed.id != "202603129ALYAN72LQYB" && sent.billed.id != "20260312T44TH2LHCJVP" {
            #expect(built[sent.billed.id]?.billed.content == sent.billed.content, "\(sent.billed.id)")
        }
    }

    @Test func a999NamesTheGroupAndSetItAnswersAndItsErrorsInWords() throws {
        let text = AcknowledgmentFixture.implementation(groupControl: "12", setControl: "0001", code: "R",
                                                        date: LocalDate(year: 2026, month: 3, day: 13)!, control: 5)
        var read: [ImplementationAcknowledgment] = []
        let findings = log { read = ImplementationAcknowledgmentReader.read(file(text, "acknowledgments/a.999"), log: $0) }
        #expect(findings.isEmpty)
        let group = try #require(read.first?.groups.first)
        #expect(group.groupControl.value == "12" && group.code?.value == "R")
        let set = try #require(group.sets.first)
        #expect(set.transactionControl.value == "0001" && set.code?.value == "R")
        #expect(set.errors == ["segment NM1 at position 16 in loop 2010: segment has data element errors",
                               "element 9 (\"X\"): invalid code value", "one or more segments in error"])
    }

    @Test func a277CAGivesEachClaimItsStatusesAndPayerNumber() throws {
        let text = AcknowledgmentFixture.claims([
            .init(claimID: "20260312AAAAAAAAAAAA", status: "A2:20:PR", payerClaimNumber: "P1", dateOfService: LocalDate(year: 2026, month: 3, day: 12)!, charge: Money(cents: 6500)),
            .init(claimID: "20260312BBBBBBBBBBBB", status: "A7:164:IL", dateOfService: LocalDate(year: 2026, month: 3, day: 12)!, charge: Money(cents: 6500)),
        ], date: LocalDate(year: 2026, month: 3, day: 16)!, control: 6)
        var read: [ClaimAcknowledgment] = []
        let findings = log { read = ClaimAcknowledgmentReader.read(file(text, "acknowledgments/a.277"), log: $0) }
        #expect(findings.isEmpty)
        let claims = try #require(read.first?.claims)
        #expect(claims.map(\.claimID.value) == ["20260312AAAAAAAAAAAA", "20260312BBBBBBBBBBBB"], "the submitter and provider levels are no claims")
        #expect(claims.map(\.category) == ["A2", "A7"] && claims[0].payerClaimNumber == "P1" && claims[1].payerClaimNumber == nil)
        #expect(claims[1].date == LocalDate(year: 2026, month: 3, day: 16) && claims[1].amount == Money(cents: 6500))
        #expect(StatusCodes.describe(claims[1].statuses[0]) == "rejected for invalid information: entity's contract or member number (subscriber)")
    }

    @Test func anUnknownCategoryIsAWarningAndLeavesTheStatus() throws {
        let text = AcknowledgmentFixture.claims([
            .init(claimID: "20260312AAAAAAAAAAAA", status: "Q9:20:PR", dateOfService: LocalDate(year: 2026, month: 3, day: 12)!, charge: Money(cents: 6500)),
        ], date: LocalDate(year: 2026, month: 3, day: 16)!, control: 6)
        let findings = log { _ = ClaimAcknowledgmentReader.read(file(text, "acknowledgments/a.277"), log: $0) }
        #expect(findings == ["acknowledgments/a.277:21:5 acknowledgment: \"Q9\" in STC01 is not a claim status category this version knows"])
    }

    /// A file that is not what its folder holds is a warning at its first
    /// segment, never a crash and never skipped silently.
    @Test(arguments: [
        ("submissions/notes.837", "Dear payer, please find attached.", "submissions/notes.837:1:1 submission: this is not an X12 file: it starts with no segment id"),
        ("acknowledgments/remit.999", RemittanceFixture(trace: "T1", date: LocalDate(year: 2026, month: 3, day: 20)!, claims: []).text,
         "acknowledgments/remit.999:3:4 acknowledgment: transaction set \"835\" is not a 999 implementation acknowledgment and is skipped"),
        ("acknowledgments/cut.277", "ISA*00*          *00*", "acknowledgments/cut.277:1:1 acknowledgment: the ISA segment ends before its delimiters (ISA16 and the terminator after it)"),
    ])
    func aFileOfAnotherKindIsAWarningAtItsFirstSegment(path: String, text: String, expected: String) throws {
        let source = file(text, path)
        let findings = log { log in
            switch path.split(separator: ".").last {
            case "837": _ = SubmissionReader.read(source, log: log)
            case "999": _ = ImplementationAcknowledgmentReader.read(source, log: log)
            default: _ = ClaimAcknowledgmentReader.read(source, log: log)
            }
        }
        #expect(findings.first == expected, "\(findings)")
    }

    /// Hand-written test files are what their guides say (pyx12, through
    /// ../shared/tools/x12check.py): the fixtures' 999s and 277CAs, the
    /// example's history, and what the generators write.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: ReimbursementTests.checker.path) && (ReimbursementTests.pyx12Installed || ExternalTool.required)))
    func theHandWrittenAcknowledgmentsValidate() throws {
        let python = try #require(ExternalTool.find("python3", "python"), "python3 is not installed")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("groupchart-acks-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let day = LocalDate(year: 2026, month: 3, day: 16)!
        try AcknowledgmentFixture.implementation(groupControl: "3", code: "R", date: day, control: 7).write(to: folder.appendingPathComponent("r.999"), atomically: true, encoding: .utf8)
        try AcknowledgmentFixture.claims([.init(claimID: "X1", status: "A7:164:IL", dateOfService: day, charge: Money(cents: 6500))], date: day, control: 8)
            .write(to: folder.appendingPathComponent("r.277"), atomically: true, encoding: .utf8)
        var paths = [folder.appendingPathComponent("r.999").path, folder.appendingPathComponent("r.277").path]
        let roots = [FixturePractice.repository.appendingPathComponent("examples/dbt-skills"), FixturePractice.fixtures]
        for root in roots {
            let walker = FileManager.default.enumerator(atPath: root.path)
            while let relative = walker?.nextObject() as? String {
                guard ["999", "277", "837"].contains(relative.split(separator: ".").last.map(String.init) ?? ""),
                      !relative.contains("rules/submission/fail"), !relative.contains("rules/stray-file/fail"),
                      !relative.contains("defects") else { continue }
                paths.append(root.appendingPathComponent(relative).path)
            }
        }
        #expect(paths.count > 12)
        let check = try ExternalTool.run(python, [ReimbursementTests.checker.path] + paths)
        #expect(check.status == 0, "pyx12: \(check.output)")
    }
}
