import Foundation
@testable import GroupChartKit
import GroupChartTestSupport
import Testing

/// Bad input never crashes and never passes silently: each case ends in a
/// diagnostic at the right line with a way to fix it.
@Suite struct BadInputTests {
    static let note = "sessions/2026-03-05-skills/doe-jane.md"

    private func diagnostics(writing text: String, to path: String = note) throws -> [Diagnostic] {
        let practice = try FixturePractice()
        defer { practice.delete() }
        try practice.write(path, text)
        return try practice.check().diagnostics
    }

    /// The owner file Word keeps beside a document it has open
    /// (`~$e-jane.md`, binary) is an editor's, as a hidden file is: read as
    /// a note, it held the session's claims and records while Word was open.
    @Test func wordsOwnerFileIsNoDocument() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        try practice.write("sessions/2026-03-05-skills/~$e-jane.md", "\u{0}\u{6}torres\u{0}\u{0}")
        try practice.write("members/doe-jane/~$ofile.md", "\u{0}")
        #expect(try practice.check().places == [])
    }

    /// A value in the curly quotes a word processor types (“16:30”) is
    /// said to be in them: "not a time, write HH:MM" of what looks like
    /// HH:MM left a clinician guessing (a clinician's review).
    @Test func aValueInCurlyQuotesIsSaidToBe() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        let session = "sessions/2026-03-05-skills/session.md"
        try practice.write(session, try practice.read(session).replacingOccurrences(of: "end: \"15:30\"", with: "end: \u{201C}15:30\u{201D}"))
        let found = try #require(try practice.check().diagnostics.first { $0.location.file == session && $0.rule == "invalid-value" })
        #expect(found.message == "\"end\": \"\u{201C}15:30\u{201D}\" is not a time")
        #expect(found.help == "the value is in curly quotes (\u{201C}...\u{201D}), as a word processor types them, and YAML reads them "
                + "as part of it: write straight quotes (\"\") or none")
    }

    /// A key of a nested mapping written after it at the margin
    /// (`benefits:` under `insurance:`) is said to want its indentation,
    /// not taken for a misspelling; the keys listed otherwise are each
    /// listed once ("insurance" was listed twice: a clinician's review).
    @Test func aKeyOutOfItsIndentationIsSaidToBe() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        let profile = "members/doe-jane/profile.md"
        let text = try practice.read(profile)
        let benefits = "  benefits: {verified_on: 2026-01-05, verified_by: torres, group_therapy_covered: true, copay: 20.00}\n"
        let authorizations = "  authorizations:\n    - {number: \"A100\", cpt: \"90853\", from: 2026-01-15, to: 2026-07-15, sessions: 24}\n"
        #expect(text.contains(benefits) && text.contains(authorizations))
        let without = text.replacingOccurrences(of: benefits, with: "").replacingOccurrences(of: authorizations, with: "")
        #expect(without.hasSuffix("subscriber: self\n---\n"))
        try practice.write(profile, String(without.dropLast(4)) + authorizations + String(benefits.dropFirst(2)) + "misc: 1\n---\n")
        let unknown = try practice.check().diagnostics.filter { $0.rule == "unknown-key" && $0.location.file == profile }
        #expect(unknown.map(\.message) == ["unknown key \"benefits\"", "unknown key \"misc\""])
        #expect(unknown.first?.help == "\"benefits\" is a key of \"insurance\": indent it under insurance: (2 spaces in front, as its other keys)")
        let listed = try #require(unknown.last?.help)
        #expect(listed.hasPrefix("the keys here are ") && listed.components(separatedBy: "\"insurance\"").count == 2, "\(listed)")
    }

    /// A note of a session folder named as no id is not read as a member's
    /// note: the session note saved as "Session Note.md" is said to want
    /// the name session.md, a member's note in capitals its id in lower case
    /// (read as progress notes of members "Session Note" and "Roe-Sam",
    /// they gave a dozen errors: a clinician's review).
    @Test(arguments: [("Session Note", "sessions/s/session.md for the group's session note: rename this file session.md"),
                      ("group_note", "sessions/s/session.md for the group's session note: rename this file session.md"),
                      ("Roe-Sam", "sessions/s/<member-id>.md, an id in lower case: rename this file roe-sam.md if roe-sam is the member"),
                      ("Roe Sam (draft)", "sessions/s/<member-id>.md, an id in lower case")])
    func aMisnamedNoteIsToldItsName(stem: String, expected: String) {
        #expect(PracticeFolder.misnamedNote(stem, session: "s") == expected)
    }

    /// A session folder holding only its session note misnamed is said to
    /// lack session.md (an error), with the rename in its help: as a stray
    /// alone it was a warning, and the session went unbilled (a code review).
    @Test func aSessionFolderWithOnlyAMisnamedNoteLacksItsSessionNote() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        try practice.write("sessions/2026-03-12-skills/Session Note.md", try practice.read("sessions/2026-03-05-skills/session.md"))
        let found = try practice.check().diagnostics.filter { $0.location.file.hasPrefix("sessions/2026-03-12-skills/") }
        #expect(found.map { "\($0.location) \($0.rule)" } == ["sessions/2026-03-12-skills/Session Note.md:1:1 stray-file",
                                                            "sessions/2026-03-12-skills/session.md:1:1 missing-field"])
        #expect(found.last?.help.hasPrefix("rename \"Session Note.md\" session.md if it is the session note, or create ") == true)
    }

    /// A misspelt `attendance:` is one error where it belongs (the missing
    /// key, its help naming the misspelling) and the unknown key: the notes
    /// and the roster are not compared with a log that was not read (they
    /// gave two errors and two warnings more, the cause sixth of seven: a
    /// clinician's review).
    @Test func aMisspeltAttendanceLogIsSaidOnce() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        let session = "sessions/2026-03-05-skills/session.md"
        try practice.write(session, try practice.read(session).replacingOccurrences(of: "\nattendance:", with: "\natendance:"))
        let found = try practice.check().diagnostics
        #expect(found.map { "\($0.location) \($0.rule)" } == ["\(session):1:1 missing-field", "\(session):9:1 unknown-key"])
        #expect(found.first?.help == "\"atendance\" (line 9) looks like this key misspelt: rename it \"attendance\"")
    }

    @Test func emptyFile() throws {
        let found = try diagnostics(writing: "")
        #expect(found.map { "\($0.location) \($0.rule) \($0.message)" } == ["\(Self.note):1:1 front-matter the file is empty"])
    }

    @Test func noFrontMatter() throws {
        let found = try diagnostics(writing: "## Participation\nShe came.\n")
        #expect(found.map(\.rule) == ["front-matter"])
        #expect(found[0].message == "the file does not start with front-matter")
        #expect(!found[0].help.isEmpty)
    }

    @Test func unterminatedFrontMatter() throws {
        let found = try diagnostics(writing: "---\nsigned_by: torres\n## Participation\n")
        #expect(found.map { "\($0.location.line) \($0.rule)" } == ["1 front-matter"])
    }

    /// A closing fence of more dashes, or with a comment after it, is said
    /// at its line: "never closed" at line 1 left it to be found (a
    /// fault-injection review).
    @Test(arguments: ["----", "--- # end", "..."])
    func aLookalikeClosingFenceIsSaidAtItsLine(fence: String) throws {
        let found = try diagnostics(writing: "---\nsigned_by: torres\n\(fence)\n## Participation\n")
        #expect(found.map { "\($0.location.line) \($0.rule): \($0.message) | \($0.help)" } == [
            "3 front-matter: the front-matter opened on line 1 is closed with \"\(fence)\", not \"---\" | replace \"\(fence)\" with \"---\", "
                + "three dashes alone on the line",
        ])
    }

    @Test func anIndentedClosingFenceIsSaidAtItsLine() throws {
        let found = try diagnostics(writing: "---\nsigned_by: torres\n  ---\n## Participation\n")
        #expect(found.map { "\($0.location.line) \($0.rule): \($0.message) | \($0.help)" } == [
            "3 front-matter: the front-matter opened on line 1 is closed with an indented \"---\" | write \"---\" at the start of the line, "
                + "with no space before it",
        ])
    }

    @Test func yamlSyntaxErrorAtItsLine() throws {
        let found = try diagnostics(writing: "---\nsigned_by: torres\nsigned_at: [2026-03-05\n---\n## Participation\n")
        #expect(found.map(\.rule) == ["front-matter"])
        #expect(found[0].location.line >= 3)
    }

    /// A key glued to its value (`start:"14:00"`) is said as that, at its
    /// line: YAML read it as one plain value and complained at the line
    /// below, with help about indentation. practice.yaml, which has no
    /// front-matter, is named as itself.
    @Test func aKeyGluedToItsValueIsSaidAtItsLine() throws {
        let text = "---\ngroup: skills\ndate: 2026-03-05\nstart:\"14:00\"\nend: \"15:30\"\nattendance:\n  doe-jane: present\n---\n## Summary\nx\n"
        let found = try diagnostics(writing: text, to: "sessions/2026-03-05-skills/session.md")
        let problem = try #require(found.first { $0.rule == "front-matter" })
        #expect("\(problem.location)" == "sessions/2026-03-05-skills/session.md:4:1", "\(problem.location) \(problem.message)")
        #expect(problem.message == "front-matter is not valid YAML: \"start:\" has no space after its colon, so YAML reads the line as "
                    + "one value, not a key and its value", "\(problem.message)")
        #expect(problem.help == "write a space after the colon: start: \"14:00\"")
        let alone = try diagnostics(writing: "---\ninteractive_complexity:\"x\"\n---\n## Participation\nx\n")
        let single = try #require(alone.first { $0.rule == "front-matter" })
        #expect(single.location.line == 2 && single.message.hasSuffix("not a single value: \"interactive_complexity:\" has no space after its colon"),
                "\(single.location) \(single.message)")
        // Times, addresses and keys with their space are no glued key.
        #expect(YAMLParser.gluedKey(in: "start: 14:00\nurl: https://x.org\n- a: b\nName:x\n", through: 9) == nil)
        // A key:value line in a block scalar, before an error of its own further down, is not blamed.
        let block = "---\ngroup: skills\ndate: 2026-03-05\ntopic: |\n  skills:crisis survival (TIPP)\nmodule: Distress Tolerance: TIPP\n---\n## Summary\nx\n"
        let elsewhere = try #require(try diagnostics(writing: block, to: "sessions/2026-03-05-skills/session.md").first { $0.rule == "front-matter" })
        #expect(elsewhere.location.line == 6 && !elsewhere.message.contains("no space after its colon"), "\(elsewhere.location) \(elsewhere.message)")
        let practice = try diagnostics(writing: "practice:\n  name: X\n   npi: \"1\"\n", to: "practice.yaml")
        let yaml = try #require(practice.first { $0.rule == "front-matter" })
        #expect(yaml.message.hasPrefix("practice.yaml is not valid YAML"), "\(yaml.message)")
    }

    /// A quote left open (`end: "11:30`) is reported at that line, not at the
    /// line below where YAML gave up (a comment five lines down, once).
    @Test func anUnclosedQuoteIsReportedAtItsLine() throws {
        let text = "---\ngroup: skills\ndate: 2026-03-05\nstart: \"14:00\"\nend: \"15:30\nfacilitator: torres\n# a comment\nattendance:\n  doe-jane: present\n---\n## Summary\nx\n"
        let found = try diagnostics(writing: text, to: "sessions/2026-03-05-skills/session.md")
        let problem = try #require(found.first { $0.rule == "front-matter" })
        #expect("\(problem.location)" == "sessions/2026-03-05-skills/session.md:5:6", "\(problem.location) \(problem.message)")
        #expect(problem.message.hasPrefix("front-matter is not valid YAML: this value's quote is not closed on its line"))
        #expect(problem.help == "close the quote where the value ends (end: \"15:30\"), or remove it", "\(problem.help)")
        // Quotes closed, escaped or doubled, and a quote in a comment, are no slip.
        #expect(YAMLParser.unclosedQuote(in: "a: \"x \\\" y\"\nb: 'it''s'\n# \"c\nd: e # \"f\n- \"g\"\n", before: 6) == nil)
        #expect(YAMLParser.unclosedQuote(in: "a: 1\n- 'g\n", before: 3).map { [$0.line, $0.column] } == [2, 3])
        // A quote in a block scalar, or a value quoted over two lines on
        // purpose, is no slip: a later error stays where YAML found it.
        for earlier in ["size_rationale: |\n  Two members said: \"we want\n  more time.\n", "topic: \"Paced\n  breathing\"\n"] {
            let text = "---\ngroup: skills\ndate: 2026-03-05\n" + earlier + "start: \"14:00\"\n\tend: \"15:30\"\n---\n## Summary\nx\n"
            let found = try diagnostics(writing: text, to: "sessions/2026-03-05-skills/session.md")
            let problem = try #require(found.first { $0.rule == "front-matter" })
            #expect(!problem.message.contains("quote is not closed"), "\(problem.location) \(problem.message)")
            #expect(problem.location.line == 3 + earlier.split(separator: "\n").count + 2, "\(problem.location) \(problem.message)")
        }
    }

    /// With edi:, a value longer than its 837P element takes is an
    /// invalid-value at the value: the clearinghouse's 999 would reject the
    /// whole file for it. A clinician's name is held to the parts it is
    /// written as (its last word, the rest).
    @Test func valuesTooLongForThe837PAreReportedAtTheirPlace() throws {
        let practice = try FixturePractice(base: FixturePractice.repository.appendingPathComponent("examples/dbt-skills"))
        defer { practice.delete() }
        #expect(try practice.check().diagnostics.filter { $0.rule == "invalid-value" }.isEmpty)
        let profile = "members/chen-lily/profile.md"
        let text = try practice.read(profile)
        let street = try #require(text.firstMatch(of: /street: "([^"]*)"/)).output.1
        try practice.write(profile, text.replacingOccurrences(of: String(street), with: String(repeating: "Long Street ", count: 5) + "End"))
        try practice.write("practice.yaml", try practice.read("practice.yaml")
            .replacingOccurrences(of: "name: Angela Torres", with: "name: Angela Maria Guadalupe Fernanda Rodriguez Santiago Torres"))
        let found = try practice.check().diagnostics.filter { $0.rule == "invalid-value" }
        #expect(found.map(\.message) == [
            "\"\(String(repeating: "Long Street ", count: 4))Long Stre…\" is 63 characters, longer than the 55 the 837P's N301 (an address line) holds",
            "\"Angela Maria Guadalupe Fernanda Rodriguez Santiago Torres\" is too long for the 837P: its NM104 (a first name) would be 50 characters, over 35",
        ], "\(found.map(\.message))")
        #expect(found.map(\.location.file) == [profile, "practice.yaml"])
        // A value of any length is quoted at most 60 characters long (a
        // first name of 200,000 letters flooded the terminal: a fault-injection review).
        try practice.write(profile, try practice.read(profile).replacingOccurrences(of: "first_name: Lily", with: "first_name: " + String(repeating: "L", count: 200_000)))
        let long = try #require(try practice.check().diagnostics.first { $0.rule == "invalid-value" && $0.location.file == profile && $0.location.line == 2 })
        #expect(long.message == "\"\(String(repeating: "L", count: 57))…\" is 200000 characters, longer than the 35 the 837P's NM104 (a first name) holds")
    }

    /// With edi:, a plan of more than 12 diagnoses is an invalid-value at the
    /// 13th: the 837P's HI holds 12, and the rest would be left off unsaid.
    @Test func aThirteenthDiagnosisIsReported() throws {
        let practice = try FixturePractice(base: FixturePractice.repository.appendingPathComponent("examples/dbt-skills"))
        defer { practice.delete() }
        let plans = try FileManager.default.contentsOfDirectory(atPath: practice.root.appendingPathComponent("members/chen-lily").path)
        let plan = "members/chen-lily/" + (try #require(plans.filter { $0.hasPrefix("plan-") }.sorted().last))
        let text = try practice.read(plan)
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("diagnoses:") })
        let codes = ["F33.1", "F41.1", "F43.10", "F40.10", "F42.2", "F50.00", "F51.01", "F60.3", "F63.81", "F90.0", "F32.0", "F34.1", "F41.0"]
        try practice.write(plan, text.replacingOccurrences(of: String(line), with: "diagnoses: [\(codes.joined(separator: ", "))]"))
        let found = try practice.check().diagnostics.filter { $0.rule == "invalid-value" }
        #expect(found.map(\.message) == ["the 837P carries 12 diagnoses: \"F41.0\" and those after it would not be sent"], "\(found.map(\.message))")
        #expect(found.first?.location.file == plan)
    }

    @Test func frontMatterThatIsAList() throws {
        let found = try diagnostics(writing: "---\n- a\n- b\n---\n")
        #expect(found.map { "\($0.location.line) \($0.rule)" } == ["2 front-matter"])
    }

    @Test func wrongTypes() throws {
        let group = "---\nname: [Skills]\ncpt: 90853\nfacilitator: torres\nmembers: {doe-jane: yes}\n---\n"
        let found = try diagnostics(writing: group, to: "groups/skills.md")
        let places = found.filter { $0.rule == "invalid-value" }.map { "\($0.location.line):\($0.location.column)" }
        #expect(places == ["2:7", "5:10"])
    }

    @Test func unknownIDsSuggestTheNearest() throws {
        let session = try String(contentsOf: FixturePractice.base.appendingPathComponent("sessions/2026-03-05-skills/session.md"), encoding: .utf8)
            .replacingOccurrences(of: "group: skills", with: "group: skils")
        let found = try diagnostics(writing: session, to: "sessions/2026-03-05-skills/session.md")
        let reference = try #require(found.first { $0.rule == "unknown-reference" })
        #expect(reference.message == "no group \"skils\"")
        #expect(reference.help.hasPrefix("did you mean \"skills\"?"))
        #expect(reference.location.line == 2)
    }

    @Test func binaryContent() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        try practice.write(Self.note, Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00]))
        let found = try practice.check().diagnostics
        #expect(found.map { "\($0.location) \($0.rule)" } == ["\(Self.note):1:1 encoding"])
    }

    @Test func nulByteInText() throws {
        let found = try diagnostics(writing: "---\nsigned_by: torres\u{0}\n---\n")
        #expect(found.map { "\($0.location) \($0.rule)" } == ["\(Self.note):2:18 encoding"])
        #expect(found[0].message.contains("NUL byte"))
    }

    /// A note saved as UTF-16 without a byte-order mark (Notepad's
    /// "Unicode", PowerShell's redirection) is said to be UTF-16, with how
    /// to save it as UTF-8, in either byte order; it was "a binary file" to
    /// move out (a fault-injection review). A binary file is still one.
    @Test(arguments: [String.Encoding.utf16LittleEndian, .utf16BigEndian])
    func aNoteSavedAsUTF16IsSaidToBe(encoding: String.Encoding) throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        // With an accented name near the top, whose pair holds no NUL.
        try practice.write(Self.note, try #require(try practice.read(Self.note).replacingOccurrences(of: "---\n", with: "---\n# José\n", options: [.anchored]).data(using: encoding)))
        let found = try practice.check().diagnostics.filter { $0.location.file == Self.note }
        #expect(found.map { "\($0.location) \($0.rule): \($0.message) | \($0.help)" } == [
            "\(Self.note):1:\(encoding == .utf16LittleEndian ? 2 : 1) encoding: NUL byte: this looks like text saved as UTF-16, not UTF-8 "
                + "| save the file as UTF-8 (in most editors: Save with Encoding, UTF-8)",
        ])
        try practice.write(Self.note, Data([0x00, 0x00, 0x01, 0x02, 0x41, 0x00, 0x00, 0x42, 0x10, 0x00, 0x7F, 0x03]))
        #expect(try practice.check().diagnostics.first { $0.location.file == Self.note }?.message
                    == "NUL byte: this looks like a binary file, not a text document")
    }

    /// A YAML tag that asks for a reading GroupChart does not give is an
    /// error at its value: `!!binary TGlseQ==` went onto the claim as
    /// "TGlseQ==" (a fault-injection review). YAML's own tags of what is
    /// written (`!!str`) are read as the value.
    @Test(arguments: [("!!binary TGlseQ==", "!!binary"), ("!custom Jane", "!custom"), ("!!set {a, b}", "!!set"), ("!!str Jane", nil)])
    func aTagGroupChartDoesNotReadIsAnError(value: String, tag: String?) throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        let profile = "members/doe-jane/profile.md"
        try practice.write(profile, try practice.read(profile).replacingOccurrences(of: "first_name: Jane", with: "first_name: \(value)"))
        let found = try practice.check().diagnostics.filter { $0.location.file == profile }
        #expect(found.map { "\($0.location) \($0.rule): \($0.message)" }
                    == tag.map { ["\(profile):2:13 front-matter: the value is tagged \"\($0)\", which GroupChart does not read"] } ?? [])
    }

    @Test func memberFolderWithoutProfile() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        try practice.remove("members/roe-sam/profile.md")
        let found = try practice.check().diagnostics
        #expect(found.map { "\($0.location) \($0.rule)" } == ["members/roe-sam/profile.md:1:1 missing-field"])
    }

    @Test func sessionFolderWithoutSessionNote() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        try practice.remove("sessions/2026-03-05-skills/session.md")
        let found = try practice.check().diagnostics
        #expect(found.map { "\($0.location) \($0.rule)" } == ["sessions/2026-03-05-skills/session.md:1:1 missing-field"])
    }

    @Test func unreadableNoteIsReportedOnceAndStillExists() throws {
        let found = try diagnostics(writing: "---\nsigned_by: torres\n")
        #expect(found.map(\.rule) == ["front-matter"], "the attendee's note exists, so it is not also a missing note")
    }

    @Test func crlfAndByteOrderMarkReadLikeLF() throws {
        let base = try String(contentsOf: FixturePractice.base.appendingPathComponent(Self.note), encoding: .utf8)
        let found = try diagnostics(writing: "\u{FEFF}" + base.replacingOccurrences(of: "\n", with: "\r\n"))
        #expect(found.isEmpty)
    }

    /// Odd roster entries: each is a diagnostic in the group file at the
    /// entry's line and column, never a crash.
    @Test(arguments: [
        ("members: [doe-jane, roe-sam, {id: {a: b}}]", "groups/skills.md:6:35 invalid-value"),
        ("members: [doe-jane, roe-sam, [[]]]", "groups/skills.md:6:30 invalid-value"),
        ("members: [doe-jane, {id: roe-sam, joined: [1]}]", "groups/skills.md:6:43 invalid-value"),
        ("members: [doe-jane, {id: roe-sam, joined: 2026-13-01}]", "groups/skills.md:6:43 invalid-value"),
        ("members: [doe-jane, roe-sam, {}]", "groups/skills.md:6:30 missing-field"),
        ("members: {doe-jane: yes}", "groups/skills.md:6:10 invalid-value"),
    ])
    func oddRosterEntries(members: String, expected: String) throws {
        let group = try String(contentsOf: FixturePractice.base.appendingPathComponent("groups/skills.md"), encoding: .utf8)
            .replacingOccurrences(of: "members: [doe-jane, roe-sam]", with: members)
        let found = try diagnostics(writing: group, to: "groups/skills.md").filter { $0.location.file == "groups/skills.md" }
        #expect(found.map { "\($0.location) \($0.rule)" } == [expected])
    }

    /// Addendum headings that name no date or clinician, or an impossible
    /// one: an invalid-value at the word that is wrong (the heading when a
    /// word is missing), never a crash.
    @Test(arguments: [("## Addendum", 1), ("# ADDENDUM 9999-99-99 torres", 12), ("## Addendum 06/03/2026 torres", 13),
                      ("### Addendum 2026-03-06 Torres", 25), ("## Addendum 2026-03-06", 1)])
    func oddAddendumHeadings(heading: String, column: Int) throws {
        let base = try String(contentsOf: FixturePractice.base.appendingPathComponent(Self.note), encoding: .utf8)
        let found = try diagnostics(writing: base + "\n\(heading)\nShe called.\n")
        #expect(found.map { "\($0.location) \($0.rule)" } == ["\(Self.note):18:\(column) invalid-value"], "\(found.map(\.message))")
    }
}
