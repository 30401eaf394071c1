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
