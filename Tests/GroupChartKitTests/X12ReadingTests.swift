import Foundation
@testable import GroupChartKit
import Testing

/// The 835 reader: delimiters from the ISA segment, segments placed at their
/// line and column, and every oddity a `remittance` warning where it stands.
@Suite struct X12ReadingTests {
    static let isa = "ISA*00*          *00*          *ZZ*AETNA60054     *ZZ*FIXTURE01      *260327*1200*^*00501*000000001*0*T*:~"

    private func read(_ text: String, path: String = "remittances/a.835") -> (remittances: [Remittance], findings: [String]) {
        let log = FindingLog()
        let remittances = RemittanceReader.read(SourceDecoder.decode(Array(text.utf8), path: path), log: log)
        return (remittances, log.findings.map { "\($0.location) \($0.message)" })
    }

    private func transaction(_ claims: String, count: Int) -> String {
        "ST*835*1~BPR*I*45*C*ACH*CCP*01*1*DA*1*1**01*1*DA*1*20260327~TRN*1*EFT1*1060054000~N1*PR*AETNA~\(claims)SE*\(count)*1~"
    }

    @Test func delimitersComeFromTheISASegment() throws {
        let isa = Self.isa.replacingOccurrences(of: "*", with: "|").replacingOccurrences(of: "|:~", with: "|>!")
        let text = isa + "GS|HP|A|B|20260327|1200|1|X|005010X221A1!ST|835|1!TRN|1|EFT9|1!SVC|HC>90853|65|45||1!SE|4|1!GE|1|1!IEA|1|000000001!"
        let parsed = X12Parser.parse(SourceFile(path: "a.835", text: text))
        #expect(parsed.problems.isEmpty)
        #expect(parsed.segments.map(\.id) == ["ISA", "GS", "ST", "TRN", "SVC", "SE", "GE", "IEA"])
        #expect(parsed.segments[4][1] == "HC>90853" && parsed.segments[4][3] == "45" && parsed.segments[4][9] == "")
        let delimiters = try X12Delimiters.fromISA(Array(isa.unicodeScalars), at: 0).get()
        #expect(delimiters == X12Delimiters(element: "|", component: ">", repetition: "^", segment: "!"))
    }

