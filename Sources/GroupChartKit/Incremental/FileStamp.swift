import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file's size, modification time, inode and inode change time, as git's
/// index keeps them (`core.trustctime`): what tells, without reading a file,
/// that it is still the one written. The change time is the one no program
/// can put back: a note overwritten in place by `cp -p` or `rsync
/// --inplace` keeps its size, time and inode, and without it `check` and
/// `build` answered from the note as it was (and billed a note a rule
/// would hold), then, once `watch` had read the new text, every build
/// stopped on "changed while the build ran".
/// A file changed within the same timestamp tick as the stamp taken could
/// go unseen, so a stamp is trusted only for files older than the moment
/// it is compared at (`isSettled`).
struct FileStamp: Codable, Equatable, Sendable {
    var size: Int64
    var seconds: Int64
    var nanoseconds: Int64
    var inode: UInt64
    /// The inode's change time (ctime), in nanoseconds since 1970.
    var changed: Int64 = 0

    /// A stamp no file has (no file has inode 0): one that vouches for nothing.
    static let none = FileStamp(size: 0, seconds: 0, nanoseconds: 0, inode: 0)

    /// The stamp of the file at `path`; `nil` when it is missing or no
    /// regular file. A link is not followed (what the caches trust must be
    /// the file itself: a linked document is read every time) unless
    /// `followingLinks`, for the polls of `watch` and `serve`, which must see
    /// a save to the file a link points at, as reading follows it.
    static func of(_ path: String, followingLinks: Bool = false) -> FileStamp? {
        var status = stat()
        guard (followingLinks ? stat(path, &status) : lstat(path, &status)) == 0 else { return nil }
        return described(by: status)
    }

    /// The stamp of the entry `name` of the open folder `folder` (a link not
    /// followed), as `of` gives it: one path component for the system to
    /// look up, not the whole path (`FolderListing`).
    static func of(_ name: String, inFolder folder: Int32) -> FileStamp? {
        var status = stat()
        guard fstatat(folder, name, &status, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
        return described(by: status)
    }

    /// The stamp of the file at `path`, as `of` gives it, with the time its
    /// inode last changed apart: a change of permissions or owner alone
    /// (`chmod`, `chown`) moves that time and nothing else. For the polls of
    /// `watch` and `serve` (`FolderState`), which compare one poll with the last.
    static func polled(_ path: String, followingLinks: Bool) -> (stamp: FileStamp, changed: Int64)? {
        var status = stat()
        guard (followingLinks ? stat(path, &status) : lstat(path, &status)) == 0, let stamp = described(by: status) else { return nil }
        return (stamp, stamp.changed)
    }

    /// The stamp `status` describes; `nil` for anything but a regular file.
    private static func described(by status: stat) -> FileStamp? {
        guard (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        #if canImport(Darwin)
        let (time, changed) = (status.st_mtimespec, status.st_ctimespec)
        #else
        let (time, changed) = (status.st_mtim, status.st_ctim)
        #endif
        return FileStamp(size: Int64(status.st_size), seconds: Int64(time.tv_sec), nanoseconds: Int64(time.tv_nsec),
                         inode: UInt64(status.st_ino), changed: Int64(changed.tv_sec) * 1_000_000_000 + Int64(changed.tv_nsec))
    }

    /// The stamp of the file at `path` (a regular file, not a link), its
    /// modification time first moved three seconds back when it is not
    /// settled before `now` (its nanoseconds kept, so that two writes of the
    /// same file in the same second still differ, for tools that compare
    /// times and sizes, such as rsync); its access time is left alone. For
    /// outputs GroupChart has just written (`BuildCache.stamps`); `nil` as
    /// `of` gives it.
    static func settle(_ path: String, before now: TimeInterval) -> FileStamp? {
        guard let stamp = of(path) else { return nil }
        guard !stamp.isSettled(before: now, countingChange: false) else { return stamp }
        var times = [timespec(tv_sec: 0, tv_nsec: omitted),
                     timespec(tv_sec: time_t(stamp.seconds - 3), tv_nsec: Int(stamp.nanoseconds))]
        guard utimensat(AT_FDCWD, path, &times, AT_SYMLINK_NOFOLLOW) == 0 else { return stamp }
        return of(path)
    }

    /// `UTIME_OMIT`, which Swift does not import: a time `utimensat` leaves as it is.
    #if canImport(Darwin)
    private static let omitted = -2
    #else
    private static let omitted = (1 << 30) - 2
    #endif

    /// Whether the file was last written (or its inode changed) more than two
    /// seconds before `now` (seconds since 1970), so that a later write would
    /// show in its stamp.
    /// For a document, the later of the two times counts (`countingChange`):
    /// one overwritten by `cp -p` has an old modification time and a change
    /// time of now. An output GroupChart wrote is dated back on purpose
    /// (`settle`), which moves its change time to now: its modification
    /// time alone counts, or the build after a build hashed every output.
    func isSettled(before now: TimeInterval, countingChange: Bool = true) -> Bool {
        TimeInterval(countingChange ? max(seconds, changed / 1_000_000_000) : seconds) + 2 < now
    }
}
