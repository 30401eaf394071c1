import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Data on the disk itself before a rename puts it in place. On Linux,
/// `fsync` and `sync` wait for the drive. On macOS neither does: `fsync`
/// hands the data to the drive, which may keep it in its cache and write it
/// out of order, and `sync` "may return before the buffers are completely
/// flushed" (their manual pages); `F_FULLFSYNC` asks the drive to empty its
/// cache. Without it, a power cut on a Mac could leave a sent 837 or a
/// record renamed into place, empty.
enum DiskFlush {
    /// Flushes the open file `descriptor`; false when it could not.
    static func file(_ descriptor: Int32) -> Bool {
        #if canImport(Darwin)
        if fcntl(descriptor, F_FULLFSYNC) == 0 { return true }
        #endif
        return fsync(descriptor) == 0
    }

    /// Flushes `files` (just written, not yet renamed) before their renames:
    /// one `sync` on Linux, which cost 40 ms where an `fsync` a file cost 20 s
    /// at 2,000 records; on macOS each file to the drive, then its cache once.
    static func files(_ files: [URL]) {
        #if canImport(Darwin)
        var last: Int32 = -1
        for url in files {
            let descriptor = open(url.path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
            guard descriptor >= 0 else { continue }
            _ = fsync(descriptor)
            if last >= 0 { close(last) }
            last = descriptor
        }
        if last >= 0 {
            _ = fcntl(last, F_FULLFSYNC)
            close(last)
        }
        #else
        sync()
        #endif
    }
}
