import Foundation
@testable import GroupChartKit
import GroupChartTestSupport
import Testing

/// The cache of compiled documents (`CompiledDocuments`): a document read
/// back from it is the document parsed, a damaged or foreign cache is never
/// trusted, and builds and checks that take documents from it give exactly
/// what they give without it.
@Suite struct CompiledDocumentsTests {
    /// Every practice the tests keep: the example, the base practice, the
    /// defects practice and each rule fixture laid over the base.
    static var practices: [(name: String, make: () throws -> FixturePractice)] {
        let fixtures = FixturePractice.fixtures
        var practices: [(String, () throws -> FixturePractice)] = [
            ("examples/dbt-skills", { try FixturePractice(base: FixturePractice.repository.appendingPathComponent("examples/dbt-skills")) }),
            ("base", { try FixturePractice() }),
            ("defects", { try FixturePractice(overlay: fixtures.appendingPathComponent("defects")) }),
            ("individual", { try FixturePractice(overlay: fixtures.appendingPathComponent("individual")) }),
        ]
        let rules = fixtures.appendingPathComponent("rules")
        for rule in ((try? FileManager.default.contentsOfDirectory(atPath: rules.path)) ?? []).sorted() {
            for fixture in ((try? FileManager.default.contentsOfDirectory(atPath: rules.appendingPathComponent(rule).path)) ?? []).sorted() {
                let overlay = rules.appendingPathComponent("\(rule)/\(fixture)")
                practices.append(("rules/\(rule)/\(fixture)", { try FixturePractice(overlay: overlay) }))
            }
        }
        return practices
    }

    /// A copy of the example, built once into its `build/`.
    static func builtExample() throws -> FixturePractice {
        let practice = try FixturePractice(base: FixturePractice.repository.appendingPathComponent("examples/dbt-skills"))
        try? practice.remove("build")
        _ = try Builder.build(practice.root, options: Builder.Options(checker: Checker.Options(today: FixturePractice.today)))
        return practice
    }

    /// Whether two records hold the same documents, model and reading findings.
    static func same(_ left: PracticeRecord, _ right: PracticeRecord) -> Bool {
        left.files == right.files && left.members == right.members && left.sessions == right.sessions && left.groups == right.groups
            && left.practice == right.practice && left.readFindings == right.readFindings
            && left.remittances == right.remittances && left.billingHistory == right.billingHistory
    }

    @Test func everyDocumentOfEveryFixtureComesBackAsParsed() throws {
        var documents = 0
        for (name, make) in Self.practices {
            let practice = try make()
            defer { practice.delete() }
            let folder = try PracticeFolder(root: practice.root)
            for file in folder.discover() {
                for keepingText in [false, true] {
                    let reading = DocumentReading.read(file, in: folder, keepingText: keepingText)
                    let bytes = try CompactCoding.encode(reading)
                    let back = try CompactCoding.decode(DocumentReading.self, from: bytes[...])
                    #expect(back == reading, "\(name): \(file.path) (keeping its text: \(keepingText)) changed in the cache")
                    documents += 1
                }
            }
        }
        #expect(documents > 1_000)
    }

    /// The fields of a `DocumentReading` as `Codable` writes them, through
    /// the generic path: what the cache wrote before its envelope was
    /// written by hand.
    private struct GenericReading: Encodable {
        var file: SourceFile?
        var document: DocumentReading.Document
        var findings: [ReadFinding]
    }

    /// A document's entry is written by hand (`CompactReading.swift`):
    /// byte for byte what the generic path writes for its fields, for every
    /// kind of document of every fixture, text kept or not.
    @Test func theHandWrittenEntryIsTheGenericOne() throws {
        var kinds: Set<String> = []
        // The example too: its notes have addenda, late arrivals and early leavers.
        for name in ["base", "defects", "individual", "example"] {
            let practice = name == "example"
                ? try FixturePractice(base: FixturePractice.repository.appendingPathComponent("examples/dbt-skills"))
                : try FixturePractice(overlay: FixturePractice.fixtures.appendingPathComponent(name))
            defer { practice.delete() }
            let folder = try PracticeFolder(root: practice.root)
            for file in folder.discover() {
                for keepingText in [false, true] {
                    let reading = DocumentReading.read(file, in: folder, keepingText: keepingText)
                    let generic = GenericReading(file: reading.file, document: reading.document, findings: reading.findings)
                    let bytes = try CompactCoding.encode(reading)
                    #expect(try bytes == CompactCoding.encode(generic), "\(name): \(file.path)")
                    // And read back by hand, it is the document read.
                    let decoded = try CompactCoding.decode(DocumentReading.self, from: bytes[...])
                    #expect(decoded.document == reading.document && decoded.findings == reading.findings, "\(name): \(file.path)")
                    // A session note's attendance log read alone names the members the whole names.
                    var members: [String]?
                    if case .sessionNote(_, let note) = reading.document { members = note?.attendance.map(\.member.value) }
                    #expect(SessionNote.attendingMembers(inEntry: bytes[...]) == members, "\(name): \(file.path)")
                    kinds.insert(String(describing: reading.document).prefix { $0 != "(" }.description)
                }
            }
        }
        #expect(kinds.isSuperset(of: ["progressNote", "sessionNote", "submission", "profile", "plan", "group", "practice"]), "\(kinds.sorted())")
    }

