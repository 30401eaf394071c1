import Foundation

/// Prints diagnostics the way clang and swiftc do, so that editors and CI
/// parse them: `path:line:col: severity: message [rule]`, the source line
/// with a caret under the column, the fix, then related places as notes.
public struct TextPrinter: Sendable {
    /// ANSI colour, for a terminal only.
    public var color: Bool

    public init(color: Bool = false) {
        self.color = color
    }

    /// Every diagnostic, then the summary line.
    public func render(_ report: CheckReport, summary: Bool = true) -> String {
        var out = report.diagnostics.map { render($0, sources: report.sources) }.joined()
        if summary { out += report.summary + "\n" }
        return out
    }

    public func render(_ diagnostic: Diagnostic, sources: [String: SourceFile]) -> String {
        let location = diagnostic.location
        var out = paint("\(location):", .bold) + " " + paint("\(diagnostic.severity.rawValue):", style(for: diagnostic.severity))
            + " " + paint(diagnostic.message, .bold) + " [\(diagnostic.rule)]\n"
        if let line = sources[location.file]?.line(location.line) {
            out += snippet(line: line, number: location.line, column: location.column)
        }
        if !diagnostic.help.isEmpty {
            out += gutter("") + "= help: \(diagnostic.help)\n"
        }
        for related in diagnostic.related {
            out += paint("\(related.location):", .bold) + " " + paint("note:", .cyan) + " \(related.message)\n"
        }
        return out
    }

    /// The line with a caret under the column. A line longer than
    /// `snippetWidth` (an 835 written on one line) is cut to the part around
    /// the column, marked with `...` where it was cut.
    func snippet(line: Substring, number: Int, column: Int) -> String {
        let scalars = Array(line.unicodeScalars)
        var start = 0
        var end = scalars.count
        if scalars.count > Self.snippetWidth {
            start = min(max(0, column - 1 - Self.snippetWidth / 3), scalars.count - Self.snippetWidth)
            end = start + Self.snippetWidth
        }
        let cutBefore = start > 0 ? "..." : ""
        let cutAfter = end < scalars.count ? "..." : ""
        let window = scalars[start..<end]
        let shown = cutBefore + String(String.UnicodeScalarView(window)).replacingOccurrences(of: "\t", with: "    ") + cutAfter
        let before = window.prefix(max(column - 1 - start, 0))
        let padding = String(repeating: " ", count: cutBefore.count) + before.map { $0 == "\t" ? "    " : " " }.joined()
        return gutter(String(number)) + "| " + shown + "\n" + gutter("") + "| " + padding + paint("^", .green) + "\n"
    }

    static let snippetWidth = 120

    /// The line number right-aligned in five columns and a space.
    private func gutter(_ text: String) -> String {
        String(repeating: " ", count: max(0, 5 - text.count)) + text + " "
    }

    private enum Style: String {
        case bold = "1"
        case red = "1;31"
        case magenta = "1;35"
        case cyan = "1;36"
        case green = "1;32"
    }

    private func style(for severity: Severity) -> Style {
        switch severity {
        case .error: return .red
        case .warning: return .magenta
        case .note: return .cyan
        }
    }

    private func paint(_ text: String, _ style: Style) -> String {
        color ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
    }
}
