import Foundation
@testable import GroupChartKit
import GroupChartTestSupport
import Testing

/// The measures behind the billing rules: note similarity, NPI check digits,
/// the ICD-10-CM code set, authorization counting and held claims.
@Suite struct BillingMeasureTests {
    static let example = FixturePractice.repository.appendingPathComponent("examples/dbt-skills")

    private func exampleRecord() throws -> PracticeRecord {
        RecordReader.read(try PracticeFolder(root: Self.example))
    }

    @Test func aCopyWithTheNameSwappedAndOneSentenceChangedScoresAsAnError() throws {
        let record = try exampleRecord()
        let similarity = NoteSimilarity(record: record)
        let session = try #require(record.sessions.first { $0.id == "2026-03-12-dbt-skills" })
        let original = try #require(session.progressNote(for: "okonkwo-david"))
        let source = try #require(record.source(original.file)).text
        let copy = source
            .replacingOccurrences(of: "Mr. Okonkwo", with: "Ms. Reyes")
            .replacingOccurrences(of: " his ", with: " her ").replacingOccurrences(of: "He ", with: "She ")
            .replacingOccurrences(of: " he ", with: " she ")
            .replacingOccurrences(of: "Substance use: denied alcohol or drug use this week.",
                                  with: "She skipped the card on the weekend while visiting family.")
        let file = SourceFile(path: "copy.md", text: copy)
        let split = try FrontMatter.split(file).get()
        let copied = CommonMark.parse(split.body, firstLine: split.bodyFirstLine, in: file)
        // The copy joins the session's seven notes, as it would in the record.
        let notes = session.progressNotes.map { similarity.sentences(of: $0.content.body) } + [similarity.sentences(of: copied)]
        let shared = similarity.sharedSentences(sessionNote: session.note?.body, memberNotes: notes)
        let score = NoteSimilarity.jaccard(similarity.shingles(similarity.sentences(of: original.content.body), excluding: shared),
                                           similarity.shingles(notes[notes.count - 1], excluding: shared))
        #expect(score >= 0.85, "score \(score)")
    }

    @Test func honestNotesOfOneSessionScoreWellUnderTheWarning() throws {
        let record = try exampleRecord()
        let similarity = NoteSimilarity(record: record)
        for session in record.sessions {
            let sentences = session.progressNotes.map { similarity.sentences(of: $0.content.body) }
            let shared = similarity.sharedSentences(sessionNote: session.note?.body, memberNotes: sentences)
            let shingles = sentences.map { similarity.shingles($0, excluding: shared) }
            for later in shingles.indices { for earlier in 0..<later {
                let score = NoteSimilarity.jaccard(shingles[earlier], shingles[later])
                #expect(score < 0.35, "\(session.progressNotes[earlier].file) ~ \(session.progressNotes[later].file): \(score)")
            } }
        }
    }

    /// The rules ask only whether a pair reaches a threshold, and the merge
    /// that answers stops early: over random sets of 3-grams of every degree
    /// of overlap, and at every threshold, it gives the full merge's score to
    /// the bit when that reaches the threshold, and nothing when it does not.
    @Test func theEarlyStoppingIndexIsTheFullOneAtItsThreshold() {
        var generator = SystemRandomNumberGenerator()
        var reached = 0
        for round in 0..<3_000 {
            let pool = UInt64(Int.random(in: 1...400, using: &generator))
            func shingles() -> [UInt64] {
                Array(Set((0..<Int.random(in: 0...200, using: &generator)).map { _ in UInt64.random(in: 0..<pool, using: &generator) })).sorted()
            }
            let lhs = shingles()
            let rhs = round % 5 == 0 ? lhs : shingles()
            // The index by its definition, apart from the merge under test.
            let union = Set(lhs).union(rhs).count
            let full = union == 0 ? 1 : Double(Set(lhs).intersection(rhs).count) / Double(union)
            #expect(NoteSimilarity.jaccard(lhs, rhs) == full)
            for floor in [0, 0.1, 0.35, 0.5, 0.7, 0.85, 0.999, 1, full, full.nextUp, full.nextDown] {
                let early = NoteSimilarity.jaccard(lhs, rhs, atLeast: floor)
                #expect(early == (full >= floor ? full : nil), "\(lhs.count) and \(rhs.count) 3-grams, floor \(floor)")
                if early != nil && floor >= 0.7 { reached += 1 }
            }
        }
        #expect(reached > 100, "the thresholds the rules use were reached \(reached) times")
    }

