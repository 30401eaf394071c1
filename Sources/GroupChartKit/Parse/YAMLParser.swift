internal import Yams

/// Why front-matter is not valid YAML, placed at the line YAML complained of.
struct YAMLProblem: Error, Sendable {
    var message: String
    var help: String
    var location: SourceLocation
}

/// Composes YAML into `YAMLNode`s placed in the file: plain front-matter
/// from libyaml's events (`YAMLEvents`), anything else, and every problem,
/// with Yams.
///
/// The basic resolver is used on purpose: implicit typing is what turns times
/// into integers, and it costs a third of the decoding time; scalars are read
/// as text and checked by GroupChart itself.
enum YAMLParser {
    /// Enough for any real front-matter, small enough that aliases expanding
    /// exponentially ("billion laughs") stop early.
    static let maximumNodes = 100_000
    static let maximumDepth = YAMLShape.maximumDepth

    static func parse(_ yaml: String, in file: SourceFile, firstLine: Int) -> Result<YAMLNode?, YAMLProblem> {
        if let problem = YAMLShape.problem(yaml, in: file, firstLine: firstLine)
            ?? YAMLInvisibleSpace.problem(yaml, in: file, firstLine: firstLine)
            ?? YAMLShape.mergeKey(yaml, in: file, firstLine: firstLine) { return .failure(problem) }
        // Plain front-matter from libyaml's events; anything else, and every problem, from Yams.
        if case .composed(let root) = YAMLEvents.compose(yaml, in: file, firstLine: firstLine) { return .success(root) }
        return composedByYams(yaml, in: file, firstLine: firstLine)
    }

