import Foundation
import GroupChartTestSupport
import Testing

/// Issue 15, point 3: `sign` takes several notes and folders, signs every
/// unsigned note among them that checks clean, and says of each what it
/// did; an unsigned note with an Addendum heading gets advice that works.
@Suite struct SignManyTests {
    typealias Workflow = AuthoringWorkflowTests
    static let yesterday = WhereYouStandTests.yesterday

    /// A session of yesterday with two members, Jordan's note and the
    /// session note written, Riley's not.
    static func session(in top: URL) throws -> (root: URL, folder: String) {
        let root = try WhereYouStandTests.practice(in: top)
        #expect(try Binary.run(["new", "session", "--group", "coping-skills", "--date", yesterday], in: root).status == 0)
        let folder = "sessions/\(yesterday)-coping-skills"
        try WhereYouStandTests.writeSession(root, folder: folder, riley: false)
        return (root, folder)
    }

    static let rileyNote = """
        ## Participation
        Riley arrived anxious after a crowded train ride and led the second breathing round.

        ## Goals
        - G1: Regressed. Two panic attacks since intake, both on trains.

        ## Risk
        No self-harm; sleep is short. Risk level: low.

        ## Plan
        Interoceptive exercise (spinning in a chair) twice before the next meeting.

        """

    @Test func aFolderSignsWhatIsDoneAndSaysWhatIsNot() throws {
        let top = Workflow.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: top) }
        let (root, folder) = try Self.session(in: top)
        let riley = try Workflow.read(root, "\(folder)/example-riley.md")
        let first = try Binary.run(["sign", "practice/\(folder)", "--by", "rivera"], in: top)
        #expect(first.status == 1)
        let lines = first.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines[0].hasPrefix("signed practice/\(folder)/example-jordan.md by rivera at "))
        #expect(lines[1].hasPrefix("not signed practice/\(folder)/example-riley.md: it has 5 errors, and a note is signed once it is complete"))
        #expect(lines.contains { $0.hasPrefix("signed practice/\(folder)/session.md by rivera at ") })
        #expect(lines.last == "2 notes signed, 1 not signed")
        #expect(try Workflow.read(root, "\(folder)/example-riley.md") == riley)

        try Workflow.write(root, "\(folder)/example-riley.md", Workflow.filled(riley, Self.rileyNote))
        let second = try Binary.run(["sign", "practice/\(folder)", "--by", "rivera"], in: top)
        #expect(second.status == 0)
        #expect(second.standardOutput.split(separator: "\n").last == "1 note signed, 0 not signed, 2 already signed")
        #expect(second.standardOutput.contains("already signed, left as it is: practice/\(folder)/session.md\n"))
        #expect(try Binary.run(["check", "practice"], in: top).standardOutput == "0 errors, 0 warnings in 9 files\n")

        let named = try Binary.run(["sign", "\(folder)/session.md", "\(folder)/example-riley.md", "--by", "rivera"], in: root)
        #expect(named.status == 1)
        #expect(named.standardOutput.contains("not signed \(folder)/session.md: it is already signed by rivera at "))
        #expect(named.standardOutput.hasSuffix("0 notes signed, 2 not signed\n"))

        // --force with a folder leaves its signed notes, and says how to replace one.
        let forced = try Binary.run(["sign", "practice/\(folder)", "--by", "rivera", "--force"], in: top)
        let expected = "0 notes signed, 0 not signed, 3 already signed "
            + "(--force replaces the signature only of a note named itself: groupchart sign \"NOTE\" --by ... --force)"
        #expect(forced.standardOutput.split(separator: "\n").last.map(String.init) == expected)
    }

    /// An argument that names no note, or an unknown clinician, refuses the
    /// whole command: exit status 2, one sentence, nothing written.
    @Test func aBadArgumentSignsNothing() throws {
        let top = Workflow.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: top) }
        let (root, folder) = try Self.session(in: top)
        let before = try Workflow.read(root, "\(folder)/session.md")
        for arguments in [[folder, "groups"], [folder, "members/example-jordan/profile.md"], [folder, "no-such-note.md"]] {
            let refused = try Binary.run(["sign"] + arguments + ["--by", "rivera"], in: root)
            #expect(refused.status == 2 && refused.standardOutput.isEmpty, "\(arguments)")
            #expect(refused.standardError.hasPrefix("groupchart: error: ") && refused.standardError.split(separator: "\n").count == 1)
        }
        let stranger = try Binary.run(["sign", folder, "--by", "rivra"], in: root)
        #expect(stranger.status == 2 && stranger.standardError.contains("did you mean \"rivera\"?"))
        #expect(try Workflow.read(root, "\(folder)/session.md") == before)
    }

    /// An unsigned note with an Addendum heading: check and sign both say
    /// to rename the heading, and doing so lets it be signed.
    @Test func anUnsignedNoteWithAnAddendumGetsAdviceThatWorks() throws {
        let top = Workflow.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: top) }
        let (root, folder) = try Self.session(in: top)
        let note = "\(folder)/example-jordan.md"
        try Workflow.write(root, note, try Workflow.read(root, note) + "## Addendum \(Workflow.today) rivera\nJordan called: the deadline passed.\n")
        let check = try Binary.run(["check", "--format", "json"], in: root)
        #expect(check.standardOutput.contains("""
            "help": "the note was never signed, so its \\"Addendum\\" heading (line 19) amends nothing: rename it \
            (for example to \\"## Later entry\\"), then groupchart sign \(note) --by CLINICIAN"
            """))
        let refused = try Binary.run(["sign", note, "--by", "rivera"], in: root)
        #expect(refused.status == 1)
        #expect(refused.standardOutput.contains("it was never signed, so its \"Addendum\" heading (line 19) amends nothing: rename the heading"))
        try Workflow.write(root, note, try Workflow.read(root, note).replacingOccurrences(of: "## Addendum \(Workflow.today) rivera", with: "## Later entry"))
        let signed = try Binary.run(["sign", note, "--by", "rivera"], in: root)
        #expect(signed.status == 0 && signed.standardOutput.hasPrefix("signed \(note) by rivera at "))
    }
}
