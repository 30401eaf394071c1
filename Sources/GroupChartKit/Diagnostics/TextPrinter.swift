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
    ///
    /// Rendered a part at a time on every core (`chunk` diagnostics each),
    /// the parts joined in order: one after another, 10,600 warnings took
    /// about a tenth of a cold `check` at 20,000 notes (`perf`), all on the
    /// main thread while the other core had nothing to do.
    public func render(_ report: CheckReport, summary: Bool = true) -> String {
        let shown = Self.shown(report.diagnostics)
        // The lines the build kept (`CheckReport.quoted`), the others read again.
        let lines = Self.quotedLines(of: report, shown: shown, kept: report.quoted ?? [:], chunk: chunk)
        let parts = ParallelMap.map(Self.chunks(of: report.diagnostics.count, size: chunk)) { range -> String in
            var snippets = SourceSnippet()
            var out = ""
            for index in range {
                let diagnostic = report.diagnostics[index]
                switch shown[index] {
                case .shown:
                    render(diagnostic, line: { lines[$0.file]?[$0.line].map { Substring($0) } }, snippets: &snippets, into: &out)
                case .more(let more):
                    out += paint("\(diagnostic.location.file):", .bold) + " " + paint("note:", .cyan)
                        + " \(more) more [\(diagnostic.rule)] diagnostic\(more == 1 ? "" : "s") in this file not shown; --format json lists every one\n"
                case .counted:
                    break
                }
            }
            return out
        }
        var out = parts.joined()
        if summary { out += report.summary + "\n" }
        return out
    }

    /// How many diagnostics one worker renders, and how many quoted places
    /// it reads again, at a time (a note is held only until its line is taken).
    var chunk = 512

    /// What the printer does with a diagnostic: shows it, says how many more
    /// of its rule in its file are not shown (the first not shown), or only
    /// counts it.
    enum Shown: Equatable {
        case shown
        case more(Int)
        case counted
    }

    /// What the printer does with each of `diagnostics`, in their order.
    ///
    /// A report is ordered by place, so each file's diagnostics come
    /// together: they are counted a file at a time, by rule, and only in a
    /// file with more than `shownPerRuleAndFile` of them. Keyed by file and
    /// rule for every diagnostic, the counts were 2.7 % of a check answered
    /// from a build's cache (10,600 warnings, `perf`). Diagnostics in any
    /// other order are counted as a whole.
    static func shown(_ diagnostics: [Diagnostic]) -> [Shown] {
        var shown = [Shown](repeating: .shown, count: diagnostics.count)
        var counted: Set<String> = []
        var start = 0
        while start < diagnostics.count {
            let file = diagnostics[start].location.file
            var end = start + 1
            while end < diagnostics.count, diagnostics[end].location.file == file { end += 1 }
            guard counted.insert(file).inserted else { return shownInAnyOrder(diagnostics) }
            if end - start > shownPerRuleAndFile {
                var totals: [String: Int] = [:]
                for index in start..<end { totals[diagnostics[index].rule, default: 0] += 1 }
                var printed: [String: Int] = [:]
                for index in start..<end {
                    let rule = diagnostics[index].rule
                    printed[rule, default: 0] += 1
                    let count = printed[rule, default: 0]
                    guard count > shownPerRuleAndFile else { continue }
                    shown[index] = count == shownPerRuleAndFile + 1 ? .more(totals[rule, default: 0] - shownPerRuleAndFile) : .counted
                }
            }
            start = end
        }
        return shown
    }

    /// `shown`, for diagnostics in no particular order.
    static func shownInAnyOrder(_ diagnostics: [Diagnostic]) -> [Shown] {
        var totals: [RuleInFile: Int] = [:]
        for diagnostic in diagnostics { totals[RuleInFile(diagnostic), default: 0] += 1 }
        var printed: [RuleInFile: Int] = [:]
        return diagnostics.map { diagnostic in
            let key = RuleInFile(diagnostic)
            printed[key, default: 0] += 1
            let count = printed[key, default: 0]
            if count <= shownPerRuleAndFile { return .shown }
            return count == shownPerRuleAndFile + 1 ? .more(totals[key, default: 0] - shownPerRuleAndFile) : .counted
        }
    }

    /// `0..<count` cut into ranges of `size` (at least 1).
    private static func chunks(of count: Int, size: Int) -> [Range<Int>] {
        stride(from: 0, to: count, by: max(size, 1)).map { $0..<min($0 + max(size, 1), count) }
    }

    /// The source line of each diagnostic `render` shows (at most
    /// `shownPerRuleAndFile` of one rule in one file), by file and line
    /// number, read as `render` reads them, or taken from `kept` (lines
    /// of files unchanged since they were read): what `render` prints, and
    /// what a build keeps with its diagnostics (`CheckReport.quoted`).
    static func quotedLines(of report: CheckReport, kept: [String: [Int: String]] = [:]) -> [String: [Int: String]] {
        quotedLines(of: report, shown: shown(report.diagnostics), kept: kept, chunk: TextPrinter().chunk)
    }

    /// `quotedLines`, each `chunk` of the diagnostics on a core of its own:
    /// a note not at hand is read again once for its run of diagnostics
    /// and let go.
    private static func quotedLines(of report: CheckReport, shown: [Shown], kept: [String: [Int: String]],
                                    chunk: Int) -> [String: [Int: String]] {
        let found = ParallelMap.map(chunks(of: report.diagnostics.count, size: chunk)) { range -> [(SourceLocation, String)] in
            var lines: [(SourceLocation, String)] = []
            var last: (path: String, file: SourceFile?)?
            for index in range where shown[index] == .shown {
                let place = report.diagnostics[index].location
                var line: Substring?
                if let text = kept[place.file]?[place.line] {
                    line = Substring(text)
                } else if let file = report.sources[place.file] {
                    line = file.line(place.line)
                } else if let reread = report.reread {
                    if place.line == 1, let first = reread.keptFirstLine(place.file) {
                        line = Substring(first)
                    } else {
                        if last?.path != place.file { last = (place.file, reread.readAgain(place.file)) }
                        line = last?.file?.line(place.line)
                    }
                }
                if let line { lines.append((place, String(line))) }
            }
            return lines
        }
        var lines: [String: [Int: String]] = [:]
        for part in found {
            for (place, line) in part { lines[place.file, default: [:]][place.line] = line }
        }
        return lines
    }

    public func render(_ diagnostic: Diagnostic, sources: [String: SourceFile]) -> String {
        var snippets = SourceSnippet()
        var out = ""
        render(diagnostic, line: { sources[$0.file]?.line($0.line) }, snippets: &snippets, into: &out)
        return out
    }

    /// One diagnostic appended to `out`, a part at a time (a string made of
    /// each line and then added was a tenth of the printing, `perf`).
    private func render(_ diagnostic: Diagnostic, line source: (SourceLocation) -> Substring?,
                        snippets: inout SourceSnippet, into out: inout String) {
        let location = diagnostic.location
        out += paint(TerminalText.inert("\(location):"), .bold)
        out += " "
        out += paint("\(diagnostic.severity.rawValue):", style(for: diagnostic.severity))
        out += " "
        out += paint(TerminalText.inert(diagnostic.message), .bold)
        out += " ["
        out += diagnostic.rule
        out += "]\n"
        if let line = source(location) {
            let scalars = snippets.scalars(of: line, file: location.file, number: location.line)
            let window = SourceSnippet.window(scalars, column: location.column)
            out += gutter(String(location.line))
            out += "| "
            out += window.shown
            out += "\n"
            out += gutter("")
            out += "| "
            out += window.padding
            out += paint("^", .green)
            out += "\n"
        }
        if !diagnostic.help.isEmpty {
            out += gutter("")
            out += "= help: "
            out += TerminalText.inert(diagnostic.help)
            out += "\n"
        }
        for related in diagnostic.related {
            out += paint(TerminalText.inert("\(related.location):"), .bold)
            out += " "
            out += paint("note:", .cyan)
            out += " "
            out += TerminalText.inert(related.message)
            out += "\n"
        }
    }

    /// The line with a caret under the column (cut around the column when
    /// long, as `SourceSnippet` cuts it), for one diagnostic shown alone.
    func snippet(line: Substring, number: Int, column: Int) -> String {
        let window = SourceSnippet.window(Array(line.unicodeScalars), column: column)
        return gutter(String(number)) + "| " + window.shown + "\n" + gutter("") + "| " + window.padding + paint("^", .green) + "\n"
    }

    struct RuleInFile: Hashable {
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
