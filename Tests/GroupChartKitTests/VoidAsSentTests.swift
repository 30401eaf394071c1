import Foundation
@testable import GroupChartKit
import GroupChartTestSupport
import Testing

/// A void repeats the claim as it was sent (lifecycle.md): the names as the
/// 837P carried them, and, where the version sent holds what an 837P cannot
/// carry, no void at all but a word on where to void it. From a
/// clearinghouse analyst's review: a void re-split "Smith Jones, Mary" and
/// dropped a middle initial, and a void of a claim other software sent with
/// "O’Nguyen" stopped `build` while `check` was clean.
@Suite struct VoidAsSentTests {
    static func march(_ day: Int) -> LocalDate { LocalDate(year: 2026, month: 3, day: day)! }

    /// The example, unbilled, whose claims of the 12th were submitted on the
    /// 13th, accepted by a 999 and Lily Chen's by a 277CA (number BS7), the
    /// submission then rewritten by `sent` (as another program would have
    /// written it), and Chen marked absent: her claim is to be voided.
    private func chenToVoid(sent: (String) -> String) throws -> (FixturePractice, Claim, String) {
        let practice = try FixturePractice(base: FixturePractice.repository.appendingPathComponent("examples/dbt-skills"))
        for folder in ["submissions", "acknowledgments", "remittances"] { try practice.remove(folder) }
        let path = try submit(practice, on: 13, through: Self.march(12))
        let checked = try GroupChart.check(practice.root, options: Checker.Options(today: FixturePractice.today))
        let chen = try #require(checked.report.billing?.claims.first { $0.service.member == "chen-lily" && $0.service.date.day == 12 })
        try practice.write("acknowledgments/a.999", AcknowledgmentFixture.implementation(groupControl: "1", date: Self.march(13), control: 10))
        try practice.write("acknowledgments/b.277", AcknowledgmentFixture.claims([
            .init(claimID: chen.id, payerClaimNumber: "BS7", dateOfService: Self.march(12), charge: chen.total),
        ], date: Self.march(16), control: 11))
        try practice.write(path, sent(try practice.read(path)))
        try LifecycleTests.markChenAbsent(practice)
        return (practice, chen, path)
    }

    @discardableResult
    private func submit(_ practice: FixturePractice, on day: Int, through: LocalDate? = nil) throws -> String {
        try BatchSubmitter.submit(practice.root, options: BatchSubmitter.Options(
            checker: Checker.Options(today: Self.march(day)), through: through, output: practice.root.appendingPathComponent("build"))).path
    }

    @Test func aVoidRepeatsTheNamesAsTheyWereSent() throws {
        var subscriber = ""
        let (practice, chen, _) = try chenToVoid { text in
            // Chen's loop as other software wrote it: a middle name and a
            // suffix, and a rendering clinician whose last name is two words.
            let start = try! #require(text.range(of: "NM1*IL*1*Chen*Lily****MI*"))
            let memberID = text[start.upperBound...].prefix { $0 != "~" }
            subscriber = "NM1*IL*1*Chen*Lily*Q**Jr*MI*\(memberID)~"
            return text.replacingOccurrences(of: "NM1*IL*1*Chen*Lily****MI*\(memberID)~", with: subscriber)
                .replacingOccurrences(of: "NM1*82*1*Torres*Angela****XX*", with: "NM1*82*1*Torres Vega*Angela*M***XX*")
        }
        defer { practice.delete() }
        let voided = try practice.read(try submit(practice, on: 31))
        #expect(voided.contains("CLM*\(chen.id)*") && voided.contains(":B:8*"))
        #expect(voided.contains(subscriber), "the member's name as sent: \(voided)")
        #expect(voided.contains("NM1*82*1*Torres Vega*Angela*M***XX*1245319599~"), "the rendering clinician's name as sent")
    }

