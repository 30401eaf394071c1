/// Text from the user's files made inert for a terminal: a control
/// character in a note (an escape sequence pasted from a log, a NUL of a
/// UTF-16 file, a Word lock file's bytes) printed as it is would clear the
/// screen, retitle the window or hide the lines after it. Each is shown
/// as its Unicode control picture (ESC as ␛, NUL as ␀), one column wide
/// as the caret under the snippet expects; tab stays (the snippet widens it).
/// The bidirectional controls are shown as U+FFFD.
enum TerminalText {
    /// `scalar` as shown, or `nil` when it is shown as it is.
    static func picture(of scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar.value {
        case 0x09: return nil
        case 0x00..<0x20: return Unicode.Scalar(0x2400 + scalar.value)
        case 0x7F: return "\u{2421}"
        case 0x80..<0xA0: return "\u{FFFD}"
        // The bidirectional controls reorder what follows them on the line:
        // a right-to-left override in a value printed the diagnostic's words
        // backwards (a fault-injection review). Shown as U+FFFD, one column
        // wide, as the caret under the snippet counts it.
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return "\u{FFFD}"
        default: return nil
        }
    }

    /// `text` with each control character shown as its picture (the same
    /// string when it has none, as nearly all messages are).
    static func inert(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { picture(of: $0) != nil }) else { return text }
        var shown = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { shown.append(picture(of: scalar) ?? scalar) }
        return String(shown)
    }
}
