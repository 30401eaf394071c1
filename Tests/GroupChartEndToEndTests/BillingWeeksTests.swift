import Foundation
import GroupChartKit
import GroupChartTestSupport
import Testing

/// Four weeks of billing with the real binary: build, submit, the
/// clearinghouse's and payers' answers, a rejection corrected, a note
/// amended after payment, a member found absent after billing, a change
/// that must wait for the payer's claim number. However the weeks go, no
/// claim is sent twice as an original, every change after billing is sent
/// exactly once (a replacement or a void), every batch passes pyx12, and
/// nothing but `submit` ever writes into the billing history.
@Suite(.serialized) struct BillingWeeksTests {
    static let example = FixturePractice.repository.appendingPathComponent("examples/dbt-skills")
    static let checker = FixturePractice.repository.appendingPathComponent("../shared/tools/x12check.py").standardized
    static let python = ExternalTool.find("python3", "python")
    static var pyx12: Bool {
        guard let python, FileManager.default.fileExists(atPath: checker.path) else { return false }
        return (try? ExternalTool.run(python, ["-c", "import pyx12"]).status) == 0
    }

    static func day(_ month: Int, _ day: Int) -> LocalDate { LocalDate(year: 2026, month: month, day: day)! }

    /// The files of submissions/, acknowledgments/ and remittances/ with their bytes.
    private func history(_ practice: FixturePractice) -> [String: Data] {
        var files: [String: Data] = [:]
        for folder in ["submissions", "acknowledgments", "remittances"] {
            let url = practice.root.appendingPathComponent(folder)
            for name in (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? [] {
                let data = FileManager.default.contents(atPath: url.appendingPathComponent(name).path) ?? Data()
                files["\(folder)/\(name)"] = data
            }
        }
        return files
    }

    /// Runs a command that must leave the billing history as it was.
    @discardableResult
    private func readOnly(_ arguments: [String], _ practice: FixturePractice) throws -> Binary.Result {
        let before = history(practice)
        let result = try Binary.run(arguments, in: practice.root)
        #expect(history(practice) == before, "\(arguments.joined(separator: " ")) wrote into the billing history")
        return result
    }

    private func submit(_ practice: FixturePractice, on date: LocalDate) throws -> String {
        let before = history(practice)
        let result = try Binary.run(["submit", "--backdate", "--today", date.description], in: practice.root)
        #expect(result.status != 2, "submit refused: \(result.standardError)")
        let added = Set(history(practice).keys).subtracting(before.keys)
        #expect(added.count == 1, "submit writes exactly one file: \(added)")
        let path = try #require(added.first)
        let attributes = try FileManager.default.attributesOfItem(atPath: practice.root.appendingPathComponent(path).path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600, "a submission is its owner's only")
        #expect(result.standardError.contains("wrote \(path)"))
        return path
    }

    private func claims(_ practice: FixturePractice, on date: LocalDate) throws -> [Claim] {
        try #require(GroupChart.check(practice.root, options: Checker.Options(today: date)).report.billing).claims
    }

    private func sign(_ path: String, _ practice: FixturePractice, at time: String) throws {
        let result = try Binary.run(["sign", path, "--by", "torres", "--at", time, "--force"], in: practice.root)
        #expect(result.status == 0, "sign \(path): \(result.standardError)")
    }

    private func amend(_ path: String, _ practice: FixturePractice, complexity reason: String, at time: String) throws {
        let text = try practice.read(path)
        let marker = "signed_at: "
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix(marker) })
        try practice.write(path, text.replacingOccurrences(of: String(line), with: "\(line)\ninteractive_complexity: \"\(reason)\""))
        try sign(path, practice, at: time)
    }

    /// pyx12 checks each batch when ../shared/tools is beside the
    /// repository (and must be installed then under `make test`); the rest
    /// of the test runs without it.
    @Test func fourWeeksOfBillingSendEachClaimOnceAndEachChangeOnce() throws {
        let practice = try FixturePractice(base: Self.example)
        defer { practice.delete() }
        for folder in ["submissions", "acknowledgments", "remittances"] { try practice.remove(folder) }
        let profile = "members/reyes-maria/profile.md"
        try practice.write(profile, try practice.read(profile).replacingOccurrences(of: "AET-4408127736", with: "AET-4408127763"))
        // The example's note as first written, before its amendment after payment.
        let alvarez = "sessions/2026-03-12-dbt-skills/alvarez-sofia.md"
        try practice.write(alvarez, try practice.read(alvarez).split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("interactive_complexity:") }.joined(separator: "\n"))
        try sign(alvarez, practice, at: "2026-03-12T18:15")
        let claims = try claims(practice, on: Self.day(3, 31))
        let id = { (member: String, day: Int) in claims.first { $0.service.member == member && $0.service.date.day == day && $0.service.kind == .group }!.id }
        var submissions: [String] = []

        // Week 1: the claims of the 12th go out.
        try readOnly(["build", "--today", "2026-03-13"], practice)
        submissions.append(try submit(practice, on: Self.day(3, 13)))
        #expect(submissions == ["submissions/2026-03-13-000000001.837"])
        // build/ holds what is left to send (nothing), never the batch just sent: uploading
        // build/claims.837 after submit would bill those claims twice.
        #expect(!FileManager.default.fileExists(atPath: practice.root.appendingPathComponent("build/claims.837").path))
        #expect(try practice.read("build/batch.csv").split(whereSeparator: \.isNewline).count == 1)
        let again = try readOnly(["submit", "--backdate", "--today", "2026-03-13"], practice)
        #expect(again.status == 2 && again.standardError.contains("nothing to send"))

        // Week 2: the 999 accepts the file; the 277CA accepts five claims and rejects one (a typo in a member id).
        try practice.write("acknowledgments/2026-03-13.999", AcknowledgmentFixture.implementation(groupControl: "1", date: Self.day(3, 13), control: 501))
        let accepted = ["alvarez-sofia": "BS1", "chen-lily": "BS2", "martin-chloe": "BS3", "nguyen-lan": "E1", "okonkwo-david": "E2"]
        var answers = accepted.sorted { $0.key < $1.key }.map { member, number in
            AcknowledgmentFixture.Answer(claimID: id(member, 12), payerClaimNumber: number, dateOfService: Self.day(3, 12), charge: Money(cents: 6500))
        }
        answers.append(.init(claimID: id("reyes-maria", 12), status: "A7:164:IL", dateOfService: Self.day(3, 12), charge: Money(cents: 6500)))
        try practice.write("acknowledgments/2026-03-16.277", AcknowledgmentFixture.claims(answers, date: Self.day(3, 16), control: 502))
        let rejected = try readOnly(["check", "--today", "2026-03-20"], practice)
        #expect(rejected.status == 1 && rejected.standardOutput.contains("reyes-maria.md:1:1: error: claim \"\(id("reyes-maria", 12))\" was rejected by a 277CA"))
        try practice.write(profile, try practice.read(profile).replacingOccurrences(of: "AET-4408127763", with: "AET-4408127736"))
        let dryRun = try readOnly(["submit", "--dry-run", "--today", "2026-03-20"], practice)
        #expect(dryRun.standardError.contains("would write submissions/2026-03-20-000000002.837: 10 originals"))
        submissions.append(try submit(practice, on: Self.day(3, 20)))

        // Week 3: payments for the 12th; then a member found absent, a note amended after payment,
        // and a note amended before the payer's number is known.
        try practice.write("acknowledgments/2026-03-20.999", AcknowledgmentFixture.implementation(groupControl: "2", date: Self.day(3, 20), control: 503))
        try practice.write("remittances/2026-03-26.835", RemittanceFixture(trace: "EFT1", date: Self.day(3, 26), claims: accepted.sorted { $0.key < $1.key }.map { member, number in
            .init(id: id(member, 12), billed: Money(cents: 6500), paid: Money(cents: 5500), adjustments: [("CO", "45", Money(cents: 1000))],
                  payerClaimNumber: number, dateOfService: Self.day(3, 12))
        }).text)
        let session = "sessions/2026-03-12-dbt-skills/session.md"
        try practice.write(session, try practice.read(session).replacingOccurrences(of: "  chen-lily: present", with: "  chen-lily: {status: absent, reason: signed in for a friend}"))
        try practice.remove("sessions/2026-03-12-dbt-skills/chen-lily.md")
        try sign(session, practice, at: "2026-03-27T09:00")
        try amend("sessions/2026-03-12-dbt-skills/alvarez-sofia.md", practice, complexity: "Escalating questions had to be managed for the group to go on.", at: "2026-03-27T09:10")
        try amend("sessions/2026-03-19-dbt-skills/nguyen-lan.md", practice, complexity: "An interpreter was needed for part of the session.", at: "2026-03-27T09:20")
        let waiting = try readOnly(["check", "--today", "2026-03-27"], practice)
        #expect(waiting.standardOutput.contains("nguyen-lan.md:1:1: warning: the replacement of claim \"\(id("nguyen-lan", 19))\" waits"))
        submissions.append(try submit(practice, on: Self.day(3, 27)))

        // Week 4: the 277CA of the second batch gives the numbers; the waiting replacement goes out.
        try practice.write("acknowledgments/2026-03-27.999", AcknowledgmentFixture.implementation(groupControl: "3", date: Self.day(3, 27), control: 504))
        let second = claims.filter { $0.service.date.day == 19 || $0.service.date.day == 14 }.map { claim in
            AcknowledgmentFixture.Answer(claimID: claim.id, payerClaimNumber: "P-\(claim.id.suffix(4))", dateOfService: claim.service.date, charge: claim.total)
        } + [.init(claimID: id("reyes-maria", 12), payerClaimNumber: "E3", dateOfService: Self.day(3, 12), charge: Money(cents: 6500))]
        try practice.write("acknowledgments/2026-03-30.277", AcknowledgmentFixture.claims(second, date: Self.day(3, 30), control: 505, batch: "2"))
        submissions.append(try submit(practice, on: Self.day(4, 3)))
        try practice.write("acknowledgments/2026-04-03.999", AcknowledgmentFixture.implementation(groupControl: "4", date: Self.day(4, 3), control: 506))
        let settled = try readOnly(["build", "--today", "2026-04-06"], practice)
        #expect(settled.standardError.contains("nothing to send"))
        #expect(try readOnly(["submit", "--backdate", "--today", "2026-04-06"], practice).status == 2)
        #expect(try practice.read("build/batch.csv") == "claim_id,member_id,date_of_service,frequency,reason,payer_claim_number,last_sent\r\n")

        // Every batch is valid X12, numbered in turn, and each claim went out once, each change once.
        #expect(submissions == ["submissions/2026-03-13-000000001.837", "submissions/2026-03-20-000000002.837",
                                "submissions/2026-03-27-000000003.837", "submissions/2026-04-03-000000004.837"])
        if FileManager.default.fileExists(atPath: Self.checker.path), Self.pyx12 || ExternalTool.required {
            #expect(Self.pyx12, "pyx12 is not installed (pip install pyx12; make test installs it)")
            let python = try #require(Self.python)
            let valid = try ExternalTool.run(python, [Self.checker.path] + submissions.map { practice.root.appendingPathComponent($0).path })
            #expect(valid.status == 0, "pyx12: \(valid.output)")
        }
        let sent = try GroupChart.check(practice.root, options: Checker.Options(today: Self.day(4, 6))).record.billingHistory.submissions
        let versions = sent.flatMap { submission in submission.claims.map { (submission.file, $0) } }
        var originals: [String: Int] = [:]
        for (_, claim) in versions where claim.frequency == .original { originals[claim.billed.id, default: 0] += 1 }
        #expect(originals.filter { $0.value > 1 }.keys.sorted() == [id("reyes-maria", 12)], "only the rejected claim went out twice as an original")
        let corrections = versions.filter { $0.1.frequency != .original }.map { "\($0.1.billed.id) \($0.1.frequency.word) \($0.1.payerClaimNumber ?? "") \($0.0)" }
        #expect(corrections.sorted() == [
            "\(id("alvarez-sofia", 12)) replacement BS1 submissions/2026-03-27-000000003.837",
            "\(id("chen-lily", 12)) void BS2 submissions/2026-03-27-000000003.837",
            "\(id("nguyen-lan", 19)) replacement P-\(id("nguyen-lan", 19).suffix(4)) submissions/2026-04-03-000000004.837",
        ].sorted())
        let check = try readOnly(["check", "--today", "2026-04-06", "--format", "json"], practice)
        #expect(!check.standardOutput.contains("duplicate-submission") && !check.standardOutput.contains("claim-rejected"))
    }

    /// `submit` refuses, with exit status 2 and one sentence, and writes nothing.
    /// `submit --through` may record history billed by other means, a file
    /// never uploaded: a replacement or void of GroupChart's own in it
    /// would be recorded as sent and never reach the payer, so submit says so.
    @Test func submitThroughWarnsOfTheCorrectionsItRecords() throws {
        let practice = try FixturePractice(base: Self.example)
        defer { practice.delete() }
        let through = try Binary.run(["submit", "--backdate", "--through", "2026-03-12", "--today", "2026-04-02"], in: practice.root)
        #expect(through.status == 0, "\(through.standardError)")
        #expect(through.standardError.contains("also holds 1 replacement of claims GroupChart sent: it is now recorded as sent, and "
                                               + "reaches the payer only if submissions/2026-04-02-000000002.837 is uploaded"),
                "\(through.standardError)")
    }

    @Test func submitRefusesWhatItCannotDo() throws {
        let practice = try FixturePractice(base: Self.example)
        defer { practice.delete() }
        for folder in ["submissions", "acknowledgments", "remittances"] { try practice.remove(folder) }
        try? practice.remove("build")
        let noEDI = try FixturePractice(base: Self.example)
        defer { noEDI.delete() }
        for folder in ["submissions", "acknowledgments", "remittances"] { try noEDI.remove(folder) }
        try noEDI.write("practice.yaml", try noEDI.read("practice.yaml").replacingOccurrences(of: "\nedi:\n", with: "\nunused_edi:\n")
            .replacingOccurrences(of: "# Electronic claim envelope", with: "rules: {unknown-key: off}\n# Electronic claim envelope"))
        let refusal = try readOnly(["submit", "--backdate", "--today", "2026-04-01"], noEDI)
        #expect(refusal.status == 2 && refusal.standardError.contains("practice.yaml has no edi: block"))
        #expect(!FileManager.default.fileExists(atPath: noEDI.root.appendingPathComponent("submissions").path))

        let dryRun = try readOnly(["submit", "--dry-run", "--today", "2026-04-01"], practice)
        #expect(dryRun.status == 0 && dryRun.standardError.contains("nothing was written"))
        #expect(!FileManager.default.fileExists(atPath: practice.root.appendingPathComponent("build").path), "--dry-run writes nothing, not even build/")

        // Another file already holds the name: never written over.
        try practice.write("submissions/2026-04-01-000000001.837", "kept as it was")
        let clash = try Binary.run(["submit", "--backdate", "--today", "2026-04-01"], in: practice.root)
        #expect(clash.status == 2 && clash.standardError.contains("a submission is never written over another"), "\(clash.standardError)")
        #expect(try practice.read("submissions/2026-04-01-000000001.837") == "kept as it was")

        // What a killed submit leaves (a hidden temporary file) is ignored by check and removed by the next submit.
        try practice.write("submissions/.submit-0D1E.tmp", "ISA*half a file")
        #expect(try readOnly(["check", "--today", "2026-04-01"], practice).standardOutput.contains("submissions/.submit") == false)
        let through = try Binary.run(["submit", "--backdate", "--through", "2026-03-12", "--today", "2026-04-02"], in: practice.root)
        #expect(through.standardError.contains("6 originals"), "\(through.standardError)")
        #expect(!through.standardError.contains("also holds"), "originals alone: no corrections to lose")
        // build/ then holds the claims left after the cutoff, never those just recorded as history.
        let left = try practice.read("build/batch.csv").split(whereSeparator: \.isNewline).dropFirst()
        #expect(left.count == 9 && left.allSatisfy { !$0.contains(",2026-03-12,") }, "\(left)")
        // The claims may be history billed by other means: the file is not to be uploaded then.
        #expect(through.standardError.contains("only if these claims are still to be sent; if they were billed by other means, do not upload it"),
                "\(through.standardError)")
        #expect(!FileManager.default.fileExists(atPath: practice.root.appendingPathComponent("submissions/.submit-0D1E.tmp").path))
        let build = try readOnly(["build", "--today", "2026-04-02"], practice)
        #expect(build.standardError.contains("next batch: 9 originals"), "\(build.standardError)")

        let badDate = try Binary.run(["submit", "--through", "2026-02-30"], in: practice.root)
        #expect(badDate.status == 2 && badDate.standardError.contains("--through"))
    }

    /// A submission is dated by --today (its name, ISA09, each claim's
    /// first submission, which timely-filing counts from): a later day
    /// than the clock's is refused, an earlier one unless --backdate says
    /// the batch was uploaded then. A --today copied from an example never
    /// dates a batch falsely; --dry-run writes nothing, and takes any day.
    @Test func submitIsDatedTodayUnlessBackdated() throws {
        let practice = try FixturePractice(base: Self.example)
        defer { practice.delete() }
        for folder in ["submissions", "acknowledgments", "remittances"] { try practice.remove(folder) }
        let now = LocalDate.today()
        // Two days on, so that the clock passing midnight during the test changes nothing.
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date().addingTimeInterval(2 * 86_400))
        let future = try #require(LocalDate(year: parts.year!, month: parts.month!, day: parts.day!))
        let later = try Binary.run(["submit", "--backdate", "--today", future.description], in: practice.root)
        #expect(later.status == 2 && later.standardError.contains("--today \(future) is after today's date"), "\(later.standardError)")
        let earlier = try Binary.run(["submit", "--today", "2026-04-01"], in: practice.root)
        #expect(earlier.status == 2 && earlier.standardError.contains("add --backdate if the batch was uploaded on 2026-04-01"),
                "\(earlier.standardError)")
        #expect(!FileManager.default.fileExists(atPath: practice.root.appendingPathComponent("submissions").path))
        #expect(try Binary.run(["submit", "--dry-run", "--today", future.description], in: practice.root).status == 0)
        let sent = try Binary.run(["submit"], in: practice.root)
        #expect(sent.status == 0, "\(sent.standardError)")
        let files = try FileManager.default.contentsOfDirectory(atPath: practice.root.appendingPathComponent("submissions").path)
        #expect(files == ["\(now)-000000001.837"])
    }
}