    /// A void and an original of one member in one batch, whose names
    /// join alike but split apart ("Chen Jr" sent in NM103, the profile's
    /// "Chen Jr" now split into NM103 "Chen" and NM107 "Jr"), go in two
    /// subscriber loops, each name as it is written: grouped by the joined
    /// name, the void went out under the original's split (a code review).
    @Test func aVoidAndAnOriginalWhoseNamesSplitApartEachKeepTheirs() throws {
        let (practice, chen, _) = try chenToVoid { text in
            text.replacingOccurrences(of: "NM1*IL*1*Chen*Lily****MI*", with: "NM1*IL*1*Chen Jr*Lily****MI*")
        }
        defer { practice.delete() }
        let profile = "members/chen-lily/profile.md"
        try practice.write(profile, try practice.read(profile).replacingOccurrences(of: "last_name: Chen", with: "last_name: Chen Jr"))
        let batch = try practice.read(try submit(practice, on: 31))
        let loops = batch.components(separatedBy: "HL*").filter { $0.contains("NM1*IL*1*Chen") }
        let void = try #require(loops.first { $0.contains("CLM*\(chen.id)*") })
        #expect(void.contains("NM1*IL*1*Chen Jr*Lily****MI*") && void.contains(":B:8*"), "\(void)")
        let original = try #require(loops.first { !$0.contains("CLM*\(chen.id)*") })
        #expect(original.contains("NM1*IL*1*Chen*Lily***Jr*MI*") && original.contains(":B:1*"), "\(original)")
    }

