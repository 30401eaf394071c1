internal import CCmark

/// Gives the memory a stage let go back to the system, between stages.
///
/// glibc keeps freed memory in its arenas (one per thread that allocated,
/// and reading runs on every core), so what parsing made and dropped still
/// counted in the resident memory of every stage after it: at 20,000 notes
/// a build's peak is 291 to 297 MB with a trim after reading, after the
/// rules, after letting the notes' bodies go and after the records, and 315
/// to 324 MB without (three builds each, `/usr/bin/time`); the trims take
/// less time than the runs' noise.
/// macOS's allocator gives pages back by itself, and there (or with a C
/// library other than glibc) the C shim does nothing. A long-running
/// command keeps its memo between rebuilds and does not trim.
enum FreedMemory {
    static func giveBack() {
        groupchart_give_back_freed_memory()
    }

    /// Set once, before a build or check that lets memory go between its
    /// stages: large blocks (128 KiB and more) go straight back to the
    /// system when freed, instead of glibc raising its thresholds each time
    /// one is freed and keeping the next ones (the records' HTML, the claims
    /// files, the cache's encoding). At 20,000 notes a build's peak was
    /// 286-302 MB without and 277-278 MB with (`/usr/bin/time`, two builds
    /// each, alternating), in the same time.
    static func returnLargeBlocksAtOnce() {
        groupchart_return_large_blocks_at_once()
    }
}
