#if os(Linux) && canImport(CMimalloc)
internal import CMimalloc
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The memory allocator, and giving the memory a stage let go back to the
/// system, between stages.
///
/// On Linux, GroupChartKit links mimalloc (Debian `libmimalloc-dev`), which
/// takes the place of glibc's `malloc` for the whole process: the dynamic
/// linker binds `malloc` to the first library that defines it, and
/// libmimalloc comes before libc among the program's libraries. At 20,000
/// notes a cold `check` took 16 % less time and processor time with it
/// (medians of ten interleaved runs, 1.231 -> 1.039 s), and a cold build
/// about 13 % less processor time, for a few MiB more at the peak
/// (docs/performance.md). glibc's arenas, one per thread, spent that time
/// growing and trimming their heaps (`mprotect`) and in page faults, and
/// kept what a stage freed in the resident memory of the stages after it
/// unless trimmed after each stage and told to map large blocks apart
/// (`malloc_trim`, `mallopt`, which GroupChart did until mimalloc).
/// macOS's allocator is not glibc's, and is kept.
///
/// A cold build or check asks mimalloc to give back the pages freed when a
/// stage ends (`giveBack`: after reading, after the rules and after the
/// records), so that they count less in the peak of the stages after:
/// `mi_collect` frees what the calling thread's heap and the threads that
/// ended left, and mimalloc gives back the rest of what is freed by itself,
/// a little later. A long-running command keeps its memo between rebuilds
/// and does not ask.
///
/// mimalloc is a requirement of a Linux build, as libcmark is of every
/// build (`make` installs both). Any program that links GroupChartKit on
/// Linux allocates with it, as `groupchart` and the tests do.
enum FreedMemory {
    /// Whether `malloc` is mimalloc's: a block `malloc` gave lies in
    /// mimalloc's heap. Were the program's libraries ever linked in another
    /// order, glibc's `malloc` would answer, and GroupChart would work as
    /// before, only slower (`AllocatorTests` would fail).
    static let isMimalloc: Bool = {
        #if os(Linux) && canImport(CMimalloc)
        guard let block = malloc(16) else { return false }
        defer { free(block) }
        return mi_is_in_heap_region(block)
        #else
        return false
        #endif
    }()

    /// The allocator in use, for `GROUPCHART_PHASES`.
    static var allocator: String {
        #if os(Linux) && canImport(CMimalloc)
        if isMimalloc {
            let version = Int(mi_version())  // 209 for 2.0.9
            return "mimalloc \(version / 100).\(version / 10 % 10).\(version % 10)"
        }
        #endif
        return "the C library's malloc"
    }

    static func giveBack() {
        #if os(Linux) && canImport(CMimalloc)
        if isMimalloc { mi_collect(true) }
        #endif
    }
}
