import Foundation

/// Writes a build's outputs whole or not at all.
///
/// Every file is first written under a temporary name beside its final place;
/// only when all are written are they renamed into place (rename is atomic),
/// so a failed or killed build leaves the previous outputs as they were. Files
/// and folders are created readable by their owner only (0600 and 0700): the
/// records hold protected health information. A manifest of what GroupChart
/// wrote lets the next build remove outputs it no longer produces (the packet
/// of a session that now has errors must not linger looking current).
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
                let temporary = final.deletingLastPathComponent()
                    .appendingPathComponent(".\(final.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)")
                guard FileManager.default.createFile(atPath: temporary.path, contents: Data(bytes),
                                                     attributes: [.posixPermissions: 0o600]) else {
                    throw WriteError(description: "cannot write \(temporary.path)")
                }
                staged.append((temporary, final))
            }
            for file in staged where rename(file.temporary.path, file.final.path) != 0 {
                throw WriteError(description: "cannot rename \(file.temporary.path) to \(file.final.path)")
            }
        } catch {
            for file in staged { try? FileManager.default.removeItem(at: file.temporary) }
            for folder in created.reversed() { try? FileManager.default.removeItem(at: folder) }
            throw (error as? WriteError) ?? WriteError(description: "cannot write to \(root.path): \(error.localizedDescription)")
        }
        for stale in previous.subtracting(paths) where Self.isSafe(stale) {
            try? FileManager.default.removeItem(at: root.appendingPathComponent(stale))
        }
    }

    /// Writes one file atomically without touching the build's manifest (the
    /// audit packet, which is not part of a build).
    public func write(_ name: String, _ bytes: [UInt8]) throws(WriteError) {
        guard Self.isSafe(name) else { throw WriteError(description: "refusing to write \"\(name)\" outside \(root.path)") }
        let final = root.appendingPathComponent(name)
        let temporary = root.appendingPathComponent(".\(name).tmp-\(ProcessInfo.processInfo.processIdentifier)")
        var created: [URL] = []
        do {
            try makeFolder(root, created: &created)
        } catch {
            throw (error as? WriteError) ?? WriteError(description: "cannot create \(root.path)")
        }
        guard FileManager.default.createFile(atPath: temporary.path, contents: Data(bytes), attributes: [.posixPermissions: 0o600]),
              rename(temporary.path, final.path) == 0 else {
            try? FileManager.default.removeItem(at: temporary)
            throw WriteError(description: "cannot write \(final.path)")
        }
    }

    private func readManifest() -> Set<String> {
        guard let text = try? String(contentsOf: root.appendingPathComponent(Self.manifestName), encoding: .utf8) else { return [] }
        return Set(text.split(separator: "\n").map(String.init))
    }

    /// Creates `url` and any missing parents (0700), noting each one created
    /// so that a failed build can take them away again.
    private func makeFolder(_ url: URL, created: inout [URL]) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw WriteError(description: "\(url.path) is a file, not a folder") }
            return
        }
        try makeFolder(url.deletingLastPathComponent(), created: &created)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        created.append(url)
    }

    /// A relative path that stays inside the folder.
    static func isSafe(_ path: String) -> Bool {
        !path.isEmpty && !path.hasPrefix("/") && !path.split(separator: "/").contains { $0 == ".." || $0 == "." || $0.isEmpty }
    }
}
