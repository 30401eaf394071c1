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

    /// The shown part of the line, and the padding that puts a caret under
    /// `column`: each tab shown as four spaces (and padded as four), the
    /// rest as it is (padded as one space each). Built byte by byte: with
    /// `replacingOccurrences` and a string a padded scalar, the snippets of
    /// 10,600 warnings were 5 % of a `check` answered from a build's cache
    /// at 20,000 notes (`perf`).
    static func window(_ scalars: [Unicode.Scalar], column: Int) -> (shown: String, padding: String) {
        var start = 0
        var end = scalars.count
        if scalars.count > width {
            start = min(max(0, column - 1 - width / 3), scalars.count - width)
            end = start + width
        }
        let cut: [UInt8] = Array("...".utf8)
        var shown: [UInt8] = start > 0 ? cut : []
        shown.reserveCapacity(end - start + 2 * cut.count)
        let before = min(max(column - 1 - start, 0), end - start)
        var padded = start > 0 ? cut.count : 0
        for index in start..<end {
            let scalar = scalars[index]
            let wide = scalar == "\t"
            if wide {
                shown.append(contentsOf: [0x20, 0x20, 0x20, 0x20])
            } else if let picture = TerminalText.picture(of: scalar) {
                shown.append(contentsOf: UTF8.encode(picture)!)
            } else if scalar.isASCII {
                shown.append(UInt8(scalar.value))
            } else {
                shown.append(contentsOf: UTF8.encode(scalar)!)
            }
            if index - start < before { padded += wide ? 4 : 1 }
        }
        if end < scalars.count { shown.append(contentsOf: cut) }
        return (String(decoding: shown, as: UTF8.self), String(repeating: " ", count: padded))
    }
}
