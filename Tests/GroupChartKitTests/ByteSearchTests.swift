import Testing
@testable import GroupChartKit

/// `ByteSearch` finds what a loop over every byte finds: at the first and
/// last byte, across the vector widths `memchr` reads in, and in nothing.
@Suite struct ByteSearchTests {
    @Test func itFindsEveryOffsetALoopFinds() {
        // Seeded, so that a failure can be replayed: SplitMix64.
        var state: UInt64 = 0x5EED
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var value = state
            value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
            value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
            return value ^ (value >> 31)
        }
        for length in [0, 1, 2, 15, 16, 17, 31, 32, 33, 63, 64, 65, 127, 128, 129, 1000, 4097] {
            for round in 0..<20 {
                // Every byte value, NUL and those above 0x7F included; some
                // line feeds and carriage returns, at the ends at times.
                var bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: next()) }
                if length > 0, round % 3 == 0 { bytes[0] = 0x0A }
                if length > 0, round % 4 == 0 { bytes[length - 1] = 0x0D }
                for target: UInt8 in [0x0A, 0x0D] {
                    let expected = bytes.indices.filter { bytes[$0] == target }
                    var found: [Int] = []
                    bytes.withUnsafeBytes { ByteSearch.forEach(target, in: $0) { found.append($0) } }
                    #expect(found == expected, "\(length) bytes, round \(round), byte \(target)")
                    #expect(bytes.withUnsafeBytes { ByteSearch.contains(target, in: $0) } == !expected.isEmpty)
                }
            }
        }
        // In a slice that does not start at zero, offsets are the slice's own.
        let bytes: [UInt8] = [0x0A, 0x41, 0x0A, 0x42]
        var found: [Int] = []
        bytes[1...].withUnsafeBytes { ByteSearch.forEach(0x0A, in: $0) { found.append($0) } }
        #expect(found == [1])
    }

    /// A file with carriage returns reads as with line feeds, lines and all.
    @Test func carriageReturnsAreLineFeedsInTheLineTable() {
        let file = SourceDecoder.decode(Array("a\r\nb\rc\n\nd".utf8), path: "x.md")
        #expect(file.text == "a\nb\nc\n\nd")
        #expect(file.lineCount == 5)
        #expect((1...5).map { file.line($0).map(String.init) } == ["a", "b", "c", "", "d"])
        #expect(SourceDecoder.text(Array("a\r\nb\r\nc".utf8), fromLine: 2) == "b\nc")
        // A byte-order mark before a carriage return; a file of one carriage return; one last.
        #expect(SourceDecoder.decode([0xEF, 0xBB, 0xBF, 0x0D, 0x61], path: "x.md").text == "\na")
        #expect(SourceDecoder.decode([0x0D], path: "x.md").text == "\n")
        #expect(SourceDecoder.decode(Array("a\r".utf8), path: "x.md").lineCount == 2)
    }
}
