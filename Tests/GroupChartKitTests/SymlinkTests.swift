import Foundation
import GroupChartKit
import GroupChartTestSupport
import Testing

/// Symbolic links in a practice: followed only to a regular file inside the
/// practice; every other link (outside, dangling, to a folder) is a `symlink`
/// error, reported once, and what it points at is never read.
@Suite struct SymlinkTests {
    static let note = "sessions/2026-03-05-skills/doe-jane.md"

    private func link(_ path: String, to target: String, in practice: FixturePractice) throws {
        let url = practice.root.appendingPathComponent(path)
        if FileManager.default.fileExists(atPath: url.path) { try FileManager.default.removeItem(at: url) }
        try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: target)
    }

    /// A secret outside the practice that no record may ever show.
    private func secretOutside() throws -> URL {
        let secret = FileManager.default.temporaryDirectory.appendingPathComponent("groupchart-secret-\(UUID().uuidString).md")
        let note = try String(contentsOf: FixturePractice.base.appendingPathComponent(Self.note), encoding: .utf8)
        try (note + "\nSECRET-OUTSIDE-THE-PRACTICE\n").write(to: secret, atomically: true, encoding: .utf8)
        return secret
    }

    @Test func aLinkToAFileOutsideIsNotFollowed() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        let secret = try secretOutside()
        defer { try? FileManager.default.removeItem(at: secret) }
        try link(Self.note, to: secret.path, in: practice)
        let found = try practice.check().diagnostics
        #expect(found.map { "\($0.location) \($0.rule)" } == ["\(Self.note):1:1 symlink"],
                "reported once: the note counts as existing, so no missing-member-note")
        #expect(found.first?.message == "\"\(Self.note)\" is a symbolic link to \"\(secret.path)\", outside the practice folder; GroupChart does not follow it")

        let output = FileManager.default.temporaryDirectory.appendingPathComponent("groupchart-out-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let result = try Builder.build(practice.root, options: Builder.Options(checker: Checker.Options(today: FixturePractice.today), output: output))
        for path in result.written {
            let text = try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
            #expect(!text.contains("SECRET-OUTSIDE-THE-PRACTICE"), "\(path) shows a file from outside the practice")
        }
    }

    @Test func aRelativeLinkThatClimbsOutIsNotFollowed() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        let secret = try secretOutside()
        defer { try? FileManager.default.removeItem(at: secret) }
        try link(Self.note, to: "../../../" + secret.lastPathComponent, in: practice)
        #expect(try practice.check().places == ["\(Self.note):1:1 symlink"])
    }

    @Test func aDanglingLink() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        try link(Self.note, to: "doe-jane-draft.md", in: practice)
        let found = try practice.check().diagnostics
        #expect(found.map { "\($0.location) \($0.rule)" } == ["\(Self.note):1:1 symlink"])
        #expect(found.first?.message.contains("which does not exist") == true)
    }

    @Test func aLinkToAFileInsideIsFollowed() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        try practice.write("drafts/doe-jane.md", try practice.read(Self.note).replacingOccurrences(of: "Risk level: low.", with: ""))
        try link(Self.note, to: "../../drafts/doe-jane.md", in: practice)
        #expect(try practice.check().places == ["\(Self.note):12:1 risk-level"], "read through the link, reported at the link's path")
    }

    @Test func linksToFoldersAreNeverFollowed() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("groupchart-folder-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: outside) }
        try link("members/roe-sam/individual", to: outside.path, in: practice)
        try link("groups/loop", to: "..", in: practice)
        let found = try practice.check().places
        #expect(found == ["groups/loop:1:1 symlink", "members/roe-sam/individual:1:1 symlink"])
    }

    @Test func aRecordFolderThatIsALink() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        let moved = FileManager.default.temporaryDirectory.appendingPathComponent("groupchart-sessions-\(UUID().uuidString)")
        try FileManager.default.moveItem(at: practice.root.appendingPathComponent("sessions"), to: moved)
        defer { try? FileManager.default.removeItem(at: moved) }
        try link("sessions", to: moved.path, in: practice)
        #expect(try practice.check().places == ["sessions:1:1 symlink"])
    }

    @Test func aTemplateLinkedFromOutsideStopsTheBuild() throws {
        let practice = try FixturePractice()
        defer { practice.delete() }
        let secret = try secretOutside()
        defer { try? FileManager.default.removeItem(at: secret) }
        try FileManager.default.createDirectory(at: practice.root.appendingPathComponent("templates"), withIntermediateDirectories: true)
        try link("templates/index.mustache", to: secret.path, in: practice)
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("groupchart-out-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        #expect {
            _ = try Builder.build(practice.root, options: Builder.Options(checker: Checker.Options(today: FixturePractice.today), output: output))
        } throws: { error in
            "\(error)".hasPrefix("templates/index.mustache:1:1: error: the template is not read:") && "\(error)".contains("outside the practice folder")
        }
    }
}
