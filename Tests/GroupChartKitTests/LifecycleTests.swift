import Foundation
@testable import GroupChartKit
import GroupChartTestSupport
import Testing

/// The claims lifecycle (lifecycle.md): what was sent, what came back, each
/// claim's status, and what the next batch holds.
@Suite struct LifecycleTests {
    static let example = FixturePractice.repository.appendingPathComponent("examples/dbt-skills")
    static func march(_ day: Int) -> LocalDate { LocalDate(year: 2026, month: 3, day: day)! }

    /// The example without its billing history: nothing sent, nothing answered.
    private func unbilledExample() throws -> FixturePractice {
        let practice = try FixturePractice(base: Self.example)
        for folder in ["submissions", "acknowledgments", "remittances"] { try practice.remove(folder) }
        return practice
    }

    private func billing(_ practice: FixturePractice, today: LocalDate = FixturePractice.today) throws -> (Billing, CheckReport) {
        let checked = try GroupChart.check(practice.root, options: Checker.Options(today: today))
        return (try #require(checked.report.billing), checked.report)
    }

    /// The claims of the 12th submitted on the 13th, the file accepted by a
    /// 999 and Lily Chen's claim by a 277CA (payer claim number BS7): hers.
    private func acceptedClaimOfChen(_ practice: FixturePractice) throws -> Claim {
        try submit(practice, on: 13, through: Self.march(12))
        let (before, _) = try billing(practice)
        let chen = try claimID(before, "chen-lily", 12)
        try practice.write("acknowledgments/a.999", AcknowledgmentFixture.implementation(groupControl: "1", date: Self.march(13), control: 10))
        try practice.write("acknowledgments/b.277", AcknowledgmentFixture.claims([
            .init(claimID: chen.id, payerClaimNumber: "BS7", dateOfService: Self.march(12), charge: chen.total),
        ], date: Self.march(16), control: 11))
        return chen
    }

    /// Raises the group fee from 65.00 to 70.00: every claim billed at 65.00 changes.
    private func raiseTheGroupFee(_ practice: FixturePractice) throws {
        try practice.write("practice.yaml", try practice.read("practice.yaml").replacingOccurrences(of: "\"90853\": 65.00", with: "\"90853\": 70.00"))
    }

    /// Blue Shield's 835 of the 18th paying Lily Chen's claim (with a 10.00
    /// write-off and a 10.00 copay when `copay`), its EFT effective on
    /// `effective` (the 18th when nil).
    private func payChen(_ chen: Claim, in practice: FixturePractice, paid cents: Int, number: String, copay: Bool = false,
                         effective: LocalDate? = nil) throws {
        let adjustments: [(group: String, reason: String, amount: Money)] = copay ? [("CO", "45", Money(cents: 1000)), ("PR", "3", Money(cents: 1000))] : []
        try practice.write("remittances/2026-03-18.835", RemittanceFixture(
            payer: "BLUE SHIELD OF CALIFORNIA", trace: "1EFT1", date: Self.march(18), paymentDate: effective,
            claims: [.init(id: chen.id, billed: chen.total, paid: Money(cents: cents), adjustments: adjustments, payerClaimNumber: number,
                           dateOfService: Self.march(12))]).text)
    }

    /// Lily Chen marked absent from the session of the 12th, its note signed
    /// again on the 16th and her progress note removed: her claim of the
    /// 12th no longer builds, and a void of it is due.
    static func markChenAbsent(_ practice: FixturePractice) throws {
        let session = "sessions/2026-03-12-dbt-skills/session.md"
        try practice.write(session, try practice.read(session)
            .replacingOccurrences(of: "  chen-lily: present", with: "  chen-lily: {status: absent, reason: signed in by mistake}"))
        _ = try NoteSigner.sign(practice.root.appendingPathComponent(session), by: "torres",
                                at: Timestamp(date: Self.march(16), time: LocalTime(hour: 9, minute: 0)!), force: true)
        try practice.remove("sessions/2026-03-12-dbt-skills/chen-lily.md")
    }

    /// Submits the batch as `groupchart submit --today` would, and returns its path.
    @discardableResult
    private func submit(_ practice: FixturePractice, on day: Int, through: LocalDate? = nil) throws -> String {
        let outcome = try BatchSubmitter.submit(practice.root, options: BatchSubmitter.Options(
            checker: Checker.Options(today: Self.march(day)), through: through,
            output: practice.root.appendingPathComponent("build")))
        return outcome.path
    }

    private func claimID(_ billing: Billing, _ member: String, _ day: Int) throws -> Claim {
        try #require(billing.claims.first { $0.service.member == member && $0.service.date.day == day && $0.service.kind == .group })
    }

    /// A middle initial and a suffix go out in NM105 and NM107; a claim sent
    /// before names were split (NM104 "Maria L.", NM103 "Reyes II") is the
    /// same name read back, and no replacement is planned for it.
    @Test func aMiddleInitialAndSuffixGoApartAndAreNoChangeOfName() throws {
        let practice = try unbilledExample()
        defer { practice.delete() }
        let profile = "members/reyes-maria/profile.md"
        try practice.write(profile, try practice.read(profile).replacingOccurrences(of: "first_name: Maria", with: "first_name: Maria L.")
            .replacingOccurrences(of: "last_name: Reyes", with: "last_name: Reyes II"))
        let path = try submit(practice, on: 13, through: Self.march(12))
        let sent = try practice.read(path)
        #expect(sent.contains("NM1*IL*1*Reyes*Maria*L**II*MI*"))
        try practice.write("acknowledgments/a.999", AcknowledgmentFixture.implementation(groupControl: "1", date: Self.march(13), control: 10))
        var (billing, _) = try billing(practice)
        let reyes = try claimID(billing, "reyes-maria", 12)
        try practice.write("acknowledgments/b.277", AcknowledgmentFixture.claims([
            .init(claimID: reyes.id, payerClaimNumber: "AE1", dateOfService: Self.march(12), charge: reyes.total),
        ], date: Self.march(16), control: 11))
        #expect(!billing.batch.corrections.contains { $0.claimID == reyes.id })
        // As the writer before NM105 and NM107 wrote it.
        try practice.write(path, sent.replacingOccurrences(of: "NM1*IL*1*Reyes*Maria*L**II*MI*", with: "NM1*IL*1*Reyes II*Maria L.****MI*"))
        (billing, _) = try self.billing(practice)
        #expect(billing.ledger.history(reyes.id)?.lastSent?.claim.billed.subscriber.firstName == "Maria L.")
        #expect(!billing.batch.corrections.contains { $0.claimID == reyes.id })
        // Nor is a middle name other software sent in NM105 (read with it,
        // every such claim went out again as a replacement: a code review),
        // nor a new initial: names are compared by last and first name.
        try practice.write(path, sent.replacingOccurrences(of: "NM1*IL*1*Reyes*Maria*L**II*MI*", with: "NM1*IL*1*Reyes*Maria*Luisa**II*MI*"))
        try practice.write(profile, try practice.read(profile).replacingOccurrences(of: "first_name: Maria L.", with: "first_name: Maria K."))
        (billing, _) = try self.billing(practice)
        #expect(!billing.batch.corrections.contains { $0.claimID == reyes.id })
        // A new first name is a change, and billed content.
        try practice.write(profile, try practice.read(profile).replacingOccurrences(of: "first_name: Maria K.", with: "first_name: Mariana"))
        (billing, _) = try self.billing(practice)
        #expect(billing.batch.entries.contains { $0.claim.id == reyes.id && $0.frequency == .replacement })
    }

    @Test func theExampleBatchHoldsAnOriginalACorrectedRejectionAndAReplacement() throws {
        let practice = try FixturePractice(base: Self.example)
        defer { practice.delete() }
        let (billing, report) = try billing(practice)
        #expect(report.errorCount == 0 && report.warningCount == 0)
        let alvarez = try claimID(billing, "alvarez-sofia", 12).id
        let reyes = try claimID(billing, "reyes-maria", 12).id
        let replacement = try #require(billing.batch.entries.first { $0.claim.id == alvarez })
        #expect(replacement.frequency == .replacement && replacement.payerClaimNumber == "BS2607100431")
        #expect(replacement.claim.lines.map(\.cpt) == ["90853", "90785"])
        let resent = try #require(billing.batch.entries.first { $0.claim.id == reyes })
        #expect(resent.frequency == .original && resent.reason.contains("AET-4408127763 -> AET-4408127736"))
        #expect(billing.status(of: reyes) == .unbilled, "a rejected claim going out again is unbilled")
        #expect(billing.ledger.history(reyes)?.rejection?.reasons == ["rejected for invalid information: entity's contract or member number (subscriber)"])
        #expect(billing.batch.count(.original) == 10 && billing.batch.count(.replacement) == 1 && billing.batch.count(.void) == 0)
        #expect(billing.batch.controlNumber == 2)
        let chen = try claimID(billing, "chen-lily", 12).id
        #expect(billing.status(of: chen) == .partial && billing.ledger.history(chen)?.firstSubmitted == Self.march(13))
        #expect(billing.status(of: try claimID(billing, "chen-lily", 19).id) == .unbilled)
    }

    /// A check plans the batch but makes none of its entries (the claim
    /// rules read only its corrections and rejections); the entries are made
    /// once, when first asked for from any thread, in the claims' order,
    /// the originals never sent among the corrected ones.
    @Test func theBatchsEntriesAreMadeWhenFirstAskedFor() throws {
        let practice = try FixturePractice(base: Self.example)
        defer { practice.delete() }
        let (billing, _) = try billing(practice)
        #expect(!billing.batch.entriesAreMade)
        #expect(!billing.batch.corrections.isEmpty)
        let asked = ParallelMap.map(Array(0..<8)) { _ in billing.batch.entries.map { "\($0.claim.id) \($0.frequency)" } }
        #expect(billing.batch.entriesAreMade)
        #expect(asked.allSatisfy { $0 == asked[0] } && asked[0].count == 11)
        let inBatch = Set(billing.batch.entries.map(\.claim.id))
        #expect(billing.batch.entries.map(\.claim.id) == billing.claims.map(\.id).filter(inBatch.contains))
        let reasons = billing.batch.entries.map { $0.reason == "never sent" }
        #expect(reasons.filter { $0 }.count == 9 && reasons.filter { !$0 }.count == 2,
                "nine originals never sent, a replacement and a corrected rejection, all in the claims' order")
    }

    @Test func theStatusFollowsTheLatestEvent() throws {
        let practice = try unbilledExample()
        defer { practice.delete() }
        let path = try submit(practice, on: 13, through: Self.march(12))
        #expect(path == "submissions/2026-03-13-000000001.837")
        var (billing, _) = try billing(practice)
        let chen = try claimID(billing, "chen-lily", 12)
        #expect(billing.status(of: chen.id) == .submitted)
        try practice.write("acknowledgments/a.999", AcknowledgmentFixture.implementation(groupControl: "1", date: Self.march(13), control: 10))
        (billing, _) = try self.billing(practice)
        #expect(billing.status(of: chen.id) == .submitted, "a 999 that accepts the file says nothing of the claim")
        let answer = { (status: String, number: String?) in
            AcknowledgmentFixture.Answer(claimID: chen.id, status: status, payerClaimNumber: number, dateOfService: Self.march(12), charge: chen.total)
        }
        try practice.write("acknowledgments/b.277", AcknowledgmentFixture.claims([answer("A1:19:PR", nil)], date: Self.march(14), control: 11))
        (billing, _) = try self.billing(practice)
        #expect(billing.status(of: chen.id) == .received)
        try practice.write("acknowledgments/c.277", AcknowledgmentFixture.claims([answer("A2:20:PR", "BS9")], date: Self.march(16), control: 12))
        (billing, _) = try self.billing(practice)
        #expect(billing.status(of: chen.id) == .accepted && billing.ledger.history(chen.id)?.payerClaimNumber == "BS9")
        try practice.write("remittances/d.835", RemittanceFixture(trace: "T1", date: Self.march(26), claims: [
            .init(id: chen.id, billed: chen.total, paid: Money(cents: 5500), adjustments: [("CO", "45", Money(cents: 1000))],
                  payerClaimNumber: "BS9", dateOfService: Self.march(12)),
        ]).text)
        (billing, _) = try self.billing(practice)
        #expect(billing.status(of: chen.id) == .paid)
        #expect(billing.ledger.history(chen.id)?.events.map(\.summary).first == "sent as an original")
        #expect(!billing.batch.entries.contains { $0.claim.id == chen.id }, "a paid claim is never sent again")
    }

    /// The group control number as sent ("1"), or padded with zeros, as
    /// some 999s write it: AK102 and GS06 are numbers (a billing review
    /// found the padded one's rejection unapplied, the claims left waiting).
    @Test(arguments: ["1", "000000001"])
    func aSetThe999RejectedGoesOutAgainAsAnOriginal(groupControl: String) throws {
        let practice = try unbilledExample()
        defer { practice.delete() }
        try submit(practice, on: 13, through: Self.march(12))
        try practice.write("acknowledgments/a.999", AcknowledgmentFixture.implementation(groupControl: groupControl, code: "R", date: Self.march(13),
                                                                                        control: 10))
        var (billing, report) = try billing(practice)
        let chen = try claimID(billing, "chen-lily", 12)
        #expect(billing.status(of: chen.id) == .unbilled)
        #expect(!report.places.contains { $0.hasSuffix("acknowledgment") }, "\(report.places)")
        let entry = try #require(billing.batch.entries.first { $0.claim.id == chen.id })
        #expect(entry.frequency == .original && entry.reason.hasPrefix("sent again: the 999 rejected its transaction set ("), "\(entry.reason)")
        #expect(!report.places.contains { $0.hasSuffix("claim-rejected") }, "the batch sends it again: nothing to correct")
        // What the 999 found (IK3, IK4) is said with it, in the batch and on the dashboard, whether the group
        // is rejected (AK9 R, as here) or only the set (IK5 R in a group partly accepted, AK9 P).
        #expect(entry.reason.contains("NM1") && entry.reason.contains("2010"), "\(entry.reason)")
        try practice.write("acknowledgments/a.999", try practice.read("acknowledgments/a.999").replacingOccurrences(of: "AK9*R*", with: "AK9*P*"))
        let ak9 = try #require(try self.billing(practice).0.batch.entries.first { $0.claim.id == chen.id })
        #expect(ak9.reason.contains("NM1") && ak9.reason.contains("2010"), "\(ak9.reason)")
        try submit(practice, on: 14)
        (billing, report) = try self.billing(practice)
        #expect(billing.status(of: chen.id) == .submitted)
        #expect(!report.places.contains { $0.hasSuffix("duplicate-submission") }, "a rejection stands between the two originals")
    }

