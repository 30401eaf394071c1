import Foundation

/// The Markdown body of a document as GroupChart needs it: its top-level
/// blocks in order, with plain text and positions, and the sections that
/// headings open (format.md, "Headings").
public struct MarkdownBody: Sendable, Equatable, Codable {
    public let blocks: [MarkdownBlock]
    /// The file line the body starts on (0: no body): the records render the file's text
    /// from there with cmark (the model keeps no second copy of it).
    public let firstLine: Int
    /// Every heading's section: the heading and the blocks under it up to the
    /// next heading of the same or a higher level (found once, asked often).
    public let sections: [Section]

    public init(blocks: [MarkdownBlock], firstLine: Int = 0) {
        self.blocks = blocks
        self.firstLine = firstLine
        sections = Self.sections(of: blocks)
    }

    /// The same blocks from the same line (the sections follow from them).
    public static func == (lhs: MarkdownBody, rhs: MarkdownBody) -> Bool {
        lhs.firstLine == rhs.firstLine && lhs.blocks == rhs.blocks
    }

    private enum CodingKeys: CodingKey { case blocks, firstLine }

    /// Kept as its blocks and first line; the sections are found again.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(blocks: try container.decode([MarkdownBlock].self, forKey: .blocks),
                  firstLine: try container.decode(Int.self, forKey: .firstLine))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(blocks, forKey: .blocks)
        try container.encode(firstLine, forKey: .firstLine)
    }

    private static func sections(of blocks: [MarkdownBlock]) -> [Section] {
        // Reserved, not grown: the sections of every note are kept for the whole build.
        var sections: [Section] = []
        sections.reserveCapacity(blocks.count { if case .heading = $0.kind { true } else { false } })
        for index in blocks.indices {
            guard case .heading(let level) = blocks[index].kind else { continue }
            var end = index + 1
            while end < blocks.count {
                if case .heading(let next) = blocks[end].kind, next <= level { break }
                end += 1
            }
            sections.append(Section(blocks[index..<end]))
        }
        return sections
    }
}

/// One top-level block of a Markdown body.
public struct MarkdownBlock: Sendable, Codable, Equatable {
    public enum Kind: Sendable, Codable, Equatable {
        case heading(level: Int)
        case paragraph
        case list
        case quote
        case code
        case html
        case thematicBreak
    }

    public var kind: Kind
    /// The block's text without markup: inline emphasis dropped, soft breaks
    /// as spaces, paragraphs and list items on lines of their own.
    public var text: String
    public var location: SourceLocation
    /// The file line of the block's last line.
    public var lastLine: Int
    /// For a list, its items.
    public var items: [MarkdownListItem]
    /// Where each text node of `text` stands, in order (`TextRun`).
    public var runs: [TextRun]

    public init(kind: Kind, text: String, location: SourceLocation, lastLine: Int, items: [MarkdownListItem] = [],
                runs: [TextRun] = []) {
        self.kind = kind
        self.text = text
        self.location = location
        self.lastLine = lastLine
        self.items = items
        self.runs = runs
    }
}

/// One item of a top-level list, with its whole text (nested lists included).
public struct MarkdownListItem: Sendable, Codable, Equatable {
    public var text: String
    public var location: SourceLocation
}

/// A heading and what stands under it.
public struct Section: Sendable {
    /// The heading and the blocks under it: a slice of the body's blocks,
    /// sharing their storage (a copy per section held every block twice,
    /// 20 MB at 20,000 notes). Its indices are the body's.
    private let blocks: ArraySlice<MarkdownBlock>
    /// The heading's name as format.md compares it: plain text, trimmed, with
    /// trailing colons removed (compare case-insensitively).
    public let name: String

    /// The section of the heading `blocks.first`, over `blocks`.
    init(_ blocks: ArraySlice<MarkdownBlock>) {
        self.blocks = blocks
        var name = blocks.first?.text.trimming(.whitespaces) ?? ""
        while name.hasSuffix(":") { name = String(name.dropLast()).trimming(.whitespaces) }
        self.name = name
    }

    public var heading: MarkdownBlock { blocks[blocks.startIndex] }

    /// The blocks under the heading; iterate them rather than index them from zero.
    public var content: ArraySlice<MarkdownBlock> { blocks.dropFirst() }

    /// The text of the section, headings and raw HTML (such as `<!-- hints -->`
    /// left by a template) left out.
    public var text: String {
        textBlocks.map(\.text).joined(separator: "\n\n")
    }

    /// Whether the section's text has more than `limit` visible bytes
    /// (bytes above a space), counted without joining it: a required
    /// section is often kilobytes long, and the placeholder and absence
    /// tests ask it of every note.
    public func hasMoreVisibleBytes(than limit: Int) -> Bool {
        var visible = 0
        for block in textBlocks {
            for byte in block.text.utf8 where byte > 0x20 {
                visible += 1
                if visible > limit { return true }
            }
        }
        return false
    }

    /// The blocks whose text is the section's: sub-headings and raw HTML left out.
    public var textBlocks: some Sequence<MarkdownBlock> {
        content.lazy.filter { block in
            if case .heading = block.kind { return false }
            return block.kind != .html
        }
    }

    /// The items of the lists directly in this section.
    public var listItems: [MarkdownListItem] {
        content.filter { $0.kind == .list }.flatMap(\.items)
    }
}
