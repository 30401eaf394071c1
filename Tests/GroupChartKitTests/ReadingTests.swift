import Foundation
@testable import GroupChartKit
import GroupChartTestSupport
import Testing

/// The load, split and parse stages: bytes to text, front-matter to placed
/// YAML nodes, bodies to sections.
@Suite struct ReadingTests {
    @Test func byteOrderMarkAndCRLFAreAccepted() {
        let file = SourceDecoder.decode(Array("\u{FEFF}a: 1\r\nb: 2\rc: 3\r\n".utf8), path: "x.md")
        #expect(file.text == "a: 1\nb: 2\nc: 3\n")
        #expect(file.encodingProblem == nil)
    }

    @Test func invalidUTF8IsPlacedAtItsFirstBadByte() {
        let bytes = Array("---\nname: Chloé\n".utf8) + [0x52, 0x65, 0x6E, 0xE9, 0x65, 0x0A]
        let problem = SourceDecoder.decode(bytes, path: "x.md").encodingProblem
        #expect(problem == EncodingProblem(line: 3, column: 4, byte: 0xE9, isNul: false))
        let overlong = SourceDecoder.decode([0x61, 0xC0, 0xAF], path: "x.md").encodingProblem
        #expect(overlong?.column == 2)
        let surrogate = SourceDecoder.decode([0xED, 0xA0, 0x80], path: "x.md").encodingProblem
        #expect(surrogate?.byte == 0xED)
        #expect(SourceDecoder.decode([0x61, 0x00], path: "x.md").encodingProblem?.isNul == true)
    }

    /// Plain ASCII is told eight bytes at a time: a NUL or a byte of 0x80 or
    /// more at any place, in files of every length around a word's, is still
    /// found, and placed where the byte-by-byte walk places it.
    @Test func aBadByteIsFoundAtEveryPlaceOfAPlainFile() {
        for length in 0..<40 {
            let plain = (0..<length).map { UInt8(0x61 + $0 % 26) }
            #expect(SourceDecoder.isPlainASCII(plain) && SourceDecoder.decode(plain, path: "x.md").encodingProblem == nil)
            for place in 0..<length {
                for bad: UInt8 in [0x00, 0x80, 0xC3, 0xFF] {
                    var bytes = plain
                    bytes[place] = bad
                    #expect(!SourceDecoder.isPlainASCII(bytes), "byte \(bad) at \(place) of \(length)")
                    let problem = SourceDecoder.decode(bytes, path: "x.md").encodingProblem
                    #expect(problem?.column == place + 1 && problem?.isNul == (bad == 0), "byte \(bad) at \(place) of \(length)")
                }
            }
        }
        // Every byte below 0x80 but NUL is plain, a newline among them.
        #expect(SourceDecoder.isPlainASCII(Array(1...0x7F)))
    }

    @Test func frontMatterSplitKeepsLines() throws {
        let file = SourceFile(path: "n.md", text: "---\na: 1\n---\n## Risk\ntext\n")
        let split = try FrontMatter.split(file).get()
        #expect(split.yaml == "a: 1")
        #expect(split.bodyFirstLine == 4)
        #expect(FrontMatter.split(SourceFile(path: "n.md", text: "")).failure == .empty)
        #expect(FrontMatter.split(SourceFile(path: "n.md", text: "## Risk\n")).failure == .missing)
        #expect(FrontMatter.split(SourceFile(path: "n.md", text: "---\na: 1\n")).failure == .unterminated)
    }

    /// The split as it was first written (every line cut out and joined
    /// again): the slices `FrontMatter.split` takes now must equal it on any
    /// document.
    static func splitByLines(_ file: SourceFile) -> Result<FrontMatterSplit, FrontMatterProblem> {
        let lines = file.lines
        if lines.allSatisfy({ $0.allSatisfy(\.isWhitespace) }) { return .failure(.empty) }
        guard FrontMatter.isFence(lines[0]) else { return .failure(.missing) }
        guard let close = lines.indices.dropFirst().first(where: { FrontMatter.isFence(lines[$0]) }) else {
            return .failure(.unterminated)
        }
        return .success(FrontMatterSplit(yaml: lines[1..<close].joined(separator: "\n"), yamlFirstLine: 2,
                                          body: lines[(close + 1)...].joined(separator: "\n"), bodyFirstLine: close + 2))
    }

