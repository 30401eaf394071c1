import Foundation
@testable import GroupChartKit
import GroupChartTestSupport
import Testing

/// `build` after saves that changed only what notes say renders what they
/// touched and keeps the rest (`TextOnlyBuild`), and leaves exactly the
/// outputs and diagnostics of a build of the whole practice; any other save
/// is built whole.
@Suite struct TextOnlyBuildTests {
    static let session = "sessions/2026-03-19-dbt-skills"
    static let note = "\(session)/martin-chloe.md"
    static let options = TextOnlyEditsTests.options

    /// The example with the session's note and `note` signed without a
    /// digest (their text can change and the session stays clean), built
    /// into `output` with every file's stamp settled.
    static func built(_ practice: FixturePractice, into output: URL, start: Date) throws {
        try? practice.remove("build")
        for path in [note, "\(session)/session.md"] {
            let text = try practice.read(path)
            try practice.write(path, text.components(separatedBy: "\n").filter { !$0.hasPrefix("digest: ") }.joined(separator: "\n"))
        }
        try IncrementalEquivalenceTests.settle(practice.root, step: 0, since: start)
        let first = try build(practice, into: output)
        #expect(first.written.contains("\(session).html"))
    }

    static func build(_ practice: FixturePractice, into output: URL) throws -> Builder.Result {
        try Builder.build(practice.root, options: Builder.Options(checker: options, output: output))
    }

    /// Adds `sentence` to the first paragraph of `path`'s text, and dates
    /// the save `step` seconds after `start`, settled (as
    /// `IncrementalEquivalenceTests.settle`).
    static func say(_ sentence: String, in path: String, _ practice: FixturePractice, step: Int, since start: Date) throws {
        var lines = try practice.read(path).components(separatedBy: "\n")
        let heading = try #require(lines.firstIndex { $0.hasPrefix("## ") })
        lines[heading + 1] = sentence + " " + lines[heading + 1]
        try practice.write(path, lines.joined(separator: "\n"))
        try IncrementalEquivalenceTests.settle(practice.root, step: step, since: start)
    }

