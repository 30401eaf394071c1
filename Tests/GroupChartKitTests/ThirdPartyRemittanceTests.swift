import Foundation
@testable import GroupChartKit
import GroupChartTestSupport
import Testing

/// Real 835s from public repositories (../shared/data/x12-samples/835, see
/// its SOURCES.md), several not guide-perfect: each is read without a crash
/// into what it holds, and its oddities are warnings. Skipped when ../shared
/// is not beside the repository.
@Suite struct ThirdPartyRemittanceTests {
    static let folder = FixturePractice.repository.appendingPathComponent("../shared/data/x12-samples/835").standardized
    static var samples: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    /// What each sample holds: per payment its trace number and total, then
    /// per claim `CLP01 status paid/patient responsibility adjustments`, then
    /// the warnings (`line:column`).
    static let expected: [String: String] = [
        "k_blue_cross_nc_sample.835": """
            trace 02790758 total 1922.86 date 2011-01-04
              200200964A52 1 1922.86/142.54 CO-42:34.60 PR-2:117.54 PR-3:25.00
            1:1 1:696
            """,
        "k_emedny_sample.835": """
            trace 10100000000 total 45.75 date 2010-01-01
              PATIENT ACCOUNT NUMBER 1 34.25/0.00
              PATIENT ACCOUNT NUMBER 2 0.00/0.00 CO-29:12.00 CO-29:22.00
              PATIENT ACCOUNT NUMBER 2 11.50/0.00 CO-251:2.75 CO-251:20.00
            """,
        "k_united_healthcare_legacy_sample.835": """
            trace 1234567890 total 349.99 date 2021-02-01
              001-18573-358 1 88.92/105.26 CO-45:67.50 PR-1:105.26 CO-45:79.60
              001-18604-358 1 261.07/115.13 CO-45:255.72 PR-2:5.13 PR-1:110.00 CO-45:184.32
            """,
        "lfh_cob-contractural-adjustment.835": """
            trace 0063158ABC total 34.00 date 2005-03-18
              0001000055 2 34.00/0.00 OA-23:516.00 OA-94:-9.00
            """,
        "lfh_demo.835": """
            trace 12345 total 150000.00 date 2002-09-16
              666123 1 138018.40/0.00 CO-45:73348.57
              777777 1 11980.33/0.00 CO-45:3019.67
            """,
        "lfh_managed-care.835": """
            trace 7170066655 total 945.00 date 2002-03-14
              5554555444 1 450.00/300.00 CO-A2:50.00 PR-1:300.00
              8765432112 1 495.00/600.00 CO-A2:55.00 PR-1:600.00 CO-45:50.00
            4:84
            """,
        "lfh_medicare-part-a.835": """
            trace 12345 total 150000.00 date 2002-09-16
              666123 1 138018.40/0.00 CO-45:73348.57
              777777 1 11980.33/0.00 CO-45:3019.67
            """,
        "lfh_secondary-payment.835": """
            trace 0012524965 total 1222.00 date 2005-04-12
              L0004828311 2 912.00/0.00 OA-23:9411.64
              0001000053 2 310.00/220.00 OA-23:136.50 PR-1:150.00 PR-2:70.00 CO-42:85.00
            """,
        // Its SVC spreads the composite HC:code over elements (SVC*HC*24599.00*1766.50*187.50):
        // the line does not balance, nor do the lines with the claim, and both are said.
        "lfh_tertiary-payment.835": """
            trace 0012524879 total 187.50 date 2005-04-12
              0001000054 3 187.50/0.00 OA-23:1579.00
            20:1 16:5
            """,
        "pyx12_835_mult_loops.x12": """
            trace 000000000 total 0.00 date 2013-09-01
              2005555A 4 0.00/0.00 CO-16:500.04 OA-A7:127.80 OA-A7:287.55
            """,
    ]

    private static func read(_ name: String) throws -> (remittances: [Remittance], findings: [ReadFinding]) {
        let bytes = try [UInt8](Data(contentsOf: folder.appendingPathComponent(name)))
        let log = FindingLog()
        return (RemittanceReader.read(SourceDecoder.decode(bytes, path: name), log: log), log.findings)
    }

    static func summary(_ remittances: [Remittance], _ findings: [ReadFinding]) -> String {
        var lines: [String] = []
        for remittance in remittances {
            lines.append("trace \(remittance.traceNumber ?? "-") total \(remittance.total?.description ?? "-") date \(remittance.date?.description ?? "-")")
            for claim in remittance.claims {
                lines.append(([" ", claim.claimID.value, claim.status.value, "\(claim.paid)/\(claim.patientResponsibility)"]
                              + claim.adjustments.map { "\($0.code):\($0.amount)" }).joined(separator: " "))
            }
        }
        if !findings.isEmpty { lines.append(findings.map { "\($0.location.line):\($0.location.column)" }.joined(separator: " ")) }
        return lines.joined(separator: "\n")
    }

    @Test(.enabled(if: !samples.isEmpty))
    func everySampleIsReadIntoWhatItHolds() throws {
        #expect(Set(Self.samples) == Set(Self.expected.keys), "a sample was added or removed: describe it here")
        for name in Self.samples {
            let (remittances, findings) = try Self.read(name)
            let summary = Self.summary(remittances, findings)
            print("\(name):\n\(summary)\n" + findings.map { "  \($0.location.line):\($0.location.column) \($0.message)" }.joined(separator: "\n"))
            #expect(summary == Self.expected[name], "\(name)")
        }
    }

    /// A file cut anywhere, or with a delimiter swapped for another, never
    /// crashes the reader.
    @Test(.enabled(if: !samples.isEmpty))
    func damagedSamplesNeverCrash() throws {
        for name in Self.samples {
            let text = try String(contentsOf: Self.folder.appendingPathComponent(name), encoding: .utf8)
            let scalars = Array(text.unicodeScalars)
            for length in stride(from: 0, to: scalars.count, by: 13) {
                let cut = String(String.UnicodeScalarView(scalars[..<length]))
                _ = RemittanceReader.read(SourceFile(path: name, text: cut), log: FindingLog())
            }
            for (from, to) in [("*", "~"), ("~", "*"), ("~", ""), (":", "*"), ("CLP", "CLX"), ("SE*", "XX*"), (".", "-")] {
                _ = RemittanceReader.read(SourceFile(path: name, text: text.replacingOccurrences(of: from, with: to)), log: FindingLog())
            }
        }
    }
}
