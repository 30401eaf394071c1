/// The partials each template includes (`{{> name}}`) or extends
/// (`{{< name}}`), to refuse before rendering a set of templates that
/// includes itself.
///
/// swift-mustache renders partials by recursion without a depth limit, so a
/// practice template that includes itself, directly or through others, would
/// overflow the stack. The records have no recursive parts, so any cycle is
/// a mistake; so are partials named at render time (`{{>*name}}`) and new
/// delimiters (`{{=<% %>=}}`), which would hide a cycle from this reading.
enum TemplatePartials {
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
        var line = 1
        var lineStart = text.startIndex
        var index = text.startIndex
        while let open = text[index...].range(of: "{{") {
            for newline in text[index..<open.lowerBound].indices where text[newline] == "\n" {
                line += 1
                lineStart = text.index(after: newline)
            }
            let column = text[lineStart..<open.lowerBound].unicodeScalars.count + 1
            let rest = text[open.upperBound...].drop { $0 == " " || $0 == "\t" }
            if rest.first == "=" {
                return .failure(Problem(message: "the template changes its delimiters ({{=...=}}), which GroupChart does not read; keep {{ and }}",
                                        line: line, column: column))
            }
            if let kind = rest.first, kind == ">" || kind == "<" {
                let name = rest.dropFirst().prefix { $0 != "}" }.trimmingCharacters(in: .whitespaces)
                if name.hasPrefix("*") {
                    return .failure(Problem(message: "the partial \"\(name)\" is named at render time, which GroupChart does not allow; name the template",
                                            line: line, column: column))
                }
                found.append(Reference(name: name, line: line, column: column))
            }
            index = open.upperBound
        }
        return .success(found)
    }

    /// The first chain of templates that leads back to where it started
    /// (`["index", "head", "index"]`), visiting names in sorted order.
    static func cycle(in references: [String: [Reference]]) -> [String]? {
        var finished: Set<String> = []
        for start in references.keys.sorted() {
            var path: [String] = []
            if let cycle = visit(start, references, &path, &finished) { return cycle }
        }
        return nil
    }

    private static func visit(_ name: String, _ references: [String: [Reference]], _ path: inout [String],
                              _ finished: inout Set<String>) -> [String]? {
        if let first = path.firstIndex(of: name) { return Array(path[first...]) + [name] }
        guard !finished.contains(name) else { return nil }
        path.append(name)
        for reference in references[name] ?? [] {
            if let cycle = visit(reference.name, references, &path, &finished) { return cycle }
        }
        path.removeLast()
        finished.insert(name)
        return nil
    }
}
