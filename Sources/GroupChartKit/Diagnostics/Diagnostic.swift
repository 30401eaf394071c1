/// How much a diagnostic matters. An error holds the claims it touches and
/// makes `check` exit 1.
public enum Severity: String, Sendable, Comparable, CaseIterable, Codable {
    case note
    case warning
    case error

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// One finding of one rule, as data; printers decide how it looks.
public struct Diagnostic: Sendable, Equatable, Codable {
    public var rule: String
    public var severity: Severity
    public var location: SourceLocation
    /// Lower-case, naming the offending value in quotes.
    public var message: String
    /// How to fix it, when there is a fix.
    public var help: String
    /// Other places that explain this one (the plan whose review passed, ...).
    public var related: [RelatedLocation]
    /// The claims it holds when it is an error (`ClaimReadiness`).
    public var scope: ClaimScope

    public init(rule: String, severity: Severity, location: SourceLocation, message: String,
                help: String = "", related: [RelatedLocation] = [], scope: ClaimScope = .chain) {
        self.rule = rule
        self.severity = severity
        self.location = location
        self.message = message
        self.help = help
        self.related = related
        self.scope = scope
    }
}

public struct RelatedLocation: Sendable, Equatable, Codable {
    public var location: SourceLocation
    public var message: String

    public init(_ location: SourceLocation, _ message: String) {
        self.location = location
        self.message = message
    }
}

/// The outcome of checking a practice: diagnostics in a stable order and the
/// counts the summary line and exit status need.
public struct CheckReport: Sendable {
    public var diagnostics: [Diagnostic]
    /// How many files were read.
    public var fileCount: Int
    /// The text of every file read and held, for printers that show the
    /// source line (`line(at:)` reads a note again through `reread`).
    public var sources: [String: SourceFile]
    /// Reads again the notes whose text the model let go.
    var reread: SourceRereader?
    /// The source lines the text printer quotes, by file and line number,
    /// when a build kept them with its diagnostics (`TextPrinter.quotedLines`):
    /// a build given back from the cache prints them without reading the
    /// notes again, which was 28 % of it at 20,000 notes (`perf`).
    var quoted: [String: [Int: String]]?
    /// The claims and the next batch the check derived, for the build to
    /// write; `nil` for a report given back by the build cache.
    public internal(set) var billing: Billing?
    /// Given by `TextOnlyEdits`: the last build's diagnostics with those of
    /// the notes saved since (so many) found again (for the tests).
    var answeredByTextOnlyEdits: Int?

    public init(diagnostics: [Diagnostic], fileCount: Int, sources: [String: SourceFile]) {
        self.diagnostics = Self.ordered(diagnostics)
        self.fileCount = fileCount
        self.sources = sources
    }

    /// The order a report gives its diagnostics: by place, then rule and
    /// message, then (two of one place, rule and message) by all else a
    /// printer shows, so that the order never depends on the order the rules
    /// found them in (a check answered from the last build finds them in
    /// another, `TextOnlyEdits`).
    static func ordered(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.sorted { lhs, rhs in
            if lhs.location != rhs.location { return lhs.location < rhs.location }
            if lhs.rule != rhs.rule || lhs.message != rhs.message { return (lhs.rule, lhs.message) < (rhs.rule, rhs.message) }
            return rest(of: lhs).precedesInBytes(rest(of: rhs))
        }
    }

    /// What else a printer shows of a diagnostic, as one text to order by.
    private static func rest(of diagnostic: Diagnostic) -> String {
        ([diagnostic.severity.rawValue, diagnostic.help, "\(diagnostic.scope)"]
            + diagnostic.related.map { "\($0.location) \($0.message)" }).joined(separator: "\u{1}")
    }

    /// The source line at `location`, for the snippet under a diagnostic,
    /// as it was checked: a note's first line as the note kept it
    /// (`SourceFile.keptFirstLine`), another line of a note read again;
    /// `nil` when the file is not at hand, or changed since it was checked
    /// and the line was not kept.
    public func line(at location: SourceLocation) -> Substring? {
        if let text = quoted?[location.file]?[location.line] { return Substring(text) }
        if let file = sources[location.file] { return file.line(location.line) }
        if location.line == 1, let first = reread?.keptFirstLine(location.file) { return Substring(first) }
        return reread?.source(location.file)?.line(location.line)
    }

    public var errorCount: Int { diagnostics.count { $0.severity == .error } }
    public var warningCount: Int { diagnostics.count { $0.severity == .warning } }

    /// The rules whose errors stop claims.837 (errors in `edi:`), sorted.
    public var interchangeHeldBy: [String] {
        Set(diagnostics.filter { $0.severity == .error && $0.scope == .interchange }.map(\.rule)).sorted()
    }

    /// Exit status 0 without errors, 1 with at least one.
    public var exitStatus: Int32 { errorCount > 0 ? 1 : 0 }

    /// `N errors, N warnings in N files`.
    public var summary: String {
        "\(counted(errorCount, "error")), \(counted(warningCount, "warning")) in \(counted(fileCount, "file"))"
    }

    private func counted(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}