    /// A submission's entry is written by hand too (`CompactSubmission.swift`):
    /// the example's 837 sends originals alone, so its claims are given here
    /// every optional field a replacement or a void may have.
    @Test func theHandWrittenSubmissionIsTheGenericOne() throws {
        let practice = try FixturePractice(base: FixturePractice.repository.appendingPathComponent("examples/dbt-skills"))
        defer { practice.delete() }
        let folder = try PracticeFolder(root: practice.root)
        let file = try #require(folder.discover().first { $0.path.hasPrefix("submissions/") })
        var reading = DocumentReading.read(file, in: folder)
        guard case .submission(var submission) = reading.document else { Issue.record("\(reading.document)"); return }
        try #require(submission.claims.count > 1)
        for (index, frequency) in zip(submission.claims.indices, [SubmittedClaim.Frequency.replacement, .void]) {
            submission.claims[index].frequency = frequency
            submission.claims[index].payerClaimNumber = "PCN\(index)"
            submission.claims[index].billed.groupNumber = "G-\(index)"
            submission.claims[index].billed.priorAuthorization = "AUTH\(index)"
            submission.claims[index].billed.patient.street2 = "Apt \(index)"
            for line in submission.claims[index].billed.lines.indices {
                submission.claims[index].billed.lines[line].placeOfService = "02"
                submission.claims[index].billed.lines[line].renderingNPI = "1234567893"
                submission.claims[index].billed.lines[line].priorAuthorization = "LINE\(line)"
                submission.claims[index].billed.lines[line].modifiers.append("95")
                submission.claims[index].billed.lines[line].pointers.append(2)
            }
        }
        submission.date = nil
        reading.document = .submission(submission)
        let bytes = try CompactCoding.encode(reading)
        #expect(try bytes == CompactCoding.encode(GenericReading(file: reading.file, document: reading.document, findings: reading.findings)))
        #expect(try CompactCoding.decode(DocumentReading.self, from: bytes[...]).document == reading.document)
    }

    private struct GenericNote: Encodable {
        var file: String
        var member: String
        var date: LocalDate?
        var start: LocalTime?
        var shingles: [UInt64]
        var ownWords: Int
        var templateWords: Int
    }

    /// The notes' 3-grams kept in `note-texts.bin` are written by hand
    /// (`CompactSessionNote.swift`): the generic path's bytes, read back as they were.
    @Test func theHandWrittenNoteTextsAreTheGenericOnes() throws {
        let practice = try FixturePractice(base: FixturePractice.repository.appendingPathComponent("examples/dbt-skills"))
        defer { practice.delete() }
        let texts = NoteTexts(record: RecordReader.read(try PracticeFolder(root: practice.root)))
        #expect(texts.sessions.joined().count > 10)
        for notes in texts.sessions + texts.individual {
            let bytes = try CompactCoding.encode(notes)
            let generic = notes.map { GenericNote(file: $0.file, member: $0.member, date: $0.date, start: $0.start, shingles: $0.shingles,
                                                  ownWords: $0.ownWords, templateWords: $0.templateWords) }
            #expect(try bytes == CompactCoding.encode(generic))
            #expect(try CompactCoding.decode([NoteTexts.Note].self, from: bytes[...]) == notes)
        }
    }