    /// The build into `output` gives what a cold build gives: every output
    /// byte for byte, and every diagnostic as a printer shows it.
    static func expectSameAsCold(_ result: Builder.Result, _ practice: FixturePractice, output: URL) throws {
        let cold = FileManager.default.temporaryDirectory.appendingPathComponent("groupchart-cold-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: cold) }
        let whole = try build(practice, into: cold)
        #expect(!whole.fromTextOnlyEdits)
        #expect(IncrementalEquivalenceTests.full(result.report) == IncrementalEquivalenceTests.full(whole.report))
        let built = IncrementalEquivalenceTests.outputs(output), expected = IncrementalEquivalenceTests.outputs(cold)
        #expect(Set(built.keys) == Set(expected.keys))
        #expect(built.keys.sorted().filter { built[$0] != expected[$0] } == [])
        #expect(result.written == whole.written)
    }

    static func example() throws -> (FixturePractice, URL) {
        try TextOnlyEditsTests.example()
    }

    @Test func aProgressNoteRewordedRendersItsPacketAndChartOnly() throws {
        let (practice, output) = try Self.example()
        defer { practice.delete(); try? FileManager.default.removeItem(at: output) }
        let start = Date()
        try Self.built(practice, into: output, start: start)
        try Self.say("She came in early and set out the cards.", in: Self.note, practice, step: 1, since: start)
        let result = try Self.build(practice, into: output)
        #expect(result.fromTextOnlyEdits)
        #expect(result.rendered == 2)
        let packet = try String(contentsOf: output.appendingPathComponent("\(Self.session).html"), encoding: .utf8)
        let chart = try String(contentsOf: output.appendingPathComponent("members/martin-chloe.html"), encoding: .utf8)
        #expect(packet.contains("She came in early and set out the cards.") && chart.contains("She came in early and set out the cards."))
        try Self.expectSameAsCold(result, practice, output: output)
    }

    @Test func aSessionNoteRewordedRendersThePacketAndItsMembersCharts() throws {
        let (practice, output) = try Self.example()
        defer { practice.delete(); try? FileManager.default.removeItem(at: output) }
        let start = Date()
        try Self.built(practice, into: output, start: start)
        try Self.say("The room was cold; the group moved to the annex.", in: "\(Self.session)/session.md", practice,
                     step: 1, since: start)
        let result = try Self.build(practice, into: output)
        #expect(result.fromTextOnlyEdits)
        // The packet and the chart of every member the session names.
        #expect(result.rendered == 1 + 8)
        try Self.expectSameAsCold(result, practice, output: output)
    }

    /// Saved and built twice, then checked: each build and the check read
    /// what the build before left (the addenda of its cache), and a build
    /// of the whole practice takes the addenda into its cache and removes them.
    @Test func savesInARowAreEachBuiltFromTheLast() throws {
        let (practice, output) = try Self.example()
        defer { practice.delete(); try? FileManager.default.removeItem(at: output) }
        let start = Date()
        try Self.built(practice, into: output, start: start)
        let cache = BuildCache.folder(of: output)
        let addendum = cache.appendingPathComponent(CompiledDocuments.addendumName(of: CompiledDocuments.name))
        for (step, sentence) in ["She came in early.", "She left on time."].enumerated() {
            try Self.say(sentence, in: Self.note, practice, step: step + 1, since: start)
            let result = try Self.build(practice, into: output)
            #expect(result.fromTextOnlyEdits, "build \(step + 1)")
            #expect(FileManager.default.fileExists(atPath: addendum.path))
            try Self.expectSameAsCold(result, practice, output: output)
        }
        try Self.say("The group reviewed the diary cards.", in: "\(Self.session)/session.md", practice, step: 3, since: start)
        let (fromBuild, whole) = try TextOnlyEditsTests.checks(practice, from: output)
        #expect(fromBuild.answeredByTextOnlyEdits == 1)
        #expect(IncrementalEquivalenceTests.full(fromBuild) == IncrementalEquivalenceTests.full(whole))
        // A save of a profile: the whole practice is built, and its cache holds all.
        let profile = "members/chen-lily/profile.md"
        try practice.write(profile, try practice.read(profile).replacingOccurrences(of: "first_name: ", with: "first_name: Jo"))
        try IncrementalEquivalenceTests.settle(practice.root, step: 4, since: start)
        let whole2 = try Self.build(practice, into: output)
        #expect(!whole2.fromTextOnlyEdits && !FileManager.default.fileExists(atPath: addendum.path))
        // The note built twice comes from the addendum, as built last.
        #expect(whole2.parsed == 2, "only the profile and the session's note, saved since the last build, are parsed")
        try Self.expectSameAsCold(whole2, practice, output: output)
    }

    /// The example with patel-arjun, named in 2026-03-19 only, given the
    /// insurance id reyes-maria's 2026-03-12 claims were billed under (two
    /// members of one family plan), signed without digests where it is
    /// edited; built.
    static func sharedInsuranceID(_ practice: FixturePractice, into output: URL, start: Date) throws {
        let profile = "members/patel-arjun/profile.md", earlier = "sessions/2026-03-12-dbt-skills/session.md"
        try practice.write(profile, try practice.read(profile).replacingOccurrences(of: "AET-5529031648", with: "AET-4408127763"))
        try practice.write(earlier, try practice.read(earlier).components(separatedBy: "\n")
            .filter { !$0.hasPrefix("digest: ") && !$0.contains("patel-arjun:") }.joined(separator: "\n"))
        let note = "\(session)/patel-arjun.md"
        try practice.write(note, try practice.read(note).components(separatedBy: "\n").filter { !$0.hasPrefix("digest: ") }
            .joined(separator: "\n"))
        try built(practice, into: output, start: start)
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("members/patel-arjun.html").path))
    }

    /// A claim billed from a session the saved member's chart does not read
    /// is built by the whole practice: it is neither planned nor listed from
    /// the part (the reimbursement ledger would give it, not built, to the
    /// first member of its insurance id, which two members share).
    @Test func aClaimBilledFromASessionOutsideThePartIsLeftToTheWhole() throws {
        let (practice, output) = try Self.example()
        defer { practice.delete(); try? FileManager.default.removeItem(at: output) }
        let start = Date()
        try Self.sharedInsuranceID(practice, into: output, start: start)
        try Self.say("He came in early.", in: "\(Self.session)/patel-arjun.md", practice, step: 1, since: start)
        let result = try Self.build(practice, into: output)
        #expect(result.fromTextOnlyEdits)
        try Self.expectSameAsCold(result, practice, output: output)
    }

    /// A save that changes what the checker finds changes what the records
    /// and the dashboard show: the whole practice is built.
    @Test func aSaveThatChangesTheDiagnosticsIsBuiltWhole() throws {
        let (practice, output) = try Self.example()
        defer { practice.delete(); try? FileManager.default.removeItem(at: output) }
        let start = Date()
        try Self.built(practice, into: output, start: start)
        // Another member named in her note (other-member-named).
        try Self.say("She sat next to Lily Chen.", in: Self.note, practice, step: 1, since: start)
        let result = try Self.build(practice, into: output)
        #expect(!result.fromTextOnlyEdits)
        #expect(result.report.diagnostics.contains { $0.location.file == Self.note && $0.rule == "other-member-named" })
        try Self.expectSameAsCold(result, practice, output: output)
    }

    /// An output changed or removed since the last build is not kept: the whole practice is built.
    @Test(arguments: ["claims.csv", "index.html"])
    func anOutputChangedSinceIsBuiltAgain(path: String) throws {
        let (practice, output) = try Self.example()
        defer { practice.delete(); try? FileManager.default.removeItem(at: output) }
        let start = Date()
        try Self.built(practice, into: output, start: start)
        try Self.say("She came in early.", in: Self.note, practice, step: 1, since: start)
        try FileManager.default.removeItem(at: output.appendingPathComponent(path))
        let result = try Self.build(practice, into: output)
        #expect(!result.fromTextOnlyEdits)
        try Self.expectSameAsCold(result, practice, output: output)
    }
}
