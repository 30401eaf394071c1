#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One byte value looked for in a file's bytes with the C library's
/// `memchr`, which reads a vector of bytes at each step: every file read is
/// searched for carriage returns and cut into lines, and a Swift loop over
/// its bytes, one at a time, was about 1 % of a cold check at 20,000 notes
/// (`perf`).
enum ByteSearch {
    /// Whether `byte` is in `bytes`.
    static func contains(_ byte: UInt8, in bytes: UnsafeRawBufferPointer) -> Bool {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return false }
        return memchr(base, Int32(byte), bytes.count) != nil
    }

    /// Calls `found` with the offset of each `byte` in `bytes`, in order.
    static func forEach(_ byte: UInt8, in bytes: UnsafeRawBufferPointer, _ found: (Int) -> Void) {
        guard let base = bytes.baseAddress else { return }
        var offset = 0
        while offset < bytes.count, let match = memchr(base + offset, Int32(byte), bytes.count - offset) {
            let at = base.distance(to: UnsafeRawPointer(match))
            found(at)
            offset = at + 1
        }
    }
}
