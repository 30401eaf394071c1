import Foundation
@testable import GroupChartKit
import GroupChartTestSupport
import Testing

/// Issue 16: "a corrupt, truncated, foreign or stale cache ... never gives
/// wrong diagnostics or wrong outputs; at worst the next build is a cold
/// one." Each file of the cache a build leaves (`build/.groupchart-cache/`)
/// is damaged in turn, every way below, in the build folder of the last
/// build; then `check` and `build` run on the practice as that build left it,
/// after a save of one note's text (which the check answers from the last
/// build when its cache is whole, `TextOnlyEdits`) and after a note copied
/// from another member's (a `similar-notes` error: the rules run again, on
/// what the cache kept of the other sessions), and each is held to what
/// a check without a cache and a cold build into an empty folder give, word
/// for word and byte for byte.
///
/// The tests of each file's own format (`CompiledDocumentsTests`,
/// `BuildCacheTests`) say that damage is refused; this one says that what is
/// refused, and what slips past a format's checks (a stale file is a whole,
/// valid one), never shows in a diagnostic or an output.
@Suite struct CacheDamageTests {
    /// One way a cache file is damaged.
    struct Damage: CustomStringConvertible {
        var description: String
        /// The damaged file's bytes; `nil`: a folder stands in its place (a
        /// cache that cannot be read or written), or a FIFO.
        var bytes: [UInt8]?
        /// A FIFO stands in its place: opened as a file is, it would wait
        /// for a writer for ever, holding the build's lock.
        var isFIFO = false
    }

    /// The ways `bytes` (a cache file) is damaged: emptied, cut short, a bit
    /// flipped in places from the first byte to the last, the same
    /// file of the build before (`stale`), another cache file's bytes
    /// (`foreign`), and a folder in its place.
    static func damages(of bytes: [UInt8], stale: [UInt8]?, foreign: (name: String, bytes: [UInt8])?) -> [Damage] {
        var damages = [Damage(description: "emptied", bytes: []),
                       Damage(description: "cut in half", bytes: Array(bytes.prefix(bytes.count / 2))),
                       Damage(description: "its last byte cut", bytes: Array(bytes.dropLast()))]
        if !bytes.isEmpty {
            // One flip in every 4 KB or so (at least five, from the first
            // byte to the last), each a few bytes off the last's stride, so
            // that the flips fall in the entries of most documents of the
            // example and not always at the same place in each.
            let flips = max(5, bytes.count / 4096)
            let offsets = (0..<flips).map { min(bytes.count - 1, $0 * bytes.count / (flips - 1) + $0 % 7) }
            for offset in Set(offsets).sorted() {
                var flipped = bytes
                flipped[offset] ^= 0x01
                damages.append(Damage(description: "a bit flipped at byte \(offset) of \(bytes.count)", bytes: flipped))
            }
        }
        if let stale, stale != bytes { damages.append(Damage(description: "the build before's", bytes: stale)) }
        if let foreign { damages.append(Damage(description: "\(foreign.name)'s bytes", bytes: foreign.bytes)) }
        damages.append(Damage(description: "a folder in its place", bytes: nil))
        damages.append(Damage(description: "a FIFO in its place", bytes: nil, isFIFO: true))
        return damages
    }

