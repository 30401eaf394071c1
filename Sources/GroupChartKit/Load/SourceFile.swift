/// One file of the practice as text, ready for every later stage.
///
/// Line endings are normalised to LF and a leading byte-order mark is dropped
/// when the file is read, so that YAML, cmark and the diagnostics printers all
/// count the same lines. A file that is not valid UTF-8 keeps a lossy copy of
/// its text (for the snippet under the diagnostic) and the place of its first
/// bad byte.
public struct SourceFile: Sendable, Codable, Equatable {
    /// The path relative to the practice folder, `/`-separated.
    public let path: String
    /// The decoded text, LF line endings, no byte-order mark.
    public let text: String
    /// Where the first byte that is not UTF-8 (or a NUL byte) stands, if any.
    public let encodingProblem: EncodingProblem?
    /// The UTF-8 offset where each line starts (`lineStarts[0]` is line 1's):
    /// eight bytes a line, where an array of substrings would take 32.
    private let lineStarts: [Int]
    /// `sha256:<hex>` of the file's bytes as they are on disk, for the
    /// records' footers (empty for text made in memory).
    public let sha256: String
    /// False once the text was let go (`withoutText()`): a note's text is
    /// held once, by its parsed blocks, and read again from the practice
    /// when a record or a diagnostic quotes it (`PracticeRecord.source`).
    public let holdsText: Bool
    /// The first line, kept when the text is let go if it is at most
    /// `longestKeptFirstLine` bytes (a front matter's `---`): diagnostics
    /// about a whole document stand at its line 1 and quote it. At 20,000
    /// notes, reading 10,600 notes again for that line was 4.7 % of a
    /// `check` (`perf`). `nil` while the text is held: `line(1)` has it.
    public let keptFirstLine: String?
    static let longestKeptFirstLine = 64

    public init(path: String, text: String, encodingProblem: EncodingProblem? = nil, sha256: String = "") {
        self.path = path
        self.text = text
        self.encodingProblem = encodingProblem
        self.holdsText = true
        self.keptFirstLine = nil
        var starts = [0]
        // Over the bytes where they lie: enumerating the UTF-8 view was 3 %
        // of a check of 20,000 notes.
        var bytes = text
        bytes.withUTF8 { buffer in
            ByteSearch.forEach(0x0A, in: UnsafeRawBufferPointer(buffer)) { starts.append($0 + 1) }
        }
        self.lineStarts = starts
        self.sha256 = sha256
    }

    private init(lettingGoTextOf file: SourceFile, keptFirstLine: String?) {
        path = file.path
        text = ""
        encodingProblem = file.encodingProblem
        lineStarts = [0]
        sha256 = file.sha256
        holdsText = false
        self.keptFirstLine = keptFirstLine
    }

    /// The same file without its text and line table: what the model keeps
    /// of a note once it is parsed. At 20,000 notes the texts were 40 MB
    /// held a second time beside the blocks' plain text.
    func withoutText() -> SourceFile {
        guard holdsText else { return self }
        let first = line(1).flatMap { $0.utf8.count <= Self.longestKeptFirstLine ? String($0) : nil }
        return SourceFile(lettingGoTextOf: self, keptFirstLine: first)
    }

    /// A file without its text, as kept (`withoutText()`), made again from what was kept.
    init(path: String, keptFirstLine: String?, encodingProblem: EncodingProblem?, sha256: String) {
        self.init(lettingGoTextOf: SourceFile(path: path, text: "", encodingProblem: encodingProblem, sha256: sha256),
                  keptFirstLine: keptFirstLine)
    }

    private enum CodingKeys: CodingKey { case path, text, encodingProblem, sha256, holdsText, keptFirstLine }

    /// Kept without its line table, which is found again from the text.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let holdsText = try container.decode(Bool.self, forKey: .holdsText)
        let path = try container.decode(String.self, forKey: .path)
        let text = holdsText ? try container.decode(String.self, forKey: .text) : ""
        let problem = try container.decodeIfPresent(EncodingProblem.self, forKey: .encodingProblem)
        let sha256 = try container.decode(String.self, forKey: .sha256)
        if holdsText {
            self.init(path: path, text: text, encodingProblem: problem, sha256: sha256)
        } else {
            self.init(path: path, keptFirstLine: try container.decodeIfPresent(String.self, forKey: .keptFirstLine),
                      encodingProblem: problem, sha256: sha256)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(holdsText, forKey: .holdsText)
        try container.encode(path, forKey: .path)
        if holdsText { try container.encode(text, forKey: .text) }
        try container.encodeIfPresent(encodingProblem, forKey: .encodingProblem)
        try container.encode(sha256, forKey: .sha256)
        if !holdsText { try container.encodeIfPresent(keptFirstLine, forKey: .keptFirstLine) }
    }

    /// How many lines the text has (a final line break opens an empty last line).
    public var lineCount: Int { lineStarts.count }

    /// The text split at LF; `lines[0]` is line 1.
    public var lines: [Substring] {
        (1...lineCount).map { line($0)! }
    }

    /// The text of a 1-based line, without its line ending.
    public func line(_ number: Int) -> Substring? {
        guard number >= 1, number <= lineStarts.count else { return nil }
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: lineStarts[number - 1])
        let end = number < lineStarts.count ? utf8.index(utf8.startIndex, offsetBy: lineStarts[number] - 1) : utf8.endIndex
        return text[start..<end]
    }

    /// Whether a 1-based line is a front-matter fence (`FrontMatter.isFence`),
    /// read from its bytes: a `Substring` of each line up to the closing
    /// fence, and its characters compared, were 1.6 % of a cold check at
    /// 20,000 notes (`perf`).
    func isFence(line number: Int) -> Bool {
        guard number >= 1, number <= lineStarts.count else { return false }
        let start = lineStarts[number - 1]
        let end = number < lineStarts.count ? lineStarts[number] - 1 : text.utf8.count
        return text.utf8.withContiguousStorageIfAvailable { FrontMatter.isFence($0[start..<end]) }
            ?? line(number).map(FrontMatter.isFence) ?? false
    }

    /// The text from the start of a 1-based line to the start of line `end`
    /// (to the end of the file when `end` is `nil` or past it).
    public func text(fromLine number: Int, toLine end: Int? = nil) -> Substring {
        guard number >= 1, number <= lineStarts.count else { return text[text.endIndex...] }
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: lineStarts[number - 1])
        guard let end, end > number, end <= lineStarts.count else {
            return end.map { $0 <= number } == true ? text[start..<start] : text[start...]
        }
        return text[start..<utf8.index(utf8.startIndex, offsetBy: lineStarts[end - 1])]
    }

    /// The location of line `line`, column `column` of this file.
    public func location(line: Int, column: Int = 1) -> SourceLocation {
        SourceLocation(file: path, line: line, column: column)
    }

    /// Converts a 1-based column counted in UTF-8 bytes (cmark's unit) into one
    /// counted in Unicode scalars (the unit of every diagnostic).
    public func scalarColumn(line number: Int, byteColumn: Int) -> Int {
        guard let line = line(number), byteColumn > 1 else { return max(byteColumn, 1) }
        let bytes = line.utf8
        let end = bytes.index(bytes.startIndex, offsetBy: byteColumn - 1, limitedBy: bytes.endIndex) ?? bytes.endIndex
        let prefix = Substring(bytes[bytes.startIndex..<end])
        return prefix.unicodeScalars.count + 1
    }
}

/// The first byte of a file that is not valid UTF-8 text.
public struct EncodingProblem: Sendable, Equatable, Codable {
    public var line: Int
    public var column: Int
    public var byte: UInt8
    public var isNul: Bool
}
