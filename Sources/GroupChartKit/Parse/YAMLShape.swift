/// Refuses YAML whose shape alone would make Yams take unbounded time or
/// stack, before Yams sees it.
///
/// Yams' composer recurses once per level of nesting, so nesting is bounded
/// here: flow collections (`[[[[`) by counting brackets, block collections by
/// indentation (every block level needs at least one more column, and compact
/// forms such as `- - - x` count their indicators). Yams also hashes every
/// mapping key to find duplicates, expanding aliases as it goes: a key that is
/// an alias of an alias of... ("billion laughs") would take exponential time
/// inside Yams, where the node budget of `YAMLParser` cannot reach; so the
/// number of aliases is bounded too. The counts are conservative: a `*word`
/// inside quotes counts as an alias, which only real front-matter with
/// dozens of them would notice.
enum YAMLShape {
    /// A merge key (`<<: *defaults`), which GroupChart does not read (its
    /// YAML reads keys as written): its keys would go missing with errors
    /// that never say why, `unknown key "<<"` among them.
    static func mergeKey(_ yaml: String, in file: SourceFile, firstLine: Int) -> YAMLProblem? {
        // A byte scan: Foundation's substring search cost ten times as much, on every front-matter.
        var previous: UInt8 = 0
        guard yaml.utf8.contains(where: { byte in defer { previous = byte }; return byte == 0x3C && previous == 0x3C }) else { return nil }
        var line = firstLine
        for text in yaml.split(separator: "\n", omittingEmptySubsequences: false) {
            defer { line += 1 }
            guard let range = text.range(of: "<<") else { continue }
            let after = text[range.upperBound...].drop { $0 == " " }
            let before = text[..<range.lowerBound]
            guard after.first == ":", !before.contains("\""), !before.contains("'"), !before.contains("#") else { continue }
            return YAMLProblem(message: "front-matter uses a YAML merge key (<<), which GroupChart does not read",
                               help: "write the keys out in full where the merge stands",
                               location: file.location(line: line, column: before.unicodeScalars.count + 1))
        }
        return nil
    }

    static let maximumDepth = 64
    /// The deepest indentation of a line, in columns, counting leading block
    /// indicators (`- `, `? `) as indentation.
    static let maximumIndentation = 128
    /// Front-matter uses aliases rarely if ever (GroupChart reads no merge
    /// keys); 12 bounds the expansion of any key to about 3^4 times the text.
    static let maximumAliases = 12

    static func problem(_ yaml: String, in file: SourceFile, firstLine: Int) -> YAMLProblem? {
        var depth = 0
        var aliases = 0
        var line = firstLine
        var column = 0
        var indentation = 0
        var atLineStart = true
        var previous: Unicode.Scalar = "\n"
        for scalar in yaml.unicodeScalars {
            column += 1
            if atLineStart {
                if scalar == " " || scalar == "\t" || scalar == "-" || scalar == "?" {
                    indentation += 1
                    if indentation > maximumIndentation {
                        return YAMLProblem(message: "front-matter is indented (or nested) more than \(maximumIndentation) columns deep",
                                           help: "front-matter holds a few dozen keys; flatten the nesting",
                                           location: file.location(line: line, column: column))
                    }
                } else {
                    atLineStart = false
                }
            }
            switch scalar {
            case "[", "{":
                depth += 1
                if depth > maximumDepth {
                    return YAMLProblem(message: "front-matter is nested more than \(maximumDepth) levels deep",
                                       help: "front-matter holds a few dozen keys; flatten the nesting",
                                       location: file.location(line: line, column: column))
                }
            case "]", "}": depth = max(depth - 1, 0)
            case "*" where [" ", "\t", "\n", "[", "{", ",", ":"].contains(previous):
                aliases += 1
                if aliases > maximumAliases {
                    return YAMLProblem(message: "front-matter uses more than \(maximumAliases) aliases (*name)",
                                       help: "write the values out instead of repeating them with aliases",
                                       location: file.location(line: line, column: column))
                }
            case "\n":
                line += 1
                column = 0
                indentation = 0
                atLineStart = true
            default: break
            }
            previous = scalar
        }
        return nil
    }
}
