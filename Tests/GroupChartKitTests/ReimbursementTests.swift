import CSV
import Foundation
@testable import GroupChartKit
import GroupChartTestSupport
import Testing

/// Reimbursement: 835s matched to the claims they pay, each claim's status,
/// reimbursement.csv, the aging of what is outstanding, and timely filing.
@Suite struct ReimbursementTests {
    static let example = FixturePractice.repository.appendingPathComponent("examples/dbt-skills")
    static let golden = FixturePractice.fixtures.appendingPathComponent("../Golden/dbt-skills").standardized
    static let march12 = LocalDate(year: 2026, month: 3, day: 12)!

    private func dollars(_ cents: Int) -> Money { Money(cents: cents) }

    /// The example practice with Aetna's filing limit at 15 days, its own
    /// remittances taken away and `files` written in their place.
    private func practice(_ files: (_ id: (String, Int) -> String) -> [String: RemittanceFixture]) throws -> FixturePractice {
        let practice = try FixturePractice(base: Self.example)
        // Remittances only: the billing history of the example is left out.
        for folder in ["remittances", "submissions", "acknowledgments"] { try practice.remove(folder) }
        try practice.write("practice.yaml", try practice.read("practice.yaml")
            .replacingOccurrences(of: "    telehealth_modifier: \"95\"\n", with: "    telehealth_modifier: \"95\"\n    timely_filing_days: 15\n"))
        let checked = try GroupChart.check(practice.root, options: Checker.Options(today: FixturePractice.today))
        let claims = ClaimBuilder(record: checked.record, report: checked.report).claims()
        let id = { (member: String, day: Int) in claims.first { $0.service.member == member && $0.service.date.day == day }!.id }
        for (path, file) in files(id) { try practice.write(path, file.text) }
        return practice
    }

    private func claim(_ id: String, status: String = "1", billed: Int = 6500, paid: Int, _ adjustments: [(String, String, Int)] = [],
                       number: String, claimRemarks: [String] = [], lineRemarks: [String] = [], forwardedTo: String? = nil) -> RemittanceFixture.Claim {
        RemittanceFixture.Claim(id: id, status: status, billed: dollars(billed), paid: dollars(paid),
                                adjustments: adjustments.map { ($0.0, $0.1, dollars($0.2)) }, payerClaimNumber: number,
                                dateOfService: Self.march12, claimRemarks: claimRemarks, lineRemarks: lineRemarks, forwardedTo: forwardedTo)
    }

    /// Paid, partial with a copay, denied with its reason, pending and aged
    /// past the payer's filing limit, reversed, reversed and paid again; a
    /// payment read twice counts once, and an unknown claim id is a warning.
    private func everyStatus() throws -> FixturePractice {
        try practice { id in
            let blueShield = RemittanceFixture(payer: "BLUE SHIELD OF CALIFORNIA", trace: "1EFT0326004417", date: LocalDate(year: 2026, month: 3, day: 26)!, claims: [
                claim(id("alvarez-sofia", 12), paid: 5500, [("CO", "45", 1000)], number: "BS1"),
                claim(id("chen-lily", 12), paid: 4500, [("CO", "45", 1000), ("PR", "3", 1000)], number: "BS2"),
                claim(id("martin-chloe", 12), status: "4", paid: 0, [("CO", "197", 6500)], number: "BS3"),
            ])
            let aetnaPayment = RemittanceFixture(trace: "1EFT0320000101", date: LocalDate(year: 2026, month: 3, day: 20)!, claims: [
                claim(id("okonkwo-david", 12), paid: 3800, [("CO", "45", 700), ("PR", "3", 2000)], number: "E1"),
                claim(id("reyes-maria", 12), paid: 5800, [("CO", "45", 700)], number: "E2"),
            ])
            let aetnaReversals = RemittanceFixture(trace: "1EFT0327000202", date: LocalDate(year: 2026, month: 3, day: 27)!, claims: [
                claim(id("okonkwo-david", 12), status: "22", billed: -6500, paid: -3800, [("CO", "45", -700), ("PR", "3", -2000)], number: "E1"),
                claim(id("reyes-maria", 12), status: "22", billed: -6500, paid: -5800, [("CO", "45", -700)], number: "E2"),
                claim(id("reyes-maria", 12), paid: 3300, [("CO", "45", 700), ("PR", "3", 2500)], number: "E3"),
                claim("20260312ZZZZZZZZZZZZ", paid: 1000, [("CO", "45", 5500)], number: "E4"),
            ])
            return ["remittances/2026-03-26-blue-shield.835": blueShield, "remittances/copy-of-2026-03-26-blue-shield.835": blueShield,
                    "remittances/2026-03-27-aetna.835": aetnaReversals, "remittances/2026-03-20-aetna.835": aetnaPayment]
        }
    }