    @Test(.timeLimit(.minutes(10))) func everyCacheFileDamagedEveryWayGivesAColdBuildsDiagnosticsAndOutputs() throws {
        let practice = try FixturePractice(base: FixturePractice.repository.appendingPathComponent("examples/dbt-skills"))
        defer { practice.delete() }
        try? practice.remove("build")
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("groupchart-cache-damage-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let options = Checker.Options(today: FixturePractice.today)
        let build = practice.root.appendingPathComponent("build")
        let cache = build.appendingPathComponent(".groupchart-cache")

        // The note whose text is saved below, unsigned (a signed note's text
        // edited is an error, which no text-only check answers); every file
        // settled two hours ago, so that the stamps a build keeps vouch for
        // the files no edit touched, as on a clinician's disk.
        let copied = "sessions/2026-03-12-dbt-skills/chen-lily.md"
        try practice.write(copied, try practice.read(copied).components(separatedBy: "\n").filter { line in
            !["signed_by: ", "signed_at: ", "digest: "].contains { line.hasPrefix($0) }
        }.joined(separator: "\n"))
        let start = Date()
        try IncrementalEquivalenceTests.settle(practice.root, step: 0, since: start)
        _ = try Builder.build(practice.root, options: Builder.Options(checker: options))
        let before = scratch.appendingPathComponent("cache-before")
        try FileManager.default.copyItem(at: cache, to: before)

        // The last build: after an edit of another note, so that the stale
        // files (the build before's) differ from its own.
        let edited = "sessions/2026-03-12-dbt-skills/reyes-maria.md"
        try practice.write(edited, try practice.read(edited).replacingOccurrences(of: "Ms. Reyes", with: "Ms. Reyes herself"))
        try IncrementalEquivalenceTests.settle(practice.root, step: 1, since: start)
        _ = try Builder.build(practice.root, options: Builder.Options(checker: options))
        let last = scratch.appendingPathComponent("last-build")
        try FileManager.default.copyItem(at: build, to: last)
        // Every file but the lock's, which holds nothing (`BuildLock`).
        let names = try FileManager.default.contentsOfDirectory(atPath: last.appendingPathComponent(".groupchart-cache").path)
            .filter { $0 != BuildLock.name }.sorted()
        #expect(names.count == 3 + DerivedCache.files.count, "every file of the cache is damaged: \(names)")

        // The practice as the last build left it, and with one note's body
        // copied from another member's note of the session.
        let asBuilt = try practice.read(copied)
        let separator = "\n---\n"
        let copy = asBuilt.components(separatedBy: separator)[0] + separator
            + (try practice.read(edited)).components(separatedBy: separator).dropFirst().joined(separator: separator)
        let saved = asBuilt.replacingOccurrences(of: "Ms. Chen attended", with: "Ms. Chen came to")
        let states = [(name: "nothing changed", text: asBuilt, step: 0), (name: "a note's text saved", text: saved, step: 2),
                      (name: "a note copied", text: copy, step: 3)]
        var expected: [(check: [String], build: [String], outputs: [String: Data])] = []
        for state in states {
            try setNote(practice, copied, to: state.text, step: state.step, since: start)
            let cold = scratch.appendingPathComponent("cold-\(state.step)")
            let coldBuild = try Builder.build(practice.root, options: Builder.Options(checker: options, output: cold))
            let coldCheck = try GroupChart.check(practice.root, options: options, buildFolder: scratch.appendingPathComponent("none")).report
            expected.append((IncrementalEquivalenceTests.full(coldCheck), IncrementalEquivalenceTests.full(coldBuild.report),
                             IncrementalEquivalenceTests.outputs(cold)))
        }
        #expect(expected[2].check.contains { $0.contains(" similar-notes ") || $0.contains(" cloned-note ") }, "the copy is found")

        // With the cache whole, the check after the save is answered from
        // the last build, and the builds after the save and after the copy
        // parse that note alone: the damage below is to a cache that is read.
        try restore(last, to: build)
        try setNote(practice, copied, to: saved, step: 2, since: start)
        let whole = try GroupChart.checkReport(practice.root, options: options).report
        #expect((whole.answeredByTextOnlyEdits ?? 0) > 0, "the check after the save is answered from the last build")
        #expect(IncrementalEquivalenceTests.full(whole) == expected[1].check)
        #expect(try Builder.build(practice.root, options: Builder.Options(checker: options)).parsed == 1)
        try restore(last, to: build)
        try setNote(practice, copied, to: copy, step: 3, since: start)
        #expect(try Builder.build(practice.root, options: Builder.Options(checker: options)).parsed == 1)

        var cases = 0
        for (index, name) in names.enumerated() {
            let bytes = [UInt8](try Data(contentsOf: last.appendingPathComponent(".groupchart-cache/\(name)")))
            let stale = FileManager.default.contents(atPath: before.appendingPathComponent(name).path).map { [UInt8]($0) }
            let other = names[(index + 1) % names.count]
            let foreign = try (other, [UInt8](Data(contentsOf: last.appendingPathComponent(".groupchart-cache/\(other)"))))
            for damage in Self.damages(of: bytes, stale: stale, foreign: foreign) {
                for (state, wanted) in zip(states, expected) {
                    cases += 1
                    let what = "\(name) \(damage), \(state.name)"
                    try restore(last, to: build)
                    let file = cache.appendingPathComponent(name)
                    try FileManager.default.removeItem(at: file)
                    if let damaged = damage.bytes {
                        try Data(damaged).write(to: file)
                    } else if damage.isFIFO {
                        #expect(mkfifo(file.path, 0o600) == 0)
                    } else {
                        try FileManager.default.createDirectory(at: file, withIntermediateDirectories: false)
                    }
                    try setNote(practice, copied, to: state.text, step: state.step, since: start)
                    let checked = try GroupChart.checkReport(practice.root, options: options).report
                    #expect(IncrementalEquivalenceTests.full(checked) == wanted.check, "check with \(what)")
                    let built = try Builder.build(practice.root, options: Builder.Options(checker: options))
                    #expect(IncrementalEquivalenceTests.full(built.report) == wanted.build, "build with \(what)")
                    let outputs = IncrementalEquivalenceTests.outputs(build)
                    let differing = Set(outputs.keys).union(wanted.outputs.keys).filter { outputs[$0] != wanted.outputs[$0] }.sorted()
                    #expect(differing.isEmpty, "outputs \(differing) differ from a cold build's with \(what)")
                }
            }
        }
        #expect(cases >= names.count * states.count * 9, "every file is damaged at least nine ways, in every state")
    }

    /// The last build's folder, outputs and cache, put back whole.
    private func restore(_ saved: URL, to build: URL) throws {
        try? FileManager.default.removeItem(at: build)
        try FileManager.default.copyItem(at: saved, to: build)
    }

    /// `path` holds `text`, last written `step` seconds after a moment two
    /// hours before `start` (the state's own time, as `settle` gives it).
    private func setNote(_ practice: FixturePractice, _ path: String, to text: String, step: Int, since start: Date) throws {
        try practice.write(path, text)
        try FileManager.default.setAttributes([.modificationDate: start.addingTimeInterval(Double(step) - 7200)],
                                              ofItemAtPath: practice.root.appendingPathComponent(path).path)
    }
}
