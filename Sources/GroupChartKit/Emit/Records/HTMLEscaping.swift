internal import Mustache

/// How the records escape the text they show: exactly as swift-mustache's
/// own HTML content type does (`<`, `>`, `&`, `"` and `'` replaced, Character
/// by Character), but without its cost where nothing needs replacing.
///
/// The library's escaper walks every value Character by Character, breaking
/// graphemes and looking each one up in a dictionary: 6.7 % of a cold build
/// at 20,000 notes (`perf`), for text that almost never holds any of the
/// five characters. This one looks at the bytes first: text without any of
/// them is returned as it is, ASCII text with some has them replaced byte
/// by byte, and only text that mixes them with other scripts goes the
/// library's way (a combining mark after `<` makes one Character that is not
/// `<`, which the library leaves alone, and so must we, for the same bytes).
struct HTMLEscaping: MustacheContentType {
    /// The name of the content type each template starts by choosing
    /// (`TemplateLibrary` puts the pragma before the template's own text).
    static let name = "GROUPCHART_HTML"

    /// The pragma that selects it, on a line of its own (a standalone tag,
    /// which Mustache removes with its line, so the template's first line
    /// stays first).
    static let pragma = "{{% CONTENT_TYPE: \(name) }}\n"

    /// Registers the content type with Mustache, once per process, before
    /// any template naming it is parsed.
    static let registered: Void = MustacheContentTypes.register(HTMLEscaping(), named: name)

    func escapeText(_ text: String) -> String { Self.escape(text) }

    /// The text with the five characters replaced (`TemplateRenderer` calls it directly).
    static func escape(_ text: String) -> String {
        var special = false
        var ascii = true
        for byte in text.utf8 {
            if byte >= 0x80 {
                ascii = false
            } else if isSpecial(byte) {
                special = true
            }
        }
        guard special else { return text }
        guard ascii else { return characterwise(text) }
        var escaped: [UInt8] = []
        escaped.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "<"): escaped += "&lt;".utf8
            case UInt8(ascii: ">"): escaped += "&gt;".utf8
            case UInt8(ascii: "&"): escaped += "&amp;".utf8
            case UInt8(ascii: "\""): escaped += "&quot;".utf8
            case UInt8(ascii: "'"): escaped += "&#39;".utf8
            default: escaped.append(byte)
            }
        }
        return String(decoding: escaped, as: UTF8.self)
    }

    private static func isSpecial(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }

    private static let replacements: [Character: String] = [
        "<": "&lt;", ">": "&gt;", "&": "&amp;", "\"": "&quot;", "'": "&#39;",
    ]

    /// The library's own algorithm, for text where bytes alone cannot say.
    static func characterwise(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            if let replacement = replacements[character] {
                escaped += replacement
            } else {
                escaped.append(character)
            }
        }
        return escaped
    }
}
