import Foundation
@testable import GroupChartKit
import GroupChartTestSupport
import Testing

/// An incremental build gives exactly what a cold build of the same files
/// gives: the same diagnostics and the same outputs, byte for byte, after
/// any sequence of edits (architecture.md: "a test proves the results
/// equal"). Each step applies a random edit to a copy of the example (notes,
/// members, plans, sessions renamed or removed, practice.yaml, the
/// practice's templates, the billing history), builds into the folder the
/// last build left (with the in-memory memo of `watch` and `serve`), and
/// compares with a cold build into an empty folder.
/// `GROUPCHART_EQUIVALENCE_EDITS` sets how many edits (default 120;
/// `make equivalence` runs 2,000), `GROUPCHART_EQUIVALENCE_SEEDS` the
/// sequences (default 1, 2 and 3; `make equivalence SEEDS=4,5,6` walks new
/// ones, and a failure names its seed to replay).
@Suite struct IncrementalEquivalenceTests {
    static var edits: Int {
        ProcessInfo.processInfo.environment["GROUPCHART_EQUIVALENCE_EDITS"].flatMap(Int.init) ?? 120
    }

    static var seeds: [UInt64] {
        let given = ProcessInfo.processInfo.environment["GROUPCHART_EQUIVALENCE_SEEDS"]?
            .split(separator: ",").compactMap { UInt64($0.trimmingCharacters(in: .whitespaces)) } ?? []
        return given.isEmpty ? [1, 2, 3] : given
    }

