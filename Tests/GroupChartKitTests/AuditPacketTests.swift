import Foundation
@testable import GroupChartKit
import GroupChartTestSupport
import Testing

/// The audit packet goes to a payer about one member: every other member
/// appears by initials only, as its footer says, in the group note and in
/// the member's own note and its 90785 factor, whatever the case and accents
/// the names are written with (auditor review: "Chloe Martin", "MARIA" and
/// the member's own note naming "Lily Chen" were printed whole).
@Suite struct AuditPacketTests {
    @Test func otherMembersAppearByInitialsOnly() throws {
        let practice = try FixturePractice(base: FixturePractice.repository.appendingPathComponent("examples/dbt-skills"))
        defer { practice.delete() }
        let session = "sessions/2026-03-12-dbt-skills/session.md"
        try practice.write(session, try practice.read(session).replacingOccurrences(
            of: "## Incidents\n", with: "## Incidents\nChloe Martin, Lan Nguyen, MARIA and Reyes' friend were mentioned by the lily pond.\n"))
        let note = "sessions/2026-03-12-dbt-skills/okonkwo-david.md"
        try practice.write(note, try practice.read(note)
            .replacingOccurrences(of: "---\n## Participation\n", with: "interactive_complexity: \"Lily escalated and needed redirection\"\n---\n## Participation\nHe sat next to Lily Chen.\n"
                                  + "He spoke with Ms. Ch\u{AD}en and Mr. \u{41C}artin.\n"))
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("groupchart-audit-\(UUID().uuidString).html")
        defer { try? FileManager.default.removeItem(at: output) }
        let packet = try Builder.auditPacket(practice.root, member: "okonkwo-david", from: nil, to: nil, output: output,
                                             options: Checker.Options(today: FixturePractice.today))
        let html = try String(contentsOf: packet.file, encoding: .utf8)
        for whole in ["Chloe Martin", "Lan Nguyen", "MARIA", "Reyes'", "Lily Chen", "Lily escalated"] {
            #expect(!html.contains(whole), "\(whole) is printed whole")
        }
        #expect(html.contains("C. M., L. N., M. and R.' friend") && html.contains("next to L. C.") && html.contains("L. escalated"))
        #expect(html.contains("with Ms. C. and Mr. M."), "a name with a soft hyphen inside, or a Cyrillic letter, is a name")
        #expect(AuditPacket.asDrawn("\u{645}\u{6CC}\u{200C}\u{62E}\u{648}\u{627}\u{647}\u{645} 👩\u{200D}👩") == "\u{645}\u{6CC}\u{200C}\u{62E}\u{648}\u{627}\u{647}\u{645} 👩\u{200D}👩",
                "a word with no Latin letter, and an emoji sequence, are left as written")
        #expect(html.contains("David"), "the member's own name stays")
        #expect(html.contains("by the lily pond"), "a word is not a name: only a name written with a capital is one")
    }

    /// `--out` writes a new file, or over an earlier packet; never over the
    /// billing history (a sent 837 became HTML), a file of the user's, a
    /// named pipe or a device.
    @Test func thePacketIsNeverWrittenOverWhatGroupChartDidNotWrite() throws {
        let practice = try FixturePractice(base: FixturePractice.repository.appendingPathComponent("examples/dbt-skills"))
        defer { practice.delete() }
        let options = Checker.Options(today: FixturePractice.today)
        func write(_ output: URL) -> String? {
            do {
                _ = try Builder.auditPacket(practice.root, member: "okonkwo-david", from: nil, to: nil, output: output, options: options)
                return nil
            } catch {
                return error.description
            }
        }
        let sent = practice.root.appendingPathComponent("submissions/2026-03-13-000000001.837")
        let before = try Data(contentsOf: sent)
        #expect(write(sent)?.hasPrefix("refusing to write into \(sent.path): submissions/ holds the practice's own documents") == true)
        #expect(try Data(contentsOf: sent) == before)
        let own = FileManager.default.temporaryDirectory.appendingPathComponent("groupchart-own-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: own) }
        try Data("my own notes\n".utf8).write(to: own)
        #expect(write(own) == "refusing to write the audit packet over \(own.path), which GroupChart did not write; give --out a new file's name")
        #expect(try String(contentsOf: own, encoding: .utf8) == "my own notes\n")
        let pipe = FileManager.default.temporaryDirectory.appendingPathComponent("groupchart-fifo-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: pipe) }
        #expect(mkfifo(pipe.path, 0o600) == 0)
        #expect(write(pipe)?.hasPrefix("refusing to write the audit packet over") == true)
        let packet = FileManager.default.temporaryDirectory.appendingPathComponent("groupchart-packet-\(UUID().uuidString).html")
        defer { try? FileManager.default.removeItem(at: packet) }
        #expect(write(packet) == nil)
        #expect(write(packet) == nil, "an earlier packet is written over")
    }

    /// The packet's own place (no --out) is written over whatever the
    /// practice's templates wrote: a head.mustache without the generator
    /// line made the second `records` refuse its own packet.
    @Test func thePacketsOwnPlaceIsWrittenOverWithThePracticesTemplates() throws {
        let practice = try FixturePractice(base: FixturePractice.repository.appendingPathComponent("examples/dbt-skills"))
        defer { practice.delete() }
        try practice.write("templates/head.mustache", "<meta charset=\"utf-8\">\n<title>packet</title>\n")
        let options = Checker.Options(today: FixturePractice.today)
        let first = try Builder.auditPacket(practice.root, member: "okonkwo-david", from: nil, to: nil, output: nil, options: options)
        let second = try Builder.auditPacket(practice.root, member: "okonkwo-david", from: nil, to: nil, output: nil, options: options)
        #expect(first.file == second.file)
    }

    /// Other members' names as notes really write them (the other
    /// apostrophe, a surname in lower case, a name broken across a line),
    /// a session topic naming one, and another member's reason for absence
    /// (their health information) stay out of a member's packet; a note
    /// changed after it was signed says so beside its signature.
    @Test func theAuditorsReviewFindsNoOtherMemberAndNoFalseSignature() throws {
        let practice = try FixturePractice(base: FixturePractice.repository.appendingPathComponent("examples/dbt-skills"))
        defer { practice.delete() }
        func rename(_ member: String, _ from: String, _ to: String) throws {
            let profile = "members/\(member)/profile.md"
            try practice.write(profile, try practice.read(profile).replacingOccurrences(of: from, with: to))
        }
        try rename("bell-marcus", "last_name: Bell", "last_name: \"O'Neill\"")
        try rename("martin-chloe", "last_name: Martin", "last_name: de la Vega")
        try rename("chen-lily", "last_name: Chen", "last_name: Van Buren")
        let session = "sessions/2026-03-12-dbt-skills/session.md"
        try practice.write(session, try practice.read(session)
            .replacingOccurrences(of: "reason: illness}", with: "reason: inpatient admission after relapse}")
            .replacingOccurrences(of: "topic: TIPP Skills and Crisis Survival Strategies", with: "topic: TIPP Skills, led by Mr. O\u{2019}Neill")
            .replacingOccurrences(of: "## Incidents\n", with: "## Incidents\nMr. O\u{2019}Neill and Ms. de la Vega arrived with Ms. Van\nBuren.\n"))
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("groupchart-audit-\(UUID().uuidString).html")
        defer { try? FileManager.default.removeItem(at: output) }
        let packet = try Builder.auditPacket(practice.root, member: "okonkwo-david", from: nil, to: nil, output: output,
                                             options: Checker.Options(today: FixturePractice.today))
        let html = try String(contentsOf: packet.file, encoding: .utf8)
        for whole in ["O\u{2019}Neill", "O&#39;Neill", "O'Neill", "de la Vega", "Van\nBuren", "Van Buren", "inpatient admission"] {
            #expect(!html.contains(whole), "\(whole) is printed")
        }
        #expect(html.contains("Mr. O. and Ms. d. arrived with Ms. V."), "the names as initials")
        #expect(html.contains("led by Mr. O."))
        #expect(html.contains("Changed after it was signed"), "the session note, signed with a digest, was edited here")
    }

    /// A note changed after `sign` is marked so beside its signature, in
    /// the packet and the records, where it printed as validly signed.
    @Test func aNoteChangedAfterSigningIsMarkedBesideItsSignature() throws {
        let practice = try FixturePractice(base: FixturePractice.repository.appendingPathComponent("examples/dbt-skills"))
        defer { practice.delete() }
        let note = "sessions/2026-03-19-dbt-skills/reyes-maria.md"
        let text = try practice.read(note)
        #expect(text.contains("digest: sha256:"))
        try practice.write(note, text.replacingOccurrences(of: "## Participation\n", with: "## Participation\nEdited later. "))
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("groupchart-audit-\(UUID().uuidString).html")
        defer { try? FileManager.default.removeItem(at: output) }
        let packet = try Builder.auditPacket(practice.root, member: "reyes-maria", from: nil, to: nil, output: output,
                                             options: Checker.Options(today: FixturePractice.today))
        let html = try String(contentsOf: packet.file, encoding: .utf8)
        #expect(html.components(separatedBy: "Changed after it was signed: the text above no longer matches this digest").count == 2)
    }
}
