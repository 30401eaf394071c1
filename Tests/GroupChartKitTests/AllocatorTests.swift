import Testing
@testable import GroupChartKit

/// On Linux, `malloc` is mimalloc's for the whole process (`FreedMemory`).
/// Were libmimalloc ever linked after libc (a toolchain's change of link
/// order, a package that stopped linking it), GroupChart would still work,
/// only slower and larger, and nothing else would say so.
@Suite struct AllocatorTests {
    @Test func mallocIsMimallocOnLinuxAndTheSystemsElsewhere() {
        #if os(Linux)
        #expect(FreedMemory.isMimalloc)
        #expect(FreedMemory.allocator.hasPrefix("mimalloc "), "\(FreedMemory.allocator)")
        #else
        #expect(!FreedMemory.isMimalloc)
        #expect(FreedMemory.allocator == "the C library's malloc")
        #endif
        // Giving memory back is safe to ask at any time, also with nothing freed.
        FreedMemory.giveBack()
    }
}
