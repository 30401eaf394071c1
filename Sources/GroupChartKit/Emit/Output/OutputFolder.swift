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
///
/// A build writes through a `Staging` (OutputStaging.swift); `commit` here
/// stages and commits a set of files held in memory at once (`OutputSafetyTests`).
public struct OutputFolder: Sendable {
    public let root: URL
    static let manifestName = ".groupchart-manifest"

    public init(root: URL) {
        self.root = root
    }

    /// Why an output could not be written (exit status 2).
    public struct WriteError: Error, CustomStringConvertible {
        public let description: String

        /// `what` with the system's reason for the call that just failed
        /// ("No space left on device", "Is a directory"): "cannot write" alone
        /// left a full disk to be guessed.
        static func system(_ what: String) -> WriteError {
            WriteError(description: "\(what): \(String(cString: strerror(errno)))")
        }
    }

    /// Writes `outputs` (relative path to bytes) and removes the previous
    /// build's outputs that are not among them.
    public func commit(_ outputs: [String: [UInt8]]) throws(WriteError) {
        try commit(outputs, afterStaging: {})
    }

    /// `commit`, calling `afterStaging` once every file is written under its
    /// temporary name and none renamed yet (tests stop a build there).
    func commit(_ outputs: [String: [UInt8]], afterStaging: () throws -> Void) throws(WriteError) {
        let staging = try Staging(self)
        do throws(WriteError) {
            for (path, bytes) in outputs.sorted(by: { $0.key < $1.key }) { try staging.write(path, bytes) }
            try staging.writeManifest()
            do { try afterStaging() } catch { throw WriteError(description: "cannot write to \(root.path): \(error.localizedDescription)") }
            try staging.commit()
        } catch {
            staging.discard()
            throw error
        }
    }

    /// `commit`, stopped as a kill would stop it once `renames` files are
    /// renamed into place (tests): nothing taken back, the rest left under
    /// their temporary names.
    func commit(_ outputs: [String: [UInt8]], killedAfter renames: Int) throws(WriteError) {
        let staging = try Staging(self)
        for (path, bytes) in outputs.sorted(by: { $0.key < $1.key }) { try staging.write(path, bytes) }
        try staging.commit(killedAfter: renames)
    }

    /// Writes one file atomically without touching the build's manifest (the
    /// audit packet, which is not part of a build), flushed to disk before it
    /// takes the old one's place unless `flush` is false: the build cache's
    /// own files, which are checked whole when read (a power cut can cost a
    /// cold build, never a wrong one), and whose flush was 0.1 s of every
    /// build at 20,000 notes (3.3 MB of stamps).
    public func write(_ name: String, _ bytes: [UInt8], flush: Bool = true) throws(WriteError) {
        guard Self.isSafe(name), !name.contains("/") else {
            throw WriteError(description: "refusing to write \"\(name)\" outside \(root.path)")
        }
        let final = root.appendingPathComponent(name, isDirectory: false)
        let temporary = Self.temporary(for: final)
        var created: [URL] = []
        Self.writing.insert(temporary)
        defer { Self.writing.remove(temporary) }
        do {
            try makeFolder(root, created: &created)
            try Self.writeNew(temporary, bytes, flush: flush)
            guard rename(temporary.path, final.path) == 0 else { throw WriteError.system("cannot write \(final.path)") }
        } catch {
            unlink(temporary.path)
            throw (error as? WriteError) ?? WriteError(description: "cannot write \(final.path)")
        }
        Self.removeLeftoverTemporaries(in: root)
    }

    /// The temporary files `write` is writing now, on any thread of this
    /// process: writes in progress, which no clean-up of a killed build's
    /// may take (the build cache writes its entry and its stamps at once,
    /// into one folder). Every other temporary name is a leftover, this
    /// process's id or not: in a container every build may have the same.
    static let writing = TemporariesInProgress()

    final class TemporariesInProgress: @unchecked Sendable {
        private let lock = NSLock()
        private var paths: Set<String> = []

        func insert(_ file: URL) { lock.withLock { _ = paths.insert(file.standardizedFileURL.path) } }
        func remove(_ file: URL) { lock.withLock { _ = paths.remove(file.standardizedFileURL.path) } }
        func contains(_ file: URL) -> Bool { lock.withLock { paths.contains(file.standardizedFileURL.path) } }
    }

    /// The manifest's bytes: `paths`, sorted, a line each.
    static func manifest(listing paths: [String]) -> [UInt8] {
        Array((paths.sorted().joined(separator: "\n") + "\n").utf8)
    }

