/// Turns a file's bytes into a `SourceFile`: drops a byte-order mark, reads
/// CRLF and lone CR as LF, and finds the first byte that is not UTF-8 text.
///
/// Validation is done by hand rather than by `String(decoding:)`, which would
/// silently replace bad bytes: the clinician must learn where the bad byte is.
enum SourceDecoder {
    /// `digest` is `SignedText.digest(of: raw)` when the caller has it already.
    static func decode(_ raw: [UInt8], path: String, digest: String? = nil) -> SourceFile {
        let bytes = normalisedLineEndings(withoutBOM(raw))
        let problem = firstProblem(in: bytes)
        let text = String(decoding: bytes, as: UTF8.self)
        return SourceFile(path: path, text: text, encodingProblem: problem, sha256: digest ?? SignedText.digest(of: raw))
    }

    /// `decode(raw, path:).text(fromLine: line)`, without looking for bad
    /// bytes or making the line table: for a note read again to be shown as
    /// written (its problems were found when it was first read, and a
    /// record renders every note twice).
    static func text(_ raw: [UInt8], fromLine line: Int) -> Substring {
        let bytes = withoutBOM(raw)
        let text = holdsCarriageReturn(bytes) ? String(decoding: normalisedLineEndings(bytes), as: UTF8.self)
            : String(decoding: bytes, as: UTF8.self)
        let utf8 = text.utf8
        var start = utf8.startIndex
        var current = 1
        while current < line, let newline = utf8[start...].firstIndex(of: 0x0A) {
            start = utf8.index(after: newline)
            current += 1
        }
        return current == line ? text[start...] : text[text.endIndex...]
    }

    private static func withoutBOM(_ bytes: [UInt8]) -> ArraySlice<UInt8> {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            return bytes[3...]
        }
        return bytes[...]
    }

    private static func holdsCarriageReturn(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.withUnsafeBytes { ByteSearch.contains(0x0D, in: $0) }
    }

    private static func normalisedLineEndings(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        guard holdsCarriageReturn(bytes) else { return Array(bytes) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == 0x0D {
                out.append(0x0A)
                let next = bytes.index(after: index)
                if next < bytes.endIndex, bytes[next] == 0x0A { index = next }
            } else {
                out.append(byte)
            }
            index = bytes.index(after: index)
        }
        return out
    }

    /// The line and column (in scalars) of the first invalid or NUL byte.
    private static func firstProblem(in bytes: [UInt8]) -> EncodingProblem? {
        if isPlainASCII(bytes) { return nil }
        var line = 1
        var column = 1
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0 {
                return EncodingProblem(line: line, column: column, byte: 0, isNul: true)
            }
            let length = sequenceLength(bytes, at: index)
            guard length > 0 else {
                return EncodingProblem(line: line, column: column, byte: byte, isNul: false)
            }
            if byte == 0x0A {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index += length
        }
        return nil
    }

    /// Whether every byte is ASCII and none is NUL: most files are, and need
    /// no walk byte by byte counting lines and columns (1.3 % of a cold
    /// check at 20,000 notes, `perf`).
    static func isPlainASCII(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { $0.isASCII(allowingNUL: false) }
    }

    /// The length of the well-formed UTF-8 sequence starting at `index`, or 0.
    private static func sequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
        let lead = bytes[index]
        let length: Int
        var lowest: UInt8 = 0x80
        var highest: UInt8 = 0xBF
        switch lead {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; lowest = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; highest = 0x9F
        case 0xF0: length = 4; lowest = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; highest = 0x8F
        default: return 0
        }
        guard index + length <= bytes.count else { return 0 }
        for offset in 1..<length {
            let byte = bytes[index + offset]
            let (low, high) = offset == 1 ? (lowest, highest) : (UInt8(0x80), UInt8(0xBF))
            guard byte >= low, byte <= high else { return 0 }
        }
        return length
    }
}
