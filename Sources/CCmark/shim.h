#include <cmark.h>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

/// Gives the memory freed in glibc's arenas back to the system
/// (`FreedMemory`); nothing where the C library is not glibc.
static inline void groupchart_give_back_freed_memory(void) {
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}

/// Makes glibc hand blocks of 128 KiB and more straight back to the system
/// when freed, and trim the top of its heaps past 128 KiB (`FreedMemory`).
/// Left to itself, glibc raises both thresholds each time it frees a large
/// block, up to 32 and 64 MiB, so that a build's large transient arrays and
/// strings were kept after use; nothing where the C library is not glibc.
static inline void groupchart_return_large_blocks_at_once(void) {
#if defined(__GLIBC__)
    mallopt(M_MMAP_THRESHOLD, 128 * 1024);
    mallopt(M_TRIM_THRESHOLD, 128 * 1024);
#endif
}

/// The bytes glibc's allocator has handed out and not had back, in every
/// arena and in mapped blocks (`PhaseTimes`: what the program holds, apart
/// from what the allocator keeps for it); -1 where the C library is not glibc.
static inline long long groupchart_heap_in_use(void) {
#if defined(__GLIBC__) && (__GLIBC__ > 2 || __GLIBC_MINOR__ >= 33)
    struct mallinfo2 info = mallinfo2();
    return (long long)(info.uordblks + info.hblkhd);
#else
    return -1;
#endif
}
