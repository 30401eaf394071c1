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
            .replacingOccurrences(of: "---\n## Participation\n", with: "interactive_complexity: \"Lily escalated and needed redirection\"\n---\n## Participation\nHe sat next to Lily Chen.\n"))
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("groupchart-audit-\(UUID().uuidString).html")
        defer { try? FileManager.default.removeItem(at: output) }
        let packet = try Builder.auditPacket(practice.root, member: "okonkwo-david", from: nil, to: nil, output: output,
                                             options: Checker.Options(today: FixturePractice.today))
        let html = try String(contentsOf: packet.file, encoding: .utf8)
        for whole in ["Chloe Martin", "Lan Nguyen", "MARIA", "Reyes'", "Lily Chen", "Lily escalated"] {
            #expect(!html.contains(whole), "\(whole) is printed whole")
        }
        #expect(html.contains("C. M., L. N., M. and R.' friend") && html.contains("next to L. C.") && html.contains("L. escalated"))
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
}
