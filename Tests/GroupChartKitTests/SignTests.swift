import Foundation
import GroupChartKit
import GroupChartTestSupport
import Testing

/// `groupchart sign`: the signature goes into the front-matter and nothing
/// else in the file changes; what `check` compares is what `sign` wrote.
@Suite struct SignTests {
    static let note = "sessions/2026-03-05-skills/doe-jane.md"
    static let body = """
        ## Participation
        Ms. Doe joined every exercise and described a quarrel with her sister in detail.

        ## Goals
        - G1: In progress. Urges came four times this week, down from six.
        - G2: In progress. She now names two skills, opposite action and distraction.

        ## Risk
        Urges rated 3 of 10, no acts. Risk level: low.

        ## Plan
        Keep practising paced breathing twice daily before the next meeting.

        """
    static let evening = Timestamp(date: LocalDate(year: 2026, month: 3, day: 5)!, time: LocalTime(hour: 17, minute: 40)!)

    /// The base practice with Jane's note unsigned: `frontMatter` between the fences.
    static func practice(frontMatter: String = "# written in session\ninteractive_complexity: \"\"\n") throws -> FixturePractice {
        let practice = try FixturePractice()
        try practice.write(note, "---\n\(frontMatter)---\n\(body)")
        return practice
    }

    static func sign(_ practice: FixturePractice, by clinician: String = "torres", at time: Timestamp = evening,
                     force: Bool = false) throws(Refusal) -> NoteSigner.Signed {
        try NoteSigner.sign(practice.root.appendingPathComponent(note), by: clinician, at: time, force: force)
    }

