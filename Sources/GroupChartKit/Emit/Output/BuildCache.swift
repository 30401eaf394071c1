import Crypto
import Foundation

/// The memory of the last build, in `<output>/.groupchart-cache/`, so that a
/// build whose inputs have not changed costs a read of the files and no more.
///
/// The fingerprint covers everything a build depends on: the program (its
/// version, its built-in templates and the executable itself), `--today`
/// and `--strict`, the practice's own templates, and the path, kind and
/// SHA-256 of every document. The outputs the last build wrote are checked
/// against their recorded SHA-256 too, so a deleted or edited output is
/// written again. Anything that differs means a full build; deleting the
/// cache folder (or the whole output folder) is always safe.
struct BuildCache {
    static let path = ".groupchart-cache/last-build.json"

    /// What a build found and wrote, to be given back unchanged.
    struct Entry: Codable {
        var fingerprint: String
        var diagnostics: [Diagnostic]
        var fileCount: Int
        /// Each output written, with the SHA-256 of its bytes.
        var outputs: [String: String]
        var skippedSessions: [Skipped]
        var skippedMembers: [Skipped]
        var batch: BatchSummary
        var withoutEDI: Bool
    }

    struct Skipped: Codable {
        var id: String
        var rules: [String]
    }

    let output: URL

    /// The fingerprint of a build of `folder` with `options`, and what was
    /// read for it (which the build then reads from, not from the disk again).
    static func fingerprint(_ folder: PracticeFolder, options: Checker.Options) -> (digest: String, files: [String: PracticeFile.Reading]) {
        let found = folder.discover()
        let readings = ParallelMap.map(found) { file in (file.path, folder.read(file)) }
        let contents = readings.map { ($0.0, try? $0.1.get()) }
        var hash = SHA256()
        func add(_ text: String) { hash.update(data: Array(text.utf8) + [0]) }
        add(GroupChart.version)
        add(programIdentity)
        add("\(options.today) \(options.strict) \(options.location?.currentFolder ?? "")")
        for (file, (path, bytes)) in zip(found, contents) {
            add("\(path) \(file.kind) \(bytes?.count ?? -1)")
            if let bytes { hash.update(data: bytes) }
        }
        for (name, text) in practiceTemplates(folder.root) { add("template \(name) \(SignedText.digest(of: text))") }
        return (SignedText.hex(hash.finalize()), Dictionary(readings, uniquingKeysWith: { first, _ in first }))
    }

    /// The last build's entry when its fingerprint is `digest` and its outputs are as it wrote them.
    func entry(matching digest: String) -> Entry? {
        guard let data = FileManager.default.contents(atPath: output.appendingPathComponent(Self.path).path),
              let entry = try? JSONDecoder().decode(Entry.self, from: data), entry.fingerprint == digest else { return nil }
        let intact = ParallelMap.map(entry.outputs.sorted { $0.key < $1.key }) { path, digest in
            FileManager.default.contents(atPath: output.appendingPathComponent(path).path).map { SignedText.digest(of: [UInt8]($0)) } == digest
        }
        return intact.allSatisfy { $0 } ? entry : nil
    }

    /// Remembers a build that wrote `outputs`.
    func store(_ entry: Entry) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(entry) else { return }
        try? OutputFolder(root: output.appendingPathComponent(".groupchart-cache")).write("last-build.json", [UInt8](data))
    }

    /// The templates and the executable: a new build of the program never reuses an old cache.
    private static let programIdentity: String = {
        var parts = BuiltInTemplates.all.sorted { $0.key < $1.key }.map { "\($0.key)=\(SignedText.digest(of: $0.value))" }
        if let executable = Bundle.main.executableURL,
           let attributes = try? FileManager.default.attributesOfItem(atPath: executable.path) {
            parts.append("\(executable.path) \(attributes[.size] ?? "") \(attributes[.modificationDate] ?? "")")
        }
        return parts.joined(separator: ";")
    }()

    private static func practiceTemplates(_ root: URL) -> [(String, String)] {
        let folder = root.appendingPathComponent("templates")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.sorted().compactMap { name in
            FileManager.default.contents(atPath: folder.appendingPathComponent(name).path).map { (name, String(decoding: $0, as: UTF8.self)) }
        }
    }
}
