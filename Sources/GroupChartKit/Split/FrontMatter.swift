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
    public static func split(_ file: SourceFile) -> Result<FrontMatterSplit, FrontMatterProblem> {
        let lines = file.lines
        if lines.allSatisfy({ $0.allSatisfy(\.isWhitespace) }) { return .failure(.empty) }
        guard isFence(lines[0]) else { return .failure(.missing) }
        guard let close = lines.indices.dropFirst().first(where: { isFence(lines[$0]) }) else {
            return .failure(.unterminated)
        }
        let yaml = lines[1..<close].joined(separator: "\n")
        let body = lines[(close + 1)...].joined(separator: "\n")
        return .success(FrontMatterSplit(yaml: yaml, yamlFirstLine: 2, body: body, bodyFirstLine: close + 2))
    }

    static func isFence(_ line: Substring) -> Bool {
        line.hasPrefix("---") && line.dropFirst(3).allSatisfy { $0 == " " || $0 == "\t" }
    }
}
