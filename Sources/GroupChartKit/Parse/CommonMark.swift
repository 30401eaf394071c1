internal import CCmark
import Foundation

/// The one place GroupChart talks to libcmark (as swift-markdown confines cmark
/// to one converter): parses a body with source positions into a
/// `MarkdownBody`, and renders Markdown to HTML in cmark's safe mode.
public enum CommonMark {
    /// Parses `body`, whose first line is line `firstLine` of `file`.
    public static func parse(_ body: String, firstLine: Int, in file: SourceFile) -> MarkdownBody {
        guard let document = body.withCString({ cmark_parse_document($0, strlen($0), CMARK_OPT_SOURCEPOS) }) else {
            return MarkdownBody(blocks: [], firstLine: firstLine)
        }
        defer { cmark_node_free(document) }
        let place = Placement(file: file, lineOffset: firstLine - 1)
        // Counted first, so that the blocks, kept for the whole build, take
        // their exact room and not what an array grown by appending leaves.
        var count = 0
        var child = cmark_node_first_child(document)
        while let node = child {
            count += 1
            child = cmark_node_next(node)
        }
        var blocks: [MarkdownBlock] = []
        blocks.reserveCapacity(count)
        child = cmark_node_first_child(document)
        while let node = child {
            blocks.append(block(node, place))
            child = cmark_node_next(node)
        }
        return MarkdownBody(blocks: blocks, firstLine: firstLine)
    }

    /// Renders Markdown to HTML without raw HTML and without `javascript:`
    /// links (cmark's default, safe mode), and without images from another
    /// host: each becomes a link to it (`remoteImagesAsLinks`).
    public static func html(_ markdown: String) -> String {
        let rendered = markdown.withCString { text -> UnsafeMutablePointer<CChar>? in
            // Most notes have no image: rendered at once, as before.
            guard strstr(text, "![") != nil else { return cmark_markdown_to_html(text, strlen(text), CMARK_OPT_DEFAULT) }
            guard let document = cmark_parse_document(text, strlen(text), CMARK_OPT_DEFAULT) else { return nil }
            defer { cmark_node_free(document) }
            remoteImagesAsLinks(in: document)
            return cmark_render_html(document, CMARK_OPT_DEFAULT)
        }
        guard let rendered else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }

    /// Each image whose address names another host (`https://...`,
    /// `//host/...`) made a link to it, with the image's description as
    /// its text: a record opened or printed would otherwise fetch it, telling
    /// that host who read which note and when (an image written into a
    /// note, or pasted with its text from a web page). An image in the
    /// record's own folder, or a `data:` image, is kept.
    private static func remoteImagesAsLinks(in document: OpaquePointer) {
        var images: [OpaquePointer] = []
        guard let iterator = cmark_iter_new(document) else { return }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator), cmark_node_get_type(node) == CMARK_NODE_IMAGE {
                images.append(node)
            }
        }
        cmark_iter_free(iterator)
        for image in images {
            let url = cmark_node_get_url(image).map { String(cString: $0) } ?? ""
            let lowered = url.lowercased()
            guard lowered.hasPrefix("//") || (lowered.contains(":") && !lowered.hasPrefix("data:image/")),
                  let link = cmark_node_new(CMARK_NODE_LINK) else { continue }
            cmark_node_set_url(link, url)
            if let title = cmark_node_get_title(image) { cmark_node_set_title(link, title) }
            while let child = cmark_node_first_child(image) {
                cmark_node_unlink(child)
                cmark_node_append_child(link, child)
            }
            if cmark_node_first_child(link) == nil, let text = cmark_node_new(CMARK_NODE_TEXT) {
                cmark_node_set_literal(text, "image")
                cmark_node_append_child(link, text)
            }
            cmark_node_insert_before(image, link)
            cmark_node_free(image)
        }
    }

    private struct Placement {
        var file: SourceFile
        var lineOffset: Int

        func line(of node: OpaquePointer) -> Int {
            Int(cmark_node_get_start_line(node)) + lineOffset
        }

        func location(of node: OpaquePointer) -> SourceLocation {
            let line = line(of: node)
            let column = file.scalarColumn(line: line, byteColumn: Int(cmark_node_get_start_column(node)))
            return file.location(line: line, column: column)
        }

        func lastLine(of node: OpaquePointer) -> Int {
            Int(cmark_node_get_end_line(node)) + lineOffset
        }
    }

    private static func block(_ node: OpaquePointer, _ place: Placement) -> MarkdownBlock {
        let kind: MarkdownBlock.Kind
        var items: [MarkdownListItem] = []
        switch cmark_node_get_type(node) {
        case CMARK_NODE_HEADING: kind = .heading(level: Int(cmark_node_get_heading_level(node)))
        case CMARK_NODE_LIST:
            kind = .list
            items = children(of: node).map {
                MarkdownListItem(text: plainText(of: $0, place: place, placing: false).text, location: place.location(of: $0))
            }
        case CMARK_NODE_BLOCK_QUOTE: kind = .quote
        case CMARK_NODE_CODE_BLOCK: kind = .code
        case CMARK_NODE_HTML_BLOCK: kind = .html
        case CMARK_NODE_THEMATIC_BREAK: kind = .thematicBreak
        default: kind = .paragraph
        }
        let (text, runs) = plainText(of: node, place: place, placing: true)
        return MarkdownBlock(kind: kind, text: text, location: place.location(of: node),
                             lastLine: place.lastLine(of: node), items: items, runs: runs)
    }

    private static func children(of node: OpaquePointer) -> [OpaquePointer] {
        var result: [OpaquePointer] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            result.append(current)
            child = cmark_node_next(current)
        }
        return result
    }

    /// The text a reader sees: literals joined, soft breaks as spaces, block
    /// children on lines of their own; when `placing`, the source position of
    /// each text node in it. Walked with cmark's iterator rather than by
    /// recursion, so that a body nested a million levels deep (`> > > ...`)
    /// cannot exhaust the stack.
    ///
    /// The text is gathered as bytes, straight from cmark's literals, and
    /// made a string once: a string made of each literal and appended to a
    /// growing string was a fifth of turning cmark's nodes into blocks
    /// (`perf`, a cold check at 20,000 notes).
    private static func plainText(of root: OpaquePointer, place: Placement, placing: Bool) -> (text: String, runs: [TextRun]) {
        guard let iterator = cmark_iter_new(root) else { return ("", []) }
        defer { cmark_iter_free(iterator) }
        var text: [UInt8] = []
        var runs: [TextRun] = []
        // The cursor is moved in place and the placement read through its
        // line offset alone: bound afresh at each text node (`if let`), both
        // were copied and destroyed, file and all (a third of this walk in `perf`).
        // The placement is passed as it is, whether the runs are placed
        // (`placing`) or not: made optional at the call, it was copied
        // whole (its file's text, lines and digest) for each block (`perf`).
        let lineOffset = placing ? place.lineOffset : nil
        var columns = placing ? ColumnCursor(file: place.file) : nil
        func append(literalOf node: OpaquePointer) -> UnsafeBufferPointer<UInt8> {
            guard let literal = cmark_node_get_literal(node) else { return UnsafeBufferPointer(start: nil, count: 0) }
            let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self), count: strlen(literal))
            text.append(contentsOf: bytes)
            return bytes
        }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            if node != root, cmark_node_previous(node) != nil, let parent = cmark_node_parent(node),
               isBlockContainer(cmark_node_get_type(parent)) {
                text.append(0x0A)
            }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_TEXT:
                let offset = text.count
                let literal = append(literalOf: node)
                if let lineOffset, columns != nil, !literal.isEmpty {
                    let start = columns!.place(line: Int(cmark_node_get_start_line(node)) + lineOffset,
                                               byteColumn: Int(cmark_node_get_start_column(node)))
                    runs.append(TextRun(literal: literal, offset: offset, start: start))
                }
            case CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK:
                _ = append(literalOf: node)
            case CMARK_NODE_HTML_BLOCK where node == root:
                // A block of raw HTML standing alone keeps its text (rules
                // pass over such blocks); inside a list item or quotation it
                // is left out, as within a line.
                _ = append(literalOf: node)
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                // Raw HTML inside a line (`<!-- Risk level: low -->`, `<b>`)
                // is not shown in the records (safe mode), so it is not what
                // a reader sees either: a risk level or a goal's status
                // commented out does not count. A block of it stands as a
                // block of its own, which no rule reads as the note's text.
                break
            case CMARK_NODE_SOFTBREAK: text.append(0x20)
            case CMARK_NODE_LINEBREAK: text.append(0x0A)
            default: break
            }
        }
        // Kept for the whole build (every block of every note): the runs are
        // copied to their size, since the room they grew into while
        // appending was up to as much again.
        return (String(decoding: text, as: UTF8.self), runs.exactCopy())
    }

    /// A node whose children are blocks, each on a line of its own.
    private static func isBlockContainer(_ type: cmark_node_type) -> Bool {
        switch type {
        case CMARK_NODE_LIST, CMARK_NODE_ITEM, CMARK_NODE_BLOCK_QUOTE, CMARK_NODE_DOCUMENT: return true
        default: return false
        }
    }
}
