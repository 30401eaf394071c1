extension UnsafeRawBufferPointer {
    /// Whether every byte is ASCII (below 0x80), and none is NUL unless
    /// `allowingNUL`, looked at eight bytes at a time: most notes are plain
    /// ASCII, and both the decoder's search for a bad byte
    /// (`SourceDecoder.isPlainASCII`) and the sentence walk
    /// (`WordScanner`) then take their byte-by-byte paths.
    func isASCII(allowingNUL: Bool = true) -> Bool {
        guard let base = baseAddress else { return true }
        let high: UInt64 = 0x8080_8080_8080_8080
        var index = 0
        while index + 8 <= count {
            let word = base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            // A byte of 0x80 or more, or (all below 0x80) a byte of zero.
            if word & high != 0 || (!allowingNUL && (word &- 0x0101_0101_0101_0101) & ~word & high != 0) { return false }
            index += 8
        }
        return self[index...].allSatisfy { $0 < 0x80 && (allowingNUL || $0 != 0) }
    }
}
