import CSV
import Foundation
@testable import GroupChartKit
import GroupChartTestSupport
import Testing

/// The claims of `groupchart build`: who is billed, what each claim says,
/// claims.csv, claims-held.csv and claims.837.
@Suite struct ClaimTests {
    static let example = FixturePractice.repository.appendingPathComponent("examples/dbt-skills")
    static let golden = FixturePractice.fixtures.appendingPathComponent("../Golden/dbt-skills").standardized

    private func claims(_ root: URL) throws -> [Claim] {
        let checked = try GroupChart.check(root, options: Checker.Options(today: FixturePractice.today))
        return ClaimBuilder(record: checked.record, report: checked.report).claims()
    }

    private func build(_ root: URL) throws -> (output: URL, result: Builder.Result) {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("groupchart-claims-\(UUID().uuidString)")
        return (output, try Builder.build(root, options: Builder.Options(checker: Checker.Options(today: FixturePractice.today), output: output)))
    }

    /// A payer's claim_filing_code is its members' SBR09 (Medicare Part B,
    /// MB, here); a payer that names none is sent as commercial, CI.
    @Test func aPayersClaimFilingCodeIsItsSubscribersSBR09() throws {
        let practice = try FixturePractice(base: Self.example)
        defer { practice.delete() }
        try practice.write("practice.yaml", try practice.read("practice.yaml")
            .replacingOccurrences(of: "    same_day_modifier: XE", with: "    same_day_modifier: XE\n    claim_filing_code: mb"))
        let (output, _) = try build(practice.root)
        defer { try? FileManager.default.removeItem(at: output) }
        let segments = try String(contentsOf: output.appendingPathComponent("claims.837"), encoding: .utf8).split(separator: "~")
        // Each SBR09 with the payer its loop names (NM1*PR).
        let filing = segments.indices.filter { segments[$0].hasPrefix("SBR*") }.compactMap { index -> String? in
            guard let payer = segments[index...].first(where: { $0.hasPrefix("NM1*PR*") }) else { return nil }
            return "\(segments[index].split(separator: "*", omittingEmptySubsequences: false).last!) \(payer.split(separator: "*")[3])"
        }
        #expect(!filing.isEmpty && filing.allSatisfy { $0 == "MB Aetna" || $0 == "CI Blue Shield of California" }, "\(filing)")
        #expect(filing.contains("MB Aetna") && filing.contains("CI Blue Shield of California"))
    }

    /// Two group sessions of one member on one day (afternoon and evening):
    /// the later claim carries the payer's same-day modifier (59 here), the
    /// earlier none, where two alike were denied as one billed twice.
    @Test func aSecondGroupTheSameDayCarriesTheSameDayModifier() throws {
        let practice = try FixturePractice(overlay: FixturePractice.fixtures.appendingPathComponent("rules/same-day-services/fail-two-groups"))
        defer { practice.delete() }
        let byDay = try claims(practice.root).filter { $0.service.member == "doe-jane" }
            .map { "\($0.service.sessionID) \($0.lines[0].modifiers)" }
        #expect(byDay == ["2026-03-05-skills []", "2026-03-05-skills-pm [\"59\"]"])
    }

    /// The ledger finds each service's entry through sorted hash values: the
    /// same entry as a search of its entries in order, and none for a
    /// service it has no entry for (the defects fixture has uninsured
    /// members, authorizations used up and services of the same day).
    @Test func theAuthorizationLedgerFindsEachServicesFirstEntry() throws {
        let practice = try FixturePractice(overlay: FixturePractice.fixtures.appendingPathComponent("defects"))
        defer { practice.delete() }
        for root in [Self.example, practice.root] {
            let record = try GroupChart.check(root, options: Checker.Options(today: FixturePractice.today)).record
            let ledger = AuthorizationLedger(record: record)
            #expect(!ledger.entries.isEmpty)
            for service in record.services {
                let expected = ledger.entries.firstIndex { $0.service == service }
                let found = ledger.entry(for: service)
                #expect((found == nil) == (expected == nil), "\(service.member) \(service.date)")
                if let expected, let found {
                    #expect(found.service == service && "\(found.outcome)" == "\(ledger.entries[expected].outcome)")
                }
            }
            #expect(record.services.contains { ledger.entry(for: $0) == nil } || root == Self.example)
        }
    }