    /// A small deterministic generator (SplitMix64), so that a failing
    /// sequence can be replayed from its seed.
    struct Random: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func pick<T>(_ items: [T]) -> T? { items.isEmpty ? nil : items[Int(next() % UInt64(items.count))] }
    }

    static func files(_ root: URL, under folder: String, suffix: String = ".md") -> [String] {
        let base = root.appendingPathComponent(folder)
        let found = (FileManager.default.enumerator(atPath: base.path)?.allObjects as? [String]) ?? []
        return found.filter { $0.hasSuffix(suffix) && !$0.hasPrefix(".") }.map { "\(folder)/\($0)" }.sorted()
    }

    /// One edit of the kinds a practice sees, described for the failure message.
    static func edit(_ practice: FixturePractice, _ random: inout Random) throws -> String {
        let root = practice.root
        let notes = files(root, under: "sessions").filter { !$0.hasSuffix("session.md") }
        let sessions = files(root, under: "sessions").filter { $0.hasSuffix("session.md") }
        let profiles = files(root, under: "members").filter { $0.hasSuffix("profile.md") }
        let plans = files(root, under: "members").filter { $0.contains("/plan-") }
        switch random.next() % 17 {
        case 0:
            guard let note = random.pick(notes) else { return "nothing" }
            try practice.write(note, try practice.read(note).replacingOccurrences(of: "the ", with: "the the ", options: [], range: nil))
            return "reworded \(note)"
        case 1:
            guard let session = random.pick(sessions) else { return "nothing" }
            let text = try practice.read(session)
            try practice.write(session, text.replacingOccurrences(of: "topic: ", with: random.next() % 2 == 0 ? "topic: Revised " : "topic: "))
            return "changed the topic of \(session)"
        case 2:
            guard let note = random.pick(notes) else { return "nothing" }
            try practice.remove(note)
            return "removed \(note)"
        case 3:
            guard let note = random.pick(notes), let session = random.pick(sessions) else { return "nothing" }
            let folder = (session as NSString).deletingLastPathComponent
            let name = (note as NSString).lastPathComponent
            try practice.write("\(folder)/\(name)", try practice.read(note))
            return "copied \(note) into \(folder)"
        case 4:
            guard let session = random.pick(sessions) else { return "nothing" }
            let folder = (session as NSString).deletingLastPathComponent
            let renamed = folder + "-moved"
            guard !FileManager.default.fileExists(atPath: root.appendingPathComponent(renamed).path) else { return "nothing" }
            try FileManager.default.moveItem(at: root.appendingPathComponent(folder), to: root.appendingPathComponent(renamed))
            return "renamed \(folder)"
        case 5:
            guard let profile = random.pick(profiles) else { return "nothing" }
            try practice.write(profile, try practice.read(profile).replacingOccurrences(of: "first_name: ", with: "first_name: Jo"))
            return "renamed the member of \(profile)"
        case 6:
            guard let plan = random.pick(plans) else { return "nothing" }
            try practice.write(plan, try practice.read(plan).replacingOccurrences(of: "F43.10", with: "F43.12")
                .replacingOccurrences(of: "F60.3", with: "F60.4"))
            return "changed the diagnoses of \(plan)"
        case 7:
            let fees = ["65.00", "70.00", "61.50"]
            let yaml = try practice.read("practice.yaml")
            let fee = random.pick(fees)!
            try practice.write("practice.yaml", yaml.replacingOccurrences(of: #"\"90853\": [0-9.]+"#, with: "\"90853\": \(fee)",
                                                                          options: .regularExpression))
            return "set the 90853 fee to \(fee)"
        case 8:
            let name = random.pick(["member", "session", "index", "note"])!
            let text = BuiltInTemplates.all[name]!.replacingOccurrences(of: "</body>", with: "<p>edit \(random.next() % 3)</p></body>")
            try practice.write("templates/\(name).mustache", text)
            return "overrode templates/\(name).mustache"
        case 9:
            guard let session = random.pick(sessions) else { return "nothing" }
            let text = try practice.read(session)
            let absent = text.replacingOccurrences(of: #"  ([a-z-]+): present"#, with: "  $1: {status: absent, reason: ill}",
                                                   options: .regularExpression, range: text.range(of: #"  [a-z-]+: present"#, options: .regularExpression))
            try practice.write(session, absent)
            return "marked a member of \(session) absent"
        case 10:
            guard let file = random.pick(notes + sessions + profiles) else { return "nothing" }
            let url = root.appendingPathComponent(file)
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: Double(random.next() % 100))], ofItemAtPath: url.path)
            return "touched \(file)"
        case 13, 14, 15:
            // What most saves are: a sentence added to a note's text, nothing
            // else. A signed note's text changed is an error (its claim held):
            // such a note is first taken back for rework, its signature removed.
            let unsigned = try (notes + sessions).filter { !(try practice.read($0)).contains("\ndigest: ") }
            guard let note = random.next() % 4 == 0 ? random.pick(notes + sessions) : random.pick(unsigned) ?? random.pick(notes + sessions)
            else { return "nothing" }
            let text = try practice.read(note)
            if text.contains("\ndigest: ") {
                // Half the time only the digest: a note signed without one
                // stays clean when its text changes, and its session's
                // packet is written (a build renders it again).
                let whole = random.next() % 2 == 0
                let unsigned = text.components(separatedBy: "\n").filter { line in
                    !(whole ? ["signed_by: ", "signed_at: ", "digest: "] : ["digest: "]).contains { line.hasPrefix($0) }
                }
                try practice.write(note, unsigned.joined(separator: "\n"))
                return "took the \(whole ? "signature" : "digest") off \(note)"
            }
            guard let end = text.range(of: "\n---\n") else { return "nothing" }
            var lines = text[end.upperBound...].components(separatedBy: "\n")
            guard let line = lines.firstIndex(where: { line in
                !line.isEmpty && !"#-*|>0123456789 ".contains(line.first!)
            }) else { return "nothing" }
            lines[line] += random.next() % 2 == 0 ? " The member said the same again." : " Practice was reviewed."
            try practice.write(note, String(text[..<end.upperBound]) + lines.joined(separator: "\n"))
            return "added a sentence to \(note)"
        case 12:
            // A finding of the reading stage that comes and goes with a save.
            guard let note = random.pick(notes) else { return "nothing" }
            let text = try practice.read(note)
            let unknown = "---\nmood_score: 3\n"
            let edited = text.hasPrefix(unknown) ? "---\n" + text.dropFirst(unknown.count) : unknown + text.dropFirst(4)
            try practice.write(note, String(edited))
            return "\(text.hasPrefix(unknown) ? "removed" : "added") an unknown key in \(note)"
        case 16:
            // A stray: reported, never read, so never quoted.
            guard let profile = random.pick(profiles) else { return "nothing" }
            let stray = (profile as NSString).deletingLastPathComponent + "/scratch.md"
            if FileManager.default.fileExists(atPath: root.appendingPathComponent(stray).path) {
                try practice.remove(stray)
                return "removed \(stray)"
            }
            try practice.write(stray, "# scratch\nTo ask at intake.\n")
            return "wrote \(stray)"
        default:
            let remittances = files(root, under: "remittances", suffix: ".835") + files(root, under: "acknowledgments", suffix: ".277")
            guard let file = random.pick(remittances) else { return "nothing" }
            try practice.remove(file)
            return "removed \(file)"
        }
    }

    /// Dates the files written by the last edit `step` seconds after a
    /// moment two hours ago: settled, so that the build's stamps
    /// (`InputStamps`) vouch for every file an edit did not touch, and
    /// distinct from every other step's.
    static func settle(_ root: URL, step: Int, since start: Date) throws {
        let paths = (FileManager.default.enumerator(atPath: root.path)?.allObjects as? [String]) ?? []
        for path in paths where !path.hasPrefix("build") {
            let url = root.appendingPathComponent(path)
            let values = try? url.resourceValues(forKeys: [.isRegularFileKey, .contentModificationDateKey])
            guard values?.isRegularFile == true, let modified = values?.contentModificationDate, modified > start.addingTimeInterval(-60)
            else { continue }
            try FileManager.default.setAttributes([.modificationDate: start.addingTimeInterval(Double(step) - 7200)], ofItemAtPath: url.path)
        }
    }

    static func outputs(_ folder: URL) -> [String: Data] {
        var found: [String: Data] = [:]
        for path in (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String]) ?? []
        where !path.hasPrefix(".groupchart-cache") && !path.contains(".tmp-") {
            var isFolder: ObjCBool = false
            let url = folder.appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue {
                found[path] = FileManager.default.contents(atPath: url.path)
            }
        }
        return found
    }

    /// Everything a printer shows of each diagnostic.
    /// Every diagnostic in full, the summary, and the text the terminal
    /// shows (with the source lines quoted, which an incremental build
    /// takes from its cache and a cold one from the files).
    static func full(_ report: CheckReport) -> [String] {
        report.diagnostics.map { diagnostic in
            "\(diagnostic.location) \(diagnostic.severity.rawValue) \(diagnostic.rule) \(diagnostic.message) | \(diagnostic.help) | "
                + diagnostic.related.map { "\($0.location) \($0.message)" }.joined(separator: "; ") + " | \(diagnostic.scope)"
        } + [report.summary, TextPrinter().render(report)]
    }

    static func places(_ report: CheckReport) -> [String] {
        report.diagnostics.map { "\($0.location) \($0.severity.rawValue) \($0.rule) \($0.message)" }
    }

    @Test(arguments: seeds)
    func incrementalBuildsEqualColdBuilds(seed: UInt64) throws {
        let practice = try FixturePractice(base: FixturePractice.repository.appendingPathComponent("examples/dbt-skills"))
        defer { practice.delete() }
        try? practice.remove("build")
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("groupchart-incremental-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let checkedFrom = output.appendingPathExtension("checked")
        defer { try? FileManager.default.removeItem(at: checkedFrom) }
        let options = Checker.Options(today: FixturePractice.today)
        var random = Random(state: seed)
        var history: [String] = []
        var kept = 0
        var answered = 0
        var textOnlyBuilds = 0
        // The incremental side alternates: every other build keeps its
        // documents and what the rules derived from them in memory, as watch
        // and serve do; the others start afresh, as `build` does, and trust
        // the stamps the last build kept for the files no edit touched.
        // The memo's builds are told, as watch tells them, what its poll
        // saw change since the poll of the memo's last build.
        let memo = DocumentMemo()
        let start = Date()
        try Self.settle(practice.root, step: 0, since: start)
        var lastPoll = try FolderState.scan(PracticeFolder(root: practice.root))
        _ = try Builder.build(practice.root, options: Builder.Options(checker: options, output: output), memo: memo,
                              polled: lastPoll)
        _ = try Builder.build(practice.root, options: Builder.Options(checker: options, output: checkedFrom))
        for step in 1...max(1, Self.edits / 3) {
            history.append(try Self.edit(practice, &random))
            try Self.settle(practice.root, step: step, since: start)
            // `check` from the cache of a `build` of the last step (every
            // step's, where the incremental side alternates with watch's).
            let checked = try GroupChart.checkReport(practice.root, options: options, buildFolder: checkedFrom).report
            let coldCheck = try GroupChart.check(practice.root, options: options, buildFolder: output.appendingPathComponent("none")).report
            if (checked.answeredByTextOnlyEdits ?? 0) > 0 { answered += 1 }
            #expect(Self.full(checked) == Self.full(coldCheck),
                    "check\(checked.answeredByTextOnlyEdits != nil ? " (text-only edits)" : "") differs after: \(history.joined(separator: "; "))")
            let incremental: Builder.Result
            if step % 2 == 0 {
                let poll = try FolderState.scan(PracticeFolder(root: practice.root))
                incremental = try Builder.build(practice.root, options: Builder.Options(checker: options, output: output),
                                                memo: memo, polled: poll,
                                                changed: FolderState.Changes(since: lastPoll, until: poll))
                lastPoll = poll
            } else {
                incremental = try Builder.build(practice.root, options: Builder.Options(checker: options, output: output))
            }
            if !incremental.fromCache { kept += incremental.written.count - incremental.rendered }
            // The build of every step, which renders what saves of notes'
            // text touched when that is all they changed (`TextOnlyBuild`).
            let checkedBuild = try Builder.build(practice.root, options: Builder.Options(checker: options, output: checkedFrom))
            if checkedBuild.fromTextOnlyEdits { textOnlyBuilds += 1 }
            let coldFolder = FileManager.default.temporaryDirectory.appendingPathComponent("groupchart-cold-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: coldFolder) }
            let cold = try Builder.build(practice.root, options: Builder.Options(checker: options, output: coldFolder))
            let same = Self.places(incremental.report) == Self.places(cold.report)
            #expect(same, "diagnostics differ after: \(history.joined(separator: "; "))")
            let built = Self.outputs(output), expected = Self.outputs(coldFolder)
            let differing = Set(built.keys).union(expected.keys).filter { built[$0] != expected[$0] }.sorted()
            #expect(differing.isEmpty, "outputs \(differing) differ after: \(history.joined(separator: "; "))")
            let sameChecked = Self.full(checkedBuild.report) == Self.full(cold.report)
            let which = checkedBuild.fromTextOnlyEdits ? "the build (text-only edits)" : "the build"
            #expect(sameChecked, "diagnostics of \(which) differ after: \(history.joined(separator: "; "))")
            let builtChecked = Self.outputs(checkedFrom)
            let differingChecked = Set(builtChecked.keys).union(expected.keys).filter { builtChecked[$0] != expected[$0] }.sorted()
            #expect(differingChecked.isEmpty, "outputs \(differingChecked) of \(which) differ after: \(history.joined(separator: "; "))")
            if !same || !differing.isEmpty || !sameChecked || !differingChecked.isEmpty { return }
        }
        #expect(kept > 0, "no build kept a record of the last: the test exercises nothing incremental")
        #expect(answered > 0, "no check after a save was answered from the build (text-only edits)")
        #expect(textOnlyBuilds > 0, "no build after a save rendered only what it touched (text-only edits)")
    }
}
