/// Text as a reader sees it on the page, for the rules that look for words
/// in it (a section's heading, a goal's status, `Risk level:`): the spaces
/// that word processors and a Mac keyboard type instead of a space (no-break
/// U+00A0, figure U+2007, narrow no-break U+202F) read as spaces, and the
/// characters that show as nothing (zero-width space, non-joiner and joiner,
/// word joiner, byte-order mark, soft hyphen) left out. A note pasted from
/// Word reads "Risk level: low" with a no-break space; the clinician sees
/// the words, and so must the rules. The same characters are what
/// front-matter refuses where YAML needs a plain space (`YAMLInvisibleSpace`).
enum VisibleText {
    static func plain(_ text: some StringProtocol) -> String {
        guard text.utf8.contains(where: { $0 >= 0x80 }) else { return String(text) }
        var plain = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch disguise(of: scalar) {
            case .space?: plain.append(" ")
            case .nothing?: continue
            case nil: plain.append(scalar)
            }
        }
        return String(plain)
    }

    /// What a character looks like that is not what it is.
    enum Disguise {
        /// Looks like a space, is none to YAML or a comparison.
        case space
        /// Shows as nothing.
        case nothing
    }

    static func disguise(of scalar: Unicode.Scalar) -> Disguise? {
        guard name(of: scalar) != nil else { return nil }
        return scalar.properties.isWhitespace ? .space : .nothing
    }

    /// The character's name in words, for a message; `nil` for one that is
    /// what it looks like.
    static func name(of scalar: Unicode.Scalar) -> String? {
        switch scalar.value {
        case 0x00A0: "a no-break space"
        case 0x2007: "a figure space"
        case 0x202F: "a narrow no-break space"
        case 0x200B: "a zero-width space"
        case 0x200C: "a zero-width non-joiner"
        case 0x200D: "a zero-width joiner"
        case 0x2060: "a word joiner"
        case 0xFEFF: "a byte-order mark"
        case 0x00AD: "a soft hyphen"
        default: nil
        }
    }
}
