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
        if let problem = YAMLShape.problem(yaml, in: file, firstLine: firstLine) { return .failure(problem) }
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

    private static func problem(from error: Error, yaml: String, in file: SourceFile, firstLine: Int) -> YAMLProblem {
        let help = "check the indentation (spaces, not tabs) and put quotes around values that hold \": \", \"#\" or start with a special character"
        guard let yamlError = error as? YamlError else {
            return YAMLProblem(message: "front-matter is not valid YAML", help: help, location: file.location(line: firstLine))
        }
        switch yamlError {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let while_ = context.map { " (\($0.text))" } ?? ""
            return YAMLProblem(message: "front-matter is not valid YAML: \(problem)\(while_)", help: help,
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
            return YAMLProblem(message: "front-matter is not valid YAML: \(problem)", help: help, location: file.location(line: firstLine))
        default:
            return YAMLProblem(message: "front-matter is not valid YAML", help: help, location: file.location(line: firstLine))
        }
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