    private func rows(_ csv: String) throws -> [String: [String: String]] {
        let reader = try CSVReader(string: csv, hasHeaderRow: true)
        let header = reader.headerRow ?? []
        #expect(header == ["claim_id", "member_id", "date_of_service", "billed", "paid", "patient_responsibility",
                           "adjustments", "status", "remittance", "days_outstanding",
                           "first_submitted", "payer_claim_number"])
        var rows: [String: [String: String]] = [:]
        while let row = reader.next() {
            let values = Dictionary(uniqueKeysWithValues: zip(header, row))
            rows["\(values["member_id"]!) \(values["date_of_service"]!)"] = values
        }
        return rows
    }

    /// How the records show an amount: cents always, a comma every three
    /// digits, the sign before the dollar sign.
    /// An 835 paying a claim the practice sent but no longer builds (its
    /// session folder renamed) says so, naming the submission, instead of
    /// "matches no claim of the practice".
    @Test func aPaymentForAClaimNoLongerBuiltNamesItsSubmission() throws {
        let practice = try FixturePractice(base: Self.example)
        defer { practice.delete() }
        try FileManager.default.moveItem(at: practice.root.appendingPathComponent("sessions/2026-03-12-dbt-skills"),
                                         to: practice.root.appendingPathComponent("sessions/2026-03-12-dbt-skills-pm"))
        let found = try practice.check().diagnostics.filter { $0.rule == "remittance" }
        #expect(!found.isEmpty && found.allSatisfy {
            $0.message.contains("answers a claim sent in submissions/2026-03-13-000000001.837 that the practice no longer builds")
        }, "\(found.map(\.message))")
    }

    /// An 835 paying another NPI than the practice's (a billing service's
    /// other practice, whose claim ids may be the same) is warned of at its
    /// payee: it was posted without a word (a biller's review).
    @Test func anEightThirtyFiveForAnotherNPIIsWarnedOfAtItsPayee() throws {
        let practice = try self.practice { id in
            var other = RemittanceFixture(trace: "1EFT9", date: LocalDate(year: 2026, month: 4, day: 10)!,
                                          claims: [claim(id("okonkwo-david", 12), paid: 4500, [("CO", "45", 2000)], number: "E1")])
            other.payeeNPI = "1588667638"
            return ["remittances/2026-04-10-other.835": other]
        }
        defer { practice.delete() }
        let found = try practice.check().diagnostics.filter { $0.rule == "remittance" }
        #expect(found.map { "\($0.location.file):\($0.location.line):\($0.location.column)" } == ["remittances/2026-04-10-other.835:11:29"])
        #expect(found.first?.message == "this 835 pays NPI 1588667638 (N1*PE), not the practice's billing NPI 1234567893: "
                    + "it may be another practice's remittance, and its claims are posted here")
    }

    @Test func amountsAreShownAsDollarsAndCents() {
        let shown: [(Int, String)] = [
            (0, "$0.00"), (5, "$0.05"), (50, "$0.50"), (6500, "$65.00"), (99999, "$999.99"), (100000, "$1,000.00"),
            (123450, "$1,234.50"), (-6500, "-$65.00"), (-5, "-$0.05"), (-123456789, "-$1,234,567.89"),
            (100000000, "$1,000,000.00"), (Int.max, "$92,233,720,368,547,758.07"),
        ]
        for (cents, text) in shown { #expect(ReimbursementSummary.dollars(Money(cents: cents)) == text, "\(cents)") }
    }

    @Test func everyStatusIsTrackedAndOnlyUncoveredOldClaimsAreLate() throws {
        let practice = try everyStatus()
        defer { practice.delete() }
        #expect(try practice.check().places == [
            "members/okonkwo-david/individual/2026-03-14.md:1:1 timely-filing",
            "members/okonkwo-david/individual/2026-03-19.md:2:7 same-day-services",
            "remittances/2026-03-27-aetna.835:14:5 remittance",
            "remittances/2026-03-27-aetna.835:31:5 remittance",
            "sessions/2026-03-12-dbt-skills/nguyen-lan.md:1:1 timely-filing",
        ], """
            only the Aetna claims no remittance covers are past their 15 days; the unknown claim id is a warning, and so is \
            okonkwo-david's payment taken back with none since (reyes-maria's was paid again)
            """)
        let reversal = try #require(try practice.check().diagnostics.first { $0.location.line == 14 && $0.rule == "remittance" })
        #expect(reversal.message.hasPrefix("the payer took back its payment of 38.00 for claim \"") && reversal.message.hasSuffix(
            "(CLP02 22) and has paid nothing since: the claim's charge of 65.00 is unpaid again, as reimbursement.csv shows it"),
                "\(reversal.message)")
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("groupchart-era-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        _ = try Builder.build(practice.root, options: Builder.Options(checker: Checker.Options(today: FixturePractice.today), output: output))
        let rows = try rows(try String(contentsOf: output.appendingPathComponent("reimbursement.csv"), encoding: .utf8))
        #expect(rows.count == 14, "one row per claim built: 15 claims, two of them okonkwo-david's on 2026-03-19 (one key here)")
        let expected: [(String, String, String, String, String, String)] = [
            // member and date, status, paid, patient responsibility, adjustments, days outstanding
            ("alvarez-sofia 2026-03-12", "paid", "55.00", "0.00", "CO-45:10.00", ""),
            ("chen-lily 2026-03-12", "partial", "45.00", "10.00", "CO-45:10.00;PR-3:10.00", ""),
            ("martin-chloe 2026-03-12", "denied", "0.00", "0.00", "CO-197:65.00", ""),
            ("nguyen-lan 2026-03-12", "unbilled", "0.00", "0.00", "", "19"),
            ("okonkwo-david 2026-03-12", "reversed", "0.00", "0.00", "", "19"),
            ("reyes-maria 2026-03-12", "partial", "33.00", "25.00", "CO-45:7.00;PR-3:25.00", ""),
            ("okonkwo-david 2026-03-14", "unbilled", "0.00", "0.00", "", "17"),
            ("patel-arjun 2026-03-19", "unbilled", "0.00", "0.00", "", "12"),
        ]
        for (key, status, paid, owed, adjustments, days) in expected {
            let row = try #require(rows[key], "\(key)")
            #expect([row["status"], row["paid"], row["patient_responsibility"], row["adjustments"], row["days_outstanding"]]
                    == [status, paid, owed, adjustments, days], "\(key)")
        }
        #expect(rows["alvarez-sofia 2026-03-12"]?["remittance"] == "remittances/2026-03-26-blue-shield.835 (trace 1EFT0326004417)",
                "the copy of the Blue Shield file counts once")
        #expect(rows["reyes-maria 2026-03-12"]?["remittance"]
                == "remittances/2026-03-20-aetna.835 (trace 1EFT0320000101);remittances/2026-03-27-aetna.835 (trace 1EFT0327000202)")
        let index = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.contains("<b>CO-197</b> $65.00: no prior authorization, precertification or notification was on file (CO: the practice writes it off and may not bill the member)"))
        let chart = try String(contentsOf: output.appendingPathComponent("members/chen-lily.html"), encoding: .utf8)
        #expect(chart.contains("<b>PR-3</b> $10.00: the member&#39;s copay (PR: the member owes it)"))
    }

    /// The dashboard's "Billed" is what the payers were asked for and still
    /// are: the charges of claims sent and not voided. It counted every
    /// claim listed, those never sent too; and a reversed claim (its
    /// payment taken back, none since) stood in no stage of the pipeline.
    @Test func billedCountsClaimsSentAndAReversedClaimIsStillWithItsPayer() throws {
        let practice = try everyStatus()
        defer { practice.delete() }
        let checked = try GroupChart.check(practice.root, options: Checker.Options(today: FixturePractice.today))
        let billing = try #require(checked.report.billing)
        let ledger = ReimbursementLedger(billing: billing, record: checked.record, today: FixturePractice.today)
        let format = RecordFormatting(record: checked.record)
        #expect(ReimbursementSummary(format: format).view(ledger.entries).billed == "$340.00",
                "the five claims the 835s answered (one with a 90785 line); the ten never sent asked no payer for anything")
        let figures = ClaimPipeline(format: format, billing: billing, reimbursement: ledger).view(ledger.entries).figures.prefix(4)
        #expect(figures.map { "\($0.label) \($0.count) \($0.amount)" }
                == ["Unbilled 10 $815.00", "In flight 1 $65.00", "Rejected 0 $0.00", "Settled 4 $275.00"])
        #expect(figures.reduce(0) { $0 + $1.count } == ledger.entries.count, "every claim stands in one stage")
    }

    @Test func readingAFileTwiceChangesNothing() throws {
        let practice = try everyStatus()
        defer { practice.delete() }
        let once = try ledger(practice.root)
        try practice.write("remittances/zz-again.835", try practice.read("remittances/2026-03-27-aetna.835"))
        try practice.write("remittances/2026-03-20-aetna-resent.835", try practice.read("remittances/2026-03-20-aetna.835"))
        let twice = try ledger(practice.root)
        #expect(once.entries.map { "\($0.status) \($0.paid) \($0.patientResponsibility) \($0.adjustments.map(\.code))" }
                == twice.entries.map { "\($0.status) \($0.paid) \($0.patientResponsibility) \($0.adjustments.map(\.code))" })
    }

    @Test func outstandingAmountsAgeFromTheDateOfService() throws {
        let practice = try everyStatus()
        defer { practice.delete() }
        let report = { (month: Int, day: Int) in
            AgingReport(try self.ledger(practice.root, today: LocalDate(year: 2026, month: month, day: day)!).entries)
        }
        // Payers: nguyen 12th, okonkwo 12th (reversed), okonkwo's individual sessions of the 14th (160.00) and
        // 19th (120.00), seven claims of the 19th (one of 80.00); members: chen 10.00, reyes 25.00.
        let march31 = try report(3, 31)
        #expect(march31.rows.map(\.debtor) == [.payer, .member])
        #expect(march31.rows[0].amounts == [dollars(13000 + 28000 + 6 * 6500 + 8000), .zero, .zero, .zero])
        #expect(march31.rows[1].amounts == [dollars(3500), .zero, .zero, .zero])
        let june12 = try report(6, 12)
        #expect(june12.rows[0].amounts == [.zero, .zero, dollars(28000 + 6 * 6500 + 8000), dollars(13000)],
                "the 19th is 85 days old, the 14th 90, the 12th 92")
        #expect(june12.total == dollars(13000 + 28000 + 6 * 6500 + 8000 + 3500))
        #expect(AgingReport.Bucket(days: 30) == .current && AgingReport.Bucket(days: 31) == .overThirty
                && AgingReport.Bucket(days: 90) == .overSixty && AgingReport.Bucket(days: 91) == .overNinety)
    }

    @Test func aDeductibleIsOwedByTheMemberAndAReversalOfNothingStands() throws {
        let practice = try practice { id in
            ["remittances/2026-03-26.835": RemittanceFixture(trace: "1EFT1", date: LocalDate(year: 2026, month: 3, day: 26)!, claims: [
                claim(id("nguyen-lan", 12), paid: 0, [("CO", "45", 700), ("PR", "1", 5800)], number: "D1"),
                claim(id("okonkwo-david", 12), status: "22", billed: -6500, paid: -3800, [("CO", "45", -700), ("PR", "3", -2000)], number: "X9"),
            ])]
        }
        defer { practice.delete() }
        let entries = try ledger(practice.root).entries
        let nguyen = try #require(entries.first { $0.member == "nguyen-lan" && $0.dateOfService == Self.march12 })
        #expect(nguyen.status == .partial && nguyen.outstanding == dollars(5800) && nguyen.debtor == .member)
        let okonkwo = try #require(entries.first { $0.member == "okonkwo-david" && $0.dateOfService == Self.march12 })
        #expect(okonkwo.status == .reversed && okonkwo.paid == dollars(-3800) && okonkwo.outstanding == dollars(6500))
        #expect(try practice.check().places.contains("remittances/2026-03-26.835:20:5 remittance"), "a reversal of a payment not on file")
    }

    /// A payer that splits a claim in one 835 (two CLPs under one claim id)
    /// states each part's share: the member owes both, and a part denied
    /// beside a part paid leaves the claim partial whichever comes first.
    @Test func aSplitClaimSumsItsPartsShares() throws {
        let date = LocalDate(year: 2026, month: 3, day: 26)!
        for deniedFirst in [false, true] {
            let practice = try practice { id in
                let paidPart = claim(id("nguyen-lan", 12), billed: 5000, paid: 2800, [("CO", "45", 200), ("PR", "3", 2000)], number: "S1")
                let deniedPart = claim(id("nguyen-lan", 12), status: "4", billed: 1500, paid: 0, [("CO", "97", 1500)], number: "S1B")
                let otherPart = claim(id("okonkwo-david", 12), billed: 1500, paid: 1500, number: "S2B")
                return ["remittances/2026-03-26.835": RemittanceFixture(trace: "1EFT1", date: date, claims: [
                    claim(id("okonkwo-david", 12), billed: 5000, paid: 2800, [("CO", "45", 200), ("PR", "3", 2000)], number: "S2"), otherPart,
                ] + (deniedFirst ? [deniedPart, paidPart] : [paidPart, deniedPart]))]
            }
            defer { practice.delete() }
            let entries = try ledger(practice.root).entries
            let okonkwo = try #require(entries.first { $0.member == "okonkwo-david" && $0.dateOfService == Self.march12 })
            #expect(okonkwo.paid == dollars(4300) && okonkwo.patientResponsibility == dollars(2000) && okonkwo.status == .partial)
            #expect(okonkwo.outstanding == dollars(2000) && okonkwo.debtor == .member, "the copay of the split claim is the member's")
            let nguyen = try #require(entries.first { $0.member == "nguyen-lan" && $0.dateOfService == Self.march12 })
            #expect(nguyen.paid == dollars(2800) && nguyen.patientResponsibility == dollars(2000) && nguyen.status == .partial,
                    "a part denied \(deniedFirst ? "before" : "after") the part paid: \(nguyen.status)")
        }
    }

    /// A secondary payer's CLP05 is what the member still owes after both
    /// paid: the primary's share no longer counts beside it.
    @Test func aSecondaryPayersShareReplacesThePrimarys() throws {
        let practice = try practice { id in
            ["remittances/2026-03-20.835": RemittanceFixture(trace: "1EFT1", date: LocalDate(year: 2026, month: 3, day: 20)!, claims: [
                claim(id("okonkwo-david", 12), paid: 3800, [("CO", "45", 700), ("PR", "3", 2000)], number: "E1"),
            ]),
             "remittances/2026-04-02.835": RemittanceFixture(trace: "1EFT2", date: LocalDate(year: 2026, month: 4, day: 2)!, claims: [
                claim(id("okonkwo-david", 12), status: "2", billed: 6500, paid: 1500, [("CO", "45", 4500), ("PR", "3", 500)], number: "S1"),
             ])]
        }
        defer { practice.delete() }
        let entry = try #require(try ledger(practice.root).entries.first { $0.member == "okonkwo-david" && $0.dateOfService == Self.march12 })
        #expect(entry.paid == dollars(5300) && entry.patientResponsibility == dollars(500) && entry.outstanding == dollars(500))
    }

    /// A denial a later 835 of the same payer paid after all is settled by
    /// that payment: the member owes the payment's share, not the denial's too.
    @Test func aDenialPaidLaterDoesNotAddItsShare() throws {
        let practice = try practice { id in
            ["remittances/2026-03-26.835": RemittanceFixture(trace: "1EFT1", date: LocalDate(year: 2026, month: 3, day: 26)!, claims: [
                claim(id("okonkwo-david", 12), status: "4", paid: 0, [("PR", "204", 6500)], number: "E7"),
            ]),
             "remittances/2026-04-05.835": RemittanceFixture(trace: "1EFT2", date: LocalDate(year: 2026, month: 4, day: 5)!, claims: [
                claim(id("okonkwo-david", 12), paid: 4500, [("CO", "45", 1000), ("PR", "3", 1000)], number: "E7"),
             ])]
        }
        defer { practice.delete() }
        let entry = try #require(try ledger(practice.root).entries.first { $0.member == "okonkwo-david" && $0.dateOfService == Self.march12 })
        #expect(entry.paid == dollars(4500) && entry.patientResponsibility == dollars(1000) && entry.status == .partial)
        // Nor its write-off: the adjustments are the payment's (with the denial's, 65.00 more than the charge).
        #expect(entry.adjustments.map { "\($0.code):\($0.amount)" } == ["CO-45:10.00", "PR-3:10.00"])
    }

    /// A denial after the payment (a duplicate's, CARC 18) keeps its
    /// adjustments beside the payment's: only a denial a later payment settled is dropped.
    @Test func aLaterDenialsAdjustmentsStand() throws {
        let practice = try practice { id in
            ["remittances/2026-03-26.835": RemittanceFixture(trace: "1EFT1", date: LocalDate(year: 2026, month: 3, day: 26)!, claims: [
                claim(id("okonkwo-david", 12), paid: 5500, [("CO", "45", 1000)], number: "E7"),
            ]),
             "remittances/2026-04-05.835": RemittanceFixture(trace: "1EFT2", date: LocalDate(year: 2026, month: 4, day: 5)!, claims: [
                claim(id("okonkwo-david", 12), status: "4", paid: 0, [("CO", "18", 6500)], number: "E8"),
             ])]
        }
        defer { practice.delete() }
        let entry = try #require(try ledger(practice.root).entries.first { $0.member == "okonkwo-david" && $0.dateOfService == Self.march12 })
        #expect(entry.adjustments.map { "\($0.code):\($0.amount)" } == ["CO-45:10.00", "CO-18:65.00"])
    }

    /// A claim paid in full stays paid when a later 835 denies it (a
    /// duplicate's denial, CARC 18): only a part denied in the payment's own
    /// 835 makes it partial.
    @Test func aLaterDenialLeavesAPaidClaimPaid() throws {
        let practice = try practice { id in
            ["remittances/2026-03-20.835": RemittanceFixture(trace: "1EFT1", date: LocalDate(year: 2026, month: 3, day: 20)!, claims: [
                claim(id("okonkwo-david", 12), paid: 5800, [("CO", "45", 700)], number: "E1"),
            ]),
             "remittances/2026-04-02.835": RemittanceFixture(trace: "1EFT2", date: LocalDate(year: 2026, month: 4, day: 2)!, claims: [
                claim(id("okonkwo-david", 12), status: "4", paid: 0, [("CO", "18", 6500)], number: "E2"),
             ])]
        }
        defer { practice.delete() }
        let entry = try #require(try ledger(practice.root).entries.first { $0.member == "okonkwo-david" && $0.dateOfService == Self.march12 })
        #expect(entry.paid == dollars(5800) && entry.status == .paid && entry.outstanding == .zero)
    }

    /// A crossover (CLP02 19, forwarded to the next payer, NM1*TT) leaves
    /// the member's share with the next payer until it answers: not owed by
    /// the member (the dashboard's "Members owe" and the aging leave it
    /// out), though reimbursement.csv keeps the 835's patient
    /// responsibility and the status `partial`. The secondary's answer then
    /// decides: a payment's share, or a denial leaving the primary's share
    /// to the member. (Counted as owed at once, the member was sent a
    /// statement: a biller's review.)
    @Test func aCrossoversShareWaitsForTheNextPayer() throws {
        let primary = { (id: (String, Int) -> String) in
            RemittanceFixture(trace: "1EFT1", date: LocalDate(year: 2026, month: 3, day: 20)!, claims: [
                self.claim(id("okonkwo-david", 12), status: "19", paid: 3800, [("CO", "45", 700), ("PR", "3", 2000)], number: "E1",
                           forwardedTo: "MEDI-CAL"),
            ])
        }
        let forwarded = try practice { id in ["remittances/2026-03-20.835": primary(id)] }
        defer { forwarded.delete() }
        let entry = try #require(try ledger(forwarded.root).entries.first { $0.member == "okonkwo-david" && $0.dateOfService == Self.march12 })
        #expect(entry.status == .partial && entry.patientResponsibility == dollars(2000))
        #expect(entry.debtor == .nextPayer && entry.outstanding == dollars(2000) && entry.forwardedTo == "MEDI-CAL")
        let view = ReimbursementSummary(format: RecordFormatting(record: try GroupChart.check(forwarded.root, options: Checker.Options(today: FixturePractice.today)).record))
            .view([entry])
        #expect(view.patientResponsibility == "$0.00")
        #expect(view.aging.map(\.label) == ["Payers (not yet settled)", "Next payers (forwarded by a crossover)", "Members (patient responsibility)"])
        #expect(view.claims.first?.status == "partial, forwarded to MEDI-CAL" && view.claims.first?.badge == "pending")

        let denied = try practice { id in
            ["remittances/2026-03-20.835": primary(id),
             "remittances/2026-04-02.835": RemittanceFixture(payer: "MEDI-CAL", trace: "1EFT9", date: LocalDate(year: 2026, month: 4, day: 2)!,
                                                            claims: [self.claim(id("okonkwo-david", 12), status: "4", paid: 0, [("OA", "23", 6500)], number: "MC1")],
                                                            originator: "1680000000")]
        }
        defer { denied.delete() }
        let after = try #require(try ledger(denied.root).entries.first { $0.member == "okonkwo-david" && $0.dateOfService == Self.march12 })
        #expect(after.debtor == .member && after.outstanding == dollars(2000) && after.forwardedTo == nil)
    }

    /// A secondary payer (another TRN03) that denies leaves the primary's
    /// share owed and the primary's claim number the one a replacement names.
    @Test func aSecondaryPayersDenialLeavesThePrimarysShareAndNumber() throws {
        let practice = try practice { id in
            ["remittances/2026-03-20.835": RemittanceFixture(trace: "1EFT1", date: LocalDate(year: 2026, month: 3, day: 20)!, claims: [
                claim(id("okonkwo-david", 12), paid: 4500, [("CO", "45", 1000), ("PR", "3", 1000)], number: "E1"),
            ]),
             "remittances/2026-04-02.835": RemittanceFixture(payer: "MEDI-CAL", trace: "1EFT9", date: LocalDate(year: 2026, month: 4, day: 2)!,
                                                            claims: [claim(id("okonkwo-david", 12), status: "4", paid: 0, [("OA", "23", 6500)], number: "MC1")],
                                                            originator: "1680000000")]
        }
        defer { practice.delete() }
        let entry = try #require(try ledger(practice.root).entries.first { $0.member == "okonkwo-david" && $0.dateOfService == Self.march12 })
        #expect(entry.paid == dollars(4500) && entry.patientResponsibility == dollars(1000) && entry.status == .partial)
        #expect(entry.outstanding == dollars(1000) && entry.debtor == .member)
        #expect(entry.payerClaimNumber == "E1")
    }

    /// The number a replacement names is that of the payment standing: not
    /// the reversed one's (a reversal listed after its correction), nor a
    /// secondary payer's own.
    @Test func thePayerClaimNumberIsThatOfThePaymentStanding() throws {
        let practice = try practice { id in
            ["remittances/2026-03-20.835": RemittanceFixture(trace: "1EFT1", date: LocalDate(year: 2026, month: 3, day: 20)!, claims: [
                claim(id("okonkwo-david", 12), paid: 3800, [("CO", "45", 700), ("PR", "3", 2000)], number: "E1"),
                claim(id("nguyen-lan", 12), paid: 4500, [("CO", "45", 1000), ("PR", "3", 1000)], number: "N1"),
            ]),
             "remittances/2026-04-05.835": RemittanceFixture(trace: "1EFT2", date: LocalDate(year: 2026, month: 4, day: 5)!, claims: [
                claim(id("okonkwo-david", 12), paid: 5000, [("CO", "45", 1000), ("PR", "3", 500)], number: "E2"),
                claim(id("okonkwo-david", 12), status: "22", billed: -6500, paid: -3800, [("CO", "45", -700), ("PR", "3", -2000)], number: "E1"),
             ]),
             "remittances/2026-04-09.835": RemittanceFixture(payer: "MEDI-CAL", trace: "1EFT9", date: LocalDate(year: 2026, month: 4, day: 9)!,
                                                            claims: [claim(id("nguyen-lan", 12), status: "2", paid: 1000, [("CO", "45", 5500)], number: "MC9")],
                                                            originator: "1680000000")]
        }
        defer { practice.delete() }
        let entries = try ledger(practice.root).entries
        let okonkwo = try #require(entries.first { $0.member == "okonkwo-david" && $0.dateOfService == Self.march12 })
        #expect(okonkwo.payerClaimNumber == "E2" && okonkwo.paid == dollars(5000))
        let nguyen = try #require(entries.first { $0.member == "nguyen-lan" && $0.dateOfService == Self.march12 })
        #expect(nguyen.payerClaimNumber == "N1" && nguyen.paid == dollars(5500))
    }

    /// Two parts of a split claim paid alike under one CLP07 in one 835 both
    /// count; the same 835 saved again under another name still counts once.
    @Test func partsPaidAlikeInOne835BothCount() throws {
        let practice = try practice { id in
            let file = RemittanceFixture(trace: "1EFT1", date: LocalDate(year: 2026, month: 3, day: 26)!, claims: [
                claim(id("nguyen-lan", 12), billed: 3250, paid: 1500, [("CO", "45", 1750)], number: "E8"),
                claim(id("nguyen-lan", 12), billed: 3250, paid: 1500, [("CO", "45", 1750)], number: "E8"),
            ])
            return ["remittances/2026-03-26.835": file, "remittances/2026-03-26-again.835": file]
        }
        defer { practice.delete() }
        let entry = try #require(try ledger(practice.root).entries.first { $0.member == "nguyen-lan" && $0.dateOfService == Self.march12 })
        #expect(entry.paid == dollars(3000) && entry.status == .paid)
    }

    /// A correction that pays the same and moves money from the member's
    /// share to the write-off, listed before the reversal of the payment it
    /// corrects: the reversal takes back the payment it repeats in full
    /// (its share and adjustments), not the correction that pays alike.
    @Test func aReversalTakesBackThePaymentWhoseShareItRepeats() throws {
        let practice = try practice { id in
            ["remittances/2026-03-20.835": RemittanceFixture(trace: "1EFT1", date: LocalDate(year: 2026, month: 3, day: 20)!, claims: [
                claim(id("okonkwo-david", 12), paid: 3800, [("CO", "45", 700), ("PR", "3", 2000)], number: "E1"),
            ]),
             "remittances/2026-05-01.835": RemittanceFixture(trace: "1EFT2", date: LocalDate(year: 2026, month: 5, day: 1)!, claims: [
                claim(id("okonkwo-david", 12), paid: 3800, [("CO", "45", 1200), ("PR", "3", 1500)], number: "E1"),
                claim(id("okonkwo-david", 12), status: "22", billed: -6500, paid: -3800, [("CO", "45", -700), ("PR", "3", -2000)], number: "E1"),
             ])]
        }
        defer { practice.delete() }
        let entry = try #require(try ledger(practice.root).entries.first { $0.member == "okonkwo-david" && $0.dateOfService == Self.march12 })
        #expect(entry.paid == dollars(3800) && entry.patientResponsibility == dollars(1500) && entry.status == .partial)
        #expect(entry.adjustments.map(\.code) == ["CO-45", "PR-3"] && entry.adjustments.map(\.amount) == [dollars(1200), dollars(1500)],
                "\(entry.adjustments)")
    }

    /// A payer that lists the corrected payment before the reversal of the
    /// first, in one 835 and under one CLP07, takes back the payment whose
    /// amount the reversal repeats, not the latest one.
    @Test func aReversalTakesBackThePaymentItRepeats() throws {
        let practice = try practice { id in
            ["remittances/2026-03-20.835": RemittanceFixture(trace: "1EFT1", date: LocalDate(year: 2026, month: 3, day: 20)!, claims: [
                claim(id("nguyen-lan", 12), paid: 4500, [("CO", "45", 2000)], number: "E4"),
            ]),
             "remittances/2026-03-27.835": RemittanceFixture(trace: "1EFT2", date: LocalDate(year: 2026, month: 3, day: 27)!, claims: [
                claim(id("nguyen-lan", 12), paid: 5800, [("CO", "45", 700)], number: "E4"),
                claim(id("nguyen-lan", 12), status: "22", billed: -6500, paid: -4500, [("CO", "45", -2000)], number: "E4"),
             ])]
        }
        defer { practice.delete() }
        let entry = try #require(try ledger(practice.root).entries.first { $0.member == "nguyen-lan" && $0.dateOfService == Self.march12 })
        #expect(entry.paid == dollars(5800) && entry.status == .paid && entry.outstanding == .zero)
        #expect(entry.adjustments.map(\.amount) == [dollars(700)], "\(entry.adjustments)")
    }

    /// A CO-16 says only that the claim lacks information: its remark codes
    /// (MOA for the claim, LQ for a line) say which, and the member's chart
    /// and the dashboard show them in words beside the reasons. Those of a
    /// denial a later payment settled are dropped with its adjustments.
    @Test func remarkCodesExplainADenialUntilAPaymentSettlesIt() throws {
        let denial = { (id: (String, Int) -> String) in
            RemittanceFixture(trace: "1EFT1", date: LocalDate(year: 2026, month: 3, day: 26)!, claims: [
                self.claim(id("okonkwo-david", 12), status: "4", paid: 0, [("CO", "16", 6500)], number: "E7",
                           claimRemarks: ["MA130", "m51"], lineRemarks: ["N290", "MA130", "N999"]),
            ])
        }
        let practice = try practice { id in ["remittances/2026-03-26.835": denial(id)] }
        defer { practice.delete() }
        let entry = try #require(try ledger(practice.root).entries.first { $0.member == "okonkwo-david" && $0.dateOfService == Self.march12 })
        // Each once, upper-cased, claim's first.
        #expect(entry.status == .denied && entry.remarks == ["MA130", "M51", "N290", "N999"])
        let output = practice.root.appendingPathComponent("build")
        _ = try Builder.build(practice.root, options: Builder.Options(checker: Checker.Options(today: FixturePractice.today), output: output))
        for page in ["members/okonkwo-david.html", "index.html"] {
            let html = try String(contentsOf: output.appendingPathComponent(page), encoding: .utf8)
            #expect(html.contains("<div><b>N290</b> remark: the rendering clinician&#39;s identifier (NPI) is missing, incomplete or invalid</div>"),
                    "\(page)")
            #expect(html.contains("<b>N999</b> remark: remark code N999 (see the X12 list of remittance advice remark codes)"), "\(page)")
            #expect(html.contains("<b>CO-16</b>"), "\(page)")
        }
        let paidLater = try self.practice { id in
            ["remittances/2026-03-26.835": denial(id),
             "remittances/2026-04-05.835": RemittanceFixture(trace: "1EFT2", date: LocalDate(year: 2026, month: 4, day: 5)!, claims: [
                self.claim(id("okonkwo-david", 12), paid: 5500, [("CO", "45", 1000)], number: "E7", lineRemarks: ["N130"]),
             ])]
        }
        defer { paidLater.delete() }
        let settled = try #require(try ledger(paidLater.root).entries.first { $0.member == "okonkwo-david" && $0.dateOfService == Self.march12 })
        #expect(settled.status == .paid && settled.remarks == ["N130"])
    }

    @Test func theReasonsOfTheCommonDenialsAreInPlainLanguage() {
        for code in ["CO-45", "PR-1", "PR-2", "PR-3", "CO-97", "CO-197", "CO-29", "CO-16", "CO-50", "CO-96"] {
            let parts = code.split(separator: "-").map(String.init)
            let text = AdjustmentReason.describe(ClaimAdjustment(group: parts[0], reason: parts[1], amount: .zero))
            #expect(!text.contains("see the X12 list"), "\(code): \(text)")
        }
        #expect(AdjustmentReason.describe(ClaimAdjustment(group: "OA", reason: "999", amount: .zero)).hasPrefix("reason code 999 (see the X12 list"))
    }

    /// reimbursement.csv of the example, whose remittances pay, part-pay and
    /// deny the claims of 2026-03-12 (GROUPCHART_RECORD=1 re-records it).
    @Test func exampleReimbursementMatchesItsGoldenFile() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("groupchart-era-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let result = try Builder.build(Self.example, options: Builder.Options(checker: Checker.Options(today: FixturePractice.today), output: output))
        #expect(result.report.errorCount == 0 && result.report.warningCount == 0)
        try Golden.compare(try String(contentsOf: output.appendingPathComponent("reimbursement.csv"), encoding: .utf8),
                           to: Self.golden.appendingPathComponent("reimbursement.csv"))
    }

    /// The example's 835s, and what the tests' generator writes (a payment
    /// with a copay, a denial, a reversal), are 005010X221A1 as pyx12 reads
    /// it (../shared/tools/x12check.py; skipped when ../shared is absent).
    @Test(.enabled(if: FileManager.default.fileExists(atPath: checker.path) && (pyx12Installed || ExternalTool.required)))
    func theRemittancesValidate() throws {
        let python = try #require(ExternalTool.find("python3", "python"), "python3 is not installed")
        #expect(Self.pyx12Installed, "pyx12 is not installed (pip install pyx12; make test installs it)")
        let practice = try practice { id in
            ["remittances/generated.835": RemittanceFixture(trace: "1EFT0327000202", date: LocalDate(year: 2026, month: 3, day: 27)!, claims: [
                claim(id("okonkwo-david", 12), paid: 3800, [("CO", "45", 700), ("PR", "3", 2000)], number: "E1"),
                claim(id("martin-chloe", 12), status: "4", paid: 0, [("CO", "197", 6500)], number: "E2", claimRemarks: ["MA130", "N54"],
                      lineRemarks: ["N290"]),
                claim(id("reyes-maria", 12), status: "22", billed: -6500, paid: -5800, [("CO", "45", -700)], number: "E3"),
            ])]
        }
        defer { practice.delete() }
        let examples = try FileManager.default.contentsOfDirectory(atPath: Self.example.appendingPathComponent("remittances").path)
            .filter { $0.hasSuffix(".835") }.sorted().map { Self.example.appendingPathComponent("remittances/\($0)").path }
        #expect(examples.count == 2)
        let check = try ExternalTool.run(python, [Self.checker.path, practice.root.appendingPathComponent("remittances/generated.835").path] + examples)
        #expect(check.status == 0, "pyx12: \(check.output)")
    }

    static let checker = FixturePractice.repository.appendingPathComponent("../shared/tools/x12check.py").standardized
    static var pyx12Installed: Bool {
        guard let python = ExternalTool.find("python3", "python") else { return false }
        return (try? ExternalTool.run(python, ["-c", "import pyx12"]).status) == 0
    }

    private func ledger(_ root: URL, today: LocalDate = FixturePractice.today) throws -> ReimbursementLedger {
        let checked = try GroupChart.check(root, options: Checker.Options(today: today))
        return ReimbursementLedger(billing: try #require(checked.report.billing), record: checked.record, today: today)
    }
}
