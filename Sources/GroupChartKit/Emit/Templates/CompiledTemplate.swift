/// A record template as GroupChart renders it itself: the tokens of a
/// Mustache template that uses only what the built-in templates use
/// (variables, `{{{ }}}` and `{{& }}`, sections, inverted sections, partials,
/// comments), parsed exactly as swift-mustache parses them.
///
/// Why: swift-mustache looks every name up through `Any` and asks, at each
/// level of the context stack and for each value it renders, whether the
/// value conforms to one of five protocols. At 20,000 notes those dynamic
/// casts were most of the records stage, itself 44 % of a cold build
/// (`perf`, 2026-12-03). `TemplateRenderer` renders these tokens over
/// `TemplateValue`s, which need no cast.
///
/// A template using anything else (transforms, set delimiters, content-type
/// pragmas, inheritance, dynamic partials) has no compiled form, and the
/// pages that reach it are rendered by swift-mustache as before. The parser
/// below follows swift-mustache 2.x's `MustacheTemplate.parse` step by step,
/// quirks included (which whitespace a standalone tag removes, how a
/// partial's indentation is kept), so that both give the same bytes; the
/// differential test (`TemplateRendererTests`) holds them to it.
struct CompiledTemplate: Sendable {
    /// Where a name is looked for.
    enum Lookup: Sendable, Equatable {
        /// `{{.}}` (and the degenerate names that mean it): the value on top.
        case top
        /// A name starting with `.`: its parts, from the value on top only.
        case fromTop([String])
        /// A name: its first part searched down the context stack, the rest
        /// from the value that has it.
        case stack([String])

        init(_ name: String) {
            if name == "." {
                self = .top
            } else if name.first == "." {
                self = .fromTop(name.split(separator: ".").map(String.init))
            } else {
                self = .stack(name.split(separator: ".").map(String.init))
            }
        }
    }

    /// Not `indirect`: the arrays of sections already give the recursion,
    /// and as boxes every token the renderer went over was retained and
    /// released, with its payload (the renderer's retains in a cold build's
    /// records 83 -> 31 samples, the records stage 906 -> 864 ms over ten
    /// interleaved cold builds at 20,000 notes).
    enum Token: Sendable {
        case text([UInt8])
        case variable(Lookup)
        case unescaped(Lookup)
        case section(Lookup, [Token])
        case inverted(Lookup, [Token])
        /// A partial, with the indentation of a standalone one.
        case partial(String, indentation: String?)
    }

    let tokens: [Token]

    /// The names of the partials the template includes, at any depth of its sections.
    var partials: Set<String> {
        var names: Set<String> = []
        func visit(_ tokens: [Token]) {
            for token in tokens {
                switch token {
                case .partial(let name, _): names.insert(name)
                case .section(_, let body), .inverted(_, let body): visit(body)
                default: break
                }
            }
        }
        visit(tokens)
        return names
    }

    /// The template's tokens, or nil when it uses anything beyond the
    /// subset above or does not parse (swift-mustache then has its say).
    init?(_ text: String) {
        var reader = Reader(text)
        guard let tokens = try? Self.parse(&reader, section: nil, newLine: true) else { return nil }
        self.tokens = tokens
    }

    private struct Unsupported: Error {}

    /// `MustacheTemplate.parse(_:state:)`, for the subset.
    private static func parse(_ reader: inout Reader, section: String?, newLine startsOnNewLine: Bool) throws(Unsupported) -> [Token] {
        var tokens: [Token] = []
        var newLine = startsOnNewLine
        var whiteSpaceBefore: Substring = ""
        func text(_ string: String) -> Token { .text(Array(string.utf8)) }
        while !reader.atEnd {
            if newLine {
                whiteSpaceBefore = reader.read { $0 == " " || $0 == "\t" }
            }
            let read = try readUntilDelimiterOrNewline(&reader)
            if reader.current.isNewline {
                tokens.append(text(String(whiteSpaceBefore) + read + String(reader.current)))
                newLine = true
                reader.advance()
                continue
            }
            if !read.isEmpty {
                tokens.append(text(String(whiteSpaceBefore) + read))
                whiteSpaceBefore = ""
                newLine = false
            }
            if reader.atEnd { break }
            var setNewLine = false
            switch reader.current {
            case "#", "^":
                let inverted = reader.current == "^"
                reader.advance()
                let name = try parseName(&reader)
                if isStandalone(&reader, newLine: newLine) {
                    setNewLine = true
                } else if !whiteSpaceBefore.isEmpty {
                    tokens.append(text(String(whiteSpaceBefore)))
                    whiteSpaceBefore = ""
                }
                let body = try parse(&reader, section: name, newLine: setNewLine ? newLine : false)
                tokens.append(inverted ? .inverted(Lookup(name), body) : .section(Lookup(name), body))
            case "/":
                reader.advance()
                let name = try parseName(&reader)
                guard name == section else { throw Unsupported() }
                if !isStandalone(&reader, newLine: newLine), !whiteSpaceBefore.isEmpty {
                    tokens.append(text(String(whiteSpaceBefore)))
                }
                return tokens
            case "!":
                reader.advance()
                guard reader.skip(past: "}}") else { throw Unsupported() }
                setNewLine = isStandalone(&reader, newLine: newLine)
            case "{", "&":
                let triple = reader.current == "{"
                if !whiteSpaceBefore.isEmpty {
                    tokens.append(text(String(whiteSpaceBefore)))
                    whiteSpaceBefore = ""
                }
                reader.advance()
                let name = try parseName(&reader)
                if triple {
                    guard !reader.atEnd, reader.current == "}" else { throw Unsupported() }
                    reader.advance()
                }
                tokens.append(.unescaped(Lookup(name)))
            case ">":
                reader.advance()
                reader.read { $0.isWhitespace }
                guard reader.current != "*" else { throw Unsupported() }
                let name = try parseTagName(&reader, allowed: partialNameCharacters)
                if !whiteSpaceBefore.isEmpty {
                    tokens.append(text(String(whiteSpaceBefore)))
                }
                if isStandalone(&reader, newLine: newLine) {
                    setNewLine = true
                    tokens.append(.partial(name, indentation: String(whiteSpaceBefore)))
                } else {
                    tokens.append(.partial(name, indentation: nil))
                }
                whiteSpaceBefore = ""
            case "<", "$", "=", "%":
                throw Unsupported()
            default:
                if !whiteSpaceBefore.isEmpty {
                    tokens.append(text(String(whiteSpaceBefore)))
                    whiteSpaceBefore = ""
                }
                tokens.append(.variable(Lookup(try parseName(&reader))))
            }
            newLine = setNewLine
        }
        guard section == nil else { throw Unsupported() }
        return tokens
    }

