/// Sets top-level keys of a document's front-matter in the document's own
/// text, changing nothing else: comments, key order, quoting, the line
/// endings (LF or CRLF) and a byte-order mark stay as they were.
///
/// A key already present is replaced on its own line, its trailing comment
/// kept in its column; a missing key is appended just before the closing
/// `---`, with the line ending the document uses. A key whose value spans
/// lines (a block scalar, a nested mapping) is refused rather than guessed.
struct FrontMatterEditor {
    private struct Line {
        var content: String
        /// `\n`, `\r\n`, `\r`, or empty on a last line without one.
        var ending: String
    }

    private var lines: [Line]
    private let byteOrderMark: Bool
    /// The index of the closing `---` line, which moves as keys are appended.
    private var closingFence: Int

    /// `nil` when the text does not start with front-matter between fences.
    init?(_ text: String) {
        var text = text
        byteOrderMark = text.hasPrefix("\u{FEFF}")
        if byteOrderMark { text.removeFirst() }
        let lines = Self.lines(of: text)
        guard let first = lines.first, Self.isFence(first.content),
              let close = lines.indices.dropFirst().first(where: { Self.isFence(lines[$0].content) }) else { return nil }
        self.lines = lines
        closingFence = close
    }

    /// Sets `key` to `value`, a plain scalar; refuses, naming the key, when
    /// the key's present value is written over several lines.
    mutating func set(_ key: String, to value: String) throws(Refusal) {
        guard let index = (1..<closingFence).first(where: { Self.value(of: key, in: lines[$0].content) != nil }) else {
            let ending = lines[0].ending.isEmpty ? "\n" : lines[0].ending
            lines.insert(Line(content: "\(key): \(value)", ending: ending), at: closingFence)
            closingFence += 1
            return
        }
        let present = Self.value(of: key, in: lines[index].content) ?? ""
        let startsBlock = present.trimmingPrefix(while: \.isWhitespace).first.map { $0 == "|" || $0 == ">" } ?? false
        if startsBlock || (index + 1 < closingFence && Self.isContinuation(lines[index + 1].content)) {
            throw Refusal("its \"\(key)\" is written over several lines: write it on one line (\(key): ...), then sign it")
        }
        lines[index].content = Self.replacingValue(of: key, in: lines[index].content, with: value)
    }

    var text: String {
        (byteOrderMark ? "\u{FEFF}" : "") + lines.map { $0.content + $0.ending }.joined()
    }

    // MARK: reading lines

    private static func lines(of text: String) -> [Line] {
        var lines: [Line] = []
        var current = ""
        for character in text {
            if character == "\n" || character == "\r\n" || character == "\r" {
                lines.append(Line(content: current, ending: String(character)))
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { lines.append(Line(content: current, ending: "")) }
        return lines
    }

    private static func isFence(_ line: String) -> Bool {
        line.hasPrefix("---") && line.dropFirst(3).allSatisfy { $0 == " " || $0 == "\t" }
    }

    /// An indented line that is not only a comment: part of the value above.
    private static func isContinuation(_ line: String) -> Bool {
        guard let first = line.first, first == " " || first == "\t" else { return false }
        let content = line.trimmingPrefix(while: \.isWhitespace)
        return !content.isEmpty && !content.hasPrefix("#")
    }

    /// What follows `key:` on a line that starts with that top-level key.
    private static func value(of key: String, in line: String) -> Substring? {
        guard line.hasPrefix(key) else { return nil }
        let afterKey = line.dropFirst(key.count).trimmingPrefix(while: { $0 == " " || $0 == "\t" })
        guard afterKey.first == ":" else { return nil }
        let rest = afterKey.dropFirst()
        guard rest.first.map({ $0 == " " || $0 == "\t" }) ?? true else { return nil }
        return rest
    }

    /// `key: value`, and the line's comment where it stood.
    private static func replacingValue(of key: String, in line: String, with value: String) -> String {
        let replaced = "\(key): \(value)"
        guard let present = Self.value(of: key, in: line), let comment = commentStart(in: present) else { return replaced }
        let column = line.distance(from: line.startIndex, to: comment)
        let padding = String(repeating: " ", count: max(1, column - replaced.count))
        return replaced + padding + line[comment...]
    }

    /// Where a `#` comment starts in a value: after white space, and after
    /// the closing quote when the value is quoted.
    private static func commentStart(in value: Substring) -> String.Index? {
        var rest = value.trimmingPrefix(while: { $0 == " " || $0 == "\t" })
        if let quote = rest.first, quote == "\"" || quote == "'" {
            var index = rest.index(after: rest.startIndex)
            while index < rest.endIndex, rest[index] != quote {
                if quote == "\"", rest[index] == "\\" { index = rest.index(after: index) }
                if index < rest.endIndex { index = rest.index(after: index) }
            }
            rest = index < rest.endIndex ? rest[rest.index(after: index)...] : rest[rest.endIndex...]
        }
        var previous: Character = " "
        for index in rest.indices {
            if rest[index] == "#", previous == " " || previous == "\t" { return index }
            previous = rest[index]
        }
        return nil
    }
}