    @Test func aVoidOfAVersionAnX12FileCannotCarryIsNotSentAndSaysWhere() throws {
        let (practice, chen, path) = try chenToVoid { text in
            text.replacingOccurrences(of: "NM1*IL*1*Chen*Lily****MI*", with: "NM1*IL*1*陈*Lily****MI*")
        }
        defer { practice.delete() }
        let checked = try GroupChart.check(practice.root, options: Checker.Options(today: FixturePractice.today))
        let billing = try #require(checked.report.billing)
        #expect(!billing.batch.entries.contains { $0.claim.id == chen.id })
        let correction = try #require(billing.batch.corrections.first { $0.claimID == chen.id })
        #expect(correction.unwritable == "陈" && !correction.inBatch)
        let said = checked.report.diagnostics.filter { $0.message.contains(chen.id) }
        #expect(said.map(\.rule) == ["claim-void-needed"], "claim-awaiting-payer is not asked for a number it has: \(said.map(\.message))")
        #expect(said.first?.message.hasSuffix("no void is sent: the version sent holds \"陈\", which a void repeats and an 837P cannot "
                                              + "carry (it holds \"陈\" (U+9648), which has no ASCII form)") == true, "\(said.map(\.message))")
        #expect(said.first?.help == "void the claim with the payer directly, on its portal or by calling it; a submission is never edited")
        #expect(said.first?.related.first?.location.file == path)
        // And the build writes the rest of the batch, where it stopped with exit 2.
        let output = practice.root.appendingPathComponent("build")
        _ = try Builder.build(practice.root, options: Builder.Options(checker: Checker.Options(today: FixturePractice.today), output: output))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("claims.837").path))
    }

    /// A claim voided, then billable again (the member found present after
    /// all), is never sent again (lifecycle.md: "voided: nothing, ever"),
    /// and `claim-void-needed` says so at its note: the service went
    /// unbilled without a word.
    @Test func aVoidedClaimBilledAgainIsSaidNotSent() throws {
        let (practice, chen, _) = try chenToVoid { $0 }
        defer { practice.delete() }
        let voids = try submit(practice, on: 31)
        #expect(try practice.read(voids).contains("CLM*\(chen.id)*65***11:B:8"))
        let session = "sessions/2026-03-12-dbt-skills/session.md"
        try practice.write(session, try practice.read(session)
            .replacingOccurrences(of: "  chen-lily: {status: absent, reason: signed in by mistake}", with: "  chen-lily: present"))
        _ = try NoteSigner.sign(practice.root.appendingPathComponent(session), by: "torres",
                                at: Timestamp(date: Self.march(31), time: LocalTime(hour: 9, minute: 0)!), force: true)
        let note = "sessions/2026-03-12-dbt-skills/chen-lily.md"
        try practice.write(note, try String(contentsOf: FixturePractice.repository.appendingPathComponent("examples/dbt-skills/" + note),
                                            encoding: .utf8))
        let checked = try GroupChart.check(practice.root, options: Checker.Options(today: FixturePractice.today))
        let billing = try #require(checked.report.billing)
        #expect(billing.claims.contains { $0.id == chen.id && $0.isReady })
        #expect(!billing.batch.entries.contains { $0.claim.id == chen.id })
        let said = checked.report.diagnostics.filter { $0.message.contains(chen.id) }
        #expect(said.map { "\($0.location) \($0.rule)" } == ["\(note):1:1 claim-void-needed"])
        #expect(said.first?.message == "claim \"\(chen.id)\" was voided, and the record bills it again; a voided claim is never sent "
                    + "again, so this service is not billed")
        #expect(said.first?.related.first?.location.file == voids)
    }

    /// `BilledClaim.unwritableValue` lists what `ClaimInterchange` writes:
    /// a separator put in any one of a claim's texts is found by both.
    @Test func whatAVoidCannotRepeatIsWhatTheWriterRefuses() throws {
        let practice = try FixturePractice(base: FixturePractice.repository.appendingPathComponent("examples/dbt-skills"))
        defer { practice.delete() }
        let checked = try GroupChart.check(practice.root, options: Checker.Options(today: FixturePractice.today))
        let record = checked.record
        let claim = try #require(checked.report.billing?.claims.first { $0.renderingNPI != record.practice?.npi?.value })
        let interchange = ClaimInterchange(practice: try #require(record.practice), edi: try #require(record.practice?.edi),
                                           today: FixturePractice.today)
        func writes(_ billed: BilledClaim) -> Bool {
            (try? interchange.bytes([.init(claim: billed, frequency: .void, reason: "", payerClaimNumber: "N1", lastSent: nil,
                                          member: "", date: nil)], control: 1)) != nil
        }
        #expect(claim.billed.unwritableValue == nil && writes(claim.billed))
        let sent = BilledClaim.SentName(last: "Chen", first: "Lily", middle: "Q", suffix: "Jr")
        let edits: [(String, (inout BilledClaim) -> Void)] = [
            ("id", { $0.id += "~" }), ("member id", { $0.memberID += "~" }), ("group number", { $0.groupNumber = "G~" }),
            ("payer name", { $0.payerName += "~" }), ("payer id", { $0.payerID += "~" }),
            ("authorization", { $0.priorAuthorization = "A~" }), ("place", { $0.placeOfService += "~" }),
            ("rendering NPI", { $0.renderingNPI += "~" }), ("rendering name", { $0.renderingName += "~" }),
            ("rendering name as sent", { $0.renderingSentName = .init(last: "T", first: "A", middle: "~", suffix: "") }),
            ("subscriber", { $0.subscriber.lastName += "~" }), ("subscriber as sent", { $0.subscriber.sentName = sent; $0.subscriber.sentName?.suffix = "J~" }),
            ("patient", { $0.patient.firstName += "~" }), ("patient as sent", { $0.patient.sentName = sent; $0.patient.sentName?.middle = "~" }),
            ("diagnosis", { $0.diagnoses[0] += "~" }), ("street", { $0.patient.street += "~" }), ("street2", { $0.patient.street2 = "~" }),
            ("city", { $0.patient.city += "~" }), ("state", { $0.patient.state += "~" }), ("zip", { $0.patient.zip += "~" }),
            ("birth date", { $0.patient.dob += "~" }), ("sex", { $0.patient.sex += "~" }),
            ("code", { $0.lines[0].cpt += "~" }), ("modifier", { $0.lines[0].modifiers.append("~") }), ("units", { $0.lines[0].units += "~" }),
            ("line place", { $0.lines[0].placeOfService = "~" }), ("line authorization", { $0.lines[0].priorAuthorization = "~" }),
        ]
        for (name, edit) in edits {
            var billed = claim.billed
            billed.relationship = name.hasPrefix("patient") ? .child : billed.relationship
            edit(&billed)
            #expect(billed.unwritableValue != nil, "\(name)")
            #expect(!writes(billed), "\(name)")
        }
    }
}