    /// Text up to a newline (left unread) or past the next `{{`.
    private static func readUntilDelimiterOrNewline(_ reader: inout Reader) throws(Unsupported) -> String {
        var total = ""
        while !reader.atEnd {
            total += reader.read { $0 != "\n" && $0 != "\r\n" && $0 != "{" }
            if reader.current.isNewline {
                break
            } else if reader.current == "{" {
                guard let opened = reader.read("{{") else { throw Unsupported() }
                if opened { break }
                total += "{"
                reader.advance()
            }
        }
        return total
    }

    /// A variable or section name; a name with brackets is a transform, which is not in the subset.
    private static func parseName(_ reader: inout Reader) throws(Unsupported) -> String {
        let name = try parseTagName(&reader, allowed: sectionNameCharacters)
        guard !name.contains("("), !name.contains(")") else { throw Unsupported() }
        return name
    }

    private static func parseTagName(_ reader: inout Reader, allowed: Set<Character>) throws(Unsupported) -> String {
        reader.read { $0.isWhitespace }
        let name = String(reader.read { allowed.contains($0) })
        reader.read { $0.isWhitespace }
        guard reader.read("}}") == true else { throw Unsupported() }
        return name
    }

    /// The tag ends its line (only spaces and tabs follow, then a newline,
    /// which is consumed, or the end) and began one.
    private static func isStandalone(_ reader: inout Reader, newLine: Bool) -> Bool {
        guard newLine else { return false }
        if reader.atEnd { return true }
        var ahead = reader
        ahead.read { $0 == " " || $0 == "\t" }
        guard ahead.current.isNewline else { return false }
        ahead.advance()
        reader = ahead
        return true
    }

    private static let sectionNameCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")
    static let partialNameCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*/")

    /// swift-mustache's `Parser`, Character by Character as it reads.
    private struct Reader {
        let buffer: String
        var position: String.Index

        init(_ buffer: String) {
            self.buffer = buffer
            position = buffer.startIndex
        }

        var atEnd: Bool { position == buffer.endIndex }
        /// The Character here, or NUL at the end.
        var current: Character { atEnd ? "\0" : buffer[position] }

        mutating func advance() { position = buffer.index(after: position) }

        @discardableResult
        mutating func read(while accept: (Character) -> Bool) -> Substring {
            let start = position
            while !atEnd, accept(buffer[position]) { advance() }
            return buffer[start..<position]
        }

        /// Whether `string` is next (and read past it); nil when fewer Characters are left than it has.
        mutating func read(_ string: String) -> Bool? {
            // Counted up to the string's length only (not to the end of the
            // template, as swift-mustache counts: parsing would be quadratic).
            guard let end = buffer.index(position, offsetBy: string.count, limitedBy: buffer.endIndex) else { return nil }
            guard buffer[position..<end] == string else { return false }
            position = end
            return true
        }

        /// Reads past the next `string` (`read(untilString:skipToEnd:)`, which
        /// matches without backtracking, as swift-mustache does).
        mutating func skip(past string: String) -> Bool {
            let target = Array(string)
            var matched = 0
            while !atEnd {
                if buffer[position] == target[matched] {
                    matched += 1
                    if matched == target.count {
                        advance()
                        return true
                    }
                } else {
                    matched = 0
                }
                advance()
            }
            return false
        }
    }
}
