/// Takes one file through the split and parse stages, reporting `encoding` and
/// `front-matter` problems; a file with either is unreadable and reported once.
enum DocumentParser {
    struct Parsed {
        var frontMatter: YAMLNode?
        var body: MarkdownBody
        /// The file line the body starts on.
        var bodyFirstLine: Int
    }

    /// A Markdown document: front-matter and body; `nil` when unreadable.
    static func markdown(_ file: SourceFile, log: FindingLog) -> Parsed? {
        guard isText(file, log: log) else { return nil }
        switch FrontMatter.split(file) {
        case .failure(let problem):
            if let nearMiss = nearMiss(problem, in: file) {
                log.add("front-matter", at: file.location(line: nearMiss.line), nearMiss.message, help: nearMiss.help)
            } else {
                log.add("front-matter", at: file.location(line: 1), message(for: problem), help: help(for: problem))
            }
            return nil
        case .success(let split):
            guard let root = yaml(split.yaml, in: file, firstLine: split.yamlFirstLine, log: log) else { return nil }
            let body = CommonMark.parse(split.body, firstLine: split.bodyFirstLine, in: file)
            return Parsed(frontMatter: root.node, body: body, bodyFirstLine: split.bodyFirstLine)
        }
    }

    /// A YAML file (practice.yaml); `nil` when unreadable.
    static func yamlFile(_ file: SourceFile, log: FindingLog) -> Parsed? {
        guard isText(file, log: log), let root = yaml(file.text, in: file, firstLine: 1, log: log) else { return nil }
        return Parsed(frontMatter: root.node, body: MarkdownBody(blocks: []), bodyFirstLine: 1)
    }

    private struct Root { var node: YAMLNode? }

    private static func yaml(_ text: String, in file: SourceFile, firstLine: Int, log: FindingLog) -> Root? {
        switch YAMLParser.parse(text, in: file, firstLine: firstLine) {
        case .failure(let problem):
            log.add("front-matter", at: problem.location, problem.message, help: problem.help)
            return nil
        case .success(let node):
            if let node, node.pairs == nil {
                let subject = YAMLParser.subject(file)
                if let glued = YAMLParser.gluedKey(in: text, through: Int.max) {
                    log.add("front-matter", at: file.location(line: glued.line + firstLine - 1, column: glued.column),
                            "\(subject) should be keys and values, not a single value: \"\(glued.key):\" has no space after its colon",
                            help: "write a space after the colon: \(glued.key): \(glued.value)")
                } else {
                    log.add("front-matter", at: node.location, "\(subject) should be keys and values, not \(node.shapeName)",
                            help: "write one \"key: value\" per line")
                }
                return nil
            }
            return Root(node: node)
        }
    }

    private static func isText(_ file: SourceFile, log: FindingLog) -> Bool {
        guard let problem = file.encodingProblem else { return true }
        let location = file.location(line: problem.line, column: problem.column)
        if problem.isNul, looksLikeUTF16(file.text.utf8.prefix(200)) {
            // Saved as UTF-16 without a byte-order mark (Notepad's "Unicode",
            // PowerShell's redirection): text, every other byte NUL. Called
            // binary, the help said to move it out (a fault-injection review).
            log.add("encoding", at: location, "NUL byte: this looks like text saved as UTF-16, not UTF-8",
                    help: "save the file as UTF-8 (in most editors: Save with Encoding, UTF-8)")
        } else if problem.isNul {
            log.add("encoding", at: location, "NUL byte: this looks like a binary file, not a text document",
                    help: "keep only UTF-8 text documents here; move other files out of the record folders or rename them")
        } else {
            let hex = String(problem.byte, radix: 16, uppercase: true)
            log.add("encoding", at: location, "byte 0x\(hex) is not UTF-8 text",
                    help: "save the file as UTF-8 (in most editors: Save with Encoding, UTF-8)")
        }
        return false
    }

    /// A line meant as the closing "---": four dashes or more, or three
    /// followed by a comment. A "---" inside the YAML would be a document
    /// start, never a value, so no front-matter holds such a line.
    static func isLookalikeFence(_ line: String) -> Bool {
        (line.count >= 4 && line.allSatisfy { $0 == "-" }) || (line.hasPrefix("--- #") || line.hasPrefix("---#"))
    }

    /// Whether `bytes` read as UTF-16 of mostly Latin text: in nine pairs
    /// of ten, one byte NUL (the same one of the pair throughout) and the
    /// other printable ASCII or a line break. Not all: "José" or a curly
    /// apostrophe near the top has no NUL in its pair, and the file was
    /// said to be binary again (a code review).
    static func looksLikeUTF16(_ bytes: some Collection<UInt8>) -> Bool {
        let bytes = Array(bytes)
        guard bytes.count >= 8 else { return false }
        let pairs = bytes.count / 2
        for nul in 0...1 {
            let text = 1 - nul
            let latin = (0..<pairs).count { pair in
                let character = bytes[pair * 2 + text]
                return bytes[pair * 2 + nul] == 0 && ((0x20..<0x7F).contains(character) || character == 0x0A || character == 0x09)
            }
            if latin * 10 >= pairs * 9 { return true }
        }
        return false
    }

    /// Front-matter all but right, said where it goes wrong: blank lines
    /// before the opening "---" (it must be the first line), or a YAML
    /// document end "..." where the closing "---" belongs.
    private static func nearMiss(_ problem: FrontMatterProblem, in file: SourceFile) -> (line: Int, message: String, help: String)? {
        let written = file.text.split(separator: "\n", maxSplits: 200, omittingEmptySubsequences: false)
        let lines = written.map { $0.trimming(.whitespacesAndNewlines) }
        switch problem {
        case .missing:
            guard let first = lines.firstIndex(where: { !$0.isEmpty }), first > 0, lines[first] == "---" else { return nil }
            return (first + 1, "the front-matter starts on line \(first + 1), after \(first == 1 ? "a blank line" : "\(first) blank lines"); "
                        + "it must start on the first line", "remove the blank line\(first == 1 ? "" : "s") above \"---\"")
        case .unterminated:
            // "...", or a fence of more dashes or with a comment after it
            // ("----", "--- # end"): said at that line, where "never
            // closed" at line 1 left the line to be found (a fault-injection review).
            guard let end = lines.indices.dropFirst().first(where: { lines[$0] == "..." || isLookalikeFence(lines[$0]) }) else {
                // "---" indented, which YAML reads as no fence (a code review).
                guard let indented = lines.indices.dropFirst().first(where: { lines[$0] == "---" && written[$0].first?.isWhitespace == true })
                else { return nil }
                return (indented + 1, "the front-matter opened on line 1 is closed with an indented \"---\"",
                        "write \"---\" at the start of the line, with no space before it")
            }
            return (end + 1, "the front-matter opened on line 1 is closed with \"\(lines[end])\", not \"---\"",
                    "replace \"\(lines[end])\" with \"---\", three dashes alone on the line")
        case .empty:
            return nil
        }
    }

    private static func message(for problem: FrontMatterProblem) -> String {
        switch problem {
        case .empty: return "the file is empty"
        case .missing: return "the file does not start with front-matter"
        case .unterminated: return "the front-matter opened on line 1 is never closed"
        }
    }

    private static func help(for problem: FrontMatterProblem) -> String {
        switch problem {
        case .empty, .missing:
            return "start the file with a line \"---\", the YAML keys, another \"---\", then the Markdown body"
        case .unterminated:
            return "add a line \"---\" after the last front-matter key"
        }
    }
}