    @Test(arguments: 0..<3)
    func frontMatterSplitEqualsSplittingByLines(seed: UInt64) {
        let pieces = ["---", "--- ", "---\t", "----", "a: 1", "", " ", "\r", "## Risk", "é", "text ---", "\u{301}", "-", "\t", "—"]
        var random = IncrementalEquivalenceTests.Random(state: seed)
        for _ in 0..<2_000 {
            let lines = (0..<Int(random.next() % 8)).map { _ in
                (0..<Int(random.next() % 3 + 1)).compactMap { _ in random.pick(pieces) }.joined()
            }
            let text = lines.joined(separator: "\n") + (random.next() % 2 == 0 ? "\n" : "")
            let file = SourceFile(path: "n.md", text: text)
            switch (FrontMatter.split(file), Self.splitByLines(file)) {
            case let (.success(now), .success(then)):
                #expect(now.yaml == then.yaml && now.body == then.body && now.bodyFirstLine == then.bodyFirstLine
                        && now.yamlFirstLine == then.yamlFirstLine, "\(text.debugDescription)")
            case let (.failure(now), .failure(then)):
                #expect(now == then, "\(text.debugDescription)")
            default:
                Issue.record("split differs on \(text.debugDescription)")
            }
        }
    }

    @Test func yamlNodesArePlacedInTheFile() throws {
        let file = SourceFile(path: "n.md", text: "---\nstart: 14:00\nname: \"Chloé\"\nlist: [a, b]\n---\n")
        let node = try #require(try YAMLParser.parse("start: 14:00\nname: \"Chloé\"\nlist: [a, b]", in: file, firstLine: 2).get())
        let pairs = try #require(node.pairs)
        #expect(pairs[0].value.scalar == "14:00")
        #expect(pairs[0].value.location == SourceLocation(file: "n.md", line: 2, column: 8))
        #expect(pairs[1].value.content.isQuoted)
        #expect(pairs[2].value.items?[1].location == SourceLocation(file: "n.md", line: 4, column: 11))
    }

    @Test func duplicateKeysArePlacedAtTheSecond() throws {
        let file = SourceFile(path: "n.md", text: "---\na: 1\nb:\n  c: 1\n  c: 2\n---\n")
        guard case .failure(let problem) = YAMLParser.parse("a: 1\nb:\n  c: 1\n  c: 2", in: file, firstLine: 2) else {
            Issue.record("duplicate key accepted"); return
        }
        #expect(problem.location == SourceLocation(file: "n.md", line: 5, column: 3))
        #expect(problem.message == "key \"c\" appears twice in one mapping")
    }

    @Test func exponentialAliasesStopBeforeYamsExpandsThem() {
        var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            yaml += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        let file = SourceFile(path: "p.yaml", text: yaml)
        guard case .failure(let problem) = YAMLParser.parse(yaml, in: file, firstLine: 1) else {
            Issue.record("billion laughs accepted"); return
        }
        #expect(problem.message == "front-matter uses more than 12 aliases (*name)")
    }

    @Test func deepFlowNestingIsRefusedBeforeYams() {
        let yaml = "a: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        let file = SourceFile(path: "p.yaml", text: yaml)
        guard case .failure(let problem) = YAMLParser.parse(yaml, in: file, firstLine: 1) else {
            Issue.record("deep nesting accepted"); return
        }
        #expect(problem.location.line == 1)
    }

    @Test func sectionsRunToTheNextHeadingOfTheSameLevel() {
        let text = "---\n---\n# Note\n## Risk\nRisk level: *high*.\n### Detail\nsafety plan\n## Plan\n- a\n- b\n"
        let file = SourceFile(path: "n.md", text: text)
        let body = CommonMark.parse("# Note\n## Risk\nRisk level: *high*.\n### Detail\nsafety plan\n## Plan\n- a\n- b\n", firstLine: 3, in: file)
        let names = body.sections.map(\.name)
        #expect(names == ["Note", "Risk", "Detail", "Plan"])
        let risk = body.sections[1]
        #expect(risk.heading.location == SourceLocation(file: "n.md", line: 4, column: 1))
        #expect(risk.text == "Risk level: high.\n\nsafety plan")
        #expect(body.sections[3].listItems.map(\.text) == ["a", "b"])
        #expect(body.sections[3].listItems[1].location.line == 10)
    }

    @Test func cmarkByteColumnsBecomeScalarColumns() {
        let text = "---\n---\n王 Chloé *x*\n\n> - item\n"
        let file = SourceFile(path: "n.md", text: text)
        let body = CommonMark.parse("王 Chloé *x*\n\n> - item\n", firstLine: 3, in: file)
        #expect(file.scalarColumn(line: 3, byteColumn: 4) == 2)
        #expect(body.blocks[0].text == "王 Chloé x")
        #expect(body.blocks[1].location == SourceLocation(file: "n.md", line: 5, column: 1))
    }

    @Test func goalItemsAndStatuses() {
        func item(_ text: String) -> GoalItem {
            ClinicalContentReader.goalItem(MarkdownListItem(text: text, location: SourceLocation(file: "n.md", line: 1)))
        }
        #expect(item("G1: In progress. Down to 3 a week.").status == .inProgress)
        #expect(item("G1: in Progress").status == .inProgress)
        #expect(item("G2: Reduce urges ... Status: No change, still daily.").status == .noChange)
        #expect(item("G3: Metformin adherence").status == nil)
        #expect(item("G3: Met").status == .met)
        #expect(item("G1: Not addressed today.").status == .notAddressed)
        #expect(item("G1: Regressed").goal?.value == "G1")
        #expect(item("Goal 1: In progress").goal == nil)
        #expect(item("no colon at all").goal == nil)
    }

    /// The status read from the bytes is the status read Character by
    /// Character, lower-cased as Unicode lowers it, for every mix of a
    /// name's case, what follows it (a letter, a digit, a mark that joins
    /// the letter before it, a line break) and text in other scripts.
    @Test func aStatusReadFromTheBytesIsTheOneReadByCharacter() {
        func byCharacter(_ text: String) -> GoalStatus? {
            let folded = text.lowercased()
            let statuses = GoalStatus.allCases.sorted { $0.rawValue.count > $1.rawValue.count }
            return statuses.first { status in
                let name = status.rawValue.lowercased()
                guard folded.hasPrefix(name) else { return false }
                return folded.dropFirst(name.count).first.map { !$0.isLetter && !$0.isNumber } ?? true
            }
        }
        let names = ["Met", "MET", "met", "In progress", "IN PROGRESS", "No change", "Regressed", "Not addressed", "not", "Meta", "Ïn progress"]
        let tails = ["", ".", " today", "abolic", "2", "\u{301}", "e\u{301}", "\r\nnext", "\n", "_x", "é", "王", ", still"]
        for name in names {
            for tail in tails {
                let rest = name + tail
                let found = ClinicalContentReader.goalItem(MarkdownListItem(text: "G1: " + rest, location: SourceLocation(file: "n.md", line: 1)))
                let expected = byCharacter(rest.trimming(.whitespaces)) ?? {
                    guard let label = rest.range(of: "status:", options: .caseInsensitive) else { return nil }
                    return byCharacter(rest[label.upperBound...].trimming(.whitespaces))
                }()
                #expect(found.status == expected, "\(rest.unicodeScalars.map { String($0.value, radix: 16) })")
            }
        }
    }

    @Test func riskLevelIsTheWordAfterTheLabel() {
        func level(_ text: String) -> (RiskLevel?, String?) {
            let file = SourceFile(path: "n.md", text: "## Risk\n\(text)\n")
            let section = CommonMark.parse("## Risk\n\(text)\n", firstLine: 1, in: file).sections[0]
            let statement = ClinicalContentReader.riskStatement(section)
            return (statement.level, statement.statedWord)
        }
        #expect(level("Denies SI. Risk level: moderate, stable from previous session.") == (.moderate, "moderate"))
        #expect(level("**Risk level:** High") == (.high, "High"))
        #expect(level("Risk level: severe") == (nil, "severe"))
        #expect(level("Denies SI.") == (nil, nil))
        // The label that starts a sentence states the level, not one comparing with the last session.
        #expect(level("Previous session risk level: low. Today active SI with plan. Risk level: high.") == (.high, "high"))
        #expect(level("Previous session risk level: low — Risk level: high.") == (.high, "high"))
        #expect(level("Last week risk level: high; today denies SI/HI. Risk level: low.") == (.low, "low"))
        #expect(level("Compared with last week risk level: high.") == (.high, "high"))
    }

    @Test func placeholdersCountAsEmpty() {
        for text in ["", "TODO", "tbd.", " N/A ", "-", "See group note.", "Same as above"] {
            #expect(SectionCatalogue.isPlaceholder(text), "\(text)")
        }
        #expect(!SectionCatalogue.isPlaceholder("TODO: she asked to review the diary card."))
        // An audit-precision review: each passed as a note.
        for text in ["Pt participated.", "Attended and participated.", "Same as last week.", "Refer to group note for content.",
                     "Ver nota grupal.", "Client  attended."] {
            #expect(SectionCatalogue.isPlaceholder(text), "\(text)")
        }
        #expect(!SectionCatalogue.isPlaceholder("Pt participated in the chain analysis."))
    }

    /// A Participation that says only that the member was absent, a reason
    /// or the outreach after it included (an audit-precision review found
    /// each taken for the member's own account); an account is not one.
    @Test func anAbsenceWithItsReasonIsStillOnlyAnAbsence() {
        for text in ["Pt was absent from today's group due to illness.", "Did not attend; called to cancel (sick).", "No-show; left VM.",
                     "Pt absent - excused (illness).", "Pt did not show for group today. Outreach call made at 15:40, no answer.",
                     "Ausente.", "Absent.", "Member did not attend group today."] {
            #expect(AbsenceWording.saysOnlyAbsent(text), "\(text)")
        }
        for text in ["Absent last week; today she shared her diary card.", "Absent-minded at first, then led the role-play.",
                     "Did not attend the first half; arrived and practised TIPP.",
                     // Members present, telling of an absence elsewhere (a code review found each called absent).
                     "Did not attend work this week due to panic; today she shared a chain analysis of it.",
                     "Absent from work due to illness; today she shared how she used TIPP at work.",
                     "Absent due to illness last week; today she shared her diary card.",
                     "Cancelled family plans; practiced opposite action in the role-play."] {
            #expect(!AbsenceWording.saysOnlyAbsent(text), "\(text)")
        }
    }

    /// A section is a placeholder exactly when its joined text is one: the
    /// count of visible characters that spares the join never decides
    /// otherwise (sub-headings and HTML comments left out, as in the text).
    @Test func sectionPlaceholdersAreThoseOfTheirText() {
        let pieces = ["TODO", "tbd.", "N/A", "-", "See group note.", "same as above", "She practised", "   ",
                      "<!-- hint -->", "### Sub-heading", "- item", "> quoted", "é", "\n\n", "x"]
        var random = IncrementalEquivalenceTests.Random(state: 11)
        var placeholders = 0
        for _ in 0..<3_000 {
            let content = (0..<Int(random.next() % 4)).compactMap { _ in random.pick(pieces) }.joined(separator: "\n\n")
            let text = "---\ndate: 2026-03-01\n---\n## Participation\n\n\(content)\n"
            let file = SourceFile(path: "n.md", text: text)
            guard case .success(let split) = FrontMatter.split(file) else { continue }
            let body = CommonMark.parse(split.body, firstLine: split.bodyFirstLine, in: file)
            guard let section = SectionCatalogue.find(SectionCatalogue.participation, in: body) else {
                Issue.record("no section in \(text.debugDescription)")
                continue
            }
            let expected = SectionCatalogue.isPlaceholder(section.text)
            #expect(SectionCatalogue.isPlaceholder(section) == expected, "\(content.debugDescription)")
            if expected { placeholders += 1 }
        }
        #expect(placeholders > 100)
    }

    /// `SectionName.matches` compares ASCII headings without lower-casing
    /// them; the lower-cased comparison it replaced is the oracle, over
    /// headings made of letters of both cases, names, spaces and the
    /// non-ASCII characters that lower-case unusually.
    @Test func sectionNamesMatchAsLowerCasingDid() {
        let pieces = ["Risk", "RISK", "risk", "Goals", "Progress toward goals", "PLAN", "plan", " ", ":", "a", "Z",
                      "\u{212A}", "\u{130}", "é", "É", "ß", "Assessment"]
        let names = [SectionCatalogue.risk, SectionCatalogue.goals, SectionCatalogue.plan, SectionCatalogue.participation,
                     SectionName(canonical: "Kelvin k", aliases: ["ki"])]
        var random = IncrementalEquivalenceTests.Random(state: 7)
        var matched = 0
        for _ in 0..<5_000 {
            let heading = (0..<Int(random.next() % 3 + 1)).compactMap { _ in random.pick(pieces) }.joined()
            for name in names {
                let expected = ([name.canonical] + name.aliases).map { $0.lowercased() }.contains(heading.lowercased())
                #expect(name.matches(heading) == expected, "\(heading.debugDescription) against \(name.canonical)")
                if expected { matched += 1 }
            }
        }
        #expect(matched > 100)
        #expect(SectionCatalogue.goals.matches("PROGRESS Toward GOALS"))
        #expect(SectionName(canonical: "Kelvin k", aliases: ["ki"]).matches("\u{212A}I"))
    }

    /// The bytes a build's fingerprint read are handed over once: the
    /// reader takes them instead of the file on disk, and they are gone
    /// from the hand-over after, so that they can be freed.
    @Test func prereadBytesAreTakenOnce() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        let folder = try PracticeFolder(root: practice.root)
        let note = try #require(folder.discover().first { if case .progressNote = $0.kind { true } else { false } })
        let onDisk = try practice.read(note.path)
        let handed = onDisk.replacingOccurrences(of: "## Participation", with: "## Participation\n\nRead from the hand-over.")
        let preread = PrereadFiles([note.path: .success(Array(handed.utf8))])
        let reading = DocumentReading.read(note, in: folder, preread: preread)
        #expect(reading.file?.sha256 == SignedText.digest(of: Array(handed.utf8)))
        #expect(preread.take(note.path) == nil)
        #expect(DocumentReading.read(note, in: folder, preread: preread).file?.sha256 == SignedText.digest(of: Array(onDisk.utf8)))
    }

    /// A note's text is held once, by its parsed blocks: the file's own
    /// text is let go once parsed and read again, unchanged, when something
    /// quotes it. Saved again since, it is not given back at all.
    @Test func aNotesTextIsLetGoAndReadAgainOnlyAsChecked() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        let record = RecordReader.read(try PracticeFolder(root: practice.root))
        let note = try #require(record.sessions.flatMap(\.progressNotes).first)
        let held = try #require(record.file(note.file))
        #expect(!held.holdsText && held.text.isEmpty)
        #expect(try #require(record.source(note.file)).text == (try practice.read(note.file)))
        let plan = try #require(record.members.flatMap(\.plans).first)
        #expect(try #require(record.file(plan.file)).holdsText, "only notes let their text go")
        try practice.write(note.file, try practice.read(note.file) + "\nAdded after the check.\n")
        #expect(record.source(note.file) == nil)
        // watch and serve keep every file's bytes in their memo already, and
        // their pages must not depend on the file as it stands when rendered.
        let kept = RecordReader.read(try PracticeFolder(root: practice.root), progress: nil, preread: nil, found: nil,
                                     digests: [:], memo: DocumentMemo())
        #expect(try #require(kept.file(note.file)).holdsText)
    }

    /// The lean second reading a record makes of a note gives what the full
    /// one does, from every line, for LF, CRLF and byte-order-marked notes.
    @Test func aNotesTextFromALineIsThatOfItsFullReading() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        let path = "sessions/2026-03-05-skills/doe-jane.md"
        let lf = try practice.read(path)
        try practice.write("sessions/2026-03-05-skills/roe-sam.md",
                           Data([0xEF, 0xBB, 0xBF] + Array(lf.replacingOccurrences(of: "\n", with: "\r\n").utf8)))
        try practice.write(path, lf.replacingOccurrences(of: "\n## Risk", with: "\r## Risk") + "\u{FEFF}tail")
        let record = RecordReader.read(try PracticeFolder(root: practice.root))
        for note in record.sessions.flatMap(\.progressNotes) {
            let full = try #require(record.source(note.file))
            for line in 0...(full.lineCount + 1) {
                #expect(record.text(of: note.file, fromLine: line) == full.text(fromLine: line), "\(note.file) from line \(line)")
            }
        }
    }

    /// The line under a diagnostic in a note is read again when printed,
    /// and left out once the note was saved again after the check.
    @Test func aNotesLineIsQuotedAsCheckedOrNotAtAll() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        let path = "sessions/2026-03-05-skills/doe-jane.md"
        try practice.write(path, try practice.read(path).replacingOccurrences(of: "Risk level: low.", with: "Risk level: unsure."))
        let report = try practice.check()
        let diagnostic = try #require(report.diagnostics.first { $0.location.file == path && $0.rule == "risk-level" })
        #expect(report.sources[path] == nil, "the note's text is not held")
        #expect(TextPrinter().render(report).contains("12 | ## Risk\n"))
        let again = try practice.check()
        try practice.write(path, try practice.read(path).replacingOccurrences(of: "Urges rated 3", with: "Urges rated 4"))
        let printed = TextPrinter().render(again)
        #expect(printed.contains("\(diagnostic.location): error:") || printed.contains("\(diagnostic.location): warning:"))
        #expect(!printed.contains("| ## Risk"), "a line of a note no longer as checked")
    }

    /// A note keeps its first line when its text is let go, if it is short
    /// (a front matter's `---`): a diagnostic at 1:1 quotes it as checked,
    /// without reading the note again, even once the note was saved again,
    /// while a line further down is left out then. The kept line goes
    /// through both encodings of the cache and comes back.
    @Test func aNotesFirstLineIsKeptAndQuotedAsChecked() throws {
        let file = SourceFile(path: "sessions/s/n.md", text: "---\ndate: 2026-03-05\n---\nText\n", sha256: "sha256:x")
        let let_go = file.withoutText()
        #expect(!let_go.holdsText && let_go.keptFirstLine == "---" && let_go.withoutText() == let_go)
        let long = SourceFile(path: "n.md", text: String(repeating: "x", count: SourceFile.longestKeptFirstLine + 1) + "\nb\n")
        #expect(long.withoutText().keptFirstLine == nil && file.keptFirstLine == nil)
        for kept in [let_go, long.withoutText(), file] {
            #expect(try CompactCoding.decode(SourceFile.self, from: CompactCoding.encode(kept)[...]) == kept)
            let encoder = CompactEncoder()
            try kept.put(into: encoder)
            #expect(try encoder.bytes == CompactCoding.encode(kept))
            #expect(try SourceFile.get(from: CompactDecoder(encoder.bytes[...])) == kept)
        }

        let practice = try FixturePractice()
        defer { practice.delete() }
        let path = "sessions/2026-03-05-skills/doe-jane.md"
        try practice.write(path, try practice.read(path).replacingOccurrences(of: "Risk level: low.", with: "Risk level: unsure."))
        var report = try practice.check()
        let atStart = Diagnostic(rule: "timely-filing", severity: .warning, location: SourceLocation(file: path, line: 1, column: 1),
                                 message: "m")
        report.diagnostics = CheckReport.ordered(report.diagnostics + [atStart])
        #expect(report.sources[path] == nil, "the note's text is not held")
        try practice.write(path, try practice.read(path).replacingOccurrences(of: "Urges rated 3", with: "Urges rated 4"))
        let printed = TextPrinter().render(report)
        #expect(printed.contains("\(path):1:1: warning: m [timely-filing]\n    1 | ---\n      | ^\n"))
        #expect(!printed.contains("| ## Risk"), "a line of a note no longer as checked")
        #expect(report.line(at: atStart.location) == "---")
    }

    /// The diagnostics are printed a part at a time on every core, each part
    /// reading its notes again: the text is the same whatever the part's
    /// size, and each note's line is quoted under each of its diagnostics.
    @Test func diagnosticsArePrintedAPartAtATimeWithTheSameText() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        let paths = ["sessions/2026-03-05-skills/doe-jane.md", "sessions/2026-03-05-skills/roe-sam.md"]
        for path in paths {
            try practice.write(path, try practice.read(path).replacingOccurrences(of: "Risk level: low.", with: "Risk level: unsure."))
        }
        let report = try practice.check()
        #expect(paths.allSatisfy { path in report.sources[path] == nil && report.diagnostics.contains { $0.location.file == path } })
        let whole = TextPrinter().render(report)
        #expect(whole.components(separatedBy: " | ## Risk").count - 1 == paths.count)
        for window in [1, 2, 3, report.diagnostics.count - 1] {
            #expect(Self.printed(report, partsOf: window) == whole, "\(window) at a time")
        }
        // A line the build kept is quoted for its note, beside notes read
        // again, wherever the parts are cut; the other note's is read.
        let risk = try #require(report.diagnostics.first { $0.location.file == paths[0] && $0.rule == "risk-level" })
        var kept = report
        kept.quoted = [paths[0]: [risk.location.line: "## Risk (as kept)"]]
        let mixed = TextPrinter().render(kept)
        #expect(mixed.contains(" | ## Risk (as kept)\n") && mixed.contains(" | ## Risk assessment\n"), "\(mixed)")
        for window in [1, 2, 3, report.diagnostics.count - 1] {
            #expect(Self.printed(kept, partsOf: window) == mixed, "kept lines, \(window) at a time")
        }
    }

    /// `report` as the text printer prints it, `size` diagnostics a part.
    static func printed(_ report: CheckReport, partsOf size: Int) -> String {
        var printer = TextPrinter()
        printer.chunk = size
        return printer.render(report)
    }

    /// Printed a part at a time on every core, diagnostics cut after the
    /// 20th of one rule in one file give the same text wherever the parts
    /// are cut: before, at and after the line that counts the rest.
    @Test func theCountOfDiagnosticsNotShownIsTheSameWhereverThePartsAreCut() {
        let (file, diagnostics) = PrinterTests.thirtyOfOneRule
        let report = CheckReport(diagnostics: diagnostics, fileCount: 1, sources: [file.path: file])
        let whole = TextPrinter().render(report)
        #expect(whole.contains("remittances/a.835: note: 10 more [remittance] diagnostics in this file not shown"))
        #expect(whole.split(separator: "\n").filter { $0.hasSuffix("[remittance]") }.count == TextPrinter.shownPerRuleAndFile)
        for chunk in [1, 2, 7, 20, 21, 22, 31] {
            #expect(Self.printed(report, partsOf: chunk) == whole, "\(chunk) at a time")
        }
        // One more than are shown: the line counts one, in the singular.
        let one = CheckReport(diagnostics: Array(diagnostics.prefix(21)), fileCount: 1, sources: [file.path: file])
        for chunk in [1, 20, 21, 512] {
            let text = Self.printed(one, partsOf: chunk)
            #expect(text.contains("remittances/a.835: note: 1 more [remittance] diagnostic in this file not shown;"), "\(chunk) at a time")
            #expect(text.split(separator: "\n").filter { $0.hasSuffix("[remittance]") }.count == TextPrinter.shownPerRuleAndFile)
        }
    }

    /// `trimming` gives what Foundation's `trimmingCharacters(in:)` gives,
    /// on texts whose ends are ASCII (tested byte by byte) and on those whose
    /// ends are not (no-break spaces, next line, line separators, combining
    /// marks), for strings and substrings alike.
    @Test func trimmingIsFoundationsTrimming() {
        var random = IncrementalEquivalenceTests.Random(state: 7)
        let pieces = [" ", "\t", "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{A0}", "\u{2028}", "\u{3000}", "\u{1680}",
                      "a", "Z", "7", "\u{E9}", "e\u{301}", "\u{301}", "\u{B7}", "x y", "G1:", "\r\n", ""]
        for round in 0..<3_000 {
            let text = (0..<Int(random.next() % 7)).map { _ in random.pick(pieces)! }.joined()
            // Between two control characters, which no mark joins.
            let inside = "\u{1}" + text + "\u{1}"
            let substring = inside.dropFirst().dropLast()
            #expect(substring.utf8.elementsEqual(text.utf8))
            for (trimmed, set) in [(Trimmed.whitespaces, CharacterSet.whitespaces), (.whitespacesAndNewlines, .whitespacesAndNewlines)] {
                let expected = text.trimmingCharacters(in: set)
                #expect(text.trimming(trimmed).utf8.elementsEqual(expected.utf8), "\(round): \(text.debugDescription), \(trimmed)")
                #expect(substring.trimming(trimmed).utf8.elementsEqual(expected.utf8), "\(round): substring \(text.debugDescription)")
            }
        }
    }

    @Test func nearestNameSuggestsCloseIDsOnly() {
        #expect(NearestName.to("okonkwo-davd", in: ["okonkwo-david", "reyes-maria"]) == "okonkwo-david")
        #expect(NearestName.to("co_facilitater", in: ["co_facilitator", "facilitator"]) == "co_facilitator")
        #expect(NearestName.to("zzz", in: ["okonkwo-david"]) == nil)
    }
}

extension YAMLNode.Content {
    var isQuoted: Bool {
        if case .scalar(_, let plain) = self { return !plain }
        return false
    }
}

extension Result {
    var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
