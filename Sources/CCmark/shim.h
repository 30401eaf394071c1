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
