import Foundation
@testable import GroupChartKit
import GroupChartTestSupport
import Testing

/// A long-running command keeps the claims and claim files of its last
/// build while nothing they are made from changes (`ClaimsMemo`), and makes
/// them again when something does; either way its outputs are a cold
/// build's, byte for byte.
@Suite struct ClaimsMemoTests {
    let note = "sessions/2026-03-12-dbt-skills/chen-lily.md"
    let session = "sessions/2026-03-12-dbt-skills/session.md"

    /// Builds with `memo` and cold; expects the same diagnostics and outputs.
    func expectSameAsCold(_ practice: FixturePractice, memo: DocumentMemo, output: URL) throws {
        let options = Builder.Options(checker: Checker.Options(today: FixturePractice.today), output: output)
        let incremental = try Builder.build(practice.root, options: options, memo: memo)
        #expect(!incremental.fromCache)
        let cold = FileManager.default.temporaryDirectory.appendingPathComponent("groupchart-cold-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: cold) }
        let coldBuild = try Builder.build(practice.root, options: Builder.Options(checker: options.checker, output: cold))
        #expect(IncrementalEquivalenceTests.places(incremental.report) == IncrementalEquivalenceTests.places(coldBuild.report))
        let built = IncrementalEquivalenceTests.outputs(output), expected = IncrementalEquivalenceTests.outputs(cold)
        #expect(built.keys.sorted() == expected.keys.sorted())
        for (path, bytes) in expected { #expect(built[path] == bytes, "\(path) differs from a cold build's") }
        #expect(built["claims.csv"] != nil)
    }

    @Test func aRewordedNoteKeepsTheClaimsAndAChangedAttendanceMakesThemAgain() throws {
        let practice = try FixturePractice(base: FixturePractice.repository.appendingPathComponent("examples/dbt-skills"))
        defer { practice.delete() }
        try? practice.remove("build")
        // Signed without a digest, so that rewording it raises no error
        // (an error would rightly hold its claim and make the claims again).
        let text = try practice.read(note)
        try practice.write(note, text.replacingOccurrences(of: #"digest: sha256:[0-9a-f]+\n"#, with: "", options: .regularExpression))
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("groupchart-claims-memo-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let memo = DocumentMemo()
        try expectSameAsCold(practice, memo: memo, output: output)
        #expect(memo.derived.claims.reuses == 0)

        try practice.write(note, try practice.read(note).replacingOccurrences(of: "Ms. Chen attended", with: "Ms. Chen came to"))
        try expectSameAsCold(practice, memo: memo, output: output)
        #expect(memo.derived.claims.reuses == 3, "the claims, their reimbursement ledger and their files are those of the last build")

        let log = try practice.read(session)
        let absent = log.replacingOccurrences(of: "  chen-lily: present", with: "  chen-lily: {status: absent, reason: ill}")
        #expect(absent != log)
        try practice.write(session, absent)
        try expectSameAsCold(practice, memo: memo, output: output)
        #expect(memo.derived.claims.reuses == 3, "an absence changes the claims: they are made again")

        // A signed note reworded: its digest no longer matches, and the
        // signature-mismatch error holds its claim, so the claims are made
        // again although the digest of its current text is not compared.
        let signed = "sessions/2026-03-19-dbt-skills/reyes-maria.md"
        let signedText = try practice.read(signed)
        #expect(signedText.contains("digest: sha256:"))
        try practice.write(signed, signedText.replacingOccurrences(of: "Ms. Reyes", with: "Maria Reyes"))
        try expectSameAsCold(practice, memo: memo, output: output)
        #expect(memo.derived.claims.reuses == 3, "a signature that no longer matches holds a claim: the claims are made again")
    }
}
