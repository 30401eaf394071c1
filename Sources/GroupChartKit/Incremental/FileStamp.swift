import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file's size, modification time and inode, as git's index keeps them:
/// what tells, without reading a file, that it is still the one written.
/// A file changed within the same timestamp tick as the stamp taken could
/// go unseen, so a stamp is trusted only for files older than the moment
/// it is compared at (`isSettled`).
struct FileStamp: Codable, Equatable, Sendable {
    var size: Int64
    var seconds: Int64
    var nanoseconds: Int64
    var inode: UInt64

    /// The stamp of the file at `path`; `nil` when it is missing or no
    /// regular file. A link is not followed (what the caches trust must be
    /// the file itself: a linked document is read every time) unless
    /// `followingLinks`, for the polls of `watch` and `serve`, which must see
    /// a save to the file a link points at, as reading follows it.
    static func of(_ path: String, followingLinks: Bool = false) -> FileStamp? {
        var status = stat()
        let found = followingLinks ? stat(path, &status) : lstat(path, &status)
        guard found == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        #if canImport(Darwin)
        let time = status.st_mtimespec
        #else
        let time = status.st_mtim
        #endif
        return FileStamp(size: Int64(status.st_size), seconds: Int64(time.tv_sec), nanoseconds: Int64(time.tv_nsec),
                         inode: UInt64(status.st_ino))
    }

    /// Whether the file was last written more than two seconds before `now`
    /// (seconds since 1970), so that a later write would show in its stamp.
    func isSettled(before now: TimeInterval) -> Bool {
        TimeInterval(seconds) + 2 < now
    }
}