    /// Two interchanges joined in one file, each with its own delimiters:
    /// each is read by those its own ISA names.
    @Test func eachInterchangeIsReadByItsOwnDelimiters() {
        let first = Self.isa.replacingOccurrences(of: "*", with: "|").replacingOccurrences(of: "|:~", with: "|>!")
            + "GS|HP|A|B|20260327|1200|1|X|005010X221A1!ST|835|1!TRN|1|EFT9|1!SVC|HC>90853|65!SE|4|1!GE|1|1!IEA|1|000000001!"
        let second = Self.isa.replacingOccurrences(of: "000000001", with: "000000002")
            + "\r\nGS*HP*A*B*20260327*1200*2*X*005010X221A1~\r\nST*835*2~\r\nTRN*1*EFT10*1~\r\nSVC*HC:90834*80~\r\nSE*4*2~\r\nGE*1*2~\r\nIEA*1*000000002~\r\n"
        let parsed = X12Parser.parse(SourceDecoder.decode(Array((first + second).utf8), path: "a.835"))
        #expect(parsed.problems.isEmpty, "\(parsed.problems.map(\.message))")
        #expect(parsed.segments.map(\.id) == ["ISA", "GS", "ST", "TRN", "SVC", "SE", "GE", "IEA", "ISA", "GS", "ST", "TRN", "SVC", "SE", "GE", "IEA"])
        #expect(parsed.segments.filter { $0.id == "TRN" }.map { $0[2] } == ["EFT9", "EFT10"])
        #expect(parsed.segments.filter { $0.id == "SVC" }.map { $0.components(1) } == [["HC", "90853"], ["HC", "90834"]],
                "each composite split by its own interchange's component separator")
        #expect(parsed.segments[11].location == SourceLocation(file: "a.835", line: 4, column: 1))
    }

    @Test func segmentsAndElementsArePlacedAfterLineBreaks() {
        let text = Self.isa + "\r\nGS*HP*A*B*20260327*1200*1*X*005010X221A1~\n\nST*835*1~\n  TRN*1*EFT1*1~\nSE*3*1~\n"
        let parsed = X12Parser.parse(SourceDecoder.decode(Array(text.utf8), path: "a.835"))
        #expect(parsed.problems.isEmpty)
        let trn = parsed.segments[3]
        #expect(trn.id == "TRN" && trn.location == SourceLocation(file: "a.835", line: 5, column: 3))
        #expect(trn.location(of: 2) == SourceLocation(file: "a.835", line: 5, column: 9))
        #expect(trn.name(2) == "TRN02")
    }

    @Test func aFileWithoutEnvelopeIsReadWithAWarning() {
        let (remittances, findings) = read(transaction("CLP*C1*1*65*45**12*X1~CAS*CO*45*20~", count: 7))
        #expect(findings == ["remittances/a.835:1:1 no ISA envelope: read with \"*\" between elements and \"~\" after segments"])
        #expect(remittances.first?.claims.first?.paid == Money(cents: 4500))
        #expect(remittances.first?.traceNumber == "EFT1" && remittances.first?.date == LocalDate(year: 2026, month: 3, day: 27))
    }

    /// BPR02 is the sum of the claims' payments less the provider-level
    /// adjustments (PLB): a payment that is not says the file lost a claim.
    @Test func aPaymentIsWhatItsClaimsAddUpTo() {
        let claims = "CLP*C1*1*65*45**12*X1~CAS*CO*45*20~"
        #expect(read(Self.isa + transaction(claims + "PLB*1234567893*20261231*WO:1*-5~", count: 8).replacingOccurrences(of: "BPR*I*45", with: "BPR*I*50"))
            .findings.isEmpty, "45.00 paid less -5.00 adjusted is 50.00")
        #expect(read(Self.isa + transaction(claims, count: 7).replacingOccurrences(of: "BPR*I*45", with: "BPR*I*50")).findings
                == ["remittances/a.835:1:122 the payment of 50.00 (BPR02) is not what its claims add up to: 45.00"])
    }

    @Test func filesWhoseDelimitersCannotBeKnownYieldNothing() {
        #expect(read("ISA*00*     *00").findings == ["remittances/a.835:1:1 the ISA segment ends before its delimiters (ISA16 and the terminator after it)"])
        let clash = Self.isa.replacingOccurrences(of: ":~", with: "~~")
        #expect(read(clash).findings == ["remittances/a.835:1:1 the ISA segment names delimiters that cannot be read: two delimiters are the same character"])
        #expect(read("%PDF-1.4\n").findings == ["remittances/a.835:1:1 this is not an X12 file: it starts with no segment id"])
        #expect(read("\n \n").findings == ["remittances/a.835:1:1 the file is empty"])
    }

    @Test func oddSegmentsAreWarnedWhereTheyStand() {
        let text = Self.isa + "\nCAS*CO*45*1~\nST*835*1~\nTRN*1*EFT1*1~\nclp*x~\nXYZ*1~\nCLP*C1*9*65*45.001**12*X1~\nCAS*CO*45*5~\n"
            + "CLP*C2*1*65*40*20*12*X2~\nCAS*PR*3*10~\nCAS*ZZ*1*1~\nSE*4*1~\nCLP*C3"
        let (remittances, findings) = read(text)
        #expect(findings == [
            "remittances/a.835:5:1 \"clp\" is not a segment id; the segment is skipped",
            "remittances/a.835:13:1 the file ends inside segment \"CLP\", without its terminator \"~\"",
            "remittances/a.835:2:1 segment CAS stands outside a transaction (ST to SE) and is ignored",
            "remittances/a.835:6:1 segment XYZ is not part of an 835 (005010X221A1) and is ignored",
            "remittances/a.835:7:8 claim status \"9\" is not a CLP02 code; the claim is read as processed",
            "remittances/a.835:7:13 CLP04 \"45.001\" is not an amount",
            "remittances/a.835:11:5 adjustment group \"ZZ\" is not CO, PR, OA, PI or CR",
            "remittances/a.835:9:16 patient responsibility 20.00 (CLP05) differs from the PR adjustments, 10.00; 20.00 is used",
            "remittances/a.835:9:5 claim \"C2\" does not balance: 65.00 charged less 11.00 adjusted is 54.00, but 40.00 was paid",
            "remittances/a.835:12:4 SE01 counts 4 segments but the transaction has 9",
            "remittances/a.835:3:1 the payment has no date (BPR16, or DTM*405); the file's date 2026-03-27 (ISA09) is used",
            "remittances/a.835:13:1 segment CLP stands outside a transaction (ST to SE) and is ignored",
        ])
        #expect(remittances.count == 1 && remittances[0].claims.map(\.claimID.value) == ["C2"])
        #expect(remittances[0].claims[0].patientResponsibility == Money(cents: 2000))
    }

    /// Each service line balances (its charge less its own adjustments is
    /// what it paid), and the lines pay what the claim pays once the
    /// claim's own adjustments are taken off; a line that does not is a
    /// warning where it stands (835 review: a $2 gap went unseen).
    @Test func serviceLinesBalanceAndAddUpToTheClaim() {
        // Claim level CO-A2 5; the lines pay 45 and 5 after their own adjustments: 50 less 5 is the claim's 45.
        let balanced = Self.isa + "\n" + transaction(
            "CLP*C1*1*85*45*20*12*E1~CAS*CO*A2*5~SVC*HC:90853*65*45~CAS*PR*3*20~SVC*HC:90785*20*5~CAS*CO*97*15~", count: 11)
        #expect(read(balanced).findings == [])
        let unbalanced = Self.isa + "\n" + transaction("CLP*C2*1*65*45*20*12*E2~SVC*HC:90853*65*43~CAS*PR*3*20~", count: 8)
        let found = read(unbalanced).findings
        #expect(found.count == 2 && found[0].hasSuffix("service line 90853 does not balance: 65.00 charged less 20.00 adjusted is 45.00, but 43.00 was paid")
                && found[1].hasSuffix("the service lines of claim \"C2\" pay 43.00 in all, but the claim (CLP04) pays 45.00; 45.00 is used"),
                "\(found)")
    }

    @Test func aTransactionCutShortIsKeptWithAWarning() {
        let (remittances, findings) = read(Self.isa + "ST*835*1~TRN*1*EFT1*1~CLP*C1*4*65*0**12*X1~CAS*CO*197*65~")
        #expect(findings.map { $0.split(separator: " ", maxSplits: 1)[1] } == [
            "the file ends inside the transaction that starts on line 1, without its SE",
            "the payment has no date (BPR16, or DTM*405); the file's date 2026-03-27 (ISA09) is used",
        ])
        #expect(remittances.first?.claims.first?.isDenial == true)
        #expect(remittances.first?.claims.first?.adjustments == [ClaimAdjustment(group: "CO", reason: "197", amount: Money(cents: 6500))])
    }

    @Test func otherTransactionsAreSkipped() {
        let (remittances, findings) = read(Self.isa + "GS*HC*A*B*20260327*1200*1*X*005010X222A1~ST*837*1~CLM*C1*65~SE*3*1~")
        #expect(remittances.isEmpty)
        #expect(findings.count == 2 && findings[0].contains("\"HC\" is not HP") && findings[1].contains("\"837\" is not an 835"))
    }
}