    @Test func groupControlNumbersCompareAsNumbers() {
        #expect(ClaimLedger.sameGroupControl("2", "000000002") && ClaimLedger.sameGroupControl("0", "000"))
        #expect(!ClaimLedger.sameGroupControl("2", "20") && !ClaimLedger.sameGroupControl("A2", "2") && !ClaimLedger.sameGroupControl("", "0"))
    }

    /// A 277CA that rejects the whole 837P (a rejecting STC in loop 2200B,
    /// its TRN02 the batch's BHT03) or the practice's claims in it (2200C,
    /// its NM1*85 the practice's NPI), listing no claim, rejects each claim
    /// of that submission, as a 999 would: they go out again unchanged. A
    /// billing review found such a file read past without a word, its
    /// claims left submitted while their filing limits ran.
    @Test func a277CARejectingTheWholeFileRejectsEachOfItsClaims() throws {
        let practice = try unbilledExample()
        defer { practice.delete() }
        try submit(practice, on: 13, through: Self.march(12))
        let accepted = AcknowledgmentFixture.claims([], date: Self.march(14), control: 11, batch: "1")
        let whole = accepted.replacingOccurrences(of: "STC*A1:19:PR*20260314*WQ*", with: "STC*A3:21*20260314*U*")
        #expect(whole != accepted)
        try practice.write("acknowledgments/b.277", whole)
        var (billing, report) = try billing(practice)
        let chen = try claimID(billing, "chen-lily", 12)
        // As after a 999's rejection: unbilled again, going out in the batch.
        #expect(billing.status(of: chen.id) == .unbilled)
        #expect(billing.ledger.history(chen.id)?.status == .rejected)
        let entry = try #require(billing.batch.entries.first { $0.claim.id == chen.id })
        #expect(entry.frequency == .original && entry.reason.hasPrefix("sent again: a 277CA rejected its whole file ("), "\(entry.reason)")
        #expect(!report.places.contains { $0.hasSuffix("acknowledgment") }, "\(report.places)")

        // The provider's level alone, for the practice's NPI: the same.
        let provider = accepted.replacingOccurrences(of: "STC*A1:19:PR**WQ*", with: "STC*A8:496:85**U*")
        #expect(provider != accepted)
        try practice.write("acknowledgments/b.277", provider)
        let byProvider = try #require(try self.billing(practice).0.batch.entries.first { $0.claim.id == chen.id })
        #expect(byProvider.reason.hasPrefix("sent again: a 277CA rejected the practice's claims in its file ("), "\(byProvider.reason)")
        // The provider named by its tax id (NM108 FI), as X214 allows: the practice's, or another's (a code review).
        let tax = try #require(try GroupChart.check(practice.root, options: Checker.Options(today: FixturePractice.today)).record
            .practice?.taxID?.value)
        try practice.write("acknowledgments/b.277", provider.replacingOccurrences(of: "XX*1234567893", with: "FI*\(tax)"))
        #expect(try self.billing(practice).0.status(of: chen.id) == .unbilled)
        try practice.write("acknowledgments/b.277", provider.replacingOccurrences(of: "XX*1234567893", with: "FI*999999999"))
        #expect(try self.billing(practice).0.status(of: chen.id) == .submitted)
        // Another provider's claims: not the practice's.
        try practice.write("acknowledgments/b.277", provider.replacingOccurrences(of: "XX*1234567893", with: "XX*1245319599"))
        #expect(try self.billing(practice).0.status(of: chen.id) == .submitted)
        // A rejection above claims it lists decides nothing: each claim's own status does.
        try practice.write("acknowledgments/b.277", AcknowledgmentFixture.claims([
            .init(claimID: chen.id, dateOfService: Self.march(12), charge: chen.total),
        ], date: Self.march(14), control: 11, batch: "1").replacingOccurrences(of: "STC*A1:19:PR*20260314*WQ*", with: "STC*A3:21*20260314*U*"))
        #expect(try self.billing(practice).0.status(of: chen.id) == .accepted)
        // A trace number no submission has: said, and nothing rejected.
        try practice.write("acknowledgments/b.277", whole.replacingOccurrences(of: "TRN*2*1~", with: "TRN*2*77~"))
        (billing, report) = try self.billing(practice)
        #expect(billing.status(of: chen.id) == .submitted)
        let said = try #require(report.diagnostics.first { $0.rule == "acknowledgment" })
        #expect(said.message.hasPrefix("this 277CA rejects a whole 837P (A3:21), and its trace number \"77\" (TRN02) names no submission"),
                "\(said.message)")
    }

    /// A whole file's rejection that says "duplicate" (54, 78) turned away
    /// a copy: the claim stays with the payer; one without is the claim's,
    /// as a claim's own rejection after a clearinghouse's A2 is (a code review).
    @Test func aWholeFilesRejectionAsADuplicateLeavesTheClaimWithThePayer() throws {
        let practice = try unbilledExample()
        defer { practice.delete() }
        let chen = try acceptedClaimOfChen(practice)
        let whole = AcknowledgmentFixture.claims([], date: Self.march(17), control: 12, batch: "1")
        try practice.write("acknowledgments/c.277", whole.replacingOccurrences(of: "STC*A1:19:PR*20260317*WQ*", with: "STC*A3:54*20260317*U*"))
        #expect(try billing(practice).0.status(of: chen.id) == .accepted)
        try practice.write("acknowledgments/c.277", whole.replacingOccurrences(of: "STC*A1:19:PR*20260317*WQ*", with: "STC*A3:21*20260317*U*"))
        #expect(try billing(practice).0.ledger.history(chen.id)?.status == .rejected)
    }

    @Test func anUnchangedRejectionStaysOutAndACorrectionGoesOut() throws {
        let practice = try unbilledExample()
        defer { practice.delete() }
        try submit(practice, on: 13, through: Self.march(12))
        var (billing, report) = try billing(practice)
        let reyes = try claimID(billing, "reyes-maria", 12)
        try practice.write("acknowledgments/a.999", AcknowledgmentFixture.implementation(groupControl: "1", date: Self.march(13), control: 10))
        try practice.write("acknowledgments/b.277", AcknowledgmentFixture.claims([
            .init(claimID: reyes.id, status: "A7:164:IL", dateOfService: Self.march(12), charge: reyes.total),
        ], date: Self.march(16), control: 11))
        (billing, report) = try self.billing(practice)
        #expect(billing.status(of: reyes.id) == .rejected)
        #expect(!billing.batch.entries.contains { $0.claim.id == reyes.id })
        let rejected = try #require(report.diagnostics.first { $0.rule == "claim-rejected" })
        #expect(rejected.location.description == "sessions/2026-03-12-dbt-skills/reyes-maria.md:1:1" && rejected.severity == .error)
        #expect(rejected.related.first?.location.file == "acknowledgments/b.277")
        #expect(rejected.message.contains("entity's contract or member number (subscriber)"))
        // The payer's filing days passed since the date of service (the 12th, today the 31st): a rejected claim was never filed.
        #expect(rejected.help == "correct what the rejection names; the next build sends the corrected claim as an original; "
                + "19 of Aetna's 365 filing days have passed since the date of service, and a rejected claim was never filed with the payer")
        // A payer's rejection is about the claim, not the record: the session's packet is still written.
        let built = try Builder.build(practice.root, options: Builder.Options(checker: Checker.Options(today: FixturePractice.today)))
        #expect(built.skippedSessions.isEmpty && built.written.contains("sessions/2026-03-12-dbt-skills.html"))
        let profile = "members/reyes-maria/profile.md"
        try practice.write(profile, try practice.read(profile).replacingOccurrences(of: "AET-4408127736", with: "AET-4408127737"))
        (billing, report) = try self.billing(practice)
        #expect(billing.batch.entries.first { $0.claim.id == reyes.id }?.frequency == .original)
        #expect(!report.places.contains { $0.hasSuffix("claim-rejected") })
    }

    /// A 277CA rejects for what is not billed content (lifecycle.md) but the
    /// 837P carries: the patient's sex (A7:157), the group number (A7:163).
    /// Corrected in the profile, the claim goes out again; a change that
    /// was not there stayed "rejected" for ever, the help's "the next build
    /// sends the corrected claim" untrue.
    @Test func aRejectionForTheSexOrGroupNumberIsCorrectedInTheProfile() throws {
        let practice = try unbilledExample()
        defer { practice.delete() }
        try submit(practice, on: 13, through: Self.march(12))
        var (billing, _) = try billing(practice)
        let reyes = try claimID(billing, "reyes-maria", 12)
        let chen = try claimID(billing, "chen-lily", 12)
        try practice.write("acknowledgments/a.999", AcknowledgmentFixture.implementation(groupControl: "1", date: Self.march(13), control: 10))
        try practice.write("acknowledgments/b.277", AcknowledgmentFixture.claims([
            .init(claimID: reyes.id, status: "A7:157:QC", dateOfService: Self.march(12), charge: reyes.total),
            .init(claimID: chen.id, status: "A7:163:IL", dateOfService: Self.march(12), charge: chen.total),
        ], date: Self.march(16), control: 11))
        (billing, _) = try self.billing(practice)
        #expect(!billing.batch.entries.contains { [reyes.id, chen.id].contains($0.claim.id) }, "unchanged, they stay out")
        let reyesProfile = "members/reyes-maria/profile.md", chenProfile = "members/chen-lily/profile.md"
        try practice.write(reyesProfile, try practice.read(reyesProfile).replacingOccurrences(of: "\nsex: F\n", with: "\nsex: M\n"))
        try practice.write(chenProfile, try practice.read(chenProfile).replacingOccurrences(
            of: "group_number: \"W0051624\"", with: "group_number: \"W0051625\""))
        (billing, _) = try self.billing(practice)
        let entries = Dictionary(uniqueKeysWithValues: billing.batch.entries.map { ($0.claim.id, $0) })
        #expect(entries[reyes.id]?.frequency == .original && entries[reyes.id]?.reason.contains("patient sex F -> M") == true,
                "\(entries[reyes.id]?.reason ?? "none")")
        #expect(entries[chen.id]?.frequency == .original && entries[chen.id]?.reason.contains("group number W0051624 -> W0051625") == true,
                "\(entries[chen.id]?.reason ?? "none")")
    }

    /// A rejection ends with a later answer that the claim entered
    /// adjudication: the payer's 277CA A2, or an 835. The claim is with the
    /// payer then, so a correction is a replacement naming the payer's claim
    /// number, never a second original (a duplicate, CARC 18). A later A1
    /// (received) does not end it.
    @Test func aLaterAcceptanceOrPaymentEndsARejection() throws {
        let practice = try unbilledExample()
        defer { practice.delete() }
        try submit(practice, on: 13, through: Self.march(12))
        var (billing, report) = try billing(practice)
        let chen = try claimID(billing, "chen-lily", 12)
        let nguyen = try claimID(billing, "nguyen-lan", 12)
        let okonkwo = try claimID(billing, "okonkwo-david", 12)
        try practice.write("acknowledgments/a.999", AcknowledgmentFixture.implementation(groupControl: "1", date: Self.march(13), control: 10))
        try practice.write("acknowledgments/b.277", AcknowledgmentFixture.claims([
            .init(claimID: chen.id, status: "A3:21:IL", dateOfService: Self.march(12), charge: chen.total),
            .init(claimID: nguyen.id, status: "A7:164:IL", dateOfService: Self.march(12), charge: nguyen.total),
            .init(claimID: okonkwo.id, status: "A7:164:IL", dateOfService: Self.march(12), charge: okonkwo.total),
        ], date: Self.march(14), control: 11))
        try practice.write("acknowledgments/c.277", AcknowledgmentFixture.claims([
            .init(claimID: chen.id, payerClaimNumber: "BS7", dateOfService: Self.march(12), charge: chen.total),
            .init(claimID: okonkwo.id, status: "A1:19:PR", dateOfService: Self.march(12), charge: okonkwo.total),
        ], date: Self.march(16), control: 12))
        try practice.write("remittances/d.835", RemittanceFixture(trace: "T1", date: Self.march(26), claims: [
            .init(id: nguyen.id, billed: nguyen.total, paid: Money(cents: 2800), adjustments: [("PR", "2", Money(cents: 3700))],
                  payerClaimNumber: "E88", dateOfService: Self.march(12)),
        ]).text)
        (billing, report) = try self.billing(practice)
        #expect(billing.status(of: chen.id) == .accepted && billing.status(of: nguyen.id) == .partial)
        #expect(billing.status(of: okonkwo.id) == .received && billing.ledger.history(okonkwo.id)?.rejection != nil,
                "a receipt after a rejection does not end it")
        let rejected = Set(report.diagnostics.filter { $0.rule == "claim-rejected" }.map(\.location.file))
        #expect(rejected == ["sessions/2026-03-12-dbt-skills/okonkwo-david.md"], "\(rejected)")
        // Each member's id corrected: the two answered claims are replaced, the rejected one sent again.
        for (member, id) in [("chen-lily", "XEB884102773"), ("nguyen-lan", "AET-2291774503"), ("okonkwo-david", "AET-3310294875")] {
            let profile = "members/\(member)/profile.md"
            try practice.write(profile, try practice.read(profile).replacingOccurrences(of: id, with: id + "9"))
        }
        (billing, _) = try self.billing(practice)
        let entries = Dictionary(uniqueKeysWithValues: billing.batch.entries.map { ($0.claim.id, $0) })
        #expect(entries[chen.id]?.frequency == .replacement && entries[chen.id]?.payerClaimNumber == "BS7")
        #expect(entries[nguyen.id]?.frequency == .replacement && entries[nguyen.id]?.payerClaimNumber == "E88")
        #expect(entries[okonkwo.id]?.frequency == .original && entries[okonkwo.id]?.payerClaimNumber == nil)
    }

    /// A payer claim number an 837P cannot carry (here a ':' of the payer's
    /// file, whose components were split by another character) is not used:
    /// the replacement that needs it waits, said at the claim and where the
    /// 835 gives it, and the rest of the batch is built and sent.
    @Test func aPayerClaimNumberAnX12FileCannotCarryHoldsOnlyItsClaim() throws {
        let practice = try unbilledExample()
        defer { practice.delete() }
        try submit(practice, on: 13, through: Self.march(12))
        var (billing, report) = try billing(practice)
        let chen = try claimID(billing, "chen-lily", 12)
        try practice.write("acknowledgments/a.999", AcknowledgmentFixture.implementation(groupControl: "1", date: Self.march(13), control: 10))
        try practice.write("remittances/d.835", RemittanceFixture(trace: "T1", date: Self.march(26), claims: [
            .init(id: chen.id, billed: chen.total, paid: Money(cents: 5500), adjustments: [("CO", "45", Money(cents: 1000))],
                  payerClaimNumber: "BS88:1", dateOfService: Self.march(12)),
        ]).text)
        let profile = "members/chen-lily/profile.md"
        try practice.write(profile, try practice.read(profile).replacingOccurrences(of: "XEB884102773", with: "XEB884102779"))
        (billing, report) = try self.billing(practice)
        #expect(billing.status(of: chen.id) == .paid && billing.ledger.history(chen.id)?.payerClaimNumber == nil)
        #expect(!billing.batch.entries.contains { $0.claim.id == chen.id })
        #expect(!billing.batch.entries.isEmpty, "the other claims still go")
        let waits = try #require(report.diagnostics.first { $0.rule == "claim-awaiting-payer" })
        #expect(waits.location.file == "sessions/2026-03-12-dbt-skills/chen-lily.md")
        #expect(waits.message.contains("the payer's claim number \"BS88:1\" holds a character an 837P cannot carry"))
        let clp = try practice.read("remittances/d.835").split(separator: "\n").firstIndex { $0.hasPrefix("CLP*") }.map { $0 + 1 }
        let warning = try #require(report.diagnostics.first { $0.rule == "remittance" && $0.message.contains("BS88:1") })
        #expect(warning.location.file == "remittances/d.835" && warning.location.line == clp && warning.severity == .warning)
        let built = try Builder.build(practice.root, options: Builder.Options(checker: Checker.Options(today: FixturePractice.today),
                                                                            output: practice.root.appendingPathComponent("build")))
        #expect(built.report.errorCount == 0)
        #expect(try practice.read("build/reimbursement.csv").contains("BS88:1"), "the payer's number is shown as given")
    }

    /// An 835 that dates its payment neither in BPR16 nor in DTM*405 is
    /// dated by its file (GS04), with a warning at its BPR: undated, the
    /// payment sorted before the submission it answers and left its claim
    /// `submitted`.
    @Test func anUndatedPaymentTakesItsFilesDateWithAWarning() throws {
        let practice = try unbilledExample()
        defer { practice.delete() }
        try submit(practice, on: 13, through: Self.march(12))
        var (billing, report) = try billing(practice)
        let chen = try claimID(billing, "chen-lily", 12)
        let dated = RemittanceFixture(trace: "T1", date: Self.march(26), claims: [
            .init(id: chen.id, billed: chen.total, paid: Money(cents: 5500), adjustments: [("CO", "45", Money(cents: 1000))],
                  payerClaimNumber: "BS9", dateOfService: Self.march(12)),
        ]).text
        var lines = dated.replacingOccurrences(of: "*4455667788*20260326~", with: "*4455667788~")
            .replacingOccurrences(of: "DTM*405*20260326~\n", with: "").split(separator: "\n").map(String.init)
        let st = try #require(lines.firstIndex { $0.hasPrefix("ST*") }), se = try #require(lines.firstIndex { $0.hasPrefix("SE*") })
        lines[se] = "SE*\(se - st + 1)*0001~"
        let undated = lines.joined(separator: "\n") + "\n"
        #expect(undated != dated && !undated.contains("DTM*405"))
        try practice.write("remittances/d.835", undated)
        (billing, report) = try self.billing(practice)
        #expect(billing.status(of: chen.id) == .paid)
        #expect(billing.ledger.history(chen.id)?.events.last?.date == Self.march(26))
        let bpr = try #require(undated.split(separator: "\n").firstIndex { $0.hasPrefix("BPR*") }) + 1
        let remittance = report.diagnostics.filter { $0.rule == "remittance" }
        #expect(remittance.map(\.location.description) == ["remittances/d.835:\(bpr):1"], "\(remittance.map(\.message))")
        #expect(remittance.first?.message == "the payment has no date (BPR16, or DTM*405); the file's date 2026-03-26 (GS04) is used")
    }

    /// Clearinghouses also name a 277CA `.277CA`: it is read as one.
    @Test func a277CASavedUnderItsLongerExtensionIsRead() throws {
        let practice = try unbilledExample()
        defer { practice.delete() }
        try submit(practice, on: 13, through: Self.march(12))
        var (billing, _) = try billing(practice)
        let reyes = try claimID(billing, "reyes-maria", 12)
        try practice.write("acknowledgments/2026-03-16-clearinghouse.277CA", AcknowledgmentFixture.claims([
            .init(claimID: reyes.id, status: "A7:164:IL", dateOfService: Self.march(12), charge: reyes.total),
        ], date: Self.march(16), control: 11))
        (billing, _) = try self.billing(practice)
        #expect(billing.status(of: reyes.id) == .rejected)
    }

    /// A session found to be psychoeducation after its claims were billed:
    /// its note is signed again (the error is about billing, not about the
    /// note), and the voids go out: `psychoeducation-only` ends the claims,
    /// so it cannot be what holds their voids.
    @Test func aSessionFoundToBePsychoeducationIsSignedAndItsClaimsVoided() throws {
        let practice = try unbilledExample()
        defer { practice.delete() }
        let chen = try acceptedClaimOfChen(practice)
        let note = "sessions/2026-03-12-dbt-skills/session.md"
        try practice.write(note, try practice.read(note).replacingOccurrences(of: "format: psychotherapy", with: "format: psychoeducation"))
        _ = try NoteSigner.sign(practice.root.appendingPathComponent(note), by: "torres",
                                at: Timestamp(date: Self.march(20), time: LocalTime(hour: 9, minute: 0)!), force: true)
        let (billing, report) = try billing(practice)
        let void = try #require(billing.batch.entries.first { $0.claim.id == chen.id })
        #expect(void.frequency == .void && void.payerClaimNumber == "BS7")
        #expect(report.diagnostics.filter { $0.location.file == note && $0.severity == .error }.map(\.rule) == ["psychoeducation-only"])
        #expect(!report.diagnostics.contains { $0.rule == "claim-void-needed" && $0.message.contains(chen.id) && $0.message.contains("no void is sent") })
    }

    /// One edit that ends a group claim and changes another (a member
    /// marked absent from the group: the individual claim of that day loses
    /// its same-day modifier) sends both or neither: while the edit stands
    /// unsigned, the replacement waits as the void does.
    @Test func aReplacementWaitsWithTheVoidOfTheSameEdit() throws {
        let practice = try unbilledExample()
        defer { practice.delete() }
        try submit(practice, on: 20, through: Self.march(19))
        var (billing, report) = try billing(practice)
        let group = try claimID(billing, "okonkwo-david", 19)
        let individual = try #require(billing.claims.first { $0.service.member == "okonkwo-david" && $0.service.kind == .individual
            && $0.service.date == Self.march(19) })
        #expect(individual.lines[0].modifiers == ["XE"])
        try practice.write("acknowledgments/a.999", AcknowledgmentFixture.implementation(groupControl: "1", date: Self.march(20), control: 10))
        try practice.write("acknowledgments/b.277", AcknowledgmentFixture.claims([
            .init(claimID: group.id, payerClaimNumber: "E1", dateOfService: Self.march(19), charge: group.total),
            .init(claimID: individual.id, payerClaimNumber: "E2", dateOfService: Self.march(19), charge: individual.total),
        ], date: Self.march(22), control: 11))
        let note = "sessions/2026-03-19-dbt-skills/session.md"
        let log = try practice.read(note)
        let absent = log.replacingOccurrences(of: "okonkwo-david: present", with: "okonkwo-david: {status: absent, reason: illness}")
        #expect(absent != log)
        try practice.write(note, absent)
        try practice.remove("sessions/2026-03-19-dbt-skills/okonkwo-david.md")
        (billing, report) = try self.billing(practice)
        #expect(!billing.batch.entries.contains { $0.claim.id == group.id || $0.claim.id == individual.id }, "neither goes while the edit is unsigned")
        let waits = try #require(report.diagnostics.first { $0.rule == "claim-changed-after-billing" && $0.message.contains(individual.id) })
        #expect(waits.message.contains("its replacement waits while \(note) has errors"), "\(waits.message)")
        _ = try NoteSigner.sign(practice.root.appendingPathComponent(note), by: "torres",
                                at: Timestamp(date: Self.march(22), time: LocalTime(hour: 9, minute: 0)!), force: true)
        (billing, _) = try self.billing(practice)
        let entries = Dictionary(uniqueKeysWithValues: billing.batch.entries.map { ($0.claim.id, $0) })
        #expect(entries[group.id]?.frequency == .void && entries[individual.id]?.frequency == .replacement)
        #expect(entries[individual.id]?.claim.lines.first?.modifiers == [])
    }

    /// A claim the payer rejected (it never entered adjudication) that is
    /// no longer billed (its member marked absent) is closed: no void, and
    /// nothing outstanding, from the payer or the member.
    @Test func aRejectedClaimNoLongerBilledIsOwedByNobody() throws {
        let practice = try unbilledExample()
        defer { practice.delete() }
        try submit(practice, on: 13, through: Self.march(12))
        var (billing, _) = try billing(practice)
        let chen = try claimID(billing, "chen-lily", 12)
        try practice.write("acknowledgments/a.999", AcknowledgmentFixture.implementation(groupControl: "1", date: Self.march(13), control: 10))
        try practice.write("acknowledgments/b.277", AcknowledgmentFixture.claims([
            .init(claimID: chen.id, status: "A7:164:IL", dateOfService: Self.march(12), charge: chen.total),
        ], date: Self.march(16), control: 11))
        let note = "sessions/2026-03-12-dbt-skills/session.md"
        try practice.write(note, try practice.read(note).replacingOccurrences(of: "chen-lily: present", with: "chen-lily: {status: absent, reason: illness}"))
        try practice.remove("sessions/2026-03-12-dbt-skills/chen-lily.md")
        _ = try NoteSigner.sign(practice.root.appendingPathComponent(note), by: "torres",
                                at: Timestamp(date: Self.march(20), time: LocalTime(hour: 9, minute: 0)!), force: true)
        (billing, _) = try self.billing(practice)
        #expect(!billing.batch.entries.contains { $0.claim.id == chen.id }, "no void of a claim never adjudicated")
        let ledger = ReimbursementLedger(billing: billing, record: try GroupChart.check(practice.root, options: Checker.Options(today: FixturePractice.today)).record,
                                         today: FixturePractice.today)
        let entry = try #require(ledger.entry(for: chen.id))
        #expect(entry.status == .rejected && !entry.isBuilt && entry.outstanding == .zero && entry.debtor == nil)
    }

    /// A replacement of a claim the payer paid, rejected by a 277CA, never
    /// reached adjudication: the payment stands (partial, the member owing
    /// the copay, the payer nothing), with the rejection shown beside it.
    @Test func aRejectedReplacementLeavesThePaymentBeforeIt() throws {
        let practice = try unbilledExample()
        defer { practice.delete() }
        let chen = try acceptedClaimOfChen(practice)
        try payChen(chen, in: practice, paid: 4500, number: "BS7", copay: true)
        try raiseTheGroupFee(practice)
        // On the 31st: on the 20th, Sofia Alvarez's note of the same session is signed on the 30th, an error
        // then, which holds the replacement (`VoidHold`).
        try submit(practice, on: 31)
        let (sent, _) = try billing(practice)
        #expect(try #require(sent.ledger.history(chen.id)).lastSent?.claim.frequency == .replacement)
        try practice.write("acknowledgments/c.277", AcknowledgmentFixture.claims([
            .init(claimID: chen.id, status: "A7:164:IL", dateOfService: Self.march(12), charge: Money(cents: 7000)),
        ], date: Self.march(31), control: 12))
        let (billing, report) = try billing(practice)
        let history = try #require(billing.ledger.history(chen.id))
        #expect(history.rejection != nil && history.lastSent?.rejected == true)
        #expect(billing.status(of: chen.id) == .partial)
        // Corrected, it goes out as a replacement again, as the help says (it said "as an original": a biller's review).
        let rejected = try #require(report.diagnostics.first { $0.rule == "claim-rejected" })
        #expect(rejected.help.contains("again as a replacement of the payer's claim"))
        let record = try GroupChart.check(practice.root, options: Checker.Options(today: FixturePractice.today)).record
        let entry = try #require(ReimbursementLedger(billing: billing, record: record, today: FixturePractice.today).entry(for: chen.id))
        #expect(entry.paid == Money(cents: 4500) && entry.debtor == .member && entry.outstanding == Money(cents: 1000))
    }

    /// A 277CA that accepts a claim and then rejects it as a duplicate (the
    /// file was uploaded twice) turned away a copy: the claim stays with the
    /// payer, accepted, under the accepted number (not the rejection's
    /// REF*1K), and a correction goes as a replacement, never as a second
    /// original (CARC 18). `acknowledgment` says so at the rejection.
    @Test func aRejectionOfACopyOfAnAcceptedClaimLeavesItWithThePayer() throws {
        let practice = try unbilledExample()
        defer { practice.delete() }
        let chen = try acceptedClaimOfChen(practice)
        try practice.write("acknowledgments/c.277", AcknowledgmentFixture.claims([
            .init(claimID: chen.id, status: "A3:78:PR", payerClaimNumber: "ZZ9", dateOfService: Self.march(12), charge: chen.total),
        ], date: Self.march(17), control: 12))
        let (billing, report) = try billing(practice)
        #expect(billing.status(of: chen.id) == .accepted)
        #expect(billing.ledger.history(chen.id)?.payerClaimNumber == "BS7")
        #expect(!report.diagnostics.contains { $0.rule == "claim-rejected" })
        let copy = report.diagnostics.filter { $0.rule == "acknowledgment" }
        #expect(copy.map { "\($0.location.file):\($0.location.line)" } == ["acknowledgments/c.277:21"], "\(copy.map(\.message))")
        try raiseTheGroupFee(practice)
        let (changed, _) = try self.billing(practice)
        let entry = try #require(changed.batch.entries.first { $0.claim.id == chen.id })
        #expect(entry.frequency == .replacement && entry.payerClaimNumber == "BS7")
    }

    /// A 277CA rejection after an 835 paid the version it answers, whatever
    /// its status code: the payer decided on the claim, so the claim stays
    /// paid, and a correction is a replacement naming the 835's number (it
    /// went out as a second original, which the payer denies as a duplicate).
    @Test func aRejectionAfterAPaymentLeavesThePaidClaimWithThePayer() throws {
        let practice = try unbilledExample()
        defer { practice.delete() }
        let chen = try acceptedClaimOfChen(practice)
        try payChen(chen, in: practice, paid: 6500, number: "E88")
        try practice.write("acknowledgments/c.277", AcknowledgmentFixture.claims([
            .init(claimID: chen.id, status: "A7:164:IL", dateOfService: Self.march(12), charge: chen.total),
        ], date: Self.march(20), control: 12))
        let (billing, report) = try billing(practice)
        #expect(billing.status(of: chen.id) == .paid)
        #expect(!report.diagnostics.contains { $0.rule == "claim-rejected" })
        let copy = report.diagnostics.filter { $0.rule == "acknowledgment" }
        #expect(copy.map { "\($0.location.file):\($0.location.line)" } == ["acknowledgments/c.277:21"], "\(copy.map(\.message))")
        try raiseTheGroupFee(practice)
        let (changed, _) = try self.billing(practice)
        let entry = try #require(changed.batch.entries.first { $0.claim.id == chen.id })
        #expect(entry.frequency == .replacement && entry.payerClaimNumber == "E88")
    }

    /// A 999 that rejects the whole group (AK9 R) rejects its sets, even one
    /// its IK5 lists as accepted: they go out again (it was read as accepted).
    @Test func aGroupRejectedByAK9IsRejectedWhateverItsSetsSay() throws {
        let practice = try unbilledExample()
        defer { practice.delete() }
        try submit(practice, on: 13, through: Self.march(12))
        let ack = AcknowledgmentFixture.implementation(groupControl: "1", date: Self.march(13), control: 10)
        #expect(ack.contains("AK9*A*1*1*1~"))
        try practice.write("acknowledgments/a.999", ack.replacingOccurrences(of: "AK9*A*1*1*1~", with: "AK9*R*1*1*0~"))
        let (billing, _) = try billing(practice)
        // The claims of the submission (Sofia Alvarez's of the 12th was held then: never sent).
        let sent = billing.batch.entries.filter { billing.ledger.history($0.claim.id)?.lastSent != nil }
        #expect(!sent.isEmpty && sent.allSatisfy { $0.frequency == .original && $0.reason == "sent again: the 999 rejected its transaction set" },
                "\(sent.map(\.reason))")
    }

    /// A claim a 277CA rejected that no submission on file holds (sent by
    /// other means) counts as sent: it stays out with claim-rejected, never
    /// sent as an original "never sent".
    @Test func aRejectedClaimNoSubmissionHoldsIsNotSentAsNew() throws {
        let practice = try unbilledExample()
        defer { practice.delete() }
        let (before, _) = try billing(practice)
        let reyes = try claimID(before, "reyes-maria", 12)
        try practice.write("acknowledgments/b.277", AcknowledgmentFixture.claims([
            .init(claimID: reyes.id, status: "A7:164:IL", dateOfService: Self.march(12), charge: reyes.total),
        ], date: Self.march(16), control: 11))
        let (billing, report) = try billing(practice)
        #expect(!billing.batch.entries.contains { $0.claim.id == reyes.id })
        #expect(report.diagnostics.contains { $0.rule == "claim-rejected" && $0.location.file == "sessions/2026-03-12-dbt-skills/reyes-maria.md" })
    }

    /// A claim's loop with two statuses, the first receiving it and the
    /// second rejecting it (`STC*A1:19:PR` then `STC*A7:33:IL`), rejects
    /// it: any category A3, A4, A6, A7 or A8 for it does (lifecycle.md).
    /// Read by its first status, the claim sat "received" (a biller's review).
    @Test func aRejectionBehindAReceiptInOneLoopRejectsTheClaim() throws {
        let practice = try unbilledExample()
        defer { practice.delete() }
        let (before, _) = try billing(practice)
        let reyes = try claimID(before, "reyes-maria", 12)
        try practice.write("acknowledgments/b.277", AcknowledgmentFixture.claims([
            .init(claimID: reyes.id, status: "A1:19:PR", then: ["A7:33:IL"], dateOfService: Self.march(12), charge: reyes.total),
        ], date: Self.march(16), control: 11))
        let (billing, report) = try billing(practice)
        #expect(billing.status(of: reyes.id) == .rejected)
        #expect(report.diagnostics.contains { $0.rule == "claim-rejected" && $0.location.file == "sessions/2026-03-12-dbt-skills/reyes-maria.md"
            && $0.help.contains("cannot tell it corrected") })
    }

    /// A clearinghouse's A2, then the payer's rejection (not as a duplicate):
    /// the latest event decides, and the claim is rejected, not "a copy".
    /// A dependent's rejected claim (the subscriber sent by name and id
    /// alone) left unchanged stays out.
    @Test func aRejectionAfterAnAcceptanceIsTheClaimsUnlessItSaysDuplicate() throws {
        let practice = try unbilledExample()
        defer { practice.delete() }
        let chen = try acceptedClaimOfChen(practice)
        // Sofia Alvarez's note of the 12th, signed on the 30th, goes on the 31st.
        try submit(practice, on: 31)
        var (billing, _) = try billing(practice)
        let alvarez = try claimID(billing, "alvarez-sofia", 12)
        #expect(billing.ledger.history(alvarez.id)?.lastSent != nil)
        try practice.write("acknowledgments/c.277", AcknowledgmentFixture.claims([
            .init(claimID: chen.id, status: "A7:33:IL", dateOfService: Self.march(12), charge: chen.total),
            .init(claimID: alvarez.id, status: "A7:164:IL", dateOfService: Self.march(12), charge: alvarez.total),
        ], date: Self.march(31), control: 12, batch: "2"))
        let report: CheckReport
        (billing, report) = try self.billing(practice)
        #expect(billing.status(of: chen.id) == .rejected)
        #expect(!report.diagnostics.contains { $0.rule == "acknowledgment" })
        let rejected = Set(report.diagnostics.filter { $0.rule == "claim-rejected" }.map(\.location.file))
        #expect(rejected == ["sessions/2026-03-12-dbt-skills/chen-lily.md", "sessions/2026-03-12-dbt-skills/alvarez-sofia.md"])
        #expect(!billing.batch.entries.contains { [chen.id, alvarez.id].contains($0.claim.id) }, "unchanged, they stay out")
    }

    /// A replacement sent after an 835 may get a number of its own (an
    /// adjustment's ICN): a 277CA's REF*1K for it is taken, where the 835's
    /// number stood for ever.
    @Test func aNewVersionsNumberFromA277CAIsTaken() throws {
        let practice = try unbilledExample()
        defer { practice.delete() }
        let chen = try acceptedClaimOfChen(practice)
        try payChen(chen, in: practice, paid: 6500, number: "E88")
        try raiseTheGroupFee(practice)
        try submit(practice, on: 31)
        try practice.write("acknowledgments/c.277", AcknowledgmentFixture.claims([
            .init(claimID: chen.id, payerClaimNumber: "E99", dateOfService: Self.march(12), charge: Money(cents: 7000)),
        ], date: Self.march(31), control: 12))
        let (billing, _) = try billing(practice)
        #expect(billing.ledger.history(chen.id)?.payerClaimNumber == "E99")
    }

    /// An 835 is dated when the payer issued it (DTM*405), not when its EFT
    /// settles (BPR16, often days later): a replacement sent and rejected by
    /// a 999 in between stays rejected, and goes out again, instead of
    /// seeming answered by a payment issued before it was sent.
    @Test func aPaymentIsDatedWhenIssuedNotWhenItsTransferSettles() throws {
        let practice = try unbilledExample()
        defer { practice.delete() }
        let chen = try acceptedClaimOfChen(practice)
        try payChen(chen, in: practice, paid: 4500, number: "BS7", copay: true, effective: LocalDate(year: 2026, month: 4, day: 3)!)
        try raiseTheGroupFee(practice)
        try submit(practice, on: 31)
        try practice.write("acknowledgments/c.999", AcknowledgmentFixture.implementation(groupControl: "2", code: "R", date: Self.march(31), control: 12))
        let (billing, _) = try billing(practice)
        // Rejected with its set by a 999: the replacement goes out again, unchanged.
        #expect(billing.ledger.history(chen.id)?.rejection != nil)
        let entry = try #require(billing.batch.entries.first { $0.claim.id == chen.id })
        #expect(entry.frequency == .replacement && entry.payerClaimNumber == "BS7")
    }

    /// The payer claim number an 835 gives (CLP07) is not replaced by a
    /// 277CA filed after it: a late acceptance's REF*1K names an earlier stage.
    @Test func aLate277CADoesNotReplaceThe835sClaimNumber() throws {
        let practice = try unbilledExample()
        defer { practice.delete() }
        let chen = try acceptedClaimOfChen(practice)
        try payChen(chen, in: practice, paid: 6500, number: "E88")
        try practice.write("acknowledgments/c.277", AcknowledgmentFixture.claims([
            .init(claimID: chen.id, payerClaimNumber: "PX55", dateOfService: Self.march(12), charge: chen.total),
        ], date: Self.march(19), control: 12))
        let (billing, _) = try billing(practice)
        #expect(billing.ledger.history(chen.id)?.payerClaimNumber == "E88")
    }

    @Test func aChangeAfterBillingIsAReplacementOnceThePayerNumberIsKnown() throws {
        let practice = try unbilledExample()
        defer { practice.delete() }
        try submit(practice, on: 13, through: Self.march(12))
        try practice.write("acknowledgments/a.999", AcknowledgmentFixture.implementation(groupControl: "1", date: Self.march(13), control: 10))
        try raiseTheGroupFee(practice)
        var (billing, report) = try billing(practice)
        let chen = try claimID(billing, "chen-lily", 12)
        #expect(!billing.batch.entries.contains { $0.claim.id == chen.id })
        #expect(report.diagnostics.contains { $0.rule == "claim-awaiting-payer" && $0.location.file.hasSuffix("chen-lily.md") })
        #expect(report.diagnostics.contains { $0.rule == "claim-changed-after-billing" && $0.message.contains("line 1 charge 65.00 -> 70.00") })
        try practice.write("acknowledgments/b.277", AcknowledgmentFixture.claims([
            .init(claimID: chen.id, payerClaimNumber: "BS7", dateOfService: Self.march(12), charge: Money(cents: 6500)),
        ], date: Self.march(16), control: 11))
        (billing, report) = try self.billing(practice)
        let entry = try #require(billing.batch.entries.first { $0.claim.id == chen.id })
        #expect(entry.frequency == .replacement && entry.payerClaimNumber == "BS7" && entry.lastSent == "submissions/2026-03-13-000000001.837")
        #expect(!report.diagnostics.contains { $0.rule == "claim-awaiting-payer" && $0.location.file.hasSuffix("chen-lily.md") })
    }

    /// A correction while the replacement sent before it is unanswered
    /// waits: the payer may give the replacement a number of its own, and a
    /// second replacement, or a void, naming the number of the version before
    /// is rejected or leaves the replacement standing. Once a 277CA answers
    /// the replacement, the correction names the number it gives.
    @Test func aCorrectionWaitsForTheAnswerToTheReplacementBeforeIt() throws {
        let practice = try unbilledExample()
        defer { practice.delete() }
        let chen = try acceptedClaimOfChen(practice)
        try payChen(chen, in: practice, paid: 6500, number: "E88")
        try raiseTheGroupFee(practice)
        try submit(practice, on: 31)
        try practice.write("practice.yaml", try practice.read("practice.yaml").replacingOccurrences(of: "\"90853\": 70.00", with: "\"90853\": 75.00"))
        var (billing, report) = try billing(practice)
        #expect(billing.ledger.history(chen.id)?.awaitsAnswerToReplacement == true)
        #expect(!billing.batch.entries.contains { $0.claim.id == chen.id })
        let waiting = try #require(report.diagnostics.first { $0.rule == "claim-awaiting-payer" && $0.location.file.hasSuffix("chen-lily.md") })
        #expect(waiting.message.contains("no 277CA or 835 has answered the replacement sent in submissions/2026-03-31-000000002.837 yet"),
                "\(waiting.message)")
        // A void waits the same.
        let session = "sessions/2026-03-12-dbt-skills/session.md"
        let present = try practice.read(session)
        try practice.write(session, present.replacingOccurrences(of: "  chen-lily: present", with: "  chen-lily: {status: absent, reason: signed in by mistake}"))
        _ = try NoteSigner.sign(practice.root.appendingPathComponent(session), by: "torres",
                                at: Timestamp(date: Self.march(16), time: LocalTime(hour: 9, minute: 0)!), force: true)
        let chenNote = try practice.read("sessions/2026-03-12-dbt-skills/chen-lily.md")
        try practice.remove("sessions/2026-03-12-dbt-skills/chen-lily.md")
        (billing, report) = try self.billing(practice)
        #expect(!billing.batch.entries.contains { $0.claim.id == chen.id })
        #expect(report.diagnostics.contains { $0.rule == "claim-awaiting-payer" && $0.message.hasPrefix("the void of claim") })
        // The payer answers the replacement with a number of its own: the void names it.
        try practice.write("acknowledgments/c.277", AcknowledgmentFixture.claims([
            .init(claimID: chen.id, payerClaimNumber: "E99", dateOfService: Self.march(12), charge: Money(cents: 7000)),
        ], date: Self.march(31), control: 12))
        (billing, report) = try self.billing(practice)
        let void = try #require(billing.batch.entries.first { $0.claim.id == chen.id })
        #expect(void.frequency == .void && void.payerClaimNumber == "E99" && void.claim.total == Money(cents: 7000))
        // Present again: the second replacement names it too.
        try practice.write(session, present)
        try practice.write("sessions/2026-03-12-dbt-skills/chen-lily.md", chenNote)
        (billing, report) = try self.billing(practice)
        let replacement = try #require(billing.batch.entries.first { $0.claim.id == chen.id })
        #expect(replacement.frequency == .replacement && replacement.payerClaimNumber == "E99" && replacement.claim.total == Money(cents: 7500))
    }

    /// A test interchange (ISA15 T) counts while the practice is in test
    /// mode (a rehearsal); once practice.yaml bills in production it billed
    /// no payer: its claims go in the next batch as originals, with a
    /// `submission` warning at the test file's ISA15 counting those neither
    /// in a production submission nor answered by a production 277CA or an
    /// 835, until there are none. They stayed "submitted" for ever. A history
    /// recorded with --through in test mode is a production interchange: its
    /// claims were billed, and are not billed again.
    @Test func claimsSentOnlyInATestInterchangeGoOutInProduction() throws {
        let practice = try unbilledExample()
        defer { practice.delete() }
        try submit(practice, on: 13, through: Self.march(12))
        let history = "submissions/2026-03-13-000000001.837", test = "submissions/2026-03-20-000000002.837"
        #expect(try practice.read(history).contains("*000000001*0*P*:~"), "a record of billing, in test mode too")
        try submit(practice, on: 20)
        #expect(try practice.read(test).hasPrefix("ISA*00*          *00*          *ZZ*HARBORBH01     *ZZ*CLEARHOUSE     *260320*1200*^*00501*000000002*0*T*:~"))
        var (billing, report) = try billing(practice)
        let inTest = try #require(billing.ledger.histories.values.filter { $0.lastSent?.file == test }.map(\.claimID).sorted() as [String]?)
        // Sofia Alvarez's note of the 12th is signed on the 30th: after both, never sent.
        let late = try claimID(billing, "alvarez-sofia", 12).id
        #expect(inTest.count >= 2 && billing.batch.entries.map(\.claim.id) == [late])
        #expect(!report.diagnostics.contains { $0.rule == "submission" })
        // An 835 pays one of them: answered, it counts as sent whatever the file that sent it.
        let paid = inTest[0]
        let paidTotal = try #require(billing.ledger.history(paid)?.lastSent?.claim.billed.total)
        try practice.write("remittances/2026-03-27.835", RemittanceFixture(trace: "1EFT9", date: Self.march(27), claims: [
            .init(id: paid, billed: paidTotal, paid: paidTotal, payerClaimNumber: "E1", dateOfService: Self.march(19))]).text)
        // In production, with the practice's own identifiers (the example's are refused there).
        var yaml = try practice.read("practice.yaml").replacingOccurrences(of: "  usage: test\n", with: "  usage: production\n")
        for (example, own) in [("1234567893", "1497758544"), ("12-3456789", "94-1234567"), ("1245319599", "1992999874"),
                               ("1830166132", "1316405939"), ("HARBORBH01", "HARBORBH07"), ("CLEARHOUSE", "330897513")] {
            yaml = yaml.replacingOccurrences(of: example, with: own)
        }
        try practice.write("practice.yaml", yaml)
        (billing, report) = try self.billing(practice)
        let originals = billing.batch.entries.filter { $0.reason == "never sent" && $0.claim.id != late }.map(\.claim.id).sorted()
        #expect(originals == Array(inTest.dropFirst()), "\(originals) \(inTest)")
        let warning = try #require(report.diagnostics.first { $0.rule == "submission" })
        #expect("\(warning.location.file):\(warning.location.line):\(warning.location.column)" == "\(test):1:103")
        #expect(warning.message.contains("\(inTest.count - 1) of its claims are in no production submission"), "\(warning.message)")
        try submit(practice, on: 31)
        #expect(try practice.read("submissions/2026-03-31-000000003.837").contains("*000000003*0*P*:~"))
        (billing, report) = try self.billing(practice)
        #expect(billing.batch.isEmpty && !report.diagnostics.contains { $0.rule == "submission" })
    }

    /// A denied claim (CO-16 for the subscriber's group number, say) is
    /// corrected by what a rejected one is: its replacement goes out. A paid
    /// claim's group number, which is no billed content, changes nothing.
    @Test func aDeniedClaimCorrectedInTheProfileIsReplaced() throws {
        let practice = try unbilledExample()
        defer { practice.delete() }
        let chen = try acceptedClaimOfChen(practice)
        let profile = "members/chen-lily/profile.md"
        let newCard = try practice.read(profile).replacingOccurrences(of: "group_number: \"W0051624\"", with: "group_number: \"W0051625\"")
        try payChen(chen, in: practice, paid: 5500, number: "E88")
        try practice.write(profile, newCard)
        var (billing, _) = try billing(practice)
        #expect(billing.status(of: chen.id) == .paid && !billing.batch.entries.contains { $0.claim.id == chen.id })
        try practice.write("remittances/2026-03-18.835", RemittanceFixture(
            payer: "BLUE SHIELD OF CALIFORNIA", trace: "1EFT1", date: Self.march(18),
            claims: [.init(id: chen.id, status: "4", billed: chen.total, paid: .zero, adjustments: [("CO", "16", chen.total)],
                           payerClaimNumber: "E88", dateOfService: Self.march(12), lineRemarks: ["N479"])]).text)
        (billing, _) = try self.billing(practice)
        #expect(billing.status(of: chen.id) == .denied)
        let entry = try #require(billing.batch.entries.first { $0.claim.id == chen.id })
        #expect(entry.frequency == .replacement && entry.payerClaimNumber == "E88"
                    && entry.reason == "changed after billing: group number W0051624 -> W0051625", "\(entry.reason)")
        // Denied for another reason (not medically necessary), a new card corrects nothing: nothing goes.
        try practice.write("remittances/2026-03-18.835", try practice.read("remittances/2026-03-18.835").replacingOccurrences(of: "CAS*CO*16*", with: "CAS*CO*50*"))
        (billing, _) = try self.billing(practice)
        #expect(billing.status(of: chen.id) == .denied && !billing.batch.entries.contains { $0.claim.id == chen.id })
    }

    /// A replacement rejected by a 277CA leaves the original the payer
    /// accepted (A2, not yet paid) where it stood: accepted, the rejection
    /// said beside it. It read as rejected, owed in full and never sent.
    @Test func aRejectedReplacementLeavesTheAcceptedOriginalAccepted() throws {
        let practice = try unbilledExample()
        defer { practice.delete() }
        let chen = try chenReplacedAt70(practice)
        try practice.write("acknowledgments/c.277", AcknowledgmentFixture.claims([
            .init(claimID: chen.id, status: "A7:164:IL", dateOfService: Self.march(12), charge: Money(cents: 7000)),
        ], date: Self.march(31), control: 12, batch: "2"))
        let (billing, report) = try billing(practice)
        #expect(billing.status(of: chen.id) == .accepted)
        #expect(report.diagnostics.contains { $0.rule == "claim-rejected" && $0.location.file.hasSuffix("chen-lily.md") })
    }

    /// A rejected replacement whose change is undone sends nothing and
    /// leaves nothing to correct: the payer holds the version before it,
    /// which the claim repeats again (a billing review found a replacement
    /// identical to the paid original sent).
    @Test func aRejectedReplacementWhoseChangeIsUndoneSendsNothing() throws {
        let practice = try unbilledExample()
        defer { practice.delete() }
        let chen = try chenReplacedAt70(practice, paid: true)
        try practice.write("acknowledgments/c.277", AcknowledgmentFixture.claims([
            .init(claimID: chen.id, status: "A7:164:IL", dateOfService: Self.march(12), charge: Money(cents: 7000)),
        ], date: Self.march(31), control: 12, batch: "2"))
        var (billing, report) = try billing(practice)
        #expect(report.diagnostics.contains { $0.rule == "claim-rejected" && $0.location.file.hasSuffix("chen-lily.md") })
        try practice.write("practice.yaml", try practice.read("practice.yaml").replacingOccurrences(of: "\"90853\": 70.00", with: "\"90853\": 65.00"))
        (billing, report) = try self.billing(practice)
        #expect(!billing.batch.entries.contains { $0.claim.id == chen.id }, "\(billing.batch.entries.filter { $0.claim.id == chen.id }.map(\.reason))")
        #expect(!report.diagnostics.contains { $0.rule == "claim-rejected" })
        #expect(billing.status(of: chen.id) == .paid)
    }

    /// A session note that names no place of service takes the group's as
    /// it reads today: a group gone to telehealth replaces the claims sent
    /// before, and the replacement's help says how to keep them (a
    /// year-on review found every paid claim replaced with a note's word).
    @Test func aSessionTakingTheGroupsPlaceIsToldHowToKeepItsClaim() throws {
        let practice = try unbilledExample()
        defer { practice.delete() }
        _ = try acceptedClaimOfChen(practice)
        let session = "sessions/2026-03-12-dbt-skills/session.md"
        try practice.write(session, try practice.read(session).replacingOccurrences(of: "place_of_service: \"11\"\n", with: ""))
        _ = try NoteSigner.sign(practice.root.appendingPathComponent(session), by: "torres",
                                at: Timestamp(date: Self.march(16), time: LocalTime(hour: 9, minute: 0)!), force: true)
        #expect(try billing(practice).1.diagnostics.filter { $0.rule == "claim-changed-after-billing" }.isEmpty)
        try practice.write("groups/dbt-skills.md", try practice.read("groups/dbt-skills.md")
            .replacingOccurrences(of: "place_of_service: \"11\"", with: "place_of_service: \"10\""))
        let report = try billing(practice).1
        let changed = try #require(report.diagnostics.first { $0.rule == "claim-changed-after-billing" && $0.location.file.hasSuffix("chen-lily.md") })
        #expect(changed.help.hasSuffix("; \(session) names no place_of_service, so it takes the group's as it reads today: if the group's "
                                       + "changed only for later sessions, write place_of_service: \"11\" in it and sign it again, and the "
                                       + "claim sent stands"), "\(changed.help)")
    }

    /// A claim the payer split into two parts, each decided under its own
    /// number in one 835, is corrected part by part: a void naming one
    /// number voided one part and left the other's payment standing, the
    /// claim read as voided (a biller's review). It waits, said by
    /// `claim-awaiting-payer` with both numbers, and nothing is sent.
    @Test func aClaimThePayerSplitIsNeitherVoidedNorReplacedUnderOneNumber() throws {
        let practice = try unbilledExample()
        defer { practice.delete() }
        let chen = try acceptedClaimOfChen(practice)
        let half = Money(cents: chen.total.cents / 2)
        try practice.write("remittances/2026-03-18.835", RemittanceFixture(
            payer: "BLUE SHIELD OF CALIFORNIA", trace: "1EFT1", date: Self.march(18),
            claims: [.init(id: chen.id, billed: half, paid: Money(cents: 3000), payerClaimNumber: "E1000A1", dateOfService: Self.march(12)),
                     .init(id: chen.id, billed: chen.total - half, paid: Money(cents: 2000), payerClaimNumber: "E1000A2",
                           dateOfService: Self.march(12))]).text)
        try Self.markChenAbsent(practice)
        let (billing, report) = try billing(practice)
        #expect(billing.ledger.history(chen.id)?.splitNumbers == ["E1000A1", "E1000A2"])
        #expect(!billing.batch.entries.contains { $0.claim.id == chen.id })
        let waits = try #require(report.diagnostics.first { $0.rule == "claim-awaiting-payer" })
        #expect(waits.message.hasSuffix("the payer split it into 2 claims (E1000A1, E1000A2), and one void names one of them"))
        #expect(waits.help.hasPrefix("void each part on the payer's portal"))
    }

    /// An 835 that decides a part of a claim (its CLP03 below the charge
    /// sent: a payer that split it, MA15, decides the rest later) leaves it
    /// accepted and outstanding, said by `remittance`, until the rest is
    /// decided (a billing review found it read as paid, the rest unaged).
    @Test func aClaimDecidedInPartStaysOutstandingUntilTheRestIsDecided() throws {
        let practice = try unbilledExample()
        defer { practice.delete() }
        let chen = try acceptedClaimOfChen(practice)
        let half = Money(cents: chen.total.cents / 2), rest = chen.total - Money(cents: chen.total.cents / 2)
        let part = { (number: String, billed: Money) in
            RemittanceFixture.Claim(id: chen.id, billed: billed, paid: billed, payerClaimNumber: number, dateOfService: Self.march(12))
        }
        try practice.write("remittances/2026-03-18.835", RemittanceFixture(
            payer: "BLUE SHIELD OF CALIFORNIA", trace: "1EFT1", date: Self.march(18), claims: [part("E1000A1", half)]).text)
        var (billing, report) = try billing(practice)
        #expect(billing.status(of: chen.id) == .accepted)
        #expect(billing.ledger.history(chen.id)?.undecidedCharge == rest)
        let said = try #require(report.diagnostics.first { $0.rule == "remittance" })
        #expect(said.location.file.hasSuffix("2026-03-18.835"))
        #expect(said.message == "the 835s on file decide \(half) of claim \"\(chen.id)\"'s \(chen.total) (CLP03): \(rest) of it is not "
                + "decided yet, so the claim stays accepted and outstanding", "\(said.message)")
        let record = try GroupChart.check(practice.root, options: Checker.Options(today: FixturePractice.today)).record
        let row = try #require(ReimbursementLedger(billing: billing, record: record, today: Self.march(31)).entry(for: chen.id))
        #expect(row.status == .accepted && row.paid == half && row.outstanding == rest && row.daysOutstanding == 19)

        try practice.write("remittances/2026-03-25.835", RemittanceFixture(
            payer: "BLUE SHIELD OF CALIFORNIA", trace: "1EFT2", date: Self.march(25), claims: [part("E1000A2", rest)]).text)
        (billing, report) = try self.billing(practice)
        #expect(billing.status(of: chen.id) == .paid)
        #expect(billing.ledger.history(chen.id)?.undecidedCharge == nil)
        #expect(!report.diagnostics.contains { $0.rule == "remittance" }, "\(report.diagnostics.map(\.message))")
    }

    /// A recovery at the provider's level (PLB WO) that names a paid claim
    /// is said at its amount, once however often the 835 is saved, and not
    /// when the same 835 reverses that claim (a billing review found the
    /// recovered payment shown as paid without a word).
    @Test func aRecoveryAtTheProvidersLevelIsSaidWithTheClaimItNames() throws {
        let practice = try unbilledExample()
        defer { practice.delete() }
        let chen = try acceptedClaimOfChen(practice)
        try payChen(chen, in: practice, paid: chen.total.cents, number: "E77")
        func withRecovery(_ claims: [RemittanceFixture.Claim], reference: String) -> String {
            var lines = RemittanceFixture(payer: "BLUE SHIELD OF CALIFORNIA", trace: "1EFT9", date: Self.march(25), claims: claims).text
                .split(separator: "\n").map(String.init)
            let end = try! #require(lines.firstIndex { $0.hasPrefix("SE*") })
            let count = Int(lines[end].split(separator: "*")[1])! + 1
            lines[end] = "SE*\(count)*0001~"
            lines.insert("PLB*1234567893*20261231*WO:\(reference)*\(chen.total)~", at: end)
            return lines.joined(separator: "\n") + "\n"
        }
        try practice.write("remittances/2026-03-25.835", withRecovery([], reference: "E77 \(chen.id)"))
        try practice.write("remittances/2026-03-25-copy.835", withRecovery([], reference: "E77 \(chen.id)"))
        var recoveries = try billing(practice).1.diagnostics.filter { $0.message.hasPrefix("this 835 takes back") }
        #expect(recoveries.count == 1)
        #expect(recoveries.first?.message == "this 835 takes back \(chen.total) (PLB WO, overpayment recovery) for claim \"\(chen.id)\" "
                + "(\"E77 \(chen.id)\"): reimbursement.csv and the dashboard post no recovery to a claim, so they still show its payment",
                "\(recoveries.map(\.message))")
        #expect(recoveries.first?.location.file.hasSuffix("2026-03-25-copy.835") == true || recoveries.first?.location.file.hasSuffix("2026-03-25.835") == true)
        // By the payer's claim number alone; a reference that names nothing.
        try practice.remove("remittances/2026-03-25-copy.835")
        try practice.write("remittances/2026-03-25.835", withRecovery([], reference: "E77"))
        recoveries = try billing(practice).1.diagnostics.filter { $0.message.hasPrefix("this 835 takes back") }
        #expect(recoveries.map(\.message).first?.contains("for claim \"\(chen.id)\"") == true)
        try practice.write("remittances/2026-03-25.835", withRecovery([], reference: "X999"))
        recoveries = try billing(practice).1.diagnostics.filter { $0.message.hasPrefix("this 835 takes back") }
        #expect(recoveries.map(\.message).first?.hasSuffix("for \"X999\", which names no claim on file: reimbursement.csv and the dashboard do not show it") == true)
        // Two alike in one 835 are two recoveries (a code review found them counted once).
        try practice.write("remittances/2026-03-25.835", withRecovery([], reference: "E77 \(chen.id)")
            .replacingOccurrences(of: "WO:E77 \(chen.id)*\(chen.total)~", with: "WO:E77 \(chen.id)*\(chen.total)*WO:E77 \(chen.id)*\(chen.total)~"))
        #expect(try billing(practice).1.diagnostics.filter { $0.message.hasPrefix("this 835 takes back") }.count == 2)
        // The same 835 reverses the claim: the reversal takes the payment back, the PLB balances it.
        try practice.write("remittances/2026-03-25.835", withRecovery([
            .init(id: chen.id, status: "22", billed: Money.zero - chen.total, paid: Money.zero - chen.total, payerClaimNumber: "E77",
                  dateOfService: Self.march(12)),
        ], reference: "E77 \(chen.id)"))
        #expect(try !billing(practice).1.diagnostics.contains { $0.message.hasPrefix("this 835 takes back") })
    }

    /// A claim decided in part whose replacement was then rejected stays
    /// accepted, the undecided part that of the version the payer holds (a
    /// code review found it read as paid once the replacement was rejected,
    /// and the undecided part taken from the rejected replacement's charge).
    @Test func aClaimDecidedInPartStaysOutstandingAfterARejectedReplacement() throws {
        let practice = try unbilledExample()
        defer { practice.delete() }
        let chen = try acceptedClaimOfChen(practice)
        let half = Money(cents: chen.total.cents / 2)
        try practice.write("remittances/2026-03-18.835", RemittanceFixture(
            payer: "BLUE SHIELD OF CALIFORNIA", trace: "1EFT1", date: Self.march(18),
            claims: [.init(id: chen.id, billed: half, paid: half, payerClaimNumber: "E1000A1", dateOfService: Self.march(12))]).text)
        try raiseTheGroupFee(practice)
        try submit(practice, on: 31)
        #expect(try billing(practice).0.ledger.history(chen.id)?.lastSent?.claim.frequency == .replacement)
        try practice.write("acknowledgments/c.277", AcknowledgmentFixture.claims([
            .init(claimID: chen.id, status: "A7:164:IL", dateOfService: Self.march(12), charge: Money(cents: 7000)),
        ], date: Self.march(31), control: 12, batch: "2"))
        let (billing, _) = try billing(practice)
        #expect(billing.ledger.history(chen.id)?.status == .accepted)
        #expect(billing.ledger.history(chen.id)?.undecidedCharge == chen.total - half)
    }

    /// A part of a split claim reversed and paid again in a later 835 under
    /// a new number leaves the claim in parts (read from the latest 835
    /// alone, it was one claim again, and a replacement named the new part);
    /// a duplicate's denial under a number of its own, for the whole
    /// charge, is no part (it was taken for one, and the correction waited
    /// for good). A code review of the split claims.
    @Test func aSplitClaimStaysSplitAndADuplicatesDenialIsNoPart() throws {
        let practice = try unbilledExample()
        defer { practice.delete() }
        let chen = try acceptedClaimOfChen(practice)
        let half = Money(cents: chen.total.cents / 2), rest = chen.total - Money(cents: chen.total.cents / 2)
        let part = { (number: String, billed: Money, paid: Int, status: String) in
            RemittanceFixture.Claim(id: chen.id, status: status, billed: billed, paid: Money(cents: paid), payerClaimNumber: number,
                                    dateOfService: Self.march(12))
        }
        try practice.write("remittances/2026-03-18.835", RemittanceFixture(
            payer: "BLUE SHIELD OF CALIFORNIA", trace: "1EFT1", date: Self.march(18),
            claims: [part("E1000A1", half, 3000, "1"), part("E1000A2", rest, 2000, "1")]).text)
        try practice.write("remittances/2026-03-25.835", RemittanceFixture(
            payer: "BLUE SHIELD OF CALIFORNIA", trace: "1EFT2", date: Self.march(25),
            claims: [part("E1000A2", Money.zero - rest, -2000, "22"), part("E1000A3", rest, 2200, "1")]).text)
        try raiseTheGroupFee(practice)
        var (billing, _) = try billing(practice)
        #expect(billing.ledger.history(chen.id)?.splitNumbers == ["E1000A1", "E1000A3"])
        #expect(!billing.batch.entries.contains { $0.claim.id == chen.id })

        try practice.remove("remittances/2026-03-25.835")
        try practice.write("remittances/2026-03-18.835", RemittanceFixture(
            payer: "BLUE SHIELD OF CALIFORNIA", trace: "1EFT1", date: Self.march(18),
            claims: [part("E1000B1", chen.total, 5500, "1"), part("E1000B9", chen.total, 0, "4")]).text)
        (billing, _) = try self.billing(practice)
        #expect(billing.ledger.history(chen.id)?.splitNumbers == [])
        #expect(billing.batch.entries.contains { $0.claim.id == chen.id && $0.frequency == .replacement })
    }

    /// A replacement sent before the 835 that split the claim came, then
    /// rejected and corrected, is not sent again naming one part: it waits,
    /// said by `claim-awaiting-payer` with both parts (a code review found
    /// it sent as a replacement of one part).
    @Test func aRejectedReplacementOfASplitClaimIsNotSentAgainForOnePart() throws {
        let practice = try unbilledExample()
        defer { practice.delete() }
        let chen = try chenReplacedAt70(practice)
        #expect(try billing(practice).0.ledger.history(chen.id)?.lastSent?.claim.frequency == .replacement)
        let half = Money(cents: chen.total.cents / 2)
        try practice.write("remittances/2026-03-18.835", RemittanceFixture(
            payer: "BLUE SHIELD OF CALIFORNIA", trace: "1EFT1", date: Self.march(18),
            claims: [.init(id: chen.id, billed: half, paid: Money(cents: 3000), payerClaimNumber: "E1000A1", dateOfService: Self.march(12)),
                     .init(id: chen.id, billed: chen.total - half, paid: Money(cents: 2000), payerClaimNumber: "E1000A2",
                           dateOfService: Self.march(12))]).text)
        try practice.write("acknowledgments/c.277", AcknowledgmentFixture.claims([
            .init(claimID: chen.id, status: "A7:33:IL", dateOfService: Self.march(12), charge: Money(cents: 7000)),
        ], date: Self.march(31), control: 12))
        try practice.write("practice.yaml", try practice.read("practice.yaml").replacingOccurrences(of: "\"90853\": 70.00", with: "\"90853\": 75.00"))
        let (billing, report) = try billing(practice)
        #expect(billing.ledger.history(chen.id)?.lastSent?.rejected == true)
        #expect(!billing.batch.entries.contains { $0.claim.id == chen.id })
        let waits = try #require(report.diagnostics.first { $0.rule == "claim-awaiting-payer" && $0.message.contains(chen.id) })
        #expect(waits.message.hasSuffix("the payer split it into 2 claims (E1000A1, E1000A2), and one replacement names one of them"))
    }

    static func april(_ day: Int) -> LocalDate { LocalDate(year: 2026, month: 4, day: day)! }

    /// Lily Chen's accepted claim, then, the group fee raised to 70.00, its
    /// replacement sent on the 31st (on the 20th, an unsigned note of the
    /// session held it: `VoidHold`); paid at 65.00 (E88) before, when `paid`.
    private func chenReplacedAt70(_ practice: FixturePractice, paid: Bool = false) throws -> Claim {
        let chen = try acceptedClaimOfChen(practice)
        if paid { try payChen(chen, in: practice, paid: 6500, number: "E88") }
        try raiseTheGroupFee(practice)
        try submit(practice, on: 31)
        return chen
    }

    /// The payer's denial (CLP02 4, E99) of that replacement's own charge and frequency, for CARC `reason`.
    private func denialOfTheReplacement(_ chen: Claim, reason: String, remarks: [String] = []) -> RemittanceFixture.Claim {
        .init(id: chen.id, status: "4", billed: Money(cents: 7000), paid: .zero, adjustments: [("CO", reason, Money(cents: 7000))],
              payerClaimNumber: "E99", dateOfService: Self.march(12), lineRemarks: remarks, frequency: "7")
    }

    /// A denial after a payment that still stands (a duplicate's, CARC 18,
    /// under a number of its own) does not give the number a void names:
    /// the void named the denial's number and the payer kept its payment
    /// for a session that never happened (a biller's review).
    @Test func aVoidNamesThePaymentsNumberNotALaterDuplicatesDenial() throws {
        let practice = try unbilledExample()
        defer { practice.delete() }
        let chen = try acceptedClaimOfChen(practice)
        try payChen(chen, in: practice, paid: 6500, number: "E88")
        try practice.write("remittances/2026-03-25.835", RemittanceFixture(
            payer: "BLUE SHIELD OF CALIFORNIA", trace: "1EFT2", date: Self.march(25),
            claims: [.init(id: chen.id, status: "4", billed: chen.total, paid: .zero, adjustments: [("CO", "18", chen.total)],
                           payerClaimNumber: "E99", dateOfService: Self.march(12))]).text)
        try Self.markChenAbsent(practice)
        let (billing, _) = try billing(practice)
        #expect(billing.status(of: chen.id) == .paid)
        let void = try #require(billing.batch.entries.first { $0.claim.id == chen.id })
        #expect(void.frequency == .void && void.payerClaimNumber == "E88", "\(void.frequency) \(void.payerClaimNumber ?? "none")")
    }

    /// A replacement the payer denies while the original's payment stands
    /// (no reversal: the payer turned the correction down and kept the
    /// claim it paid) is said, is not sent again unchanged, goes again
    /// once corrected, naming the paid claim's number; a void repeats the
    /// version paid. It read as a duplicate's denial: the claim paid with
    /// nothing to work, its void naming the denial's number and repeating
    /// the denied lines (a biller's review).
    @Test func aDeniedReplacementLeavesThePaidVersionWithThePayerAndIsSaid() throws {
        for next in ["unchanged", "corrected", "voided"] {
            let practice = try unbilledExample()
            defer { practice.delete() }
            let chen = try chenReplacedAt70(practice, paid: true)
            try practice.write("remittances/2026-04-10.835", RemittanceFixture(
                payer: "BLUE SHIELD OF CALIFORNIA", trace: "1EFT2", date: Self.april(10),
                claims: [denialOfTheReplacement(chen, reason: "16", remarks: ["N479"])]).text)
            switch next {
            case "unchanged":
                let (billing, report) = try billing(practice)
                let history = try #require(billing.ledger.history(chen.id))
                #expect(billing.status(of: chen.id) == .paid && history.payerVersion?.claim.billed.total == chen.total)
                #expect(history.refusedCorrection?.denial.payerClaimNumber == "E99")
                #expect(!billing.batch.entries.contains { $0.claim.id == chen.id })
                let said = try #require(report.diagnostics.first { $0.rule == "remittance" && $0.message.contains("denied the replacement") })
                #expect(said.location.file == "sessions/2026-03-12-dbt-skills/chen-lily.md" && said.severity == .warning)
                #expect(said.message.hasSuffix("(CO-16, N479); the payment of the version before it stands (65.00 under E88), "
                                               + "and what the replacement changed is unpaid"), "\(said.message)")
                // Listed with the denials on the dashboard, its codes in words.
                let record = try GroupChart.check(practice.root, options: Checker.Options(today: FixturePractice.today)).record
                let ledger = ReimbursementLedger(billing: billing, record: record, today: FixturePractice.today)
                let view = ReimbursementSummary(format: RecordFormatting(record: record)).view(ledger.entries)
                let denial = try #require(view.denials.first { $0.claimID == chen.id })
                #expect(denial.status == "paid, its replacement denied" && denial.badge == "warning")
            case "corrected":
                let profile = "members/chen-lily/profile.md"
                try practice.write(profile, try practice.read(profile).replacingOccurrences(of: "group_number: \"W0051624\"",
                                                                                              with: "group_number: \"W0051625\""))
                let (billing, report) = try billing(practice)
                let entry = try #require(billing.batch.entries.first { $0.claim.id == chen.id })
                #expect(entry.frequency == .replacement && entry.payerClaimNumber == "E88" && entry.claim.total == Money(cents: 7000))
                #expect(entry.reason.contains("group number W0051624 -> W0051625"), "\(entry.reason)")
                #expect(!report.diagnostics.contains { $0.rule == "remittance" && $0.message.contains("denied the replacement") })
            default:
                try Self.markChenAbsent(practice)
                let (billing, _) = try billing(practice)
                let void = try #require(billing.batch.entries.first { $0.claim.id == chen.id })
                #expect(void.frequency == .void && void.payerClaimNumber == "E88" && void.claim.total == chen.total,
                        "\(void.frequency) \(void.payerClaimNumber ?? "none") \(void.claim.total)")
            }
        }
    }

    /// A replacement the payer paid (the original's payment reversed), then
    /// denied again as a duplicate, is no refused correction: the payer
    /// holds the replacement it paid, and a void repeats its lines. A code
    /// review found the void repeating the original's.
    @Test func aPaidReplacementsLaterDuplicateDenialRefusesNothing() throws {
        let practice = try unbilledExample()
        defer { practice.delete() }
        let chen = try chenReplacedAt70(practice, paid: true)
        try practice.write("remittances/2026-04-10.835", RemittanceFixture(
            payer: "BLUE SHIELD OF CALIFORNIA", trace: "1EFT2", date: Self.april(10),
            claims: [.init(id: chen.id, status: "22", billed: Money.zero - chen.total, paid: Money(cents: -6500), payerClaimNumber: "E88",
                           dateOfService: Self.march(12)),
                     .init(id: chen.id, billed: Money(cents: 7000), paid: Money(cents: 7000), payerClaimNumber: "E90",
                           dateOfService: Self.march(12), frequency: "7")]).text)
        try practice.write("remittances/2026-04-20.835", RemittanceFixture(
            payer: "BLUE SHIELD OF CALIFORNIA", trace: "1EFT3", date: Self.april(20), claims: [denialOfTheReplacement(chen, reason: "18")]).text)
        var (billing, report) = try billing(practice)
        #expect(billing.ledger.history(chen.id)?.refusedCorrection == nil)
        #expect(!report.diagnostics.contains { $0.message.contains("denied the replacement") })
        try Self.markChenAbsent(practice)
        (billing, report) = try self.billing(practice)
        let void = try #require(billing.batch.entries.first { $0.claim.id == chen.id })
        #expect(void.frequency == .void && void.payerClaimNumber == "E90" && void.claim.total == Money(cents: 7000),
                "\(void.frequency) \(void.payerClaimNumber ?? "none") \(void.claim.total)")
    }

    /// The 835 that paid a claim since voided, and the reversal of it, say
    /// nothing once the void is sent: the warning that the claim no longer
    /// builds stood for ever, failing --strict. A payment after the void
    /// is still warned of (money to return).
    @Test func aVoidedClaimsPaymentsAreNotWarnedOfOnceTheVoidIsSent() throws {
        let practice = try unbilledExample()
        defer { practice.delete() }
        let chen = try acceptedClaimOfChen(practice)
        try payChen(chen, in: practice, paid: 6500, number: "E88")
        try Self.markChenAbsent(practice)
        let warnings = { (report: CheckReport) in
            report.diagnostics.filter { $0.rule == "remittance" }.map { "\($0.location.file):\($0.location.line)" }
        }
        var (_, report) = try billing(practice)
        #expect(warnings(report) == ["remittances/2026-03-18.835:14"])
        try submit(practice, on: 31)
        (_, report) = try self.billing(practice)
        #expect(warnings(report) == [])
        let later = { (day: Int, status: String, paid: Int) in
            RemittanceFixture(payer: "BLUE SHIELD OF CALIFORNIA", trace: "1EFT\(day)", date: LocalDate(year: 2026, month: 4, day: day)!,
                              claims: [.init(id: chen.id, status: status, billed: Money(cents: status == "22" ? -6500 : 6500),
                                             paid: Money(cents: paid), payerClaimNumber: "E88", dateOfService: Self.march(12))]).text
        }
        try practice.write("remittances/2026-04-05.835", later(5, "22", -6500))
        try practice.write("remittances/2026-04-06.835", later(6, "1", 6500))
        (_, report) = try self.billing(practice)
        #expect(warnings(report) == ["remittances/2026-04-06.835:14"])
        // Said as a payment after the void (its help sent the biller to undo a change that builds nothing: a biller's review).
        let after = try #require(report.diagnostics.first { $0.rule == "remittance" })
        #expect(after.message.hasSuffix("pays 65.00 for a claim whose void was sent in submissions/2026-03-31-000000002.837 on "
                                         + "2026-03-31, after the void: the payer may not have processed it"), "\(after.message)")
        #expect(after.help.hasPrefix("ask the payer whether it received the void"))
    }

    /// The 835 of the version before a void or a replacement of the same
    /// charge (the diagnoses alone reordered) answers that version, not the
    /// latest (CLP09 says which; nothing pays a void): a 277CA rejecting the
    /// latest afterwards is its rejection, and it goes out again. Taken as
    /// a copy's, the void was dropped and the payer kept its payment.
    @Test func aRejectionOfAVoidOrReplacementAfterThe835OfTheVersionBeforeIsTheirs() throws {
        for correction in ["void", "replacement"] {
            let practice = try unbilledExample()
            defer { practice.delete() }
            let chen = try acceptedClaimOfChen(practice)
            if correction == "void" {
                try Self.markChenAbsent(practice)
            } else {
                let plan = try #require(try FileManager.default.contentsOfDirectory(atPath: practice.root.appendingPathComponent("members/chen-lily").path)
                    .first { $0.hasPrefix("plan-") })
                try practice.write("members/chen-lily/\(plan)", try practice.read("members/chen-lily/\(plan)")
                    .replacingOccurrences(of: "diagnoses: [F43.12, F60.3]", with: "diagnoses: [F60.3, F43.12]"))
            }
            try submit(practice, on: 31)
            let sent = try #require(try billing(practice).0.ledger.history(chen.id)?.lastSent)
            #expect(sent.claim.frequency.word == correction)
            try practice.write("remittances/2026-04-02.835", RemittanceFixture(
                payer: "BLUE SHIELD OF CALIFORNIA", trace: "1EFT1", date: LocalDate(year: 2026, month: 4, day: 2)!,
                claims: [.init(id: chen.id, billed: chen.total, paid: Money(cents: 5500), adjustments: [("CO", "45", Money(cents: 1000))],
                               payerClaimNumber: "BS7", dateOfService: Self.march(12))]).text)
            try practice.write("acknowledgments/c.277", AcknowledgmentFixture.claims([
                .init(claimID: chen.id, status: "A7:21:PR", dateOfService: Self.march(12), charge: chen.total),
            ], date: LocalDate(year: 2026, month: 4, day: 3)!, control: 12, batch: "2"))
            let (billing, report) = try billing(practice)
            #expect(!report.diagnostics.contains { $0.rule == "acknowledgment" }, "\(correction)")
            if correction == "void" {
                // A rejected void goes out again (decisions.md).
                let again = try #require(billing.batch.entries.first { $0.claim.id == chen.id })
                #expect(again.frequency == .void && again.payerClaimNumber == "BS7")
            } else {
                // A rejected replacement waits for its correction, said at its note; the payment before it stands.
                #expect(report.diagnostics.contains { $0.rule == "claim-rejected" && $0.location.file.hasSuffix("chen-lily.md") })
                #expect(billing.status(of: chen.id) == .paid)
            }
        }
    }

    /// A payer that repeats the original's frequency (CLP09 1) in the 835
    /// paying a replacement, under a number of its own (CLP07), answers the
    /// replacement: the next correction names that number and does not
    /// wait for ever.
    @Test func aReplacementPaidUnderANewNumberIsAnsweredWhateverItsCLP09() throws {
        let practice = try unbilledExample()
        defer { practice.delete() }
        let chen = try acceptedClaimOfChen(practice)
        try payChen(chen, in: practice, paid: 6500, number: "E88")
        try raiseTheGroupFee(practice)
        try submit(practice, on: 31)
        try practice.write("remittances/2026-04-02.835", RemittanceFixture(
            payer: "BLUE SHIELD OF CALIFORNIA", trace: "1EFT2", date: LocalDate(year: 2026, month: 4, day: 2)!,
            claims: [.init(id: chen.id, billed: Money(cents: 7000), paid: Money(cents: 7000), payerClaimNumber: "E99",
                           dateOfService: Self.march(12))]).text)
        #expect(try practice.read("remittances/2026-04-02.835").contains("*E99*11*1~"))
        try practice.write("practice.yaml", try practice.read("practice.yaml").replacingOccurrences(of: "\"90853\": 70.00", with: "\"90853\": 75.00"))
        let (billing, _) = try billing(practice, today: LocalDate(year: 2026, month: 4, day: 3)!)
        #expect(billing.ledger.history(chen.id)?.awaitsAnswerToReplacement == false)
        let entry = try #require(billing.batch.entries.first { $0.claim.id == chen.id })
        #expect(entry.frequency == .replacement && entry.payerClaimNumber == "E99")
    }

    /// An error in practice.yaml about one code's fee (a note asks for
    /// 90785, whose fee is missing) holds only corrections of claims with
    /// that code: it held every void, the absent member's 90853 too.
    @Test func aMissingFeeHoldsOnlyTheCorrectionsOfItsCode() throws {
        let practice = try unbilledExample()
        defer { practice.delete() }
        let chen = try acceptedClaimOfChen(practice)
        try Self.markChenAbsent(practice)
        let yaml = try practice.read("practice.yaml")
        let fee = try #require(yaml.split(separator: "\n").first { $0.contains("\"90785\":") })
        try practice.write("practice.yaml", yaml.replacingOccurrences(of: String(fee) + "\n", with: ""))
        let (billing, report) = try billing(practice)
        #expect(report.diagnostics.contains { $0.rule == "missing-field" && $0.message.hasPrefix("no fee for CPT 90785") })
        let void = try #require(billing.batch.entries.first { $0.claim.id == chen.id })
        #expect(void.frequency == .void && void.payerClaimNumber == "BS7")
    }

    @Test func aMemberFoundAbsentAfterBillingIsVoided() throws {
        let practice = try unbilledExample()
        defer { practice.delete() }
        let chen = try acceptedClaimOfChen(practice)
        let session = "sessions/2026-03-12-dbt-skills/session.md"
        try practice.write(session, try practice.read(session)
            .replacingOccurrences(of: "  chen-lily: present", with: "  chen-lily: {status: absent, reason: signed in by mistake}"))
        try practice.remove("sessions/2026-03-12-dbt-skills/chen-lily.md")
        // Edited after signing, the session note is a signature-mismatch error, which holds the void.
        let (unsigned, unsignedReport) = try billing(practice)
        #expect(!unsigned.batch.entries.contains { $0.claim.id == chen.id })
        let held = try #require(unsignedReport.diagnostics.first { $0.rule == "claim-void-needed" })
        #expect(held.message.hasSuffix("no void is sent while \(session) has errors"), "\(held.message)")
        // Signed again, as the clinician would: the void goes out.
        _ = try NoteSigner.sign(practice.root.appendingPathComponent(session), by: "torres",
                                at: Timestamp(date: Self.march(16), time: LocalTime(hour: 9, minute: 0)!), force: true)
        let (billing, report) = try billing(practice)
        let void = try #require(billing.batch.entries.first { $0.claim.id == chen.id })
        #expect(void.frequency == .void && void.payerClaimNumber == "BS7" && void.member == "chen-lily")
        #expect(void.claim.lines.map(\.cpt) == ["90853"] && void.claim.total == chen.total, "a void repeats the lines as sent")
        let warning = try #require(report.diagnostics.first { $0.rule == "claim-void-needed" })
        #expect(warning.message.contains("chen-lily is now marked absent") && warning.location.file == session)
        #expect(billing.status(of: chen.id) == .accepted)
    }

    /// A paid claim voided (its session removed): the void names its member
    /// (batch.csv's member_id was empty), the payer takes its payment back,
    /// so the member owes no share of it, and the index's "Members owe" does
    /// not count it.
    @Test func aVoidedClaimsShareIsOwedByNobody() throws {
        let practice = try unbilledExample()
        defer { practice.delete() }
        let chen = try acceptedClaimOfChen(practice)
        try payChen(chen, in: practice, paid: 4500, number: "BS7", copay: true)
        try practice.remove("sessions/2026-03-12-dbt-skills")
        // The void names its member (by the member id it was sent with), its session gone.
        let (planned, _) = try billing(practice)
        #expect(planned.batch.entries.first { $0.claim.id == chen.id }.map { "\($0.frequency) \($0.member)" } == "void chen-lily")
        try submit(practice, on: 31)
        let (billing, _) = try billing(practice)
        #expect(billing.status(of: chen.id) == .voided)
        let record = try GroupChart.check(practice.root, options: Checker.Options(today: FixturePractice.today)).record
        let ledger = ReimbursementLedger(billing: billing, record: record, today: FixturePractice.today)
        let entry = try #require(ledger.entry(for: chen.id))
        #expect(entry.patientResponsibility == .zero && entry.outstanding == .zero && entry.debtor == nil)
        let view = ReimbursementSummary(format: RecordFormatting(record: record)).view(ledger.entries)
        #expect(view.patientResponsibility == "$0.00", "no other claim of the example was paid here")
    }

    /// A member's coverage moved to another payer after a claim was sent and
    /// accepted: a replacement would go to the new payer naming the old
    /// payer's claim number, so none is sent, and the rule says what to do.
    @Test func aClaimWhosePayerChangedIsNotReplaced() throws {
        let practice = try unbilledExample()
        defer { practice.delete() }
        let chen = try acceptedClaimOfChen(practice)
        let profile = "members/chen-lily/profile.md"
        try practice.write(profile, try practice.read(profile).replacingOccurrences(of: "payer: blue-shield", with: "payer: aetna"))
        let (billing, report) = try billing(practice)
        #expect(!billing.batch.entries.contains { $0.claim.id == chen.id }, "no replacement to the new payer")
        let warning = try #require(report.diagnostics.first { $0.rule == "claim-changed-after-billing" && $0.message.contains(chen.id) })
        #expect(warning.severity == .warning)
        #expect(warning.message.hasSuffix("was billed to payer 94036, and its member's coverage now names payer 60054: no replacement is sent, "
                                          + "since a replacement goes to the payer that holds the claim"), "\(warning.message)")
        // New coverage from a later date is the common case: the help says to leave the claim, before any void (a biller's review).
        #expect(warning.help.hasPrefix("if the new coverage began after this date of service, the claim went where it belonged: leave it"))
    }

    /// Coverage that cannot be read (a payer key misspelt in practice.yaml,
    /// or the file unreadable) is an error holding the claims, not a change
    /// of payer: nothing advises voiding the paid claims with the payer
    /// that paid them.
    @Test func unreadableCoverageIsNoChangeOfPayer() throws {
        let practice = try unbilledExample()
        defer { practice.delete() }
        let chen = try acceptedClaimOfChen(practice)
        let yaml = try practice.read("practice.yaml")
        for broken in [yaml.replacingOccurrences(of: "  blue-shield:", with: "  blue_shield:"), "practice: [\n"] {
            try practice.write("practice.yaml", broken)
            let (billing, report) = try billing(practice)
            #expect(report.errorCount > 0)
            #expect(!report.diagnostics.contains { $0.rule == "claim-changed-after-billing" && $0.message.contains(chen.id) },
                    "\(report.diagnostics.filter { $0.rule == "claim-changed-after-billing" }.map(\.message))")
            #expect(!billing.batch.entries.contains { $0.claim.id == chen.id })
        }
    }

    /// Money to give back is not posted without a word: one payment saved
    /// again under another trace number pays the claim twice its charge,
    /// and an 835 that read a charge above the claim's pays another claim.
    @Test func aClaimPaidBeyondItsChargeIsWarnedOf() throws {
        let practice = try unbilledExample()
        defer { practice.delete() }
        let chen = try acceptedClaimOfChen(practice)
        try payChen(chen, in: practice, paid: 6500, number: "BS7")
        let (_, paidOnce) = try billing(practice)
        #expect(!paidOnce.diagnostics.contains { $0.rule == "remittance" })
        func payAgain(billed: Int, paid: Int, adjustments: [(group: String, reason: String, amount: Money)] = []) throws {
            try practice.write("remittances/2026-03-20.835", RemittanceFixture(
                payer: "BLUE SHIELD OF CALIFORNIA", trace: "1EFT2", date: Self.march(20),
                claims: [.init(id: chen.id, billed: Money(cents: billed), paid: Money(cents: paid), adjustments: adjustments,
                               payerClaimNumber: "BS7", dateOfService: Self.march(12))]).text)
        }
        try payAgain(billed: 6500, paid: 6500)
        let (_, twice) = try billing(practice)
        #expect(twice.diagnostics.filter { $0.rule == "remittance" }.map { "\($0.location.file):\($0.location.line) \($0.message)" }
                == ["remittances/2026-03-20.835:14 claim \"\(chen.id)\" was paid 130.00 in all, more than its charge of 65.00: an overpayment"])
        try payAgain(billed: 65000, paid: 45000, adjustments: [("CO", "45", Money(cents: 20000))])
        let (_, keyed) = try billing(practice)
        #expect(Set(keyed.diagnostics.filter { $0.rule == "remittance" }.map(\.message)) == [
            "this 835 read a charge of 650.00 (CLP03) for claim \"\(chen.id)\", which was billed 65.00: it may pay another claim",
            "claim \"\(chen.id)\" was paid 515.00 in all, more than its charge of 65.00: an overpayment",
        ])
    }

    /// A renewal written above the authorization it follows: each session
    /// goes under the one that ends first, so the authorization a paid claim
    /// was billed under stays its own (no replacement moving REF*G1), and the
    /// renewal's single session is left for the session after the first
    /// one ends (no false `authorization` error).
    @Test func anExpiringAuthorizationIsUsedBeforeARenewalListedFirst() throws {
        let practice = try FixturePractice(base: Self.example)
        defer { practice.delete() }
        let profile = "members/okonkwo-david/profile.md"
        try practice.write(profile, try practice.read(profile).replacingOccurrences(of: """
              authorizations:
                - number: "A7731004"
                  cpt: "90853"
                  from: 2026-01-15
                  to: 2026-07-15
            """, with: """
              authorizations:
                - {number: "A7739999", cpt: "90853", from: 2026-03-01, to: 2026-09-01, sessions: 1}
                - number: "A7731004"
                  cpt: "90853"
                  from: 2026-01-15
                  to: 2026-03-15
            """))
        let (billing, report) = try billing(practice)
        #expect(!report.diagnostics.contains { $0.rule == "authorization" }, "\(report.diagnostics.filter { $0.rule == "authorization" }.map(\.message))")
        let twelfth = try claimID(billing, "okonkwo-david", 12), nineteenth = try claimID(billing, "okonkwo-david", 19)
        #expect(twelfth.priorAuthorization == "A7731004" && nineteenth.priorAuthorization == "A7739999")
        #expect(!report.diagnostics.contains { $0.rule == "claim-changed-after-billing" && $0.message.contains(twelfth.id) })
    }

    /// A payer that reverses its payment and pays a correction from an
    /// 835 with another TRN03 (its payment vendor): the claim's number is
    /// the correction's, not the reversed one's, so a replacement names the
    /// claim that stands.
    @Test func aCorrectionUnderAnotherTRN03GivesTheClaimsNumber() throws {
        let practice = try unbilledExample()
        defer { practice.delete() }
        let chen = try acceptedClaimOfChen(practice)
        try payChen(chen, in: practice, paid: 6500, number: "BS7")
        try practice.write("remittances/2026-03-25.835", RemittanceFixture(
            payer: "BLUE SHIELD OF CALIFORNIA", trace: "1EFT9", date: Self.march(25),
            claims: [
                .init(id: chen.id, status: "22", billed: Money(cents: -6500), paid: Money(cents: -6500), payerClaimNumber: "BS7",
                      dateOfService: Self.march(12)),
                .init(id: chen.id, billed: chen.total, paid: Money(cents: 5000), adjustments: [("CO", "45", Money(cents: 1500))],
                      payerClaimNumber: "BS9", dateOfService: Self.march(12)),
            ], originator: "1940360").text)
        let (billing, _) = try billing(practice)
        #expect(billing.ledger.history(chen.id)?.payerClaimNumber == "BS9")
    }

    /// A claim already sent keeps the authorization it went under while that
    /// covers it: a second authorization listed later that ends sooner
    /// takes only the sessions not yet sent (no replacement moving REF*G1).
    @Test func aClaimSentKeepsItsAuthorization() throws {
        let practice = try FixturePractice(base: Self.example)
        defer { practice.delete() }
        let profile = "members/okonkwo-david/profile.md"
        try practice.write(profile, try practice.read(profile).replacingOccurrences(of: "      sessions: 24\n", with: """
                  sessions: 24
                - {number: "A7739999", cpt: "90853", from: 2026-03-01, to: 2026-03-31, sessions: 4}

            """))
        let (billing, report) = try billing(practice)
        let twelfth = try claimID(billing, "okonkwo-david", 12), nineteenth = try claimID(billing, "okonkwo-david", 19)
        #expect(twelfth.priorAuthorization == "A7731004" && nineteenth.priorAuthorization == "A7739999")
        #expect(!report.diagnostics.contains { $0.rule == "claim-changed-after-billing" && $0.message.contains(twelfth.id) })
    }

    /// A morning group added on a day whose afternoon claims were sent
    /// without a modifier: the morning claims carry it, and the claims sent
    /// keep what they were sent with (no replacement adding one).
    @Test func aGroupAddedOnADayAlreadyBilledTakesTheModifier() throws {
        let practice = try unbilledExample()
        defer { practice.delete() }
        try submit(practice, on: 13, through: Self.march(12))
        let afternoon = practice.root.appendingPathComponent("sessions/2026-03-12-dbt-skills")
        let morning = practice.root.appendingPathComponent("sessions/2026-03-12-dbt-skills-am")
        try FileManager.default.copyItem(at: afternoon, to: morning)
        try practice.write("sessions/2026-03-12-dbt-skills-am/session.md", try practice.read("sessions/2026-03-12-dbt-skills-am/session.md")
            .replacingOccurrences(of: "start: \"14:00\"\nend: \"15:30\"", with: "start: \"09:00\"\nend: \"10:30\""))
        let (billing, report) = try billing(practice)
        let day = billing.claims.filter { $0.service.date == Self.march(12) && $0.service.cpt == "90853" && $0.service.member == "chen-lily" }
        #expect(day.map { "\($0.service.sessionID) \($0.lines[0].modifiers)" }.sorted()
                == ["2026-03-12-dbt-skills []", "2026-03-12-dbt-skills-am [\"59\"]"])
        #expect(!report.diagnostics.contains { $0.rule == "claim-changed-after-billing" && $0.message.contains("modifiers") },
                "\(report.diagnostics.filter { $0.rule == "claim-changed-after-billing" }.map(\.message))")
    }

    /// A session's folder renamed after its claims were sent gives each
    /// service a new claim id: the new claims wait, out of the batch, while
    /// the claims sent for the same services stand with the payer (each goes
    /// once its twin is voided), instead of billing every member twice.
    @Test func aRenamedSessionIsNotBilledAgainWhileItsClaimsStand() throws {
        let practice = try unbilledExample()
        defer { practice.delete() }
        try submit(practice, on: 13, through: Self.march(12))
        let (sent, _) = try billing(practice)
        let before = Set(sent.claims.filter { $0.service.date == Self.march(12) }.map(\.id))
        try FileManager.default.moveItem(at: practice.root.appendingPathComponent("sessions/2026-03-12-dbt-skills"),
                                         to: practice.root.appendingPathComponent("sessions/2026-03-12-dbt-skills-pm"))
        let (billing, report) = try billing(practice)
        let renamed = billing.claims.filter { $0.service.date == Self.march(12) && $0.service.kind == .group }
        #expect(!renamed.isEmpty && renamed.allSatisfy { !before.contains($0.id) }, "new ids")
        // Each ready claim of a member whose claim of the 12th went out waits (one held then never went).
        let wentOut = Set(sent.claims.filter { before.contains($0.id) && sent.ledger.history($0.id)?.wasSent == true }.map(\.service.member))
        #expect(!wentOut.isEmpty && wentOut.count < before.count)
        #expect(!billing.batch.entries.contains { entry in renamed.contains { $0.id == entry.claim.id && wentOut.contains($0.service.member) } },
                "no second original")
        #expect(Set(billing.batch.waitingOriginals.map(\.claimID)) == Set(renamed.filter { $0.isReady && wentOut.contains($0.service.member) }.map(\.id)))
        #expect(Set(billing.batch.waitingOriginals.map(\.twinID)).isSubset(of: before))
        let waiting = report.diagnostics.filter { $0.rule == "claim-void-needed" && $0.message.contains("is not sent") }
        #expect(waiting.count == billing.batch.waitingOriginals.count && !waiting.isEmpty)
    }

    /// A batch whose file the next build could not read back (over the
    /// largest document it reads) is refused, and nothing is written: its
    /// claims would not be known as sent, and would be billed again.
    @Test func aBatchTooLargeToReadBackIsRefused() throws {
        let practice = try unbilledExample()
        defer { practice.delete() }
        let options = BatchSubmitter.Options(checker: Checker.Options(today: Self.march(20)), through: nil,
                                             output: practice.root.appendingPathComponent("build"))
        #expect {
            try BatchSubmitter.submit(practice.root, options: options, largest: 1_000)
        } throws: { error in
            "\(error)".contains("over the 1000 bytes a build reads back") && "\(error)".contains("--through")
        }
        #expect(!FileManager.default.fileExists(atPath: practice.root.appendingPathComponent("submissions").path))
        // Under the limit, it is written.
        let sent = try BatchSubmitter.submit(practice.root, options: options, largest: PracticeFile.maximumSize)
        #expect(FileManager.default.fileExists(atPath: practice.root.appendingPathComponent(sent.path).path))
        #expect(sent.staleBuild == nil)
    }

    /// The submission written, submit builds again so that build/claims.837
    /// no longer holds the batch sent. When that build fails (here build/
    /// has become a file), the submission stands and the outcome says why
    /// build/ is stale, for `submit` to warn that its claims.837 must not be
    /// uploaded.
    @Test func aSubmissionWhoseBuildAfterwardsFailsSaysBuildIsStale() throws {
        let practice = try unbilledExample()
        defer { practice.delete() }
        let build = practice.root.appendingPathComponent("build")
        let options = BatchSubmitter.Options(checker: Checker.Options(today: Self.march(20)), through: nil, output: build)
        let outcome = try BatchSubmitter.submit(practice.root, options: options, largest: PracticeFile.maximumSize) {
            try FileManager.default.moveItem(at: build, to: practice.root.appendingPathComponent("build-aside"))
            #expect(FileManager.default.createFile(atPath: build.path, contents: Data()))
        }
        #expect(FileManager.default.fileExists(atPath: practice.root.appendingPathComponent(outcome.path).path))
        let stale = try #require(outcome.staleBuild)
        #expect(stale.contains("is a file"), "\(stale)")
    }

    @Test func theNextControlNumberFollowsTheLargestOnFile() throws {
        let practice = try unbilledExample()
        defer { practice.delete() }
        try submit(practice, on: 13, through: Self.march(12))
        let first = try practice.read("submissions/2026-03-13-000000001.837")
        try practice.write("submissions/from-another-program.837",
                           first.replacingOccurrences(of: "*000000001*0*P*:", with: "*000000120*0*P*:").replacingOccurrences(of: "CLM*20260312", with: "CLM*20260311"))
        let (billing, _) = try billing(practice)
        #expect(billing.batch.controlNumber == 121)
    }

    @Test func describesStatusCodesInWords() {
        #expect(StatusCodes.describe(ClaimStatusCode(category: "A2", status: "20", entity: "PR"))
                == "accepted into the payer's adjudication system: accepted for processing (payer)")
        #expect(StatusCodes.describe(ClaimStatusCode(category: "A3", status: "562", entity: "85"))
                == "returned as unprocessable: entity's National Provider Identifier (NPI) (billing provider)")
        #expect(StatusCodes.describe(ClaimStatusCode(category: "A6", status: "9999", entity: ""))
                == "rejected for missing information: status code 9999 (see the X12 health care claim status codes)")
    }

    @Test func timelyFilingMeasuresToTheFirstSubmission() throws {
        let practice = try unbilledExample()
        defer { practice.delete() }
        try practice.write("practice.yaml", try practice.read("practice.yaml")
            .replacingOccurrences(of: "    telehealth_modifier: \"95\"\n", with: "    telehealth_modifier: \"95\"\n    timely_filing_days: 10\n"))
        try practice.write("acknowledgments/a.999", AcknowledgmentFixture.implementation(groupControl: "1", date: Self.march(13), control: 10))
        try submit(practice, on: 13, through: Self.march(12))
        var (_, report) = try billing(practice, today: LocalDate(year: 2026, month: 6, day: 30)!)
        let late = report.diagnostics.filter { $0.rule == "timely-filing" }.map(\.location.file)
        #expect(!late.contains("sessions/2026-03-12-dbt-skills/nguyen-lan.md"), "sent the next day: in time, whatever came back")
        #expect(late.contains("sessions/2026-03-19-dbt-skills/nguyen-lan.md"), "never sent, 103 days on")
        try submit(practice, on: 31)
        (_, report) = try billing(practice, today: LocalDate(year: 2026, month: 6, day: 30)!)
        let sentLate = try #require(report.diagnostics.first { $0.rule == "timely-filing" && $0.location.file == "sessions/2026-03-19-dbt-skills/nguyen-lan.md" })
        #expect(sentLate.message == "the claim was first sent 12 days after the date of service, past Aetna's 10-day filing limit")
    }

    /// Two batches with one control number, and a submission renamed or
    /// edited after it was sent, are `submission` warnings; the file is read on.
    @Test func aSubmissionChangedAfterItWasSentIsAWarning() throws {
        let practice = try unbilledExample()
        defer { practice.delete() }
        try submit(practice, on: 13, through: Self.march(12))
        let sent = try practice.read("submissions/2026-03-13-000000001.837")
        try practice.write("submissions/2026-03-14-000000002.837", sent)
        try practice.write("acknowledgments/a.999", AcknowledgmentFixture.implementation(groupControl: "1", date: Self.march(14), control: 10))
        let report = try practice.check()
        let warnings = report.diagnostics.filter { $0.rule == "submission" }.map(\.message)
        #expect(warnings.contains("the file is named for interchange 000000002 but its ISA13 is \"000000001\""))
        #expect(warnings.contains("interchange control number 000000001 (ISA13) is also that of submissions/2026-03-13-000000001.837"))
        #expect(report.diagnostics.contains { $0.rule == "duplicate-submission" }, "the copy sends every claim a second time")
    }

    /// The dashboard shows the pipeline as an inline chart beside its
    /// figures, with the rejection's reasons and the batch; a member's chart
    /// shows each claim's history with dates and files. No script anywhere.
    @Test func theRecordsShowThePipelineAndEachClaimsHistory() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("groupchart-pipeline-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        _ = try Builder.build(Self.example, options: Builder.Options(checker: Checker.Options(today: FixturePractice.today), output: output))
        let index = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.contains("<svg class=\"pipeline\"") && index.contains("aria-label=\"10 Unbilled, 0 In flight, 0 Rejected, 5 Settled, 11 To send\""))
        #expect(index.contains("rejected for invalid information: entity&#39;s contract or member number (subscriber)"))
        #expect(index.contains("<td>replacement</td><td>changed after billing: line 2 added: 90785 at 15.00</td>"))
        let chart = try String(contentsOf: output.appendingPathComponent("members/alvarez-sofia.html"), encoding: .utf8)
        for event in ["<td class=\"date\">2026-03-13</td><td colspan=\"7\">sent as an original</td><td colspan=\"2\"><code>submissions/2026-03-13-000000001.837</code>",
                      "accepted by the 999", "277CA: accepted into the payer&#39;s adjudication system: accepted for processing (payer), payer claim BS2607100431",
                      "835: paid 55.00, member owes 0.00 (trace 1EFT0326004417)"] {
            #expect(chart.contains(event), "\(event)")
        }
        for file in ["index.html", "members/alvarez-sofia.html", "members/reyes-maria.html"] {
            #expect(!(try String(contentsOf: output.appendingPathComponent(file), encoding: .utf8)).lowercased().contains("<script"))
        }
    }
}