    @Test func theExampleBillsAttendeesOnlyAndTheLateMemberOnce() throws {
        let claims = try claims(Self.example)
        let march12 = claims.filter { $0.service.sessionID == "2026-03-12-dbt-skills" }.map(\.service.member)
        #expect(!march12.contains("patel-arjun"), "the absent member is never billed")
        #expect(march12.filter { $0 == "reyes-maria" }.count == 1, "the late member is billed once")
        #expect(!march12.contains("bell-marcus"), "a self-pay member has no insurance claim")
        #expect(claims.count == 15 && claims.allSatisfy(\.isReady), "13 group claims and David's 2 individual sessions")
        let individual = claims.filter { $0.service.kind == .individual }
        #expect(individual.map { "\($0.service.sessionID) \($0.lines[0].cpt) \($0.lines[0].modifiers)" }
                == ["individual-2026-03-14 90837 []", "individual-2026-03-19 90834 [\"XE\"]"], "the same-day modifier on the same-day pair only")
        #expect(claims.filter { $0.service.kind == .group }.allSatisfy { $0.lines.allSatisfy { $0.modifiers.isEmpty } })
        let david = try #require(claims.first { $0.service.member == "okonkwo-david" })
        #expect(david.diagnoses == ["F603", "F321"])
        #expect(david.lines.map(\.pointers) == [[1, 2]])
        #expect(david.priorAuthorization == "A7731004")
        #expect(david.renderingNPI == "1245319599" && david.billingNPI == "1234567893" && david.taxID == "123456789")
        let reyes = try #require(claims.first { $0.service.member == "reyes-maria" && $0.service.sessionID == "2026-03-19-dbt-skills" })
        #expect(reyes.lines.map(\.cpt) == ["90853", "90785"], "interactive complexity adds a 90785 line")
        #expect(reyes.total == Money(cents: 8000))
    }

    /// Amounts in claims.837 are X12 decimals: no trailing zeros, no
    /// point when whole, and never a zero of the dollars taken.
    @Test func x12AmountsDropTrailingZerosOnly() {
        let cases = [(6_500, "65"), (6_550, "65.5"), (6_505, "65.05"), (10_000, "100"), (0, "0"), (100_010, "1000.1"),
                     (-550, "-5.5"), (5, "0.05"), (1_000_000, "10000")]
        for (cents, text) in cases { #expect(ClaimInterchange.amount(Money(cents: cents)) == text, "\(cents) cents") }
    }

    @Test func claimIDsAreStableShortAndUnique() throws {
        let first = try claims(Self.example).map(\.id)
        #expect(first == (try claims(Self.example).map(\.id)))
        #expect(Set(first).count == first.count)
        #expect(first.allSatisfy { $0.count <= 20 && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } })
        let service = BillableService(kind: .group, member: "a", date: LocalDate(year: 2026, month: 3, day: 12)!, cpt: "90853",
                                      sessionID: "s")
        let ids = ClaimID.assign([service, service])
        #expect(ids.count == 1, "one id per service")
        #expect(ClaimID.make(member: "a", session: "s", date: service.date) != ClaimID.make(member: "a", session: "s", date: service.date, attempt: 1))
    }

    @Test func telehealthAddsThePayersModifier() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        let yaml = try practice.read("practice.yaml").replacingOccurrences(of: "group_authorization: required}", with: "group_authorization: required, telehealth_modifier: \"95\"}")
        try practice.write("practice.yaml", yaml)
        let session = try practice.read("sessions/2026-03-05-skills/session.md").replacingOccurrences(of: "topic: Paced breathing", with: "topic: Paced breathing\nplace_of_service: \"10\"")
        try practice.write("sessions/2026-03-05-skills/session.md", session)
        let claims = try claims(practice.root)
        #expect(claims.map(\.placeOfService) == ["10", "10"])
        #expect(claims.map { $0.lines[0].modifiers } == [["95"], ["95"]])
    }

    /// On a telehealth claim the payer's modifier marks the interactive
    /// complexity add-on (90785) too; the same-day modifier never does.
    @Test func telehealthMarksTheAddOnLineToo() throws {
        let practice = try FixturePractice(base: Self.example)
        defer { practice.delete() }
        let note = "sessions/2026-03-19-dbt-skills/session.md"
        try practice.write(note, try practice.read(note).replacingOccurrences(of: "place_of_service: \"11\"", with: "place_of_service: \"10\""))
        let claims = try claims(practice.root)
        let reyes = try #require(claims.first { $0.service.member == "reyes-maria" && $0.service.sessionID == "2026-03-19-dbt-skills" })
        #expect(reyes.lines.map { "\($0.cpt) \($0.modifiers)" } == ["90853 [\"95\"]", "90785 [\"95\"]"])
    }

    /// Two near-identical notes: `similar-notes` is said at the second
    /// (rules.md), and holds the claims of both, as an auditor recoups both.
    @Test func nearIdenticalNotesHoldBothClaims() throws {
        let practice = try FixturePractice(overlay: FixturePractice.fixtures.appendingPathComponent("rules/similar-notes/fail"))
        defer { practice.delete() }
        let checked = try GroupChart.check(practice.root, options: Checker.Options(today: FixturePractice.today))
        #expect(checked.report.diagnostics.filter { $0.rule == "similar-notes" }.map(\.location.file) == ["sessions/2026-03-05-skills/roe-sam.md"])
        let claims = ClaimBuilder(record: checked.record, report: checked.report).claims().filter { $0.service.sessionID == "2026-03-05-skills" }
        #expect(claims.map(\.service.member).sorted() == ["doe-jane", "roe-sam"])
        #expect(claims.allSatisfy { $0.heldBy.contains("similar-notes") }, "\(claims.map { "\($0.service.member) \($0.heldBy)" })")
    }

    /// An individual session during the group the member attended: the
    /// `attendance-time` error, said in the session, holds both claims.
    @Test func anIndividualSessionDuringTheGroupHoldsBothClaims() throws {
        let practice = try FixturePractice(overlay: FixturePractice.fixtures.appendingPathComponent("rules/attendance-time/fail-individual-overlap"))
        defer { practice.delete() }
        let checked = try GroupChart.check(practice.root, options: Checker.Options(today: FixturePractice.today))
        let jane = ClaimBuilder(record: checked.record, report: checked.report).claims().filter { $0.service.member == "doe-jane" }
        #expect(jane.map(\.service.kind) == [.group, .individual] || jane.map(\.service.kind) == [.individual, .group])
        #expect(jane.allSatisfy { $0.heldBy.contains("attendance-time") }, "\(jane.map { "\($0.service.kind) \($0.heldBy)" })")
    }

    @Test func aHeldClaimIsInClaimsHeldWithTheRulesThatHoldIt() throws {
        let practice = try FixturePractice(overlay: FixturePractice.fixtures.appendingPathComponent("rules/risk-level/fail"))
        defer { practice.delete() }
        let (output, _) = try build(practice.root)
        defer { try? FileManager.default.removeItem(at: output) }
        let held = try rows(output.appendingPathComponent("claims-held.csv"))
        #expect(held.map { $0["member_id"] } == ["doe-jane"])
        #expect(held.first?["held_by"] == "risk-level")
        let ready = try rows(output.appendingPathComponent("claims.csv"))
        #expect(ready.map { $0["member_id"] } == ["roe-sam"])
    }

    /// A plan signed by a clinician without credentials holds the claims it
    /// supports, and no others: said in practice.yaml, it held every claim.
    @Test func aPlanSignedWithoutCredentialsHoldsOnlyItsMembersClaims() throws {
        let practice = try FixturePractice(overlay: FixturePractice.fixtures.appendingPathComponent("rules/missing-credentials/fail-signer"))
        defer { practice.delete() }
        let (output, _) = try build(practice.root)
        defer { try? FileManager.default.removeItem(at: output) }
        let held = try rows(output.appendingPathComponent("claims-held.csv"))
        #expect(held.map { "\($0["member_id"] ?? "") \($0["held_by"] ?? "")" } == ["doe-jane missing-credentials"])
        #expect(try rows(output.appendingPathComponent("claims.csv")).map { $0["member_id"] } == ["roe-sam"])
    }

    /// Commas, quotes, newlines and non-ASCII names come back intact through
    /// an independent CSV parser; X12 cannot carry them, so the claim is held.
    @Test func claimsCSVRoundTripsThroughARealParser() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        let profile = try practice.read("members/doe-jane/profile.md")
            .replacingOccurrences(of: "first_name: Jane", with: "first_name: \"Zoë \\\"Jo\\\", Ann\"")
            .replacingOccurrences(of: "last_name: Doe", with: "last_name: \"王, Doe\"")
            .replacingOccurrences(of: "member_id: AET-0001", with: "member_id: \"=HYPERLINK(1)\\n2\"")
        try practice.write("members/doe-jane/profile.md", profile)
        let yaml = try practice.read("practice.yaml").replacingOccurrences(of: "fees:", with: "edi: {submitter_id: SUB1, receiver_id: REC1, receiver_name: Clearing}\nfees:")
        try practice.write("practice.yaml", yaml.replacingOccurrences(of: "  tax_id:", with: "  phone: \"510-555-0100\"\n  tax_id:"))
        let (output, _) = try build(practice.root)
        defer { try? FileManager.default.removeItem(at: output) }
        let held = try rows(output.appendingPathComponent("claims-held.csv"))
        let row = try #require(held.first)
        #expect(row["patient_first_name"] == "Zoë \"Jo\", Ann")
        #expect(row["patient_last_name"] == "王, Doe")
        #expect(row["insured_id"] == "'=HYPERLINK(1)\n2", "a formula starter is defused with a quote")
        #expect(row["held_by"] == "invalid-value", "X12 cannot carry the name, so the claim is held, not altered")
        let interchange = try String(contentsOf: output.appendingPathComponent("claims.837"), encoding: .utf8)
        #expect(!interchange.contains("Zo") && interchange.contains("NM1*IL*1*Roe*Sam"))
    }

    /// The apostrophe and dash a phone or word processor types, a no-break
    /// space and the letters no accent folding reaches go out in their
    /// plain form, as insurance cards print them; a character with none is
    /// refused by name, an invisible one by its code (a clearinghouse
    /// analyst's review: "O’Brien" was held with a message showing nothing wrong).
    @Test func typedPunctuationGoesOutPlainAndWhatCannotIsNamed() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        let profile = "members/doe-jane/profile.md"
        try practice.write(profile, try practice.read(profile)
            .replacingOccurrences(of: "first_name: Jane", with: "first_name: \"Mary–Kate\"")
            .replacingOccurrences(of: "last_name: Doe", with: "last_name: \"O’Brien-Łukasz\"")
            .replacingOccurrences(of: "street: \"5 Elm St\"", with: "street: \"5\\u00A0Elm St\""))
        let yaml = try practice.read("practice.yaml").replacingOccurrences(of: "fees:", with: "edi: {submitter_id: SUB1, receiver_id: REC1, receiver_name: Clearing}\nfees:")
        try practice.write("practice.yaml", yaml.replacingOccurrences(of: "  tax_id:", with: "  phone: \"510-555-0100\"\n  tax_id:"))
        let (output, result) = try build(practice.root)
        defer { try? FileManager.default.removeItem(at: output) }
        #expect(result.report.errorCount == 0, "\(result.report.diagnostics.map(\.message))")
        let x12 = try String(contentsOf: output.appendingPathComponent("claims.837"), encoding: .utf8)
        #expect(x12.contains("NM1*IL*1*O'Brien-Lukasz*Mary-Kate****MI*AET-0001~N3*5 Elm St~"), "\(x12)")
        #expect(X12Writer.ascii("Strauß, Søren, Æsa") == "Strauss, Soren, AEsa")
        // What has no plain form is refused, and named.
        try practice.write(profile, try practice.read(profile).replacingOccurrences(of: "street: \"5\\u00A0Elm St\"", with: "street: \"5\\u200BElm St\"")
            .replacingOccurrences(of: "city: Oakland", with: "city: \"Oakland 王\""))
        let found = try practice.check().diagnostics.filter { $0.rule == "invalid-value" }
        #expect(found.map(\.message) == [
            "\"5\u{200B}Elm St\" cannot be written into the 837P: it holds an invisible character (U+200B), which has no ASCII form",
            "\"Oakland 王\" cannot be written into the 837P: it holds \"王\" (U+738B), which has no ASCII form",
        ])
    }

    /// The interchange id qualifiers (ISA05, ISA07) are ZZ unless practice.yaml
    /// names others, as a clearinghouse naming itself by its DUNS number
    /// asks (`receiver_qualifier: "01"`); another value is `invalid-value`.
    @Test func theInterchangeIDQualifiersAreThePracticesToSet() throws {
        let practice = try FixturePractice(base: Self.example)
        defer { practice.delete() }
        var (output, _) = try build(practice.root)
        #expect(try String(contentsOf: output.appendingPathComponent("claims.837"), encoding: .utf8)
            .hasPrefix("ISA*00*          *00*          *ZZ*HARBORBH01     *ZZ*CLEARHOUSE     *"))
        try? FileManager.default.removeItem(at: output)
        try practice.write("practice.yaml", try practice.read("practice.yaml")
            .replacingOccurrences(of: "  receiver_id: CLEARHOUSE", with: "  receiver_id: \"030240928\"\n  receiver_qualifier: 01\n  submitter_qualifier: \"30\""))
        (output, _) = try build(practice.root)
        defer { try? FileManager.default.removeItem(at: output) }
        #expect(try String(contentsOf: output.appendingPathComponent("claims.837"), encoding: .utf8)
            .hasPrefix("ISA*00*          *00*          *30*HARBORBH01     *01*030240928      *"))
        try practice.write("practice.yaml", try practice.read("practice.yaml").replacingOccurrences(of: "receiver_qualifier: 01", with: "receiver_qualifier: zz"))
        let found = try practice.check().diagnostics.filter { $0.severity == .error }
        #expect(found.map { "\($0.location) \($0.rule) \($0.help)" } == ["practice.yaml:17:23 invalid-value did you mean \"ZZ\"?"])
    }

    @Test func exampleClaimsMatchTheirGoldenFiles() throws {
        let (output, _) = try build(Self.example)
        defer { try? FileManager.default.removeItem(at: output) }
        for file in ["claims.csv", "claims-held.csv", "batch.csv"] {
            try Golden.compare(try String(contentsOf: output.appendingPathComponent(file), encoding: .utf8),
                               to: Self.golden.appendingPathComponent(file))
        }
        let x12 = try String(contentsOf: output.appendingPathComponent("claims.837"), encoding: .utf8)
        #expect(!x12.contains("\n"))
        try Golden.compare(x12.replacingOccurrences(of: "~", with: "~\n"), to: Self.golden.appendingPathComponent("claims.837"))
    }

    /// A practice that bills under the NPI of the clinician who rendered the
    /// service (a solo practice) sends no 2310B for that clinician's claims,
    /// as the guide and outputs.md say (the example's golden 837P keeps it
    /// where the NPIs differ), and its 2010AA names the clinician as a person
    /// (NM102 1), as NPPES knows a type 1 NPI.
    @Test func aClinicianWhoIsTheBillingProviderHasNoRenderingLoop() throws {
        let practice = try FixturePractice(base: Self.example)
        defer { practice.delete() }
        try practice.write("practice.yaml", try practice.read("practice.yaml").replacingOccurrences(of: "npi: \"1234567893\"",
                                                                                                    with: "npi: \"1245319599\""))
        let (output, _) = try build(practice.root)
        defer { try? FileManager.default.removeItem(at: output) }
        let x12 = try String(contentsOf: output.appendingPathComponent("claims.837"), encoding: .utf8)
        #expect(x12.contains("NM1*85*1*Torres*Angela****XX*1245319599~"))
        #expect(x12.contains("CLM*") && !x12.contains("NM1*82*"), "Torres, who renders every claim, is the billing provider")
    }

    /// A batch over the most claims a transaction set holds (5,000; 4 here)
    /// goes as several sets in one interchange, each whole: its own ST/SE
    /// numbered in turn, its billing provider loop, its HL numbers from 1,
    /// subscriber loops never cut; GE01 counts the sets. pyx12 finds it valid.
    @Test func aLargeBatchIsSentAsSeveralTransactionSets() throws {
        let checked = try GroupChart.check(Self.example, options: Checker.Options(today: FixturePractice.today))
        let entries = try #require(checked.report.billing).batch.entries
        let practice = try #require(checked.record.practice)
        var interchange = ClaimInterchange(practice: practice, edi: try #require(practice.edi), today: FixturePractice.today)
        interchange.claimsPerTransaction = 4
        let x12 = String(decoding: try interchange.bytes(entries, control: 7), as: UTF8.self)
        let segments = x12.split(separator: "~").map { $0.split(separator: "*", omittingEmptySubsequences: false).map(String.init) }
        var sets: [(control: String, claims: Int, segments: Int, firstHL: String?)] = []
        for segment in segments {
            switch segment[0] {
            case "ST": sets.append((segment[2], 0, 1, nil))
            case "SE":
                sets[sets.count - 1].segments += 1
                #expect(segment[1] == String(sets[sets.count - 1].segments) && segment[2] == sets[sets.count - 1].control)
            case "CLM": sets[sets.count - 1].claims += 1; sets[sets.count - 1].segments += 1
            case "HL": sets[sets.count - 1].segments += 1; if sets[sets.count - 1].firstHL == nil { sets[sets.count - 1].firstHL = segment[1] }
            case "GE": #expect(segment[1] == String(sets.count))
            case "ISA", "GS", "IEA": break
            default: if !sets.isEmpty { sets[sets.count - 1].segments += 1 }
            }
        }
        #expect(entries.count > 8 && sets.count >= 3, "\(entries.count) claims in \(sets.count) sets")
        let numbered: [String] = (1...max(1, sets.count)).map { number in "000\(number)".suffix(4).description }
        #expect(sets.map(\.control) == numbered)
        #expect(sets.allSatisfy { $0.claims <= 4 && $0.claims > 0 && $0.firstHL == "1" })
        #expect(sets.reduce(0) { $0 + $1.claims } == entries.count)
        let checker = ReimbursementTests.checker
        guard FileManager.default.fileExists(atPath: checker.path), ReimbursementTests.pyx12Installed, let python = ExternalTool.find("python3") else {
            #expect(!ExternalTool.required, "pyx12 and ../shared/tools are required (make test installs pyx12)")
            return
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("groupchart-sets-\(UUID().uuidString).837")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(x12.utf8).write(to: file)
        let result = try ExternalTool.run(python, [checker.path, file.path])
        #expect(result.status == 0 && result.output.contains("VALID"), "\(result.output)")
    }

    /// A subscriber loop (2000B, and 2000C) carries one group number and
    /// one address: a claim as sent with another (a void repeating what
    /// was sent before the card or the address changed) stands in a loop of
    /// its own. Grouped by name, member id and payer alone, a void went out
    /// under the new group number and address (found by a clearinghouse
    /// analyst's review).
    @Test func aClaimWithAnotherGroupNumberOrAddressHasItsOwnSubscriberLoop() throws {
        let checked = try GroupChart.check(Self.example, options: Checker.Options(today: FixturePractice.today))
        var entries = try #require(checked.report.billing).batch.entries
        let practice = try #require(checked.record.practice)
        let interchange = ClaimInterchange(practice: practice, edi: try #require(practice.edi), today: FixturePractice.today)
        func loops(_ entries: [NextBatch.Entry]) throws -> [String] {
            String(decoding: try interchange.bytes(entries, control: 7), as: UTF8.self).split(separator: "~")
                .filter { $0.hasPrefix("SBR*") || $0.hasPrefix("N3*") && !$0.contains("Harbor") }.map(String.init)
        }
        let member = try #require(Dictionary(grouping: entries.indices) { entries[$0].member }.first { $0.value.count > 1 && $0.key == "okonkwo-david" })
        let before = try loops(entries)
        var changed = entries
        changed[member.value[1]].claim.groupNumber = "0999999"
        #expect(try loops(changed).count == before.count + 2, "a loop of its own: its SBR and its member's N3")
        #expect(try loops(changed).contains { $0.hasPrefix("SBR*P*18*0999999*") })
        changed = entries
        changed[member.value[1]].claim.patient.street = "77 New Rd"
        #expect(try loops(changed).contains("N3*77 New Rd") && loops(changed).count == before.count + 2)
        entries[member.value[1]].claim.patient.sex = entries[member.value[1]].claim.patient.sex == "M" ? "F" : "M"
        #expect(try loops(entries).count == before.count + 2)
    }

    /// The checks pyx12 does not make, on every claim of the example's 837P.
    @Test func theInterchangePassesTheChecksPyx12Lacks() throws {
        let (output, _) = try build(Self.example)
        defer { try? FileManager.default.removeItem(at: output) }
        let x12 = try String(contentsOf: output.appendingPathComponent("claims.837"), encoding: .utf8)
        let segments = x12.split(separator: "~").map { $0.split(separator: "*", omittingEmptySubsequences: false).map(String.init) }
        #expect(segments.first?.count == 17 && x12.split(separator: "~").first.map { $0.count + 1 } == 106, "ISA is fixed width")
        var claimTotal: (id: String, charge: Decimal)?
        var lineSum = Decimal(0)
        func closeClaim() {
            if let claimTotal { #expect(claimTotal.charge == lineSum, "CLM02 of \(claimTotal.id) is the sum of its SV102") }
        }
        for segment in segments {
            switch segment[0] {
            case "NM1" where ["85", "82"].contains(segment[1]):
                #expect(Identifier.isValidNPI(segment[9]), "NPI \(segment[9]) fails its check digit")
            case "HI":
                for composite in segment.dropFirst() {
                    let code = String(composite.split(separator: ":")[1])
                    #expect(ICD10CM.isBillable(code), "\(code) is not billable")
                }
            case "CLM":
                closeClaim()
                #expect(segment[1].count <= 20)
                claimTotal = (segment[1], Decimal(string: segment[2])!)
                lineSum = 0
            case "SV1":
                lineSum += Decimal(string: segment[2])!
            default:
                break
            }
        }
        closeClaim()
        let billingZIP = segments.drop { !($0[0] == "NM1" && $0[1] == "85") }.first { $0[0] == "N4" }?[3] ?? ""
        #expect(billingZIP.count == 9 && billingZIP.allSatisfy(\.isNumber), "the billing provider's ZIP has nine digits")
    }

    private func rows(_ url: URL) throws -> [[String: String]] {
        let reader = try CSVReader(string: try String(contentsOf: url, encoding: .utf8), hasHeaderRow: true)
        let header = reader.headerRow ?? []
        var rows: [[String: String]] = []
        while let row = reader.next() {
            rows.append(Dictionary(uniqueKeysWithValues: zip(header, row)))
        }
        return rows
    }
}
