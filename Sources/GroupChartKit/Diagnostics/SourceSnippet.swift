/// The source line under a diagnostic, with a caret under its column.
///
/// A line longer than `width` (an 835 written on one line) is cut to the
/// part around the column, marked with `...` where it was cut. The line's
/// scalars are kept for the next diagnostic: the report is sorted by place,
/// so the diagnostics of one long line come together, and printing them
/// costs the line once plus each snippet, not the whole line each time
/// (a one-line remittance of 150,000 segments made text output quadratic).
struct SourceSnippet {
    static let width = 120

    private var cachedPlace: (file: String, line: Int)?
    private var cachedScalars: [Unicode.Scalar] = []

    /// The line's scalars, converted once for all its diagnostics.
    mutating func scalars(of line: Substring, file: String, number: Int) -> [Unicode.Scalar] {
        if let cachedPlace, cachedPlace.file == file, cachedPlace.line == number { return cachedScalars }
        cachedPlace = (file, number)
        cachedScalars = Array(line.unicodeScalars)
        return cachedScalars
    }

    /// The shown part of the line, and the padding that puts a caret under `column`.
    static func window(_ scalars: [Unicode.Scalar], column: Int) -> (shown: String, padding: String) {
        var start = 0
        var end = scalars.count
        if scalars.count > width {
            start = min(max(0, column - 1 - width / 3), scalars.count - width)
            end = start + width
        }
        let cutBefore = start > 0 ? "..." : ""
        let cutAfter = end < scalars.count ? "..." : ""
        let window = scalars[start..<end]
        let shown = cutBefore + String(String.UnicodeScalarView(window)).replacingOccurrences(of: "\t", with: "    ") + cutAfter
        let before = window.prefix(max(column - 1 - start, 0))
        let padding = String(repeating: " ", count: cutBefore.count) + before.map { $0 == "\t" ? "    " : " " }.joined()
        return (shown, padding)
    }
}
