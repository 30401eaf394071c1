import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a build's outputs whole or not at all.
///
/// Every file is first written under a temporary name beside its final place;
/// only when all are written are they renamed into place (rename is atomic),
/// so a failed or killed build leaves the previous outputs as they were, and
/// the temporary files a killed build leaves behind are removed by the next
/// one. Files and folders are created readable by their owner only (0600 and
/// 0700, whatever the umask): the records hold protected health information.
/// Nothing is written through a symbolic link inside the folder. A manifest
/// of what GroupChart wrote lets the next build remove outputs it no longer
/// produces (the packet of a session that now has errors must not linger
/// looking current).
public struct OutputFolder: Sendable {
    public let root: URL
    static let manifestName = ".groupchart-manifest"

    public init(root: URL) {
        self.root = root
    }

    /// Why an output could not be written (exit status 2).
    public struct WriteError: Error, CustomStringConvertible {
        public let description: String
    }

    /// Writes `outputs` (relative path to bytes) and removes the previous
    /// build's outputs that are not among them.
    public func commit(_ outputs: [String: [UInt8]]) throws(WriteError) {
        try commit(outputs, afterStaging: {})
    }

    /// `commit`, calling `afterStaging` once every file is written under its
    /// temporary name and none renamed yet (tests stop a build there).
    func commit(_ outputs: [String: [UInt8]], afterStaging: () throws -> Void) throws(WriteError) {
        let paths = outputs.keys.sorted()
        for path in paths where !Self.isSafe(path) {
            throw WriteError(description: "refusing to write \"\(path)\" outside \(root.path)")
        }
        let previous = readManifest()
        var staged: [(temporary: URL, final: URL)] = []
        var created: [URL] = []
        do {
            try makeFolder(root, created: &created)
            let manifest = paths.joined(separator: "\n") + "\n"
            for (path, bytes) in outputs.sorted(by: { $0.key < $1.key }) + [(Self.manifestName, Array(manifest.utf8))] {
                let final = root.appendingPathComponent(path)
                try makeFolder(final.deletingLastPathComponent(), created: &created)
                let temporary = Self.temporary(for: final)
                try Self.writeNew(temporary, bytes)
                staged.append((temporary, final))
            }
            try afterStaging()
            // One flush of everything staged before the renames, rather than
            // an fsync a file (which cost 10 ms each, 20 s for 2,000 records).
            sync()
            for file in staged where rename(file.temporary.path, file.final.path) != 0 {
                throw WriteError(description: "cannot rename \(file.temporary.path) to \(file.final.path)")
            }
        } catch {
            for file in staged { unlink(file.temporary.path) }
            for folder in created.reversed() { rmdir(folder.path) }
            throw (error as? WriteError) ?? WriteError(description: "cannot write to \(root.path): \(error.localizedDescription)")
        }
        for stale in previous.subtracting(paths) where Self.isSafe(stale) && !passesThroughLink(stale) {
            unlink(root.appendingPathComponent(stale).path)
        }
        let folders = Set(staged.map { $0.final.deletingLastPathComponent() })
        for folder in folders { Self.removeLeftoverTemporaries(in: folder) }
    }

    /// Writes one file atomically without touching the build's manifest (the
    /// audit packet, which is not part of a build).
    public func write(_ name: String, _ bytes: [UInt8]) throws(WriteError) {
        guard Self.isSafe(name), !name.contains("/") else {
            throw WriteError(description: "refusing to write \"\(name)\" outside \(root.path)")
        }
        let final = root.appendingPathComponent(name)
        let temporary = Self.temporary(for: final)
        var created: [URL] = []
        do {
            try makeFolder(root, created: &created)
            try Self.writeNew(temporary, bytes, flush: true)
            guard rename(temporary.path, final.path) == 0 else { throw WriteError(description: "cannot write \(final.path)") }
        } catch {
            unlink(temporary.path)
            throw (error as? WriteError) ?? WriteError(description: "cannot write \(final.path)")
        }
        Self.removeLeftoverTemporaries(in: root)
    }

    private func readManifest() -> Set<String> {
        guard let text = try? String(contentsOf: root.appendingPathComponent(Self.manifestName), encoding: .utf8) else { return [] }
        return Set(text.split(separator: "\n").map(String.init))
    }

    /// `.<name>.tmp-<process id>`, beside the final file.
    static func temporary(for final: URL) -> URL {
        final.deletingLastPathComponent()
            .appendingPathComponent(".\(final.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)")
    }

    /// Removes the temporary files a killed build left beside `outputs`
    /// (relative paths), for a build that writes nothing itself.
    func removeLeftoverTemporaries(besides outputs: [String]) {
        let folders = Set(([Self.manifestName] + outputs).map { root.appendingPathComponent($0).deletingLastPathComponent() })
        for folder in folders { Self.removeLeftoverTemporaries(in: folder) }
    }

    /// Removes the temporary files an earlier, killed build left in `folder`.
    static func removeLeftoverTemporaries(in folder: URL) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names where name.hasPrefix(".") {
            guard let marker = name.range(of: ".tmp-", options: .backwards),
                  !name[marker.upperBound...].isEmpty, name[marker.upperBound...].allSatisfy(\.isASCIIDigit) else { continue }
            unlink(folder.appendingPathComponent(name).path)
        }
    }

    /// Creates `url` with mode 0600 (never through a link, never over an
    /// existing file) and writes `bytes` to it, to disk when `flush`.
    static func writeNew(_ url: URL, _ bytes: [UInt8], flush: Bool = false) throws(WriteError) {
        unlink(url.path)
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw WriteError(description: "cannot write \(url.path)") }
        defer { close(descriptor) }
        // The umask can only take permissions away; fchmod makes the mode
        // exactly 0600 whatever it is.
        var written = 0
        let succeeded = fchmod(descriptor, 0o600) == 0 && bytes.withUnsafeBytes { buffer in
            while written < buffer.count {
                let count = writeBytes(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { return false }
                written += count
            }
            return true
        } && (!flush || fsync(descriptor) == 0)
        guard succeeded else { throw WriteError(description: "cannot write \(url.path)") }
    }

    /// Creates `url` and any missing parents (0700), noting each one created
    /// so that a failed build can take them away again. A folder inside the
    /// output that is a link is refused: writing through it would put
    /// records wherever it points.
    private func makeFolder(_ url: URL, created: inout [URL]) throws {
        if url.standardizedFileURL.path != root.standardizedFileURL.path, PracticeFile.isLink(url.path) {
            throw WriteError(description: "\(url.path) is a symbolic link; GroupChart does not write through links in its output folder")
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw WriteError(description: "\(url.path) is a file, not a folder") }
            return
        }
        try makeFolder(url.deletingLastPathComponent(), created: &created)
        guard mkdir(url.path, 0o700) == 0, chmod(url.path, 0o700) == 0 else {
            throw WriteError(description: "cannot create \(url.path)")
        }
        created.append(url)
    }

    /// True when a folder between the root and `path` is a symbolic link.
    private func passesThroughLink(_ path: String) -> Bool {
        var folder = root
        for part in path.split(separator: "/").dropLast() {
            folder.appendPathComponent(String(part))
            if PracticeFile.isLink(folder.path) { return true }
        }
        return false
    }

    /// A relative path that stays inside the folder.
    static func isSafe(_ path: String) -> Bool {
        !path.isEmpty && !path.hasPrefix("/") && !path.split(separator: "/").contains { $0 == ".." || $0 == "." || $0.isEmpty }
    }
}

/// write(2), out of the reach of `OutputFolder.write`'s name.
private func writeBytes(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}
