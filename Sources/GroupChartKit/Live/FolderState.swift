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
    /// Each file's stamp (`FileStamp`, following a link as reading does); a
    /// path that is no regular file (a dangling link) has none, as if gone.
    private let stamps: [String: FileStamp]
    /// The documents found, as `PracticeFolder.discover` lists them: the
    /// build that follows takes them from here rather than listing the
    /// practice a second time (5 % of a rebuild's samples in watch at
    /// 20,000 notes). Two states with the same stamps are equal whatever
    /// this says.
    public let found: [DiscoveredFile]

    public static func == (lhs: FolderState, rhs: FolderState) -> Bool { lhs.stamps == rhs.stamps }

    /// The state of every file a build of `folder` would read.
    public static func scan(_ folder: PracticeFolder) -> FolderState {
        let found = folder.discover()
        var paths = found.map(\.path)
        let templates = (try? FileManager.default.contentsOfDirectory(atPath: folder.root.appendingPathComponent("templates").path)) ?? []
        paths += templates.filter { $0.hasSuffix(".mustache") && !$0.hasPrefix(".") }.map { "templates/" + $0 }
        var stamps: [String: FileStamp] = [:]
        for path in paths {
            if let stamp = FileStamp.of(folder.fullPath(path), followingLinks: true) { stamps[path] = stamp }
        }
        return FolderState(stamps: stamps, found: found)
    }

    /// The files saved, added or removed since `earlier`.
    public func changes(since earlier: FolderState) -> Set<String> {
        var changed = Set<String>()
        for (path, stamp) in stamps where earlier.stamps[path] != stamp { changed.insert(path) }
        for path in earlier.stamps.keys where stamps[path] == nil { changed.insert(path) }
        return changed
    }
}