    /// `yaml` composed by Yams (what `YAMLEvents` must give whenever it composes).
    static func composedByYams(_ yaml: String, in file: SourceFile, firstLine: Int) -> Result<YAMLNode?, YAMLProblem> {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml, Resolver.basic, .default, .utf8)
        } catch {
            return .failure(problem(from: error, yaml: yaml, in: file, firstLine: firstLine))
        }
        guard let root else { return .success(nil) }
        var budget = maximumNodes
        do {
            return .success(try convert(root, in: file, firstLine: firstLine, depth: 0, budget: &budget))
        } catch let problem as YAMLProblem {
            return .failure(problem)
        } catch {
            return .failure(YAMLProblem(message: "front-matter could not be read", help: "", location: file.location(line: firstLine)))
        }
    }

    private static func convert(_ node: Node, in file: SourceFile, firstLine: Int, depth: Int, budget: inout Int) throws -> YAMLNode {
        budget -= 1
        let location = place(node.mark, in: file, firstLine: firstLine)
        guard budget >= 0, depth <= maximumDepth else {
            throw YAMLProblem(
                message: "front-matter is too large or too deeply nested (over \(maximumNodes) values or \(maximumDepth) levels)",
                help: "front-matter holds a few dozen keys; remove repeated aliases (*name) and nesting",
                location: location)
        }
        // A tag other than YAML's own for what is written (`!!binary`,
        // `!!set`, `!custom`) asks for a reading GroupChart does not give:
        // `first_name: !!binary TGlseQ==` went onto the claim as "TGlseQ=="
        // without a word (a fault-injection review).
        if let tag = node.tag.description.nilIfPlain(for: node) {
            throw YAMLProblem(message: "the value is tagged \"\(tag)\", which GroupChart does not read",
                              help: "write the value itself, without the tag (a tag starts with !)", location: location)
        }
        switch node {
        case .scalar(let scalar):
            return YAMLNode(content: .scalar(scalar.string, isPlain: scalar.style == .plain || scalar.style == .any), location: location)
        case .mapping(let mapping):
            var pairs: [YAMLPair] = []
            for (key, value) in mapping {
                pairs.append(YAMLPair(
                    key: try convert(key, in: file, firstLine: firstLine, depth: depth + 1, budget: &budget),
                    value: try convert(value, in: file, firstLine: firstLine, depth: depth + 1, budget: &budget)))
            }
            return YAMLNode(content: .mapping(pairs), location: location)
        case .sequence(let sequence):
            var items: [YAMLNode] = []
            for item in sequence {
                items.append(try convert(item, in: file, firstLine: firstLine, depth: depth + 1, budget: &budget))
            }
            return YAMLNode(content: .sequence(items), location: location)
        case .alias:
            throw YAMLProblem(message: "front-matter uses an alias that could not be resolved", help: "write the value out instead of *alias", location: location)
        }
    }

    private static func place(_ mark: Mark?, in file: SourceFile, firstLine: Int) -> SourceLocation {
        guard let mark else { return file.location(line: firstLine) }
        return place(line: mark.line, column: mark.column, in: file, firstLine: firstLine)
    }

    private static func place(line: Int, column: Int, in file: SourceFile, firstLine: Int) -> SourceLocation {
        file.location(line: line + firstLine - 1, column: max(column, 1))
    }

    /// What is not valid YAML: a Markdown document's front-matter, or a
    /// YAML file (practice.yaml) as a whole, which has none.
    static func subject(_ file: SourceFile) -> String {
        file.path.hasSuffix(".yaml") || file.path.hasSuffix(".yml") ? (file.path.split(separator: "/").last.map(String.init) ?? file.path)
            : "front-matter"
    }

    private static func problem(from error: Error, yaml: String, in file: SourceFile, firstLine: Int) -> YAMLProblem {
        let help = "check the indentation (spaces, not tabs) and put quotes around values that hold \": \", \"#\" or start with a special character"
        let subject = subject(file)
        guard let yamlError = error as? YamlError else {
            return YAMLProblem(message: "\(subject) is not valid YAML", help: help, location: file.location(line: firstLine))
        }
        switch yamlError {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            // A quote left open reads on into the lines below it, and YAML
            // complains where it gives up, lines under the slip: point at it.
            if let open = unclosedQuote(in: yaml, before: mark.line), closingHelps(open, in: yaml, failedAt: mark.line) {
                return YAMLProblem(
                    message: "\(subject) is not valid YAML: this value's quote is not closed on its line "
                        + "(YAML read on to line \(mark.line + firstLine - 1): \(problem))",
                    help: "close the quote where the value ends (\(open.closed)), or remove it",
                    location: place(line: open.line, column: open.column, in: file, firstLine: firstLine))
            }
            // A key glued to its value (start:"14:00") is read as one plain
            // value, and YAML complains a line or more below it.
            if let glued = gluedKey(in: yaml, through: mark.line), spacingMends(glued, yaml: yaml, failedAt: mark.line) {
                return YAMLProblem(message: "\(subject) is not valid YAML: \"\(glued.key):\" has no space after its colon, so YAML "
                                       + "reads the line as one value, not a key and its value",
                                   help: "write a space after the colon: \(glued.key): \(glued.value)",
                                   location: place(line: glued.line, column: glued.column, in: file, firstLine: firstLine))
            }
            let while_ = context.map { " (\($0.text))" } ?? ""
            return YAMLProblem(message: "\(subject) is not valid YAML: \(problem)\(while_)", help: help,
                               location: place(mark, in: file, firstLine: firstLine))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let key = duplicates.first ?? ""
            let second = secondOccurrence(of: key, after: context.mark, in: yaml)
                ?? (line: context.mark.line, column: context.mark.column)
            return YAMLProblem(
                message: "key \"\(key)\" appears twice in one mapping",
                help: "keep one \"\(key)\": YAML would otherwise decide silently which one counts",
                location: place(line: second.line, column: second.column, in: file, firstLine: firstLine))
        case .reader(let problem, _, _, _):
            return YAMLProblem(message: "\(subject) is not valid YAML: \(problem)", help: help, location: file.location(line: firstLine))
        default:
            return YAMLProblem(message: "\(subject) is not valid YAML", help: help, location: file.location(line: firstLine))
        }
    }

    /// The first line before `line` (1-based, as Yams counts) whose value
    /// opens a quote that the line does not close, the quote's column, and
    /// the line with the quote closed at its end (for the help).
    /// Such a value is valid YAML only as a quoted value over several
    /// lines, which no document of the format holds.
    /// The last line up to `line` (1-based, of `yaml`) that reads as a key
    /// glued to its value, `key:value` or `key:"value"`: a lower-case key of
    /// letters, digits, `_` and `-` at the line's start (after its
    /// indentation, or a list's "- "), a colon, then neither a space nor a
    /// second colon. A time (`14:00`) or an address (`https://`) does not
    /// start with such a key; a line of a block scalar may, which is why a
    /// YAML error is put on it only when a space there mends the error
    /// (`spacingMends`).
    static func gluedKey(in yaml: String, through line: Int) -> (line: Int, column: Int, key: String, value: String)? {
        var found: (line: Int, column: Int, key: String, value: String)?
        for (index, text) in yaml.split(separator: "\n", omittingEmptySubsequences: false).prefix(max(line, 0)).enumerated() {
            let bytes = Array(text.utf8)
            var start = 0
            while start < bytes.count, bytes[start] == UInt8(ascii: " ") { start += 1 }
            if start + 1 < bytes.count, bytes[start] == UInt8(ascii: "-"), bytes[start + 1] == UInt8(ascii: " ") { start += 2 }
            var end = start
            while end < bytes.count, bytes[end] == UInt8(ascii: "_") || bytes[end] == UInt8(ascii: "-")
                || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(bytes[end]) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[end]) {
                end += 1
            }
            guard end > start, end + 1 < bytes.count, bytes[end] == UInt8(ascii: ":"),
                  ![UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: ":"), UInt8(ascii: "/"), UInt8(ascii: "\r")].contains(bytes[end + 1]),
                  (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(bytes[start]) || bytes[start] == UInt8(ascii: "_") else { continue }
            let key = String(decoding: bytes[start..<end], as: UTF8.self)
            let value = String(decoding: bytes[(end + 1)...], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            found = (index + 1, start + 1, key, value)
        }
        return found
    }

    /// Whether a space after the glued key's colon mends `yaml` where it
    /// failed (it parses, or fails further down): a `key:value` line in a
    /// block scalar, or anything else YAML read as intended, is not the slip.
    static func spacingMends(_ glued: (line: Int, column: Int, key: String, value: String), yaml: String, failedAt line: Int) -> Bool {
        var lines = yaml.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard glued.line - 1 < lines.count else { return false }
        let text = lines[glued.line - 1]
        guard let colon = text.utf8.index(text.utf8.startIndex, offsetBy: glued.column - 1 + glued.key.utf8.count, limitedBy: text.utf8.endIndex),
              colon < text.utf8.endIndex else { return false }
        lines[glued.line - 1] = String(text[..<colon]) + ": " + String(text[text.utf8.index(after: colon)...])
        do {
            _ = try Yams.compose(yaml: lines.joined(separator: "\n"), Resolver.basic, .default, .utf8)
            return true
        } catch let error as YamlError {
            switch error {
            case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
                return mark.line > line
            default:
                return false
            }
        } catch {
            return false
        }
    }

    static func unclosedQuote(in yaml: String, before line: Int) -> (line: Int, column: Int, closed: String)? {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, text) in lines.prefix(max(line - 1, 0)).enumerated() {
            let bytes = Array(text.utf8)
            // Where a value starts: after "key:" and spaces, or after "- ".
            var start: Int?
            if let colon = bytes.firstIndex(of: UInt8(ascii: ":")), !bytes.prefix(colon).contains(UInt8(ascii: "#")),
               !bytes.prefix(colon).contains(UInt8(ascii: "\"")), !bytes.prefix(colon).contains(UInt8(ascii: "'")) {
                start = bytes[(colon + 1)...].firstIndex { $0 != UInt8(ascii: " ") }
            } else if let dash = bytes.firstIndex(where: { $0 != UInt8(ascii: " ") }), bytes[dash] == UInt8(ascii: "-") {
                start = bytes[(dash + 1)...].firstIndex { $0 != UInt8(ascii: " ") }
            }
            guard let start, start < bytes.count, bytes[start] == UInt8(ascii: "\"") || bytes[start] == UInt8(ascii: "'") else { continue }
            if !isClosed(bytes[(start + 1)...], by: bytes[start]) {
                var value = text.drop { $0 == " " }
                while let last = value.last, last == " " || last == "\t" || last == "\r" { value = value.dropLast() }
                return (index + 1, start + 1, "\(value)\(Character(UnicodeScalar(bytes[start])))")
            }
        }
        return nil
    }

    /// Whether closing that quote makes YAML read past where it failed: a
    /// quote opened in a block scalar (`|`), or a value quoted over several
    /// lines on purpose, leaves the failure where it was, and is no slip.
    private static func closingHelps(_ open: (line: Int, column: Int, closed: String), in yaml: String, failedAt line: Int) -> Bool {
        var lines = yaml.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard open.line >= 1, open.line <= lines.count else { return false }
        let indent = lines[open.line - 1].prefix { $0 == " " }
        lines[open.line - 1] = indent + open.closed
        do {
            _ = try Yams.compose(yaml: lines.joined(separator: "\n"), Resolver.basic, .default, .utf8)
            return true
        } catch let YamlError.scanner(_, _, mark, _), let YamlError.parser(_, _, mark, _), let YamlError.composer(_, _, mark, _) {
            return mark.line > line
        } catch {
            return false
        }
    }

    /// Whether a quoted value closes on its line: a `"` not escaped by a
    /// backslash, or a `'` not doubled.
    private static func isClosed(_ rest: ArraySlice<UInt8>, by quote: UInt8) -> Bool {
        var index = rest.startIndex
        while index < rest.endIndex {
            let byte = rest[index]
            if quote == UInt8(ascii: "\""), byte == UInt8(ascii: "\\") { index += 2; continue }
            if byte == quote {
                if quote == UInt8(ascii: "'"), index + 1 < rest.endIndex, rest[index + 1] == quote { index += 2; continue }
                return true
            }
            index += 1
        }
        return false
    }

    /// Yams points at the first of two equal keys; the mistake is usually the second.
    private static func secondOccurrence(of key: String, after mark: Mark, in yaml: String) -> (line: Int, column: Int)? {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        guard mark.line >= 1, mark.line < lines.count else { return nil }
        for index in mark.line..<lines.count {
            let line = lines[index]
            let indent = line.prefix { $0 == " " || $0 == "-" }.count
            guard indent == mark.column - 1 else { continue }
            var rest = line.dropFirst(indent)
            for quote in ["\"", "'"] where rest.hasPrefix(quote) { rest = rest.dropFirst() }
            if rest.hasPrefix(key) {
                let after = rest.dropFirst(key.count).drop { $0 == " " || $0 == "\"" || $0 == "'" }
                if after.hasPrefix(":") { return (index + 1, mark.column) }
            }
        }
        return nil
    }
}

private extension String {
    /// The tag as written (`!!binary`, `!custom`), unless it is the one YAML
    /// gives what is written without a tag: a string, a mapping, a sequence
    /// (or a tag of those, `!!str`, written out).
    func nilIfPlain(for node: Node) -> String? {
        let core = "tag:yaml.org,2002:"
        let plain: Set<String> = switch node {
        case .scalar: [core + "str", core + "null", core + "bool", core + "int", core + "float", "?", "!", ""]
        case .mapping: [core + "map", "?", "!", ""]
        case .sequence: [core + "seq", "?", "!", ""]
        case .alias: ["?", "!", ""]
        }
        guard !plain.contains(self) else { return nil }
        return hasPrefix(core) ? "!!" + dropFirst(core.count) : self
    }
}
