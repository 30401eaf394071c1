import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One build at a time into an output folder: `watch` rebuilding while
/// `build` is typed in another terminal, or two terminals, or a script.
///
/// Each build takes the advisory lock (`flock`, on Linux and macOS) of
/// `.groupchart-cache/build.lock` in its output folder before it reads the
/// cache, and lets it go once the cache is written; another build waits for
/// it. Two builds at once each took the other's files under their temporary
/// names for a killed build's and removed them, and one of them, or both,
/// failed ("cannot rename") halfway through its renames. The system lets go
/// of the lock of a process that ends, however it ends, so a killed build
/// never leaves the folder locked. Where the file cannot be created or the
/// file system has no locks (some network shares), the build goes on
/// without one, as before.
final class BuildLock: @unchecked Sendable {
    static let name = "build.lock"

    private let lock = NSLock()
    private var descriptor: Int32
    private let file: URL
    /// The folders taking the lock created (the output folder, the cache's).
    private let created: [URL]

    private init(descriptor: Int32, file: URL, created: [URL]) {
        self.descriptor = descriptor
        self.file = file
        self.created = created
    }

    /// The lock of `output`, taken: at once, or after `waiting` is told and
    /// the build holding it ends. `nil` when there is no lock to take.
    static func take(_ output: URL, waiting: (@Sendable () -> Void)?) -> BuildLock? {
        let folder = BuildCache.folder(of: output)
        let file = folder.appendingPathComponent(name, isDirectory: false)
        var told = false
        // A few times round at most: the folder, or the file, can be taken
        // away by a build that failed and let go (`release`) between this
        // build's making it and opening the file, or while it waited.
        for _ in 0..<100 {
            var created: [URL] = []
            guard (try? OutputFolder(root: output).makeFolder(folder, created: &created)) != nil else { return nil }
            var descriptor = open(file.path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
            // Another user's lock file in a shared folder: a lock needs no writing.
            if descriptor < 0, errno == EACCES { descriptor = open(file.path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW) }
            guard descriptor >= 0 else {
                if errno == ENOENT { continue }
                return nil
            }
            if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
                guard errno == EWOULDBLOCK else {
                    close(descriptor)
                    return nil
                }
                if !told { waiting?() }
                told = true
                var taken = flock(descriptor, LOCK_EX)
                while taken != 0 && errno == EINTR { taken = flock(descriptor, LOCK_EX) }
                guard taken == 0 else {
                    close(descriptor)
                    return nil
                }
            }
            // The build that held it may have removed the file as it let go
            // (`release`): a lock on a file no longer at the path locks
            // nothing, and the path's is taken again.
            var held = stat(), atPath = stat()
            if fstat(descriptor, &held) == 0, lstat(file.path, &atPath) == 0, held.st_ino == atPath.st_ino, held.st_dev == atPath.st_dev {
                return BuildLock(descriptor: descriptor, file: file, created: created)
            }
            close(descriptor)
        }
        return nil
    }

    /// Lets the lock go (closing the file does); once is enough. A build
    /// that failed before the cache was written leaves no cache folder
    /// behind: when the lock's file is all the folder holds, it is removed
    /// while the lock is still held, and so are the folders taking the lock
    /// created, if they are empty.
    func release() {
        lock.withLock {
            guard descriptor >= 0 else { return }
            let folder = file.deletingLastPathComponent()
            if (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) == [Self.name] {
                unlink(file.path)
                for made in created.reversed() { rmdir(made.path) }
            }
            close(descriptor)
            descriptor = -1
        }
    }

    deinit { release() }
}
