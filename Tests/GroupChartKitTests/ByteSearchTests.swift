import Testing
@testable import GroupChartKit

/// `ByteSearch` finds what a loop over every byte finds: at the first and
/// last byte, across the vector widths `memchr` reads in, and in nothing.
@Suite struct ByteSearchTests {
    @Test func itFindsEveryOffsetALoopFinds() {
        var generator = SystemRandomNumberGenerator()
        for length in [0, 1, 2, 15, 16, 17, 31, 32, 33, 63, 64, 65, 127, 128, 129, 1000, 4097] {
            for _ in 0..<20 {
                // Mostly other bytes, some line feeds, one at each end at times.
                var bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) == 0 ? 0x0A : UInt8.random(in: 0x20...0x7E, using: &generator) }
                if length > 0, Bool.random(using: &generator) { bytes[0] = 0x0A }
                if length > 0, Bool.random(using: &generator) { bytes[length - 1] = 0x0A }
                let expected = bytes.indices.filter { bytes[$0] == 0x0A }
                var found: [Int] = []
                bytes.withUnsafeBytes { ByteSearch.forEach(0x0A, in: $0) { found.append($0) } }
                #expect(found == expected, "\(length) bytes")
                #expect(bytes.withUnsafeBytes { ByteSearch.contains(0x0A, in: $0) } == !expected.isEmpty)
                #expect(bytes.withUnsafeBytes { ByteSearch.contains(0x0D, in: $0) } == false)
            }
        }
    }

    /// A file with carriage returns reads as with line feeds, lines and all.
    @Test func carriageReturnsAreLineFeedsInTheLineTable() {
        let file = SourceDecoder.decode(Array("a\r\nb\rc\n\nd".utf8), path: "x.md")
        #expect(file.text == "a\nb\nc\n\nd")
        #expect(file.lineCount == 5)
        #expect((1...5).map { file.line($0).map(String.init) } == ["a", "b", "c", "", "d"])
        #expect(SourceDecoder.text(Array("a\r\nb\r\nc".utf8), fromLine: 2) == "b\nc")
    }
}
