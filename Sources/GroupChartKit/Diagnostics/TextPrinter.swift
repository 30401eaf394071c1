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

    /// How many diagnostics of one rule in one file are printed; the rest
    /// are counted in one line, since ten thousand lines of one kind hide
    /// everything else (JSON and SARIF keep them all).
    public static let shownPerRuleAndFile = 20

    /// Every diagnostic (at most `shownPerRuleAndFile` of one rule in one
    /// file, then a line saying how many more), then the summary line.
    public func render(_ report: CheckReport, summary: Bool = true) -> String {
        var totals: [RuleInFile: Int] = [:]
        for diagnostic in report.diagnostics { totals[RuleInFile(diagnostic), default: 0] += 1 }
        // The lines the build kept (`CheckReport.quoted`), the others read
        // again a window of notes at a time, on every core: one after
        // another they were a fifth of a `check` printing 10,000 warnings.
        let lines = Self.quotedLines(of: report, kept: report.quoted ?? [:], readAhead: readAhead)
        var printed: [RuleInFile: Int] = [:]
        var snippets = SourceSnippet()
        var out = ""
        for diagnostic in report.diagnostics {
            let key = RuleInFile(diagnostic)
            printed[key, default: 0] += 1
            if printed[key, default: 0] <= Self.shownPerRuleAndFile {
                out += render(diagnostic, line: { lines[$0.file]?[$0.line].map { Substring($0) } }, snippets: &snippets)
            } else if printed[key, default: 0] == Self.shownPerRuleAndFile + 1 {
                let more = totals[key, default: 0] - Self.shownPerRuleAndFile
                out += paint("\(key.file):", .bold) + " " + paint("note:", .cyan)
                    + " \(more) more [\(key.rule)] diagnostic\(more == 1 ? "" : "s") in this file not shown; --format json lists every one\n"
            }
        }
        if summary { out += report.summary + "\n" }
        return out
    }

    /// How many quoted places the notes are read again for at once (a
    /// window's notes are held until their lines are taken).
    var readAhead = 512

    /// The source line of each diagnostic `render` shows (at most
    /// `shownPerRuleAndFile` of one rule in one file), by file and line
    /// number, read as `render` reads them, or taken from `kept` (lines
    /// of files unchanged since they were read): what `render` prints, and
    /// what a build keeps with its diagnostics (`CheckReport.quoted`).
    static func quotedLines(of report: CheckReport, kept: [String: [Int: String]] = [:],
                            readAhead: Int = 512) -> [String: [Int: String]] {
        var report = report
        report.quoted = kept
        var printed: [RuleInFile: Int] = [:]
        let places = report.diagnostics.compactMap { diagnostic -> SourceLocation? in
            let key = RuleInFile(diagnostic)
            printed[key, default: 0] += 1
            return printed[key, default: 0] <= shownPerRuleAndFile ? diagnostic.location : nil
        }
        var lines: [String: [Int: String]] = [:]
        var start = places.startIndex
        while start < places.endIndex {
            let window = places[start..<(start + min(max(readAhead, 1), places.endIndex - start))]
            let reread = report.notesReadAgain(window.map(\.file))
            for place in window {
                let line = reread[place.file].map { $0?.line(place.line) } ?? report.line(at: place)
                if let line { lines[place.file, default: [:]][place.line] = String(line) }
            }
            start = window.endIndex
        }
        return lines
    }

    public func render(_ diagnostic: Diagnostic, sources: [String: SourceFile]) -> String {
        var snippets = SourceSnippet()
        return render(diagnostic, line: { sources[$0.file]?.line($0.line) }, snippets: &snippets)
    }

    private func render(_ diagnostic: Diagnostic, line source: (SourceLocation) -> Substring?,
                        snippets: inout SourceSnippet) -> String {
        let location = diagnostic.location
        var out = paint("\(location):", .bold) + " " + paint("\(diagnostic.severity.rawValue):", style(for: diagnostic.severity))
            + " " + paint(diagnostic.message, .bold) + " [\(diagnostic.rule)]\n"
        if let line = source(location) {
            let scalars = snippets.scalars(of: line, file: location.file, number: location.line)
            let window = SourceSnippet.window(scalars, column: location.column)
            out += gutter(String(location.line)) + "| " + window.shown + "\n" + gutter("") + "| " + window.padding + paint("^", .green) + "\n"
        }
        if !diagnostic.help.isEmpty {
            out += gutter("") + "= help: \(diagnostic.help)\n"
        }
        for related in diagnostic.related {
            out += paint("\(related.location):", .bold) + " " + paint("note:", .cyan) + " \(related.message)\n"
        }
        return out
    }

    /// The line with a caret under the column (cut around the column when
    /// long, as `SourceSnippet` cuts it), for one diagnostic shown alone.
    func snippet(line: Substring, number: Int, column: Int) -> String {
        let window = SourceSnippet.window(Array(line.unicodeScalars), column: column)
        return gutter(String(number)) + "| " + window.shown + "\n" + gutter("") + "| " + window.padding + paint("^", .green) + "\n"
    }

    private struct RuleInFile: Hashable {
        var file: String
        var rule: String

        init(_ diagnostic: Diagnostic) {
            file = diagnostic.location.file
            rule = diagnostic.rule
        }
    }

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
