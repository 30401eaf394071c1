import Foundation

#if os(Linux)
/// glibc's `malloc_trim`, which Glibc's Swift module does not export.
@_silgen_name("malloc_trim") private func mallocTrim(_ pad: Int) -> Int32
#endif

/// Gives the memory a stage let go back to the system, between stages.
///
/// glibc keeps freed memory in its arenas (one per thread that allocated,
/// and reading runs on every core), so what parsing made and dropped still
/// counted in the resident memory of every stage after it: at 20,000 notes
/// a build's peak is 291 to 297 MB with a trim after reading, after the
/// rules, after letting the notes' bodies go and after the records, and 315
/// to 324 MB without (three builds each, `/usr/bin/time`); the trims take
/// less time than the runs' noise.
/// macOS's allocator gives pages back by itself; there it does nothing.
enum FreedMemory {
    static func giveBack() {
        #if os(Linux)
        _ = mallocTrim(0)
        #endif
    }
}