    func readManifest() -> Set<String> {
        guard let text = try? String(contentsOf: root.appendingPathComponent(Self.manifestName), encoding: .utf8) else { return [] }
        return Set(text.split(separator: "\n").map(String.init))
    }

    /// `.<name>.tmp-<process id>`, beside the final file. Every output path
    /// here is joined as a file's (`isDirectory: false`): left to find out,
    /// `URL` asks the disk with a `stat` for each, two a record written.
    static func temporary(for final: URL) -> URL {
        final.deletingLastPathComponent()
            .appendingPathComponent(".\(final.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)", isDirectory: false)
    }

    /// Removes what a killed build left beside `outputs` (relative paths),
    /// for a build that writes nothing itself: its temporary files, and the
    /// outputs it renamed into place that `outputs` does not hold, which
    /// its manifest lists (`Staging.writeManifest`; a practice edited back
    /// after the kill finds nothing changed since the last whole build).
    /// Returns the leftovers that could not be removed, which stay listed.
    @discardableResult
    func removeLeftovers(besides outputs: [String]) -> [String] {
        let listed = readManifest()
        var kept: [String] = []
        if listed != Set(outputs) {
            kept = remove(leftovers(listed: listed, besides: outputs), besides: outputs)
            if listed != Set(outputs + kept) { try? write(Self.manifestName, Self.manifest(listing: outputs + kept)) }
        }
        removeLeftoverTemporaries(besides: outputs)
        return kept
    }