    /// A note's entry cut short anywhere, or with a byte changed, never
    /// traps: cut, it fails to decode; changed, the file's hash refuses it.
    @Test func aDamagedEntryOrFileIsRefused() throws {
        let practice = try FixturePractice(base: FixturePractice.repository.appendingPathComponent("examples/dbt-skills"))
        defer { practice.delete() }
        let folder = try PracticeFolder(root: practice.root)
        let file = try #require(folder.discover().first { if case .progressNote = $0.kind { true } else { false } })
        let entry = try #require(CompiledDocuments.Entry(file, digest: "sha256:x", reading: DocumentReading.read(file, in: folder)))
        for length in 0..<entry.payload.count {
            #expect(throws: (any Error).self) { try CompactCoding.decode(DocumentReading.self, from: entry.payload.prefix(length)) }
        }
        let whole = CompiledDocuments.bytes(of: [entry])
        #expect(CompiledDocuments(bytes: whole)?.count == 1)
        for offset in stride(from: 0, to: whole.count, by: 7) {
            var damaged = whole
            damaged[offset] ^= 0x20
            #expect(CompiledDocuments(bytes: damaged) == nil, "a byte changed at \(offset) went unnoticed")
        }
        for length in stride(from: 0, to: whole.count, by: 5) {
            #expect(CompiledDocuments(bytes: Array(whole.prefix(length))) == nil, "a cache cut at \(length) was taken")
        }
        #expect(CompiledDocuments(bytes: CompiledDocuments.bytes(of: [entry], program: "another program")) == nil)
        #expect(CompiledDocuments(bytes: whole)?.document(file, digest: "sha256:x")?.reading == DocumentReading.read(file, in: folder))
        #expect(CompiledDocuments(bytes: whole)?.document(file, digest: "sha256:y") == nil, "bytes of another digest")
    }

