import Foundation

/// Text with accents removed (and, for comparisons, lower-cased), as the
/// rules that compare names and notes need it.
///
/// Most notes are plain ASCII, which has no accents: it takes a byte-level
/// path, leaving Foundation's folding (which is slow on Linux) to the text
/// that needs it.
enum TextFolding {
    /// Accents removed, case kept ("Nguyễn" → "Nguyen").
    static func withoutAccents(_ text: String) -> String {
        isASCII(text) ? text : text.folding(options: .diacriticInsensitive, locale: nil)
    }

    /// Accents removed and lower-cased ("Nguyễn" → "nguyen").
    static func comparable(_ text: String) -> String {
        guard isASCII(text) else { return text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil) }
        guard text.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return text }
        return String(decoding: text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }, as: UTF8.self)
    }

    private static func isASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 < 0x80 }
    }
}
