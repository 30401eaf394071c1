import Foundation

/// What a build reads, as it stands on disk: the size, modification time and
/// file identity of every document (`PracticeFolder.discover`) and of the
/// practice's templates. Two states that differ name the files saved, added
/// or removed between them.
///
/// It is found by polling, which works the same on macOS and Linux and on
/// every file system, network and container mounts included, where change
/// notifications (inotify, FSEvents, kqueue) do not all work. An editor that
/// saves by writing a new file and renaming it changes the identity, so even
/// a save within the clock's resolution that keeps the size is seen. `watch`
/// (`PracticeWatcher`) and `serve` (`LivePractice`) poll this one state.
public struct FolderState: Sendable, Equatable {
    /// Each file's stamp (`FileStamp`, following a link as reading does) and
    /// the time its inode last changed, so that a file made unreadable or
    /// readable again (`chmod`, `chown`), which keeps its stamp, is seen; a
    /// path that is no regular file (a dangling link) has none, as if gone.
    private let stamps: [String: Polled]

    /// A file's stamp as a poll takes it.
    struct Polled: Equatable {
        let stamp: FileStamp
        /// Its inode's change time, in nanoseconds since 1970.
        let changed: Int64
    }
    /// The documents found, as `PracticeFolder.discover` lists them: the
    /// build that follows takes them from here rather than listing the
    /// practice a second time (5 % of a rebuild's samples in watch at
    /// 20,000 notes). Two states with the same stamps are equal whatever
    /// this says.
    public let found: [DiscoveredFile]
    /// The stamp of each file that is itself a regular file (not followed
    /// through a link), as a build's fingerprint takes it: the build that
    /// follows a poll takes these rather than a second stamp of every file
    /// (a third of the fingerprint stage of `watch` at 20,000 notes). A
    /// linked file is not among them, and is read every time, as in a build.
    let ownStamps: [String: FileStamp]

    /// This poll among all others, whatever it found: a build told what
    /// changed since a poll knows whether that is the poll its memo was made
    /// from (`Changes`).
    private let identity = Identity()
    private final class Identity: Sendable {}

    /// What was found but has no stamp, by path: a link to a folder, a
    /// folder that cannot be listed, a dangling link, a pipe. A build
    /// reports each (`symlink`, `encoding`), and one of them added or
    /// taken away changes what it reports, and what claims it makes (a
    /// `submissions/` moved away and linked back stops the batch): compared
    /// by the stamps alone, two polls that differed only in them were equal,
    /// and `watch` never built again (found by a fault-injection review).
    private let unstamped: [String: DocumentKind]

    public static func == (lhs: FolderState, rhs: FolderState) -> Bool { lhs.stamps == rhs.stamps && lhs.unstamped == rhs.unstamped }

    private init(stamps: [String: Polled], found: [DiscoveredFile], ownStamps: [String: FileStamp]) {
        self.stamps = stamps
        self.found = found
        self.ownStamps = ownStamps
        var unstamped: [String: DocumentKind] = [:]
        for file in found where stamps[file.path] == nil { unstamped[file.path] = file.kind }
        self.unstamped = unstamped
    }

    /// Whether `other` is this very poll, not only one that found the same.
    func isSamePoll(as other: FolderState) -> Bool { identity === other.identity }

    /// The files saved, added or removed between the poll `since` and the
    /// later poll `until`.
    public struct Changes: Sendable {
        let since: FolderState?
        let until: FolderState?
        let paths: Set<String>

        /// What changed from `since` to `until`.
        init(since: FolderState, until: FolderState) {
            self.since = since
            self.until = until
            paths = until.changes(since: since)
        }

        /// Nothing, between no practice and no practice.
        static let none = Changes(since: nil, until: nil, paths: [])

        private init(since: FolderState?, until: FolderState?, paths: Set<String>) {
            self.since = since
            self.until = until
            self.paths = paths
        }
    }

    /// Every file stamped: the documents and the practice's templates.
    var paths: Dictionary<String, Polled>.Keys { stamps.keys }

    /// Whether a document or a folder of documents is a link to elsewhere,
    /// where a save changes no folder of the practice (`FolderEvents`).
    var hasLinks: Bool {
        stamps.count != ownStamps.count || found.contains { $0.kind == .linkedFolder || $0.kind == .unreadableFolder }
    }

    /// The state of every file a build of `folder` would read.
    public static func scan(_ folder: PracticeFolder) -> FolderState {
        let found = folder.discover()
        var paths = found.map(\.path)
        let templates = (try? FileManager.default.contentsOfDirectory(atPath: folder.root.appendingPathComponent("templates").path)) ?? []
        paths += templates.filter { $0.hasSuffix(".mustache") && !$0.hasPrefix(".") }.map { "templates/" + $0 }
        var stamps: [String: Polled] = [:]
        var own: [String: FileStamp] = [:]
        for path in paths {
            let full = folder.fullPath(path)
            if let polled = FileStamp.polled(full, followingLinks: false) {
                stamps[path] = Polled(stamp: polled.stamp, changed: polled.changed)
                own[path] = polled.stamp
            } else if let polled = FileStamp.polled(full, followingLinks: true) {
                stamps[path] = Polled(stamp: polled.stamp, changed: polled.changed)
            }
        }
        return FolderState(stamps: stamps, found: found, ownStamps: own)
    }

    /// The state after looking again only in `folders` (paths relative to
    /// the practice), which must be sessions' or members' folders: what a
    /// scan would find when nothing outside them changed. `nil` when one is
    /// not such a folder (or is gone), for a whole scan instead.
    func rediscovering(_ folders: Set<String>, in folder: PracticeFolder) -> FolderState? {
        var stamps = stamps, own = ownStamps, found = found
        for changed in folders.sorted() {
            guard let inside = folder.discover(inRecordFolder: changed) else { return nil }
            let prefix = changed + "/"
            // Sorted by path, so the folder's files stand together: they are
            // replaced where they stood, and only they were stamped there.
            let start = found.firstIndex { !$0.path.precedesInBytes(prefix) } ?? found.endIndex
            let end = found[start...].firstIndex { !$0.path.utf8.starts(with: prefix.utf8) } ?? found.endIndex
            for gone in found[start..<end] {
                stamps.removeValue(forKey: gone.path)
                own.removeValue(forKey: gone.path)
            }
            found.replaceSubrange(start..<end, with: inside)
            for file in inside {
                let full = folder.fullPath(file.path)
                if let polled = FileStamp.polled(full, followingLinks: false) {
                    stamps[file.path] = Polled(stamp: polled.stamp, changed: polled.changed)
                    own[file.path] = polled.stamp
                } else if let polled = FileStamp.polled(full, followingLinks: true) {
                    stamps[file.path] = Polled(stamp: polled.stamp, changed: polled.changed)
                }
            }
        }
        return FolderState(stamps: stamps, found: found, ownStamps: own)
    }

    /// The files saved, added or removed since `earlier`.
    public func changes(since earlier: FolderState) -> Set<String> {
        var changed = Set<String>()
        for (path, stamp) in stamps where earlier.stamps[path] != stamp { changed.insert(path) }
        for path in earlier.stamps.keys where stamps[path] == nil { changed.insert(path) }
        for (path, kind) in unstamped where earlier.unstamped[path] != kind { changed.insert(path) }
        for path in earlier.unstamped.keys where unstamped[path] == nil { changed.insert(path) }
        return changed
    }
}