    /// An opened cache (its index read, each entry read when asked for)
    /// gives what the whole file gives; a byte changed in an entry loses
    /// that entry alone, one changed anywhere else the whole cache, as does
    /// a cache cut short or of another program.
    @Test func anOpenedCacheGivesWhatTheWholeGivesAndNoDamagedEntry() throws {
        let practice = try FixturePractice(base: FixturePractice.repository.appendingPathComponent("examples/dbt-skills"))
        defer { practice.delete() }
        let folder = try PracticeFolder(root: practice.root)
        let files = Array(folder.discover().filter { if case .progressNote = $0.kind { true } else { false } }.prefix(3))
        let entries = try files.map { file in
            try #require(CompiledDocuments.Entry(file, digest: "sha256:\(file.path)", reading: DocumentReading.read(file, in: folder)))
        }
        let whole = CompiledDocuments.bytes(of: entries)
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("groupchart-opened-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: cache, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: cache) }
        func opened(_ bytes: [UInt8], program: String = CompiledDocuments.program) throws -> CompiledDocuments? {
            try Data(bytes).write(to: cache.appendingPathComponent("documents.bin"))
            return CompiledDocuments.open(in: cache)
        }
        let cached = try #require(try opened(whole))
        #expect(cached.count == 3)
        for (file, entry) in zip(files, entries) {
            #expect(cached.payload(of: file.path, kind: file.kind.key, digest: entry.digest) == entry.payload)
            #expect(cached.document(file, digest: entry.digest)?.reading == DocumentReading.read(file, in: folder))
            #expect(cached.payload(of: file.path, kind: file.kind.key, digest: "sha256:another") == nil)
        }
        // Where each entry lies: after the start, one after the other, up to the index.
        func varint(_ value: Int) -> Int { value < 128 ? 1 : 1 + varint(value >> 7) }
        func text(_ text: String) -> Int { varint(text.utf8.count) + text.utf8.count }
        var ends = [CompiledDocuments.bytes(of: []).count - 8 - 4 - 8 - 8]
        for entry in entries {
            ends.append(ends.last! + text(entry.path) + text(entry.kind) + text(entry.digest) + varint(entry.payload.count) + entry.payload.count)
        }
        #expect(ends.last! < whole.count - 28)
        for offset in stride(from: 0, to: whole.count, by: 3) {
            var damaged = whole
            damaged[offset] ^= 0x20
            let inEntry = (0..<3).first { ends[$0] <= offset && offset < ends[$0 + 1] }
            let damagedCache = try opened(damaged)
            if let inEntry {
                #expect(damagedCache?.payload(of: files[inEntry].path, kind: files[inEntry].kind.key, digest: entries[inEntry].digest) == nil,
                        "a byte changed at \(offset), in entry \(inEntry), went unnoticed")
                for other in 0..<3 where other != inEntry {
                    #expect(damagedCache?.payload(of: files[other].path, kind: files[other].kind.key, digest: entries[other].digest)
                            == entries[other].payload)
                }
            } else if offset < whole.count - 8 {
                // The last eight bytes are the whole file's hash, which only `read` checks.
                #expect(damagedCache == nil, "a byte changed at \(offset) went unnoticed")
            }
        }
        for length in stride(from: 0, to: whole.count, by: 5) {
            #expect(try opened(Array(whole.prefix(length))) == nil, "a cache cut at \(length) was taken")
        }
        // Every byte of the trailer's count (the stride above reaches only
        // some, depending on the length of the program's path), changed to
        // any size up to the largest: refused, never a dictionary that size.
        let countStart = whole.count - 8 - 8 - 4
        for byte in 0..<4 {
            for bit in [0x01, 0x20, 0x80] {
                var damaged = whole
                damaged[countStart + byte] ^= UInt8(bit)
                #expect(try opened(damaged) == nil, "a count changed at byte \(byte) was taken")
            }
        }
        var largest = whole
        for byte in 0..<4 { largest[countStart + byte] = 0xFF }
        #expect(try opened(largest) == nil)
        #expect(try opened(CompiledDocuments.bytes(of: entries, program: "another program")) == nil)
    }

    /// An opened cache's index finds every path it holds, and no other (a
    /// path one byte longer or shorter, another case), and refuses a path
    /// twice or one that is not UTF-8, as the dictionary of strings it
    /// replaced did: two spellings of one text are one path there too.
    @Test func theOpenedIndexFindsEveryPathAndRefusesDamage() throws {
        let ascii = (0..<2_000).map { "sessions/2026-\($0 % 12 + 1)-\($0)-skills/member-\($0 * 7919 % 2_003).md" } + ["practice.yaml"]
        let paths = ascii + ["members/zoë/profile.md"]
        var bytes: [UInt8] = []
        var ranges: [Range<Int>] = []
        for path in paths {
            ranges.append(bytes.count..<(bytes.count + path.utf8.count))
            bytes += Array(path.utf8)
        }
        let notUTF8 = bytes.count..<(bytes.count + 2), again = (bytes.count + 2)..<(bytes.count + 2 + "practice.yaml".utf8.count)
        var index = CompiledIndex(bytes: bytes + [0xFF, 0xFE] + Array("practice.yaml".utf8), capacity: paths.count)
        /// Every path added so far is found, and no near miss.
        func findsEveryPath(_ count: Int) {
            #expect(index.count == count)
            for (offset, path) in paths.prefix(count).enumerated() {
                #expect(index.place(of: path)?.hash == UInt64(offset), "\(path) is found")
                #expect(index.place(of: path + "x") == nil)
                #expect(index.place(of: String(path.dropLast())) == nil)
                #expect(index.place(of: path.uppercased()) == nil || path.uppercased() == path)
            }
            #expect(index.place(of: "") == nil)
            #expect(Set(index.all.map(\.path)) == Set(paths.prefix(count)))
        }
        func add(_ offset: Int) -> Bool { index.add(path: ranges[offset], .init(entry: offset..<(offset + 1), hash: UInt64(offset))) }
        // ASCII paths alone: compared as bytes.
        for offset in ascii.indices {
            let added = add(offset)
            #expect(added)
        }
        findsEveryPath(ascii.count)
        let addedAgainAsBytes = index.add(path: again, .init(entry: 0..<1, hash: 0))
        #expect(!addedAgainAsBytes, "a path twice is refused")
        // With a path beyond ASCII: every path kept by its string.
        let addedZoe = add(paths.count - 1)
        #expect(addedZoe)
        findsEveryPath(paths.count)
        #expect(index.place(of: "members/zoe\u{308}/profile.md")?.hash == UInt64(paths.count - 1),
                "another spelling of the same name is the same path, as Swift compares strings")
        let addedNotUTF8 = index.add(path: notUTF8, .init(entry: 0..<1, hash: 0))
        #expect(!addedNotUTF8, "a path that is not UTF-8 is refused")
        let addedAgain = index.add(path: again, .init(entry: 0..<1, hash: 0))
        #expect(!addedAgain, "a path twice is refused, by its string too")
        #expect(index.count == paths.count)
    }

    /// Paths all ASCII are compared byte for byte, and still as strings are
    /// compared: a Kelvin sign is a K (its canonical decomposition), so a
    /// path written with one finds the path written with a K, and the two
    /// in one index are a path twice, whichever comes first.
    @Test func theOpenedIndexComparesPathsAsStrings() throws {
        let ascii = "members/K/profile.md", kelvin = "members/\u{212A}/profile.md"
        #expect(ascii == kelvin, "Swift takes them for one string")
        let bytes = Array(ascii.utf8) + Array(kelvin.utf8)
        let asciiRange = 0..<ascii.utf8.count, kelvinRange = ascii.utf8.count..<bytes.count
        var index = CompiledIndex(bytes: bytes)
        let added = index.add(path: asciiRange, .init(entry: 0..<1, hash: 7))
        #expect(added)
        #expect(index.place(of: kelvin)?.hash == 7, "asked with a Kelvin sign, the path with a K is found")
        let addedKelvin = index.add(path: kelvinRange, .init(entry: 1..<2, hash: 8))
        #expect(!addedKelvin, "after the path with a K, the one with a Kelvin sign is the same path")
        var reversed = CompiledIndex(bytes: bytes)
        let kelvinFirst = reversed.add(path: kelvinRange, .init(entry: 1..<2, hash: 8))
        let asciiSecond = reversed.add(path: asciiRange, .init(entry: 0..<1, hash: 7))
        #expect(kelvinFirst && !asciiSecond, "and the other way round")
        #expect(reversed.place(of: ascii)?.hash == 8 && reversed.count == 1)
    }

    /// A set is written in order (its own order changes with each process's
    /// hash seed, and the same practice must give the same cache); a flag
    /// that is neither 0 nor 1, a run out of its block, and a list counted
    /// past the end are damage, never a value.
    @Test func setsAreWrittenInOrderAndDamageIsRefused() throws {
        #expect(try CompactCoding.encode(Set(["mood", "date", "start", "end"])) == CompactCoding.encode(["date", "end", "mood", "start"]))
        #expect(try CompactCoding.decode(Set<String>.self, from: CompactCoding.encode(Set(["b", "a"]))[...]) == ["a", "b"])
        #expect(throws: (any Error).self) { try CompactCoding.decode(Int?.self, from: [2, 4][...]) }
        #expect(try CompactCoding.decode(Int?.self, from: [1, 4][...]) == 2)
        let location = SourceLocation(file: "a.md", line: 1)
        let block = MarkdownBlock(kind: .paragraph, text: "abc", location: location, lastLine: 1,
                                  runs: [TextRun(offset: 2, length: 5, line: 1, column: 1, columns: nil)])
        #expect(throws: (any Error).self) { try CompactCoding.decode(MarkdownBlock.self, from: CompactCoding.encode(block)[...]) }
        #expect(throws: (any Error).self) { try CompactCoding.decode([String].self, from: [0xFF, 0xFF, 0xFF, 0x7F, 0][...]) }
    }

    /// Every string is written once and then named by its index, a
    /// paragraph as well as a path (a goal's text repeats its list item's,
    /// a risk statement its paragraph).
    @Test func everyStringIsWrittenOnceAndThenNamed() throws {
        let path = "sessions/2026-03-12-dbt-skills/chen-lily.md"
        let long = String(repeating: "Practised opposite action with the group. ", count: 3)
        let accents = String(repeating: "\u{E9}", count: 60)
        let values = [path, long, accents, path, long, accents, "end", path]
        let bytes = try CompactCoding.encode(values)
        #expect(try CompactCoding.decode([String].self, from: bytes[...]) == values)
        // The count (4 bytes), then each string once with its length
        // (two bytes of it past 63 bytes), then four names of a byte each.
        #expect(bytes.count == 4 + (1 + path.utf8.count) + (2 + long.utf8.count) + (2 + accents.utf8.count) + (1 + 3) + 4)
    }

    /// Thousands of strings, each written then named: the table of names
    /// grows past its first slots and still finds every one (each named
    /// string costs its name alone, two or three bytes), and every string
    /// comes back as written.
    @Test func thousandsOfStringsAreEachNamedAfterTheFirstTime() throws {
        let values = (0..<5000).map { "line \($0) " + String(repeating: "é", count: $0 % 40) }
        let encoder = CompactEncoder()
        for value in values { encoder.string(value) }
        let once = encoder.bytes.count
        for value in values.reversed() { encoder.string(value) }
        let names = (0..<5000).reduce(0) { sum, name in sum + (name << 1 | 1 < 0x80 ? 1 : name << 1 | 1 < 0x4000 ? 2 : 3) }
        #expect(encoder.bytes.count - once == names)
        let decoder = CompactDecoder(encoder.bytes[...])
        let back = try (0..<10000).map { _ in try decoder.string() }
        #expect(back == values + values.reversed())
    }

    /// "é" composed and decomposed are one `String` key but different
    /// bytes: each comes back as its own bytes, and the names after them
    /// still point at the right strings (the table of names, keyed by the
    /// strings, found the first for the second, and a build from the cache
    /// could differ from a cold one in a run's offsets).
    @Test func canonicallyEquivalentStringsKeepTheirOwnBytes() throws {
        let composed = "Ren\u{E9}e", decomposed = "Rene\u{301}e"
        #expect(composed == decomposed && !composed.utf8.elementsEqual(decomposed.utf8))
        let values = [composed, decomposed, "x", decomposed, composed, "x"]
        let encoder = CompactEncoder()
        for value in values { encoder.string(value) }
        let decoder = CompactDecoder(encoder.bytes[...])
        let back = try values.map { _ in try decoder.string() }
        #expect(zip(back, values).allSatisfy { $0.utf8.elementsEqual($1.utf8) }, "\(back.map { Array($0.utf8) })")
        // Named after the first time: three names of a byte each.
        #expect(encoder.bytes.count == (1 + composed.utf8.count) + (1 + decomposed.utf8.count) + 2 + 3)

        // Every string's hash the same: only the first is named, the others
        // are written each time, and each comes back as written.
        let colliding = CompactEncoder(nameKey: { _ in 0 })
        for value in values { colliding.string(value) }
        let collided = CompactDecoder(colliding.bytes[...])
        let again = try values.map { _ in try collided.string() }
        #expect(zip(again, values).allSatisfy { $0.utf8.elementsEqual($1.utf8) }, "\(again.map { Array($0.utf8) })")
        #expect(colliding.bytes.count == (1 + composed.utf8.count) + 2 * (1 + decomposed.utf8.count) + 2 * 2 + 1)
    }

    /// The file a build streams as its documents are read is the one
    /// `bytes(of:)` makes of the same entries, whatever order the cores hand
    /// them over in, and its hash does not depend on how the bytes came.
    @Test func theStreamedFileIsTheSameBytesInAnyOrder() throws {
        let practice = try FixturePractice(base: FixturePractice.repository.appendingPathComponent("examples/dbt-skills"))
        defer { practice.delete() }
        let folder = try PracticeFolder(root: practice.root)
        let entries = folder.discover().compactMap { file in
            CompiledDocuments.Entry(file, digest: "sha256:\(file.path)", reading: DocumentReading.read(file, in: folder))
        }
        let expected = CompiledDocuments.bytes(of: entries)
        var order = Array(entries.indices)
        var random = IncrementalEquivalenceTests.Random(state: 7)
        for round in 0..<3 {
            let cache = FileManager.default.temporaryDirectory.appendingPathComponent("groupchart-stream-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: cache) }
            let writer = try #require(CompiledDocuments.Writer(in: cache))
            for index in order { writer.add(entries[index], at: index) }
            writer.finish(keep: true)
            writer.commit()
            #expect([UInt8](try Data(contentsOf: cache.appendingPathComponent(CompiledDocuments.name))) == expected, "round \(round)")
            for index in order.indices.reversed() { order.swapAt(index, Int(random.next() % UInt64(index + 1))) }
        }
        var hash = CompiledDocuments.StreamHash()
        var rest = expected[...]
        while !rest.isEmpty {
            let size = Int(random.next() % 23)
            hash.update(rest.prefix(size))
            rest = rest.dropFirst(size)
        }
        #expect(hash.finalize() == CompiledDocuments.hash(expected[...]))
    }

    /// After one edited note, a build parses that note alone and gives a cold
    /// build's diagnostics and outputs; with the cache damaged, or a folder
    /// in its place, it parses everything and gives them still.
    @Test func aBuildParsesOnlyWhatChangedAndAnyCacheGivesTheColdBuild() throws {
        let practice = try FixturePractice(base: FixturePractice.repository.appendingPathComponent("examples/dbt-skills"))
        defer { practice.delete() }
        try? practice.remove("build")
        let options = Builder.Options(checker: Checker.Options(today: FixturePractice.today))
        let first = try Builder.build(practice.root, options: options)
        let documents = first.parsed
        #expect(documents > 30)
        let cache = practice.root.appendingPathComponent("build/.groupchart-cache/\(CompiledDocuments.name)")
        #expect(CompiledDocuments.read(in: cache.deletingLastPathComponent())?.count == documents)

        let note = "sessions/2026-03-12-dbt-skills/chen-lily.md"
        func expectCold(_ build: Builder.Result, _ what: String) throws {
            let cold = FileManager.default.temporaryDirectory.appendingPathComponent("groupchart-cold-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: cold) }
            let coldBuild = try Builder.build(practice.root, options: Builder.Options(checker: options.checker, output: cold))
            #expect(IncrementalEquivalenceTests.places(build.report) == IncrementalEquivalenceTests.places(coldBuild.report), "\(what)")
            let built = IncrementalEquivalenceTests.outputs(practice.root.appendingPathComponent("build"))
            #expect(built == IncrementalEquivalenceTests.outputs(cold), "\(what): outputs differ from a cold build's")
        }

        try practice.write(note, try practice.read(note).replacingOccurrences(of: "Ms. Chen attended", with: "Ms. Chen came to"))
        let edited = try Builder.build(practice.root, options: options)
        #expect(edited.parsed == 1, "only the edited note is parsed")
        try expectCold(edited, "after one edit")

        // A bit flipped in the entry of another note of the edited session,
        // which the build after a save of a note's text reads: that entry
        // fails its hash, and the note is read again from its file.
        let neighbourPath = "sessions/2026-03-12-dbt-skills/bell-marcus.md"
        let neighbour = Array(neighbourPath.utf8)
        let neighbourFile = try #require(try PracticeFolder(root: practice.root).discover().first { $0.path == neighbourPath })
        let neighbourDigest = SignedText.digest(of: [UInt8](try Data(contentsOf: practice.root.appendingPathComponent(neighbourPath))))
        #expect(CompiledDocuments.open(in: cache.deletingLastPathComponent())?.document(neighbourFile, digest: neighbourDigest) != nil)
        var damaged = [UInt8](try Data(contentsOf: cache))
        let entry = try #require(damaged.indices.first { damaged[$0...].starts(with: neighbour) })
        damaged[entry + neighbour.count + 4] ^= 0x01
        try Data(damaged).write(to: cache)
        let opened = try #require(CompiledDocuments.open(in: cache.deletingLastPathComponent()))
        #expect(opened.document(neighbourFile, digest: neighbourDigest) == nil, "the flipped bit is in the neighbour's entry, which is refused")
        try practice.write(note, try practice.read(note).replacingOccurrences(of: "came to", with: "joined"))
        try expectCold(try Builder.build(practice.root, options: options), "with a damaged entry")

        // A bit flipped in the index (the last place the path stands): the
        // cache is not opened, and every document is parsed.
        damaged = [UInt8](try Data(contentsOf: cache))
        let listed = try #require(damaged.indices.last { damaged[$0...].starts(with: neighbour) })
        damaged[listed + neighbour.count / 2] ^= 0x01
        try Data(damaged).write(to: cache)
        try practice.write(note, try practice.read(note).replacingOccurrences(of: "joined", with: "sat in on"))
        let afterDamage = try Builder.build(practice.root, options: options)
        #expect(afterDamage.parsed == documents, "a damaged cache is not trusted")
        try expectCold(afterDamage, "with a damaged index")

        try FileManager.default.removeItem(at: cache)
        try FileManager.default.createDirectory(at: cache, withIntermediateDirectories: true)
        try practice.write(note, try practice.read(note).replacingOccurrences(of: "sat in on", with: "attended"))
        let unwritable = try Builder.build(practice.root, options: options)
        #expect(unwritable.parsed == documents)
        try expectCold(unwritable, "with a cache that cannot be written")
    }

    /// `check` takes what a build compiled and writes nothing; its
    /// diagnostics are those of a check without the cache, before and
    /// after an edit that adds one.
    @Test func checkReadsTheCacheABuildLeftAndWritesNothing() throws {
        let practice = try Self.builtExample()
        defer { practice.delete() }
        let options = Checker.Options(today: FixturePractice.today)
        let cacheFolder = practice.root.appendingPathComponent("build/.groupchart-cache")
        let before = IncrementalEquivalenceTests.outputs(cacheFolder)
        let folder = try PracticeFolder(root: practice.root)
        let plain = RecordReader.read(folder)
        let (cached, parsed) = GroupChart.readUsingBuildCache(
            folder, progress: nil, build: GroupChart.LastBuild(folder, options: options, output: cacheFolder.deletingLastPathComponent()))
        #expect(parsed == 0, "every document comes from the cache")
        #expect(Self.same(cached, plain), "the record read from the cache is the record parsed")
        #expect(IncrementalEquivalenceTests.outputs(cacheFolder) == before, "check wrote nothing")

        let note = "sessions/2026-03-12-dbt-skills/chen-lily.md"
        try practice.write(note, try practice.read(note).replacingOccurrences(of: "## Goals", with: "## Goal list"))
        let withCache = try GroupChart.check(practice.root, options: options).report
        try FileManager.default.removeItem(at: cacheFolder)
        let without = try GroupChart.check(practice.root, options: options).report
        #expect(IncrementalEquivalenceTests.places(withCache) == IncrementalEquivalenceTests.places(without))
        #expect(!IncrementalEquivalenceTests.places(without).isEmpty, "the edit gives a diagnostic")
        #expect(before.count == 4 + DerivedCache.files.count,
                "the cache a build leaves: last-build.bin, inputs.tsv, documents.bin, build.lock and what the rules derived per session")
    }

    /// The notes' 3-grams a build derived are taken by the next check for
    /// every session whose files are unchanged, and the check finds what it
    /// finds without them: here a copied note, which `similar-notes` and
    /// `cloned-note` compare by those 3-grams.
    @Test func checkTakesTheNotesThreeGramsOfUnchangedSessions() throws {
        let practice = try Self.builtExample()
        defer { practice.delete() }
        let options = Checker.Options(today: FixturePractice.today)
        let cacheFolder = practice.root.appendingPathComponent("build/.groupchart-cache")
        for name in DerivedCache.files.values { #expect(FileManager.default.fileExists(atPath: cacheFolder.appendingPathComponent(name).path)) }
        // A second Plan section in another session, built into the cache:
        // the findings the check takes from there are not all empty.
        let elsewhere = "sessions/2026-03-19-dbt-skills/chen-lily.md"
        try practice.write(elsewhere, try practice.read(elsewhere).replacingOccurrences(of: "## Plan", with: "## Plan\n\nSee below.\n\n## Plan"))
        _ = try Builder.build(practice.root, options: Builder.Options(checker: options))
        let copied = "sessions/2026-03-12-dbt-skills/chen-lily.md"
        let other = "sessions/2026-03-12-dbt-skills/reyes-maria.md"
        let otherText = try practice.read(other)
        let body = try practice.read(copied).components(separatedBy: "\n---\n").dropFirst().joined(separator: "\n---\n")
        try practice.write(other, otherText.components(separatedBy: "\n---\n")[0] + "\n---\n" + body)
        let record = RecordReader.read(try PracticeFolder(root: practice.root))
        let cached = DerivedCache(folder: cacheFolder, writing: false)
        let withCache = Checker.check(record, options: options, cache: cached)
        let sessions = record.sessions.count
        #expect(cached.reused("note-texts") == sessions - 1, "every session but the edited one's 3-grams come from the cache")
        #expect(cached.reused("similar-notes") == sessions - 1, "and its similar-notes findings")
        // The rules that read one session at a time: the shell's findings and
        // every session's but the edited one's; they ran on that session alone.
        let folders = Set(record.files.compactMap { PracticeRecord.sessionFolder(of: $0.path) }).count
        #expect(cached.reused(SessionScopedFindings.purpose) == 1 + folders - 1)
        for rule in ["other-member-named", "empty-section", "missing-section", "duplicate-section"] {
            #expect(cached.reused(rule) == 0, "\(rule) ran on the edited session alone, without its own cache")
        }
        let without = Checker.check(record, options: options)
        #expect(IncrementalEquivalenceTests.places(withCache) == IncrementalEquivalenceTests.places(without))
        #expect(without.diagnostics.contains { $0.rule == "similar-notes" || $0.rule == "cloned-note" }, "the copy is found")
        #expect(withCache.diagnostics.contains { $0.rule == "duplicate-section" && $0.location.file == elsewhere },
                "a finding of an unchanged folder, from the cache")
    }

    /// `check` reads a build's derived values only when a build left some:
    /// with no build behind it, it runs the rules as without a cache (and
    /// makes no session's key to look up nothing).
    @Test func checkTakesNoDerivedCacheWhereNoBuildLeftOne() throws {
        let practice = try Self.builtExample()
        defer { practice.delete() }
        let cacheFolder = practice.root.appendingPathComponent("build/.groupchart-cache")
        #expect(DerivedCache.reading(cacheFolder) != nil, "a build's cache is read")
        for name in DerivedCache.files.values.sorted().dropFirst() {
            try FileManager.default.removeItem(at: cacheFolder.appendingPathComponent(name))
        }
        #expect(DerivedCache.reading(cacheFolder) != nil, "one file of derived values is enough")
        try FileManager.default.removeItem(at: cacheFolder)
        #expect(DerivedCache.reading(cacheFolder) == nil, "no build: no cache")
        // And a check with no build behind it finds what a check without any cache finds.
        let options = Checker.Options(today: FixturePractice.today)
        let checked = try GroupChart.check(practice.root, options: options).report
        let record = RecordReader.read(try PracticeFolder(root: practice.root))
        #expect(IncrementalEquivalenceTests.places(checked) == IncrementalEquivalenceTests.places(Checker.check(record, options: options)))
    }

    /// The pre-commit hook checks a copy of the staged files: `--cache-from`
    /// names the build of the working folder, whose cache vouches for the
    /// copies by their bytes (their stamps are new), all but the edited one.
    @Test func aCopyOfThePracticeIsCheckedFromTheCacheOfTheOriginalsBuild() throws {
        let practice = try Self.builtExample()
        defer { practice.delete() }
        let options = Checker.Options(today: FixturePractice.today)
        let copy = try FixturePractice(base: practice.root)
        defer { copy.delete() }
        try? copy.remove("build")
        let note = "sessions/2026-03-12-dbt-skills/chen-lily.md"
        try copy.write(note, try copy.read(note).replacingOccurrences(of: "Ms. Chen attended", with: "Ms. Chen came to"))
        let folder = try PracticeFolder(root: copy.root)
        let (record, parsed) = GroupChart.readUsingBuildCache(
            folder, progress: nil, build: GroupChart.LastBuild(folder, options: options, output: practice.root.appendingPathComponent("build")))
        #expect(parsed == 1, "only the edited copy is parsed")
        let plain = RecordReader.read(folder)
        #expect(Self.same(record, plain))
        #expect(GroupChart.readUsingBuildCache(
            folder, progress: nil, build: GroupChart.LastBuild(folder, options: options, output: copy.root.appendingPathComponent("build"))).parsed
                == folder.discover().count,
                "without --cache-from, the copy has no cache of its own")
    }
}
