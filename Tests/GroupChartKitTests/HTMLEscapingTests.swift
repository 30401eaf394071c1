@testable import GroupChartKit
import Mustache
import Testing

/// The records' escaper (`HTMLEscaping`) gives exactly the bytes of
/// swift-mustache's own HTML escaping, which a template without the pragma
/// still uses: the oracle is the library itself, over text built from the
/// pieces that decide it (the five escaped characters, combining marks
/// after them, CR LF, other scripts, emoji).
@Suite struct HTMLEscapingTests {
    static let pieces = ["<", ">", "&", "\"", "'", "a", "Z", " ", "\r\n", "\n", "é", "e\u{301}", "\u{338}", "\u{301}",
                         "日本", "👩🏽‍⚕️", "&amp;", "<b>", "Ms. O'Neil", "\u{37E}", "\u{2329}"]

    static func library(_ text: String) throws -> String {
        try MustacheTemplate(string: "{{text}}").render(["text": text])
    }

    static func ours(_ text: String) throws -> String {
        HTMLEscaping.registered
        return try MustacheTemplate(string: HTMLEscaping.pragma + "{{text}}").render(["text": text])
    }

    /// An image from another host in a note is shown as a link to it, never
    /// fetched by the record (which would tell that host who read the
    /// note, and when); an image beside the record, or a data: image, stays.
    @Test func aRemoteImageInANoteIsALinkNotAFetch() {
        let html = CommonMark.html("""
            Seen ![a chart](https://tracker.example/t.png?id=7 "mood") and ![](//cdn.example/x.gif) and ![](HTTP://A.EXAMPLE/y.png).

            Kept ![local](chart.png) and ![dot](data:image/png;base64,iVBORw0KGgo=).
            """)
        #expect(html.contains(#"<a href="https://tracker.example/t.png?id=7" title="mood">a chart</a>"#), "\(html)")
        #expect(html.contains(#"<a href="//cdn.example/x.gif">image</a>"#) && html.contains(#"<a href="HTTP://A.EXAMPLE/y.png">image</a>"#))
        #expect(html.contains(#"<img src="chart.png" alt="local" />"#) && html.contains(#"<img src="data:image/png;base64,iVBORw0KGgo=" alt="dot" />"#))
        #expect(!html.contains("<img src=\"https") && !html.contains("<img src=\"//") && !html.contains("<img src=\"HTTP"))
        #expect(CommonMark.html("No image, **bold**.") == "<p>No image, <strong>bold</strong>.</p>\n")
    }

    @Test func fixedCasesEscapeAsTheLibraryDoes() throws {
        for text in ["", "plain words", "a < b & c > d", "\"quoted\" and 'single'", "<\u{338}", "&\u{301}x", "'é'",
                     "Ms. O'Neil <she/her>", "\r\n<\r\n", "😀&😀"] + Self.pieces {
            #expect(try Self.ours(text) == Self.library(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        #expect(try Self.ours("a < b") == "a &lt; b")
    }

    @Test(arguments: 0..<4)
    func randomTextEscapesAsTheLibraryDoes(seed: UInt64) throws {
        var random = IncrementalEquivalenceTests.Random(state: seed)
        for _ in 0..<500 {
            let text = (0..<Int(random.next() % 13)).compactMap { _ in random.pick(Self.pieces) }.joined()
            #expect(try Self.ours(text) == Self.library(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    /// A template that chooses its own content type keeps it.
    @Test func aTemplateThatChoosesTextIsNotEscaped() throws {
        HTMLEscaping.registered
        let template = try MustacheTemplate(string: HTMLEscaping.pragma + "{{% CONTENT_TYPE: TEXT }}\n{{text}}")
        #expect(template.render(["text": "a < b"]) == "a < b")
    }
}