    @Test func signingAppendsTheKeysAndTheNoteChecksClean() throws {
        let practice = try Self.practice()
        defer { practice.delete() }
        let signed = try Self.sign(practice)
        #expect(signed.path == Self.note && !signed.replacedSignature)
        #expect(try practice.read(Self.note) == """
            ---
            # written in session
            interactive_complexity: ""
            signed_by: torres
            signed_at: 2026-03-05T17:40
            digest: \(signed.digest)
            ---
            \(Self.body)
            """)
        #expect(try practice.check().places == [])
    }

    /// A note that is a link to a file in the practice (check follows it)
    /// is signed in the file it points at: the link stays a link, and the
    /// file keeps its permissions (the link was replaced by a file of mode 0777).
    @Test func aLinkedNoteIsSignedWhereItPoints() throws {
        let practice = try Self.practice()
        defer { practice.delete() }
        let draft = "drafts/doe-jane.md"
        try FileManager.default.createDirectory(at: practice.root.appendingPathComponent("drafts"), withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: practice.root.appendingPathComponent(Self.note), to: practice.root.appendingPathComponent(draft))
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: practice.root.appendingPathComponent(draft).path)
        try FileManager.default.createSymbolicLink(atPath: practice.root.appendingPathComponent(Self.note).path,
                                                   withDestinationPath: "../../\(draft)")
        _ = try Self.sign(practice)
        let link = practice.root.appendingPathComponent(Self.note).path
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "../../\(draft)")
        #expect(try practice.read(draft).contains("signed_by: torres"))
        let mode = try FileManager.default.attributesOfItem(atPath: practice.root.appendingPathComponent(draft).path)[.posixPermissions] as? Int
        #expect(mode == 0o640)
        #expect(try practice.check().places == [])
    }

    /// Present keys are replaced on their lines, comments kept in their
    /// column; key order, other lines and quoting stay as written.
    @Test func presentKeysAreReplacedInPlace() throws {
        let practice = try Self.practice(frontMatter: """
            signed_at: "2026-03-05T16:00"   # first draft
            # comment between
            signed_by: park # was park
            interactive_complexity: ""
            """ + "\n")
        defer { practice.delete() }
        let signed = try Self.sign(practice, force: true)
        #expect(signed.replacedSignature)
        #expect(try practice.read(Self.note).hasPrefix("""
            ---
            signed_at: 2026-03-05T17:40     # first draft
            # comment between
            signed_by: torres # was park
            interactive_complexity: ""
            digest: \(signed.digest)
            ---
            ## Participation
            """))
    }

    /// A file written on Windows keeps its CRLF line endings and its
    /// byte-order mark; `check` reads the digest as matching.
    @Test func crlfAndByteOrderMarkAreKept() throws {
        let practice = try Self.practice()
        defer { practice.delete() }
        let original = try practice.read(Self.note).replacingOccurrences(of: "\n", with: "\r\n")
        try practice.write(Self.note, Data([0xEF, 0xBB, 0xBF]) + Data(original.utf8))
        let signed = try Self.sign(practice)
        let bytes = try Data(contentsOf: practice.root.appendingPathComponent(Self.note))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "a line ending lost its CR")
        #expect(text.contains("\r\nsigned_by: torres\r\nsigned_at: 2026-03-05T17:40\r\ndigest: \(signed.digest)\r\n---\r\n"))
        #expect(try practice.check().places == [])
    }

    /// The signed text ends where the Addendum heading starts, without the
    /// white space before it (format.md): an addendum after a blank line,
    /// after none, or in a file saved with CRLF since, leaves it as signed.
    @Test(arguments: ["\n", "", "  \n\n\n"])
    func anAddendumAfterTheSignedTextIsClean(gap: String) throws {
        let practice = try Self.practice()
        defer { practice.delete() }
        _ = try Self.sign(practice)
        let signed = try practice.read(Self.note)
        let addendum = "## Addendum 2026-03-06 torres\nShe called: urges came three times, not four.\n"
        try practice.write(Self.note, signed + gap + addendum)
        #expect(try practice.check().places == [])
        try practice.write(Self.note, (signed + gap + addendum).replacingOccurrences(of: "\n", with: "\r\n"))
        #expect(try practice.check().places == [])
    }

    /// One visible character of the body, or one value of the front-matter,
    /// changed after signing is a mismatch, addendum or not: the claim is
    /// built from both.
    @Test func aChangeAboveTheAddendumIsAMismatch() throws {
        let practice = try Self.practice()
        defer { practice.delete() }
        _ = try Self.sign(practice)
        let signed = try practice.read(Self.note)
        let addendum = "\n## Addendum 2026-03-06 torres\nShe called.\n"
        let mismatch = ["\(Self.note):6:9 signature-mismatch"]
        try practice.write(Self.note, signed.replacingOccurrences(of: "down from six.", with: "down from six!") + addendum)
        #expect(try practice.check().places == mismatch)
        try practice.write(Self.note, signed.replacingOccurrences(of: "interactive_complexity: \"\"", with: "interactive_complexity: \"interpreter\""))
        #expect(try practice.check().places.filter { $0.hasSuffix("signature-mismatch") } == mismatch)
        let session = "sessions/2026-03-05-skills/session.md"
        _ = try NoteSigner.sign(practice.root.appendingPathComponent(session), by: "torres", at: Self.evening, force: true)
        try practice.write(Self.note, signed)
        let signedSession = try practice.read(session)
        try practice.write(session, signedSession.replacingOccurrences(of: "end: \"15:30\"", with: "end: \"15:20\""))
        #expect(try practice.check().places == ["\(session):14:9 signature-mismatch"])
    }

    /// A signature is dated at most five minutes ahead of the clock: `--at`
    /// later is refused, and nothing is written.
    @Test func aSignatureFromTheFutureIsRefused() throws {
        let practice = try Self.practice()
        defer { practice.delete() }
        let before = try practice.read(Self.note)
        let now = Self.evening
        let later = Timestamp(date: now.date, time: LocalTime(hour: 17, minute: 46)!)
        let refusal = #expect(throws: Refusal.self) {
            try NoteSigner.sign(practice.root.appendingPathComponent(Self.note), by: "torres", at: later, now: now)
        }
        #expect(refusal?.description == """
            --at 2026-03-05T17:46 is in the future (it is now 2026-03-05T17:40): a signature states when the note was \
            signed, so it cannot be later than now; give the present time or an earlier one
            """)
        #expect(try practice.read(Self.note) == before)
        let allowed = Timestamp(date: now.date, time: LocalTime(hour: 17, minute: 45)!)
        #expect(try NoteSigner.sign(practice.root.appendingPathComponent(Self.note), by: "torres", at: allowed, now: now).signedAt == allowed)
    }

    @Test func anUnknownClinicianIsRefusedWithTheNearestID() throws {
        let practice = try Self.practice()
        defer { practice.delete() }
        let refusal = #expect(throws: Refusal.self) { try Self.sign(practice, by: "tores") }
        #expect(refusal?.description == "\"tores\" is not a clinician of practice.yaml: did you mean \"torres\"?")
    }

    /// A clinician who did not lead the session is refused: `check` calls
    /// the note so signed `unsigned-note` at once (`sign` signed it, said
    /// so, and the next check failed on it: a clinician's review).
    @Test func aClinicianWhoDidNotLeadTheSessionIsRefused() throws {
        let practice = try Self.practice()
        defer { practice.delete() }
        try practice.write("practice.yaml", try practice.read("practice.yaml").replacingOccurrences(
            of: "clinicians:\n", with: "clinicians:\n  lee: {name: Morgan Lee, credentials: LCSW, npi: \"1972030023\"}\n"))
        let before = try practice.read(Self.note)
        let refusal = #expect(throws: Refusal.self) { try Self.sign(practice, by: "lee") }
        #expect(refusal?.description == """
            \(Self.note): it would be signed by "lee", who did not lead the session (torres and park did): \
            the clinician who provided the service signs its note, --by torres; or correct who led it
            """)
        #expect(try practice.read(Self.note) == before)
        #expect(try Self.sign(practice, by: "park").clinician == "park")
    }

    /// A session note that names no facilitator takes the group's as the
    /// group reads today: once the group's facilitator changes (a clinician
    /// left), its signer is told to write who led it in the session note,
    /// not only to sign again as the new facilitator, who never led it and
    /// whose NPI the replacements would then carry (a year-on review).
    @Test func aSessionThatTookTheGroupsFacilitatorIsToldToNameItsOwn() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        try practice.write("practice.yaml", try practice.read("practice.yaml").replacingOccurrences(
            of: "clinicians:\n", with: "clinicians:\n  lee: {name: Morgan Lee, credentials: LCSW, npi: \"1003000126\"}\n"))
        let session = "sessions/2026-03-05-skills/session.md"
        try practice.write(session, try practice.read(session).replacingOccurrences(of: "facilitator: torres\nco_facilitator: park\n", with: ""))
        let clean = try practice.check()
        #expect(clean.places == [], "\(clean.diagnostics.map(\.message))")
        try practice.write("groups/skills.md", try practice.read("groups/skills.md").replacingOccurrences(of: "facilitator: torres", with: "facilitator: lee"))
        let found = try practice.check().diagnostics.filter { $0.rule == "unsigned-note" }
        let atSession = try #require(found.first { $0.location.file == session })
        #expect(atSession.message == "signed by \"torres\", who did not lead the session (lee and park did)")
        #expect(atSession.help == "\(session) names no facilitator, so it takes the group's (lee) as the group reads today: if torres led "
                + "the session, write facilitator: torres in it and sign it again (groupchart sign \(session) --by torres --force); if not, "
                + "the clinician who provided the service signs its note: groupchart sign \(session) --by lee --force")
        #expect(found.contains { $0.location.file.hasSuffix("doe-jane.md") && $0.help.hasPrefix("\(session) names no facilitator") })
    }

    /// A note made read-only is refused, with how to make it writable: it was
    /// replaced all the same, since its folder was writable, and its owner
    /// changed to whoever signed (a fault-injection review).
    @Test func aReadOnlyNoteIsRefusedNotReplaced() throws {
        let practice = try Self.practice()
        defer { practice.delete() }
        let file = practice.root.appendingPathComponent(Self.note).path
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: file)
        let before = try practice.read(Self.note)
        let refusal = #expect(throws: Refusal.self) { try Self.sign(practice) }
        #expect(refusal?.description == "\(Self.note): it is read-only: make the file writable to sign it (chmod u+w and its name, in a terminal)")
        #expect(try practice.read(Self.note) == before)
        #expect((try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int) == 0o444)
    }

    /// A note with errors is not signed; the errors are listed.
    @Test func aNoteWithErrorsIsRefused() throws {
        let practice = try Self.practice()
        defer { practice.delete() }
        let unfinished = Self.body.replacingOccurrences(of: "Urges rated 3 of 10, no acts. Risk level: low.", with: "TODO")
        try practice.write(Self.note, "---\n---\n" + unfinished)
        let refusal = #expect(throws: Refusal.self) { try Self.sign(practice) }
        #expect(refusal?.description == """
            \(Self.note): it has 2 errors, and a note is signed once it is complete; fix them, then sign it:
              \(Self.note):10:1: section "Risk" holds only the placeholder "TODO" [empty-section]
              \(Self.note):10:1: section "Risk" states no risk level [risk-level]
            """)
        #expect(try practice.read(Self.note) == "---\n---\n" + unfinished)
    }

    /// Errors about the claim rather than the note (here: no benefit
    /// verification) do not stop a signature.
    @Test func claimErrorsDoNotStopASignature() throws {
        let practice = try Self.practice()
        defer { practice.delete() }
        let profile = try practice.read("members/doe-jane/profile.md")
        try practice.write("members/doe-jane/profile.md", profile.replacingOccurrences(
            of: "  benefits: {verified_on: 2026-01-05, verified_by: torres, group_therapy_covered: true, copay: 20.00}\n", with: ""))
        _ = try Self.sign(practice)
        #expect(try practice.check().places == ["\(Self.note):1:1 benefits-unverified"])
    }

    @Test func aSignedNoteIsSignedAgainOnlyWithForce() throws {
        let practice = try Self.practice()
        defer { practice.delete() }
        _ = try Self.sign(practice)
        let first = try practice.read(Self.note)
        let refusal = #expect(throws: Refusal.self) { try Self.sign(practice, by: "park") }
        #expect(refusal?.description.hasPrefix("\(Self.note): it is already signed by torres at 2026-03-05T17:40;") == true)
        #expect(try practice.read(Self.note) == first)
        let later = Timestamp(date: LocalDate(year: 2026, month: 3, day: 6)!, time: LocalTime(hour: 9, minute: 0)!)
        #expect(try Self.sign(practice, by: "park", at: later, force: true).replacedSignature)
        #expect(try practice.read(Self.note) == first.replacingOccurrences(of: "signed_by: torres\nsigned_at: 2026-03-05T17:40",
                                                                        with: "signed_by: park\nsigned_at: 2026-03-06T09:00"))
    }

    /// Half a signature typed by hand (`signed_by` without `signed_at`, or
    /// the reverse), which `check` calls unsigned and tells to sign, is
    /// completed by `sign` rather than refused as already signed; a digest
    /// left without its `signed_at` is a signature that lost a line, and is
    /// not completed over text that may have changed.
    @Test func halfASignatureIsCompleted() throws {
        for half in ["signed_by: torres\n", "signed_at: \"2026-03-05T16:00\"\n"] {
            let practice = try Self.practice(frontMatter: half)
            defer { practice.delete() }
            #expect(try practice.check().places.contains { $0.hasSuffix("unsigned-note") }, "check: \(half)")
            let signed = try Self.sign(practice)
            #expect(!signed.replacedSignature)
            #expect(try practice.read(Self.note).contains("signed_by: torres\n") && practice.read(Self.note).contains("signed_at: 2026-03-05T17:40\n"))
            #expect(try practice.check().places == [])
        }
        let practice = try Self.practice(frontMatter: "signed_by: torres\ndigest: sha256:\(String(repeating: "0", count: 64))\n")
        defer { practice.delete() }
        #expect(throws: Refusal.self) { try Self.sign(practice) }
        // Half a signature naming another clinician is theirs to complete.
        let other = try Self.practice(frontMatter: "signed_by: torres\n")
        defer { other.delete() }
        let refusal = #expect(throws: Refusal.self) { try Self.sign(other, by: "park") }
        #expect(refusal?.description.contains("names signed_by: torres without signed_at") == true)
        #expect(try Self.sign(other, by: "park", force: true).clinician == "park")
    }

    /// A note changed after signing is refused with the way out.
    @Test func aChangedSignedNoteIsRefused() throws {
        let practice = try Self.practice()
        defer { practice.delete() }
        _ = try Self.sign(practice)
        try practice.write(Self.note, try practice.read(Self.note).replacingOccurrences(of: "four times", with: "three times"))
        let refusal = #expect(throws: Refusal.self) { try Self.sign(practice) }
        #expect(refusal?.description.contains("was changed after it was signed by torres at 2026-03-05T17:40") == true)
    }

    /// Under an addendum a signature is never replaced, even with force.
    @Test func anAmendedNoteIsNeverSignedAgain() throws {
        let practice = try Self.practice()
        defer { practice.delete() }
        _ = try Self.sign(practice)
        let amended = try practice.read(Self.note) + "## Addendum 2026-03-06 torres\nShe called.\n"
        try practice.write(Self.note, amended)
        let refusal = #expect(throws: Refusal.self) { try Self.sign(practice, force: true) }
        #expect(refusal?.description.contains("has an addendum (line 20)") == true)
        #expect(try practice.read(Self.note) == amended)
    }

    @Test func aSignatureBeforeTheSessionEndedIsRefused() throws {
        let practice = try Self.practice()
        defer { practice.delete() }
        let during = Timestamp(date: LocalDate(year: 2026, month: 3, day: 5)!, time: LocalTime(hour: 15, minute: 0)!)
        let refusal = #expect(throws: Refusal.self) { try Self.sign(practice, at: during) }
        #expect(refusal?.description.hasPrefix("\(Self.note): the session ended at 2026-03-05T15:30") == true)
    }

    @Test func onlyNotesAreSigned() throws {
        let practice = try Self.practice()
        defer { practice.delete() }
        let plan = practice.root.appendingPathComponent("members/doe-jane/plan-2026-01-29.md")
        let refusal = #expect(throws: Refusal.self) { try NoteSigner.sign(plan, by: "torres", at: Self.evening) }
        #expect(refusal?.description.contains("is a treatment plan") == true)
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("groupchart-outside-\(UUID().uuidString).md")
        try "---\n---\n".write(to: outside, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: outside) }
        #expect(throws: Refusal.self) { try NoteSigner.sign(outside, by: "torres", at: Self.evening) }
    }

    /// A key whose value spans lines is not guessed at.
    @Test func aValueOverSeveralLinesIsRefused() throws {
        let practice = try Self.practice(frontMatter: "signed_by: >\n  torres\n")
        defer { practice.delete() }
        let refusal = #expect(throws: Refusal.self) { try Self.sign(practice, force: true) }
        #expect(refusal?.description.hasPrefix("\(Self.note): its \"signed_by\" is written over several lines") == true)
    }
}
