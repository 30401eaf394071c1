import Foundation

/// Where one piece of a block's plain text stands in the file: a text node of
/// cmark, which (since 0.30) carries its own source position. With these a
/// rule that finds a word in a block's text points at the word, not at the
/// start of its paragraph (rules.md, "Where a diagnostic points").
///
/// Kept small (four numbers) since every block of 20,000 notes has some.
public struct TextRun: Sendable, Codable, Equatable {
    /// Where the run starts in its block's `text`, in UTF-8 bytes.
    var offset: Int32
    /// Its length in `text`, in UTF-8 bytes.
    var length: Int32
    /// The file line it stands on (a text node never spans lines).
    var line: Int32
    /// The column of its first character, in Unicode scalars.
    var column: Int32
    /// For a run whose source is not its text (a backslash escape, an entity
    /// such as `&amp;`): the source column of each of its scalars.
    var columns: [Int32]?

    /// A run as the cache of compiled documents kept it.
    init(offset: Int32, length: Int32, line: Int32, column: Int32, columns: [Int32]?) {
        self.offset = offset
        self.length = length
        self.line = line
        self.column = column
        self.columns = columns
    }

    /// Makes the run of `literal`, the text of a node that starts where
    /// `start` stands (its line, its column and the rest of its line), found
    /// at `offset` of its block's text. The literal is its UTF-8 bytes as
    /// cmark hands them over: a string is made of it only when its source
    /// is not its text (an escape, an entity).
    init(literal: UnsafeBufferPointer<UInt8>, offset: Int, start: ColumnCursor.Place) {
        self.offset = Int32(clamping: offset)
        length = Int32(clamping: literal.count)
        line = Int32(clamping: start.line)
        column = Int32(clamping: start.column)
        if !Self.starts(start.rest, with: literal) {
            columns = Self.align(String(decoding: literal, as: UTF8.self), with: start.rest.unicodeScalars, startColumn: start.column)
        }
    }

    /// Whether `text` starts with `literal`, byte for byte: compared where
    /// the bytes lie (comparing the two UTF-8 views element by element was
    /// 5 % of a check of 20,000 notes).
    static func starts(_ text: Substring, with literal: UnsafeBufferPointer<UInt8>) -> Bool {
        let compared = text.utf8.withContiguousStorageIfAvailable { source in
            literal.count <= source.count && (literal.isEmpty || memcmp(source.baseAddress!, literal.baseAddress!, literal.count) == 0)
        }
        return compared ?? text.utf8.starts(with: literal)
    }

    /// The source column of each scalar of `literal`, walking the source
    /// alongside (never further than the literal needs): a backslash before
    /// punctuation and a whole `&...;` entity stand for the one character
    /// they write.
    private static func align(_ literal: String, with source: Substring.UnicodeScalarView, startColumn: Int) -> [Int32] {
        var columns: [Int32] = []
        var index = source.startIndex
        var column = startColumn
        func advance() {
            if index < source.endIndex {
                index = source.index(after: index)
                column += 1
            }
        }
        for scalar in literal.unicodeScalars {
            columns.append(Int32(clamping: column))
            guard index < source.endIndex else { continue }
            let next = source.index(after: index)
            if source[index] == "\\", next < source.endIndex, source[next] == scalar, scalar.isASCII,
               scalar.properties.generalCategory.isPunctuationOrSymbol {
                advance()
                advance()
            } else if source[index] == "&", let length = entityLength(source[index...]) {
                for _ in 0..<length { advance() }
            } else {
                advance()
            }
        }
        return columns
    }

    /// The length in scalars of an entity or numeric character reference at
    /// the start of `source` (`&amp;`, `&#233;`), if there is one.
    private static func entityLength(_ source: Substring.UnicodeScalarView) -> Int? {
        var length = 1
        for scalar in source.dropFirst().prefix(32) {
            length += 1
            if scalar == ";" { return length > 2 ? length : nil }
            guard scalar == "#" || (scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar))) else { return nil }
        }
        return nil
    }
}

extension Unicode.GeneralCategory {
    var isPunctuationOrSymbol: Bool {
        switch self {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
             .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }
}

extension MarkdownBlock {
    /// Where the character at UTF-8 `offset` of `text` stands in the file:
    /// in its text run, or (for text no run holds, such as inline code) at
    /// the block's start.
    public func location(ofTextOffset offset: Int) -> SourceLocation {
        guard let run = runs.last(where: { Int($0.offset) <= offset }), offset < Int(run.offset + run.length) else {
            return location
        }
        let utf8 = text.utf8
        guard let from = utf8.index(utf8.startIndex, offsetBy: Int(run.offset), limitedBy: utf8.endIndex),
              let to = utf8.index(utf8.startIndex, offsetBy: offset, limitedBy: utf8.endIndex) else { return location }
        let scalars = text[from..<to].unicodeScalars.count
        let column = run.columns.map { $0.indices.contains(scalars) ? Int($0[scalars]) : Int(run.column) } ?? Int(run.column) + scalars
        return SourceLocation(file: location.file, line: Int(run.line), column: column)
    }
}
