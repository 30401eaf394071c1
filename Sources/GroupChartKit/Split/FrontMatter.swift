/// A Markdown document cut in two at its front-matter fences, each part
/// remembering the file line it starts on so positions stay true.
public struct FrontMatterSplit: Sendable {
    /// The YAML between the fences (empty when there is none).
    public var yaml: String
    /// The file line of the YAML's first line.
    public var yamlFirstLine: Int
    /// The Markdown after the closing fence.
    public var body: String
    /// The file line of the body's first line.
    public var bodyFirstLine: Int
}

/// Why a document's front-matter could not be found.
public enum FrontMatterProblem: Error, Sendable, Equatable {
    /// The file is empty (0 bytes, or only white space).
    case empty
    /// The first line is not `---`.
    case missing
    /// The opening `---` has no closing `---`.
    case unterminated
}

/// Splits a document at its `---` fences (format.md: every `.md` document is
/// YAML front-matter between two `---` lines followed by a Markdown body).
public enum FrontMatter {
    /// The two parts are slices of the file's text, found through its line
    /// table: splitting every file into lines and joining them again was
    /// 2.5 % of a check of 20,000 notes.
    public static func split(_ file: SourceFile) -> Result<FrontMatterSplit, FrontMatterProblem> {
        if file.text.allSatisfy(\.isWhitespace) { return .failure(.empty) }
        guard file.isFence(line: 1) else { return .failure(.missing) }
        guard file.lineCount >= 2, let close = (2...file.lineCount).first(where: { file.isFence(line: $0) }) else {
            return .failure(.unterminated)
        }
        // Lines 2 to the closing fence, without the line break that ends the last.
        var yaml = file.text(fromLine: 2, toLine: close)
        if yaml.utf8.last == 0x0A { yaml = yaml[..<yaml.utf8.index(before: yaml.utf8.endIndex)] }
        let body = file.text(fromLine: close + 1)
        return .success(FrontMatterSplit(yaml: String(yaml), yamlFirstLine: 2, body: String(body), bodyFirstLine: close + 1))
    }

    static func isFence(_ line: Substring) -> Bool {
        line.hasPrefix("---") && line.dropFirst(3).allSatisfy { $0 == " " || $0 == "\t" }
    }

    /// `isFence` of a line's UTF-8 bytes (without its line break): the
    /// same answer, since a byte after `---` that is not a space or a tab
    /// (a combining mark's first byte among them) fails both.
    static func isFence(_ line: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        let dash = UInt8(ascii: "-")
        guard line.count >= 3, line.prefix(3).allSatisfy({ $0 == dash }) else { return false }
        return line.dropFirst(3).allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    }
}