    /// Removes the temporary files an earlier, killed build left in `folder`,
    /// but not those `write` is writing now on another thread (`writing`):
    /// removed, that write's rename failed, and the stamps file was stale.
    static func removeLeftoverTemporaries(in folder: URL) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names where OutputPlacement.isTemporary(name) {
            let file = folder.appendingPathComponent(name, isDirectory: false)
            guard !writing.contains(file) else { continue }
            unlink(file.path)
        }
    }

    /// Creates `url` with mode 0600 (never through a link, never over an
    /// existing file) and writes `bytes` to it, to disk when `flush`.
    static func writeNew(_ url: URL, _ bytes: [UInt8], flush: Bool = false) throws(WriteError) {
        guard let descriptor = openNew(url) else { throw WriteError.system("cannot write \(url.path)") }
        defer { close(descriptor) }
        guard writeAll(descriptor, bytes), !flush || DiskFlush.file(descriptor) else { throw WriteError.system("cannot write \(url.path)") }
    }

    /// Creates `url` for writing with mode 0600, never through a link and
    /// never over an existing file; `nil` when it cannot. A file already
    /// there (a killed build's) is removed and the creation tried once more.
    /// Removed only then: an `unlink` before every creation, nearly always of
    /// nothing, took the folder's lock against the other core's creations and
    /// spun on it (3 % of a cold build's samples).
    static func openNew(_ url: URL) -> Int32? {
        let flags = O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC
        var descriptor = open(url.path, flags, 0o600)
        if descriptor < 0, errno == EEXIST {
            unlink(url.path)
            descriptor = open(url.path, flags, 0o600)
        }
        guard descriptor >= 0 else { return nil }
        // The umask can only take permissions away; fchmod makes the mode
        // exactly 0600 whatever it is.
        guard fchmod(descriptor, 0o600) == 0 else {
            close(descriptor)
            unlink(url.path)
            return nil
        }
        return descriptor
    }

    /// Writes all of `bytes` to `descriptor`; false when it cannot.
    static func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { buffer in
            var written = 0
            while written < buffer.count {
                let count = writeBytes(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { return false }
                written += count
            }
            return true
        }
    }

    /// Creates `url` and any missing parents (0700), noting each one created
    /// so that a failed build can take them away again. A folder inside the
    /// output that is a link is refused: writing through it would put
    /// records wherever it points. The folders that hold the output may be
    /// links (a practice reached through one, macOS's /tmp): the first
    /// build through a linked practice folder was refused for it.
    func makeFolder(_ url: URL, created: inout [URL]) throws {
        if url.standardizedFileURL.path.hasPrefix(root.standardizedFileURL.path + "/"), PracticeFile.isLink(url.path) {
            throw WriteError(description: "\(url.path) is a symbolic link; GroupChart does not write through links in its output folder")
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw WriteError(description: "\(url.path) is a file, not a folder") }
            return
        }
        try makeFolder(url.deletingLastPathComponent(), created: &created)
        guard mkdir(url.path, 0o700) == 0 else {
            // Made meanwhile by another thread of this build (the cache's
            // entry and stamps are written at once): a folder all the same.
            if errno == EEXIST, !PracticeFile.isLink(url.path),
               FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue { return }
            throw WriteError.system("cannot create \(url.path)")
        }
        guard chmod(url.path, 0o700) == 0 else { throw WriteError.system("cannot create \(url.path)") }
        created.append(url)
    }

    /// True when a folder between the root and `path` is a symbolic link.
    func passesThroughLink(_ path: String) -> Bool {
        var folder = root
        for part in path.split(separator: "/").dropLast() {
            folder.appendPathComponent(String(part))
            if PracticeFile.isLink(folder.path) { return true }
        }
        return false
    }

    /// What `listed` (a manifest's paths) names besides `outputs` that is
    /// still there and a build may remove (`isLeftOver`).
    func leftovers(listed: Set<String>, besides outputs: [String]) -> [String] {
        let current = Set(outputs)
        return listed.filter { !current.contains($0) && isLeftOver($0) }.sorted()
    }

    /// Removes `leftovers`, but none that is another name of one of `outputs`
    /// (asked once the outputs are in place).
    /// Returns those still there: a file locked (macOS's Finder "Locked",
    /// `chattr +i`) or in a folder made read-only. They stay in the
    /// manifest, for the next build to try again, and the build says so:
    /// left out of it, a packet of a session now skipped stayed in place,
    /// looking current, for ever (found by a fault-injection review).
    @discardableResult
    func remove(_ leftovers: [String], besides outputs: [String]) -> [String] {
        var folders: Set<String> = []
        var kept: [String] = []
        for path in leftovers where !isAnotherNameOfAnOutput(path, outputs: outputs) {
            let file = root.appendingPathComponent(path, isDirectory: false).path
            var status = stat()
            if unlink(file) != 0, lstat(file, &status) == 0 { kept.append(path) }
            if let slash = path.lastIndex(of: "/") { folders.insert(String(path[..<slash])) }
        }
        // A folder left with no output (every session of the last build now
        // skipped) goes too, deepest first, as a cold build would not make
        // it: `rmdir` takes only an empty folder, so anything else put there stays.
        for folder in folders.sorted(by: >) {
            let url = root.appendingPathComponent(folder, isDirectory: true)
            Self.removeLeftoverTemporaries(in: url)
            rmdir(url.path)
        }
        return kept
    }

    /// Removes the temporary files a killed build left in every folder of
    /// `outputs` (relative paths) and in the folder itself.
    func removeLeftoverTemporaries(besides outputs: [String]) {
        // The folders by their relative paths: `URL.appendingPathComponent`
        // asks the disk whether each path is a folder, 2,100 stats at
        // 20,000 notes for a build with nothing changed.
        let folders = Set(([Self.manifestName] + outputs).map { path in path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "" })
        for folder in folders.sorted() {
            Self.removeLeftoverTemporaries(in: folder.isEmpty ? root : root.appendingPathComponent(folder, isDirectory: true))
        }
    }

    /// Whether `path`, listed in the manifest, is an output still there that
    /// a build may remove: inside the folder, not through a link, not the
    /// cache's, the manifest or a temporary name (a damaged or edited
    /// manifest could list them), and not gone already.
    func isLeftOver(_ path: String) -> Bool {
        guard Self.isSafe(path), !passesThroughLink(path), path != Self.manifestName,
              !path.hasPrefix(BuildCache.folderName + "/"),
              !path.contains(".tmp-") else { return false }
        var status = stat()
        return lstat(root.appendingPathComponent(path, isDirectory: false).path, &status) == 0
    }

    /// Whether `path` names the same file as one of `outputs` under another
    /// spelling: on a volume that ignores case (macOS's default), a session
    /// folder renamed in case alone leaves the old name in the manifest, and
    /// removing it would remove the output just written.
    func isAnotherNameOfAnOutput(_ path: String, outputs: [String]) -> Bool {
        let lowered = path.lowercased()
        guard let twin = outputs.first(where: { $0.lowercased() == lowered }) else { return false }
        var stale = stat(), output = stat()
        return lstat(root.appendingPathComponent(path, isDirectory: false).path, &stale) == 0
            && lstat(root.appendingPathComponent(twin, isDirectory: false).path, &output) == 0
            && stale.st_ino == output.st_ino && stale.st_dev == output.st_dev
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