    /// A note's 3-grams are sorted by bucketing on their top byte: the same
    /// as sorting and dropping repeats, for hashes spread evenly, bunched in
    /// one bucket, with repeats, and of every small count.
    @Test func threeGramsAreSortedAsTheStandardSortSortsThem() {
        var generator = SystemRandomNumberGenerator()
        for round in 0..<2_000 {
            let count = round < 40 ? round : Int.random(in: 0...600, using: &generator)
            let values: [UInt64] = (0..<count).map { _ in
                switch round % 4 {
                case 0: UInt64.random(in: .min ... .max, using: &generator)
                case 1: UInt64.random(in: 0..<(1 << 56), using: &generator) | (0xAB << 56)  // one bucket
                case 2: UInt64.random(in: 0..<20, using: &generator) << 56  // repeats
                default: UInt64.random(in: 0..<50, using: &generator)  // small values, repeats
                }
            }
            var expected: [UInt64] = []
            for value in values.sorted() where expected.last != value { expected.append(value) }
            #expect(NoteSimilarity.sortedUnique(values) == expected, "\(count) values, kind \(round % 4)")
        }
    }

    /// The 3-grams take each word's hash as it is found, and each
    /// sentence's end (`eachWord`): they are the hashes `sentences` gives,
    /// sentence for sentence (one ASCII walk serves both), and the ASCII
    /// walk reads the sentences that the general walk, by Unicode
    /// properties, reads in the same text.
    @Test func eachWordGivesTheSentencesHashes() {
        func eachSentence(_ text: String) -> [[UInt64]] {
            var sentences: [[UInt64]] = []
            var sentence: [UInt64] = []
            WordScanner().eachWord(text, word: { sentence.append($0) }, end: {
                sentences.append(sentence)
                sentence = []
            })
            #expect(sentence.isEmpty, "every word is in a sentence that ends")
            return sentences
        }
        var generator = SystemRandomNumberGenerator()
        let pieces = ["Mr.", "Okonkwo", "came", ".", "He", "left", "early", "!", "Did", "he", "?", "e.g.", "3.5", "km", "\n", " ", "  ",
                      "Nguyễn", "said", "no", "No.", "x", "A.", "Dr.", "St.", "\t", ",", "", "ok?", "done.\n"]
        for round in 0..<2_000 {
            let text = (0..<Int.random(in: 0...16, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
                .joined(separator: round % 3 == 0 ? "" : " ")
            let each = eachSentence(text)
            #expect(each == WordScanner().sentences(text).map { $0.map(\.hash) }, "\(text.debugDescription)")
            // ASCII text is walked byte by byte, any other by Unicode
            // properties: the two walks read the same sentences.
            guard text.allSatisfy(\.isASCII) else { continue }
            let general = eachSentence(text + "\n\u{E9}")
            #expect(general == each + [[WordScanner.hash("e")]], "\(text.debugDescription)")
        }
    }

    @Test func asciiSentencesEndWhereOtherTextsDo() {
        #expect(NoteSimilarity.sentenceWords("Mr. Okonkwo came. He left early! Did he? Yes, e.g. at 3.5 km.\nNguyen")
                == [["mr", "okonkwo", "came"], ["he", "left", "early"], ["did", "he"], ["yes", "e", "g", "at", "3", "5", "km"], ["nguyen"]])
    }

    @Test func identicalNotesForEveryMemberAreFound() {
        let similarity = NoteSimilarity(record: PracticeRecord(files: [], strays: [], practice: nil, groups: [], members: [],
                                                               sessions: [], services: [], readFindings: []))
        let note: NoteSimilarity.Sentences = [[1, 2, 3], [4, 5, 6, 7]]
        let shared = similarity.sharedSentences(sessionNote: nil, memberNotes: [note, note, note, note])
        #expect(shared.count == 2, "sentences in every note are shared group content")
        let own = similarity.shingles(note, excluding: shared)
        #expect(NoteSimilarity.jaccard(own, own) == 1, "with no own text left the notes are identical")
    }

    /// Group content is what the session note holds, or at least 3 member
    /// notes and more than half of them (rules.md): in a session of one,
    /// two or three notes, a sentence two notes share is their own text.
    @Test func sharedContentNeedsThreeNotesAndMoreThanHalf() {
        let similarity = NoteSimilarity(record: PracticeRecord(files: [], strays: [], practice: nil, groups: [], members: [],
                                                               sessions: [], services: [], readFindings: []))
        let common: NoteSimilarity.Sentences = [[1, 2, 3]]
        let other: NoteSimilarity.Sentences = [[9, 9, 9]]
        func shared(_ notes: [NoteSimilarity.Sentences]) -> Int {
            similarity.sharedSentences(sessionNote: nil, memberNotes: notes).count
        }
        #expect(shared([common]) == 0, "a session of one shares nothing")
        #expect(shared([common, common]) == 0, "of two notes, a sentence both hold is still their own")
        #expect(shared([common, common, other]) == 0, "two of three is not three notes")
        #expect(shared([common, common, common]) == 1)
        #expect(shared([common, common, common, other, other, other]) == 0, "three of six is not more than half")
        #expect(shared([common, common, common, other, other]) == 1)
    }

    /// The table counts as a dictionary of sets would: each note once per
    /// sentence, whatever the hashes' low bits (which pick the slots) and
    /// including a hash of 0.
    @Test func theSentenceTableCountsAsADictionaryOfSetsWould() {
        var generator = IncrementalEquivalenceTests.Random(state: 16)
        for round in 0..<200 {
            // In every other round the hashes differ only in their high bits:
            // all of them pick the same slot and probe past each other.
            let spread: UInt64 = round % 2 == 0 ? .max : 1 << 40
            let notes = (0..<Int.random(in: 1...12, using: &generator)).map { _ in
                (0..<Int.random(in: 0...40, using: &generator)).map { _ in UInt64.random(in: 0...60, using: &generator) &* spread }
            }
            var table = SentenceTable(capacity: notes.reduce(0) { $0 + $1.count })
            var expected: [UInt64: Int] = [:]
            for (index, note) in notes.enumerated() {
                for hash in note { table.add(hash, note: index) }
                for hash in Set(note) { expected[hash, default: 0] += 1 }
            }
            var counted: [UInt64: Int] = [:]
            table.forEach { hash, notes in counted[hash] = notes }
            #expect(counted == expected)
            #expect(table.count == expected.count)
            for hash in (0...60).map({ UInt64($0) &* spread }) { #expect(table.contains(hash) == (expected[hash] != nil)) }
        }
    }

    @Test func sentencesDoNotEndAtTitles() {
        #expect(NoteSimilarity.sentenceWords("Mr. Okonkwo came. He left early! Did he? Yes, e.g. at 3.5 km.\nNguyễn")
                == [["mr", "okonkwo", "came"], ["he", "left", "early"], ["did", "he"], ["yes", "e", "g", "at", "3", "5", "km"], ["nguyen"]])
    }

    @Test func npiCheckDigits() {
        for valid in ["1245319599", "1830166132", "1234567893"] { #expect(Identifier.isValidNPI(valid), "\(valid)") }
        for invalid in ["1345678901", "1567890123", "124531959", "12453195990", "12453I9599"] { #expect(!Identifier.isValidNPI(invalid), "\(invalid)") }
    }

    @Test func icd10BillableCodesCategoriesAndUnknowns() {
        #expect(ICD10CM.verdict("F60.3") == .billable(dotted: "F60.3"))
        #expect(ICD10CM.verdict("f4310") == .billable(dotted: "F43.10"))
        #expect(ICD10CM.verdict("F43.1") == .category(children: ["F43.10", "F43.11", "F43.12"]))
        guard case .category(let children) = ICD10CM.verdict("F32") else { Issue.record("F32 is a category"); return }
        #expect(children.contains("F32.1") && !children.contains("F33.1"))
        #expect(ICD10CM.verdict("F99.99") == .unknown)
        #expect(ICD10CM.verdict("F60-3") == .unknown)
        #expect(ICD10CM.billableCount == 74_719)
    }

    /// Codes are found by halving the packed list: the same answers as a set
    /// of every code, for every code, a near miss of each, and the prefixes
    /// of a sample.
    @Test func icd10LookupsAgreeWithASetOfEveryCode() {
        let codes = ICD10CM.packedCodes.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
        let every = Set(codes)
        #expect(every.count == ICD10CM.billableCount)
        for code in codes {
            #expect(ICD10CM.isBillable(code), "\(code)")
            for miss in [String(code.dropLast()), code + "0", String(code.dropLast()) + "!", code + "X"] where !every.contains(miss) {
                #expect(!ICD10CM.isBillable(miss), "\(miss)")
            }
        }
        for code in ["", "0", "A", "A000X", "ZZ", "Z9989Z", "a000"] { #expect(ICD10CM.isBillable(code) == every.contains(code), "\(code)") }
        let prefixes = ["", "A", "F", "F4", "F43", "F431", "F4310", "M6", "Z99", "Z9989", "ZZ", "0"]
            + stride(from: 0, to: codes.count, by: 997).map { String(codes[$0].prefix(3)) }
        for prefix in prefixes {
            #expect(ICD10CM.billable(startingWith: prefix) == codes.filter { $0.hasPrefix(prefix) }, "\(prefix)")
        }
    }

    @Test func authorizationsAreCountedAcrossTheRecordAndTheFirstSessionOverIsFlagged() throws {
        let practice = try FixturePractice(overlay: FixturePractice.fixtures.appendingPathComponent("rules/cloned-note/pass"))
        defer { practice.delete() }
        let profile = try practice.read("members/doe-jane/profile.md").replacingOccurrences(of: "sessions: 24", with: "sessions: 1")
        try practice.write("members/doe-jane/profile.md", profile)
        let report = try practice.check()
        let flagged = report.diagnostics.filter { $0.rule == "authorization" }
        #expect(flagged.map { "\($0.location)" } == ["sessions/2026-03-12-skills/doe-jane.md:1:1"])
        #expect(flagged.first?.message == "session 2 under authorization A100, which allows 1")
    }

    @Test func heldClaimsNameTheRulesThatHoldThem() throws {
        let practice = try FixturePractice(overlay: FixturePractice.fixtures.appendingPathComponent("rules/risk-level/fail"))
        defer { practice.delete() }
        let result = try GroupChart.check(practice.root, options: Checker.Options(today: FixturePractice.today))
        let readiness = ClaimReadiness(record: result.record, report: result.report)
        #expect(readiness.decisions.map { "\($0.service.member) \($0.heldBy)" } == ["doe-jane [\"risk-level\"]", "roe-sam []"])
        #expect(readiness.ready.map(\.member) == ["roe-sam"])
    }

    @Test func anErrorInPracticeYamlHoldsEveryClaim() throws {
        let practice = try FixturePractice(overlay: FixturePractice.fixtures.appendingPathComponent("rules/invalid-npi/fail"))
        defer { practice.delete() }
        let result = try GroupChart.check(practice.root, options: Checker.Options(today: FixturePractice.today))
        let readiness = ClaimReadiness(record: result.record, report: result.report)
        #expect(readiness.held.map(\.heldBy) == [["invalid-npi"], ["invalid-npi"]])
    }

    private func readiness(_ practice: FixturePractice) throws -> ClaimReadiness {
        let result = try GroupChart.check(practice.root, options: Checker.Options(today: FixturePractice.today))
        return ClaimReadiness(record: result.record, report: result.report)
    }

    /// A session of one is not group psychotherapy: `group-size` holds its claim.
    @Test func tooFewMembersHoldTheSessionsClaims() throws {
        let practice = try FixturePractice(overlay: FixturePractice.fixtures.appendingPathComponent("rules/group-size/fail"))
        defer { practice.delete() }
        #expect(try practice.check().diagnostics.map { "\($0.rule) \($0.severity)" } == ["group-size error"])
        #expect(try readiness(practice).decisions.map { "\($0.service.member) \($0.heldBy)" } == ["doe-jane [\"group-size\"]"])
    }

    /// A member in two groups at once: `attendance-overlap` holds that
    /// member's claims of both sessions (said in the later one's note,
    /// naming the earlier), the payer's first question on an "impossible
    /// day"; the other members' claims go (`ClaimScope.member`).
    @Test func twoGroupsAtOnceHoldBothSessionsClaims() throws {
        let practice = try FixturePractice(overlay: FixturePractice.fixtures.appendingPathComponent("rules/attendance-overlap/fail"))
        defer { practice.delete() }
        #expect(try practice.check().places.filter { !$0.hasSuffix(" same-day-services") } == ["sessions/2026-03-05-grief/session.md:9:3 attendance-overlap"])
        let decisions = try readiness(practice).decisions.map { "\($0.service.sessionID) \($0.service.member) \($0.heldBy)" }
        #expect(decisions.sorted() == [
            "2026-03-05-grief doe-jane [\"attendance-overlap\"]", "2026-03-05-grief roe-sam []",
            "2026-03-05-skills doe-jane [\"attendance-overlap\"]", "2026-03-05-skills roe-sam []",
        ])
    }

    /// A missing fee holds the claims of that code only (rules.md, end).
    @Test func aMissingFeeHoldsOnlyTheClaimsOfItsCode() throws {
        let practice = try FixturePractice(overlay: FixturePractice.fixtures.appendingPathComponent("individual"))
        defer { practice.delete() }
        try practice.write("practice.yaml", try practice.read("practice.yaml").replacingOccurrences(of: "  \"90834\": 120.00\n", with: ""))
        #expect(try practice.check().places == ["practice.yaml:12:1 missing-field"])
        let decisions = try readiness(practice).decisions.map { "\($0.service.cpt) \($0.service.member) \($0.heldBy)" }
        #expect(decisions == ["90853 doe-jane []", "90853 roe-sam []", "90834 doe-jane [\"missing-field\"]"])
    }

    /// An error in one payer's entry holds that payer's claims only.
    @Test func anErrorInOnePayersEntryHoldsOnlyItsClaims() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        try practice.write("practice.yaml", try practice.read("practice.yaml").replacingOccurrences(
            of: "group_authorization: required}", with: "group_authorization: required, timely_filing_days: ninety}\n  blue: {name: Blue Shield, payer_id: \"94036\"}"))
        let profile = "members/roe-sam/profile.md"
        try practice.write(profile, try practice.read(profile).replacingOccurrences(of: "payer: aetna", with: "payer: blue"))
        #expect(try practice.check().places == ["practice.yaml:11:94 invalid-value"])
        #expect(try readiness(practice).decisions.map { "\($0.service.member) \($0.heldBy)" } == ["doe-jane [\"invalid-value\"]", "roe-sam []"])
    }

    /// An error in `edi:` holds no claim but stops claims.837, which `check`
    /// reports at the key; `build` writes the rest and never stops on it.
    @Test func anErrorInEdiStopsOnlyTheInterchange() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        try practice.write("practice.yaml", try practice.read("practice.yaml")
            .replacingOccurrences(of: "zip: \"94607-3710\"}", with: "zip: \"94607-3710\"}\n  phone: \"510-555-0100\"")
            + "edi: {submitter_id: FIXTURE01, receiver_id: \"CLEAR:HOUSE\", receiver_name: Example Clearinghouse}\n")
        #expect(try practice.check().places == ["practice.yaml:15:45 invalid-value"])
        #expect(try readiness(practice).held.isEmpty)
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("groupchart-edi-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let result = try Builder.build(practice.root, options: Builder.Options(checker: Checker.Options(today: FixturePractice.today), output: output))
        #expect(result.report.interchangeHeldBy == ["invalid-value"])
        #expect(result.written.contains("claims.csv") && !result.written.contains("claims.837"))
        let claims = try String(contentsOf: output.appendingPathComponent("claims.csv"), encoding: .utf8)
        #expect(claims.split(separator: "\r\n").count == 3, "both claims are ready")
    }

    @Test func absentMembersAndPsychoeducationAreNeverServices() throws {
        let practice = try FixturePractice(overlay: FixturePractice.fixtures.appendingPathComponent("rules/psychoeducation-only/fail"))
        defer { practice.delete() }
        #expect(try GroupChart.check(practice.root, options: Checker.Options(today: FixturePractice.today)).record.services.isEmpty)
        let record = try exampleRecord()
        let march12 = record.services.filter { $0.sessionID == "2026-03-12-dbt-skills" }.map(\.member)
        #expect(march12.count == 7 && !march12.contains("patel-arjun") && march12.contains("reyes-maria"))
    }
}
