/// Reads the shape of a template before swift-mustache does: the partials
/// it includes (`{{> name}}`) or extends (`{{< name}}`), and how deeply its
/// sections nest.
///
/// swift-mustache parses nested sections and renders partials by recursion,
/// without a depth limit: a template of a thousand nested sections, or one
/// that includes itself, directly or through others, overflowed the stack.
/// Records have no recursive parts and nest a few sections deep, so sections
/// are limited to `maximumDepth` levels and any cycle is refused; so are
/// partials named at render time (`{{>*name}}`) and new delimiters
/// (`{{=<% %>=}}`), which would hide a cycle or a section from this reading.
enum TemplateShape {
    static let maximumDepth = 32

    /// A template's reference to another, and where it stands.
    struct Reference {
        var name: String
        var line: Int
        var column: Int
    }

    /// Why a template cannot be read this way, and where.
    struct Problem: Error {
        var message: String
        var line: Int
        var column: Int
    }

    static func references(in text: String) -> Result<[Reference], Problem> {
        var found: [Reference] = []
        var depth = 0
        var line = 1
        var column = 1
        var counted = text.startIndex
        while let open = text[counted...].range(of: "{{") {
            // Lines and columns are counted once through the text (a long
            // line of tags must not be counted again for each tag).
            for scalar in text[counted..<open.lowerBound].unicodeScalars {
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            }
            counted = open.lowerBound
            let rest = text[open.upperBound...].drop { $0 == " " || $0 == "\t" }
            if rest.first == "=" {
                return .failure(Problem(message: "the template changes its delimiters ({{=...=}}), which GroupChart does not read; keep {{ and }}",
                                        line: line, column: column))
            }
            if let kind = rest.first, "#^$<".contains(kind) {
                depth += 1
                if depth > maximumDepth {
                    return .failure(Problem(message: "the template nests sections more than \(maximumDepth) deep; records need a few",
                                            line: line, column: column))
                }
            } else if rest.first == "/" {
                depth = max(depth - 1, 0)
            }
            if let kind = rest.first, kind == ">" || kind == "<" {
                // Read as swift-mustache reads a partial's name: after any
                // whitespace, newlines too (`{{>\npage}}` names `page`, and
                // trimming only spaces once let such a template include itself).
                let named = rest.dropFirst().drop { $0.isWhitespace }.prefix(256)
                let name = named.first == "*" ? named.prefix { $0 != "}" }.trimming(.whitespacesAndNewlines)
                    : String(named.prefix { CompiledTemplate.partialNameCharacters.contains($0) })
                if name.hasPrefix("*") {
                    return .failure(Problem(message: "the partial \"\(name)\" is named at render time, which GroupChart does not allow; name the template",
                                            line: line, column: column))
                }
                found.append(Reference(name: name, line: line, column: column))
            }
            column += 2
            counted = open.upperBound
        }
        return .success(found)
    }

    /// The first chain of templates that leads back to where it started
    /// (`["index", "head", "index"]`), or that is more than `maximumDepth`
    /// partials deep (swift-mustache renders each by recursion), visiting
    /// names in sorted order.
    static func unboundedChain(in references: [String: [Reference]]) -> [String]? {
        var finished: Set<String> = []
        for start in references.keys.sorted() {
            var path: [String] = []
            if let chain = visit(start, references, &path, &finished) { return chain }
        }
        return nil
    }

    private static func visit(_ name: String, _ references: [String: [Reference]], _ path: inout [String],
                              _ finished: inout Set<String>) -> [String]? {
        if let first = path.firstIndex(of: name) { return Array(path[first...]) + [name] }
        guard !finished.contains(name) else { return nil }
        path.append(name)
        if path.count > maximumDepth { return path }
        for reference in references[name] ?? [] {
            if let chain = visit(reference.name, references, &path, &finished) { return chain }
        }
        path.removeLast()
        finished.insert(name)
        return nil
    }
}
