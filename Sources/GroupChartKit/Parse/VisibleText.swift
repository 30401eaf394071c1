/// Text as a reader sees it on the page, for the rules that look for words
/// in it (a section's heading, a goal's status, `Risk level:`): the spaces
/// that word processors and a Mac keyboard type instead of a space (no-break
/// U+00A0, figure U+2007, narrow no-break U+202F) read as spaces, and the
/// characters that show as nothing (zero-width space, non-joiner and joiner,
/// word joiner, byte-order mark, soft hyphen) left out. A note pasted from
/// Word reads "Risk level: low" with a no-break space; the clinician sees
/// the words, and so must the rules.
enum VisibleText {
    static func plain(_ text: some StringProtocol) -> String {
        guard text.utf8.contains(where: { $0 >= 0x80 }) else { return String(text) }
        var plain = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x00A0, 0x2007, 0x202F: plain.append(" ")
            case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD: continue
            default: plain.append(scalar)
            }
        }
        return String(plain)
    }
}
