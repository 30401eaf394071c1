import Foundation

/// Finds, before YAML reads the front-matter, a character that looks like a
/// space or like nothing where YAML needs a plain space or nothing: in a
/// line's indentation, in a key, or right after a key's colon. Word and a
/// Mac's Option-Space type a no-break space, and a copy from the web brings
/// zero-width characters; YAML reads neither as a space, so `start:` then a
/// no-break space is no key at all, and the error YAML gives falls on the
/// next line, in its own words, or an indented key becomes another key
/// (`" example-riley"`), with errors that never name the character. Values
/// are left alone: a name holding one is `invalid-value`, where it stands.
enum YAMLInvisibleSpace {
    static func problem(_ yaml: String, in file: SourceFile, firstLine: Int) -> YAMLProblem? {
        guard yaml.utf8.contains(where: { $0 >= 0x80 }) else { return nil }
        var line = firstLine
        // The indentation of the key whose value is a block scalar (`|`,
        // `>`): the lines under it, indented deeper, are text, not keys.
        var blockIndentation: Int?
        for text in yaml.split(separator: "\n", omittingEmptySubsequences: false) {
            defer { line += 1 }
            let indentation = text.prefix { $0 == " " }.count
            if let block = blockIndentation {
                if text.allSatisfy({ $0 == " " || $0 == "\r" }) || indentation > block { continue }
                blockIndentation = nil
            }
            let value = text.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
                .trimmingCharacters(in: .whitespaces)
            if let indicator = value.split(separator: " ").last, indicator.first == "|" || indicator.first == ">",
               indicator.dropFirst().allSatisfy({ "+-123456789".contains($0) }), value.contains(":") || value.hasPrefix("-") {
                blockIndentation = indentation
            }
            guard text.utf8.contains(where: { $0 >= 0x80 }) else { continue }
            let scalars = Array(text.unicodeScalars)
            // The key ends at the first colon followed by a space (of any
            // kind) or the line's end; a line without one (`- F33.1`) has
            // only its indentation looked at.
            let colon = scalars.indices.first { index in
                scalars[index] == ":" && (index + 1 == scalars.count || scalars[index + 1] == " " || VisibleText.name(of: scalars[index + 1]) != nil)
            }
            let indentationEnd = scalars.firstIndex { $0 != " " && $0 != "-" && $0 != "\t" && VisibleText.name(of: $0) == nil } ?? scalars.count
            var column = 0
            var inKey = true
            var afterColon = false
            for (index, scalar) in scalars.enumerated() {
                column += 1
                if scalar == "\"" || scalar == "'" || scalar == "#" || scalar == "{" || scalar == "[" { break }
                if colon == nil, index >= indentationEnd { break }
                if let name = VisibleText.name(of: scalar), inKey || afterColon {
                    return YAMLProblem(
                        message: "front-matter holds \(name) (U+\(String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4))) "
                            + (afterColon ? "after the colon" : "in its key or indentation") + ", which YAML does not read as a space",
                        help: "delete it and type a plain space (word processors and Option-Space on a Mac type it)",
                        location: file.location(line: line, column: column))
                }
                if afterColon { break }
                if index == colon { inKey = false; afterColon = true }
            }
        }
        return nil
    }
}
