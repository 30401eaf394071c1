import Foundation
import GroupChartKit
import GroupChartTestSupport
import Testing

/// The real binary against the promises that matter most when records hold
/// protected health information: nothing the user wrote changes, a killed
/// build leaves whole outputs, and outputs are owner-only whatever the umask.
@Suite(.timeLimit(.minutes(5))) struct HardeningTests {
    static let today = ["--today", "2026-03-31"]

    /// A copy of the example practice, without any build folder of its own.
    private func example() throws -> FixturePractice {
        let practice = try FixturePractice(base: CheckCommandTests.example)
        try? practice.remove("build")
        return practice
    }

    /// Holds the lock of the build into `output`, as a running build does
    /// (docs/limits.md: `.groupchart-cache/build.lock`), until the descriptor
    /// it gives is closed.
    private func holdingTheLock(of output: URL) throws -> Int32 {
        let cache = output.appendingPathComponent(".groupchart-cache")
        try FileManager.default.createDirectory(at: cache, withIntermediateDirectories: true)
        let held = open(cache.appendingPathComponent("build.lock").path, O_RDWR | O_CREAT, 0o600)
        try #require(held >= 0)
        try #require(flock(held, LOCK_EX) == 0)
        return held
    }

    private func temporaryFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("groupchart-e2e-\(UUID().uuidString)")
    }

    /// Every entry below `root` (but `build/`): its kind, mode, modification
    /// time and bytes (or a link's target), without following links.
    private func snapshot(_ root: URL) throws -> [String: String] {
        var entries: [String: String] = [:]
        for path in FileManager.default.enumerator(atPath: root.path)?.allObjects as? [String] ?? [] {
            if path == "build" || path.hasPrefix("build/") { continue }
            let url = root.appendingPathComponent(path)
            let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
            let type = attributes[.type] as? FileAttributeType
            var entry = "\(type?.rawValue ?? "?") \(attributes[.posixPermissions] ?? "") \(attributes[.modificationDate] ?? "")"
            if type == .typeRegular { entry += " \(try Data(contentsOf: url).base64EncodedString())" }
            if type == .typeSymbolicLink { entry += " -> \(try FileManager.default.destinationOfSymbolicLink(atPath: url.path))" }
            entries[path] = entry
        }
        return entries
    }

    /// The files below `folder` and their bytes, temporary files left out.
    /// The outputs of a build folder with their bytes. The build cache is
    /// left out: it records when and where each output was written (its
    /// stamp), so two builds' caches differ though their outputs do not;
    /// whether it is whole is checked apart (`cacheIsWhole`).
    private func outputs(_ folder: URL) -> [String: Data] {
        var found: [String: Data] = [:]
        for path in FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []
        where !path.contains(".tmp-") && !path.hasPrefix(".groupchart-cache") {
            var isDirectory: ObjCBool = false
            let url = folder.appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                found[path] = FileManager.default.contents(atPath: url.path)
            }
        }
        return found
    }

    /// The build cache is absent or whole, never half of one: `last-build.bin`
    /// ends with the SHA-256 of all that comes before it.
    private func cacheIsWhole(_ folder: URL) -> Bool {
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(".groupchart-cache/last-build.bin").path) else { return true }
        let bytes = [UInt8](data)
        guard bytes.count > 32 else { return false }
        let trailer = bytes.suffix(32).map { String(format: "%02x", $0) }.joined()
        return SignedText.digest(of: Array(bytes.dropLast(32))) == "sha256:" + trailer
    }

    @Test func checkBuildAndRecordsChangeNothingTheUserWrote() throws {
        let practice = try example()
        defer { practice.delete() }
        try practice.write("templates/README.txt", "our own notes on the templates\n")
        try FileManager.default.createSymbolicLink(atPath: practice.root.appendingPathComponent("members/okonkwo-david/intake.pdf").path,
                                                   withDestinationPath: "../../README-intake.pdf")
        let before = try snapshot(practice.root)
        #expect(before.count > 30)
        for arguments in [["check", practice.root.path], ["build", practice.root.path], ["build", practice.root.path],
                          ["records", "--member", "okonkwo-david", practice.root.path]] {
            let result = try Binary.run(arguments + Self.today)
            #expect(result.status == 0, "\(arguments[0]): \(result.standardError)")
        }
        #expect(FileManager.default.fileExists(atPath: practice.root.appendingPathComponent("build/index.html").path))
        let after = try snapshot(practice.root)
        #expect(after == before, "changed: \(Set(after.keys).symmetricDifference(before.keys).sorted() + before.keys.filter { after[$0] != before[$0] }.sorted())")
    }

    @Test func aKilledBuildLeavesEveryOutputWhole() throws {
        let practice = try example()
        defer { practice.delete() }
        let reference = temporaryFolder(), output = temporaryFolder()
        defer { [reference, output].forEach { try? FileManager.default.removeItem(at: $0) } }
        #expect(try Binary.run(["build", practice.root.path, "--out", reference.path] + Self.today).status == 0)
        let clock = ContinuousClock()
        let start = clock.now
        #expect(try Binary.run(["build", practice.root.path, "--out", output.path] + Self.today).status == 0)
        let took = clock.now - start
        let microseconds = Double(took.components.seconds) * 1e6 + Double(took.components.attoseconds) / 1e12
        let expected = outputs(reference)
        #expect(expected.count > 10 && outputs(output) == expected)
        // Kill builds at moments spread over a build's life, most of them near
        // its end, where the files are written and renamed: whatever the
        // moment, every output is the whole file (old and new are alike here,
        // so a half-written or half-renamed file would show).
        for fraction in [0.0, 0.3, 0.6, 0.75, 0.8, 0.85, 0.9, 0.93, 0.96, 1.0] {
            let delay = UInt32(microseconds * fraction)
            let process = Process()
            process.executableURL = Binary.url
            process.arguments = ["build", practice.root.path, "--out", output.path] + Self.today
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            #expect(outputs(output) == expected, "after a kill at \(delay) µs of \(Int(microseconds))")
            #expect(cacheIsWhole(output), "after a kill at \(delay) µs")
        }
        #expect(try Binary.run(["build", practice.root.path, "--out", output.path] + Self.today).status == 0)
        let left = (FileManager.default.enumerator(atPath: output.path)?.allObjects as? [String] ?? []).filter { $0.contains(".tmp-") }
        #expect(left.isEmpty, "temporary files of killed builds: \(left)")
    }

    /// A build into a folder another build holds (here the test holds its
    /// lock, as `watch` does while it rebuilds) says so, writes nothing
    /// while it waits, and builds once the other lets go.
    @Test func aBuildWaitsForTheBuildHoldingItsFolder() throws {
        let practice = try example()
        defer { practice.delete() }
        let output = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: output) }
        let held = try holdingTheLock(of: output)
        let root = practice.root
        let waiting = Background { try Binary.run(["build", root.path, "--out", output.path] + Self.today) }
        sleep(1)
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("index.html").path), "nothing written while it waits")
        close(held)
        let result = try waiting.value()
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.contains("another build into \(output.path)/ is running"), "\(result.standardError)")
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("index.html").path))
    }

    /// Two `submit`s at once (two terminals, or a script run twice): the
    /// batch is sent once, and the one that waited finds nothing left to
    /// send. Each used to make the same batch before waiting for the other's
    /// build, and the second was refused only at its file's link ("already
    /// exists"), after a build of its own; a `build` between a submit's build
    /// and its link showed the batch as not yet sent.
    @Test func twoSubmitsAtOnceSendTheBatchOnce() throws {
        let practice = try example()
        defer { practice.delete() }
        let root = practice.root
        let submissions = root.appendingPathComponent("submissions")
        let sent = try FileManager.default.contentsOfDirectory(atPath: submissions.path)
        let held = try holdingTheLock(of: root.appendingPathComponent("build"))
        let submits = (0..<2).map { _ in Background { try Binary.run(["submit", "--backdate", root.path] + Self.today) } }
        sleep(1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: submissions.path) == sent, "nothing sent while the folder is held")
        close(held)
        let results = try submits.map { try $0.value() }
        let added = Set(try FileManager.default.contentsOfDirectory(atPath: submissions.path)).subtracting(sent)
        #expect(added.count == 1, "\(added)")
        #expect(results.filter { $0.status == 0 }.count == 1, "\(results.map(\.standardError))")
        let refused = results.first { $0.status != 0 }
        #expect(refused?.standardError.contains("nothing to send") == true, "\(refused?.standardError ?? "")")
    }

    /// `submit` into an output folder among the documents is refused, and
    /// leaves the documents as they were: no lock's folder is left there
    /// (it is refused before the lock is taken, as `build` is).
    @Test func aSubmitIntoTheDocumentsIsRefusedAndLeavesThemAsTheyWere() throws {
        let practice = try example()
        defer { practice.delete() }
        let sessions = practice.root.appendingPathComponent("sessions")
        let before = try snapshot(practice.root)
        let result = try Binary.run(["submit", "--backdate", practice.root.path, "--out", sessions.path] + Self.today)
        #expect(result.status == 2)
        #expect(result.standardError.contains("sessions/ holds the practice's own documents"), "\(result.standardError)")
        #expect(try snapshot(practice.root) == before)
    }

    @Test func outputsAreOwnerOnlyWhateverTheUmask() throws {
        let output = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: output) }
        let result = try Binary.run(["-c", "umask 000 && exec \"$0\" \"$@\"", Binary.url.path,
                                     "build", CheckCommandTests.example.path, "--out", output.path] + Self.today,
                                    executable: URL(fileURLWithPath: "/bin/sh"))
        #expect(result.status == 0, "\(result.standardError)")
        var checked = 0
        for path in [""] + (FileManager.default.enumerator(atPath: output.path)?.allObjects as? [String] ?? []) {
            let attributes = try FileManager.default.attributesOfItem(atPath: output.appendingPathComponent(path).path)
            let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue ?? 0
            #expect(mode == (attributes[.type] as? FileAttributeType == .typeDirectory ? 0o700 : 0o600), "\(path): \(String(mode, radix: 8))")
            checked += 1
        }
        #expect(checked > 10)
    }

    @Test func anOutputFolderAmongTheDocumentsIsRefusedWithExitStatus2() throws {
        let practice = try example()
        defer { practice.delete() }
        let result = try Binary.run(["build", practice.root.path, "--out", practice.root.appendingPathComponent("sessions").path] + Self.today)
        #expect(result.status == 2)
        #expect(result.standardError.contains("sessions/ holds the practice's own documents"))
    }
}
