import Foundation

#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// What a build reads, as it stands on disk: the size, modification time and
/// file identity of every document (`PracticeFolder.discover`) and of the
/// practice's templates. Two states that differ name the files saved, added
/// or removed between them.
///
/// It is found by polling, which works the same on macOS and Linux and on
/// every file system, network and container mounts included, where change
/// notifications (inotify, FSEvents, kqueue) do not all work. An editor that
/// saves by writing a new file and renaming it changes the identity, so even
/// a save within the clock's resolution that keeps the size is seen.
public struct FolderState: Sendable, Equatable {
    struct Stamp: Sendable, Equatable {
        var size: Int64
        var seconds: Int
        var nanoseconds: Int
        var inode: UInt64
    }

    private let stamps: [String: Stamp]

    /// The state of every file a build of `folder` would read.
    public static func scan(_ folder: PracticeFolder) -> FolderState {
        var paths = folder.discover().map(\.path)
        let templates = (try? FileManager.default.contentsOfDirectory(atPath: folder.root.appendingPathComponent("templates").path)) ?? []
        paths += templates.filter { $0.hasSuffix(".mustache") && !$0.hasPrefix(".") }.map { "templates/" + $0 }
        var stamps: [String: Stamp] = [:]
        for path in paths {
            if let stamp = stamp(folder.root.appendingPathComponent(path).path) { stamps[path] = stamp }
        }
        return FolderState(stamps: stamps)
    }

    /// The files saved, added or removed since `earlier`.
    public func changes(since earlier: FolderState) -> Set<String> {
        var changed = Set<String>()
        for (path, stamp) in stamps where earlier.stamps[path] != stamp { changed.insert(path) }
        for path in earlier.stamps.keys where stamps[path] == nil { changed.insert(path) }
        return changed
    }

    /// The file's stamp, following a link as reading does; `nil` when it is gone.
    private static func stamp(_ path: String) -> Stamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        #if canImport(Darwin)
        let modified = info.st_mtimespec
        #else
        let modified = info.st_mtim
        #endif
        return Stamp(size: Int64(info.st_size), seconds: Int(modified.tv_sec), nanoseconds: Int(modified.tv_nsec),
                     inode: UInt64(info.st_ino))
    }
}
