import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where `build` and `records` may write, decided before anything is written.
///
/// Nothing the user wrote may change: an output folder that is the practice
/// itself, holds it, or lies inside its own folders (groups/, members/,
/// sessions/, templates/, and the billing history: remittances/, submissions/,
/// acknowledgments/) would mix records with what they are made from, and a folder that already holds files GroupChart did not write
/// (no manifest of an earlier build) may hold someone's own index.html. A
/// folder inside the practice beside those (the default `build/`) is fine.
enum OutputPlacement {
    /// The practice's own folders, which no output goes into.
    static let sourceFolders = ["groups", "members", "sessions", "templates", "remittances", "submissions", "acknowledgments"]

    /// The output folder of a build of the practice at `practice`: `given`
    /// (`--out`), or the practice's `build/`. A check reads the cache there,
    /// and `submit` holds and builds into it, as `build` does.
    static func folder(_ given: URL?, practice: URL) -> URL {
        given ?? practice.appendingPathComponent("build")
    }

    /// Why `output` cannot be a build's output folder for the practice at `practice`.
    static func folderProblem(_ output: URL, practice: URL) -> String? {
        let out = resolved(output), root = resolved(practice)
        if out == root { return "the output folder \(output.path) is the practice folder itself; choose another (the default is PATH/build)" }
        if root.hasPrefix(out + "/") {
            return "the output folder \(output.path) holds the practice folder; choose one beside or inside it, such as PATH/build"
        }
        if let problem = sourceProblem(out, root: root, shown: output.path) { return problem }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []).filter { !$0.hasPrefix(".") }
        let isEarlierBuild = FileManager.default.fileExists(atPath: out + "/" + OutputFolder.manifestName)
        if !isEarlierBuild, let foreign = names.sorted().first(where: { $0 != "audit" && !holdsOnlyTemporaries(out + "/" + $0) }) {
            return """
                the output folder \(output.path) holds "\(foreign)", which no GroupChart build wrote; \
                choose a new or empty folder, so that nothing in it is overwritten
                """
        }
        return nil
    }

    /// Whether `path` is a folder holding nothing but GroupChart's own
    /// temporary files (`.<name>.tmp-<process id>`) and folders that hold
    /// no more: what a first build killed before its manifest was written
    /// leaves. Taken for someone else's, it stopped every later build and
    /// `submit` until the folder was deleted by hand, and the temporary
    /// records stayed (a fault-injection review); the next build removes
    /// them. Outputs lie at most two folders down.
    static func holdsOnlyTemporaries(_ path: String, depth: Int = 3) -> Bool {
        var status = stat()
        guard depth > 0, lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR,
              let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return false }
        return names.allSatisfy { name in
            isTemporary(name) || holdsOnlyTemporaries(path + "/" + name, depth: depth - 1)
        }
    }

    /// `.<name>.tmp-<digits>`, as `OutputFolder.temporary(for:)` names a file being written.
    static func isTemporary(_ name: String) -> Bool {
        guard name.hasPrefix("."), let marker = name.range(of: ".tmp-", options: .backwards) else { return false }
        let digits = name[marker.upperBound...]
        return !digits.isEmpty && digits.allSatisfy(\.isASCIIDigit)
    }

    /// Why `file` cannot be written as an audit packet for the practice at `practice`.
    /// `isDefault`: the packet's own place in the build folder (no `--out`),
    /// where an earlier packet is written over whatever its templates wrote.
    static func fileProblem(_ file: URL, practice: URL, isDefault: Bool = false) -> String? {
        let path = resolved(file), root = resolved(practice)
        if path == root + "/practice.yaml" || path == root { return "refusing to write the audit packet over \(file.path)" }
        if let problem = sourceProblem(path, root: root, shown: file.path) { return problem }
        return existingFileProblem(file, isDefault: isDefault)
    }

    /// A file already at `file` is written over only when it is an earlier
    /// packet (HTML a GroupChart wrote, by its generator line): `--out`
    /// given a sent 837, a git hook, a note of one's own, a named pipe or a
    /// device replaced it with the packet.
    private static func existingFileProblem(_ file: URL, isDefault: Bool) -> String? {
        var status = stat()
        guard lstat(file.path, &status) == 0 else { return nil }
        let refusal = "refusing to write the audit packet over \(file.path), which GroupChart did not write; give --out a new file's name"
        guard (status.st_mode & S_IFMT) == S_IFREG, let handle = FileHandle(forReadingAtPath: file.path) else { return refusal }
        // A practice's own head.mustache may leave the generator line out.
        if isDefault { return nil }
        defer { try? handle.close() }
        let start = (try? handle.read(upToCount: 4096)) ?? Data()
        let marker = Data("<meta name=\"generator\" content=\"GroupChart ".utf8)
        return start.range(of: marker) == nil ? refusal : nil
    }

    private static func sourceProblem(_ path: String, root: String, shown: String) -> String? {
        for folder in sourceFolders where path == root + "/" + folder || path.hasPrefix(root + "/" + folder + "/") {
            return "refusing to write into \(shown): \(folder)/ holds the practice's own documents; write outputs beside them, such as PATH/build"
        }
        return nil
    }

    /// The absolute path with links resolved as far as it exists (an output
    /// folder is often not there yet), so that a link cannot disguise where
    /// it leads.
    static func resolved(_ url: URL) -> String {
        var existing = url.standardizedFileURL
        var rest: [String] = []
        while PracticeFile.realPath(existing.path) == nil, existing.path != "/" {
            rest.insert(existing.lastPathComponent, at: 0)
            existing.deleteLastPathComponent()
        }
        let base = PracticeFile.realPath(existing.path) ?? existing.path
        return ([base == "/" ? "" : base] + rest).joined(separator: "/")
    }
}
