/// A name as records and claims show it: a person's, the practice's, a
/// payer's, a group's. It must be written in visible characters on one line.
///
/// Right-to-left overrides (U+202E), zero-width characters and other
/// invisible format characters can make one name look like another ("Jane
/// Doe" and "Ja\u{200B}ne Doe" print alike but are two people to every
/// comparison), or make a record read differently from what it holds; line
/// breaks and control characters split a name across lines of a record or a
/// CSV row. None belongs in a name, so each is an `invalid-value`.
public enum DisplayName {
    public static func parse(_ text: String) -> Result<String, ScalarError> {
        guard let hidden = text.unicodeScalars.first(where: isHidden) else { return .success(text) }
        let code = hidden.codePoint
        return .failure(ScalarError(
            "the name holds the invisible character \(code) (\(what(hidden)))",
            help: "retype the name in plain visible characters on one line; invisible characters can disguise one name as another"))
    }

    /// Control characters (line breaks, tabs), format characters (bidi
    /// overrides and isolates, zero-width spaces and joiners, the byte-order
    /// mark, the soft hyphen), line or paragraph separators, and the other
    /// characters Unicode says to draw as nothing (the combining grapheme
    /// joiner U+034F, the Hangul fillers U+115F, U+3164, variation
    /// selectors) or that draw as a blank (the braille blank U+2800).
    static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator: return true
        default: return scalar.properties.isDefaultIgnorableCodePoint || scalar.value == 0x2800
        }
    }

    private static func what(_ scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x0A, 0x0D: return "a line break"
        case 0x09: return "a tab"
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F: return "a right-to-left or left-to-right control"
        case 0x200B...0x200D, 0x2060, 0xFEFF: return "a zero-width character"
        default:
            switch scalar.properties.generalCategory {
            case .control: return "a control character"
            case .format: return "a format character"
            default: return "a character drawn as nothing or a blank"
            }
        }
    }
}

extension Unicode.Scalar {
    /// "U+00A0": how a diagnostic names a character it cannot show.
    var codePoint: String { "U+" + String(value, radix: 16, uppercase: true).leftPadded(to: 4) }
}

extension String {
    /// Zeros in front up to `width` characters (`FEFF`, `00AD`).
    func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
