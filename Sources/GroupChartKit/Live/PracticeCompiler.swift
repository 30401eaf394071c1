import Foundation

/// Keeps a practice compiled in memory for `serve`, and compiles it again
/// when files are saved.
///
/// It shares the incremental machinery of `watch`: a `DocumentMemo` keeps
/// each document as last compiled, so that a save reads and parses only the
/// files it changed; the rules run over the whole record again, and the
/// pages whose record or panel changed are rendered in memory, as `build`
/// renders them, minus the claims files and without writing anything:
/// nothing that `serve` shows ever touches the build folder.
public struct PracticeCompiler: Sendable {
    public let folder: PracticeFolder
    public private(set) var options: Checker.Options
    /// The clock "today" follows when no `--today` was given, read at each
    /// rebuild (`PracticeWatcher.clock`); `nil`: `options`' day, fixed.
    public var clock: (@Sendable () -> LocalDate)?
    private let links: EditorLinks
    /// The documents as last compiled, kept between rebuilds.
    private let memo = DocumentMemo()
    /// Each packet and chart as last served, under the key of what it
    /// showed: the record's inputs (`OutputKeys`, as `build` keeps records)
    /// and its panel. One that would come out the same is not rendered
    /// again (at 20,000 notes, rendering every page after each save was most
    /// of the wait).
    private var served: [String: (key: String, page: [UInt8])] = [:]
    /// How many pages the last rebuild rendered (the others it kept).
    private(set) var rendered = 0

    /// A page's panel: the diagnostics that concern it, and whether the
    /// record is final.
    private struct Shown {
        var scope: PageConcerns.Scope
        var diagnostics: [Diagnostic]
        var notFinal: String
    }

    /// The key of a page: its record's (`OutputKeys`) and its panel's, each
    /// diagnostic with its related places, the digest of the file whose
    /// line it quotes, and how many diagnostics are elsewhere.
    private static func key(_ recordKey: String, _ page: Shown, elsewhere total: Int, digests: [String: String]) -> String {
        var parts = [recordKey, page.notFinal, "\(total)"]
        for diagnostic in page.diagnostics {
            parts.append("\(diagnostic.location) \(diagnostic.severity.rawValue) \(diagnostic.rule) \(diagnostic.message) \(diagnostic.help)")
            parts += diagnostic.related.map { "\($0.location) \($0.message)" }
            parts.append("\(diagnostic.location.file)=\(digests[diagnostic.location.file] ?? "")")
        }
        return SignedText.digest(of: parts.joined(separator: "\u{1}"))
    }

    public init(folder: PracticeFolder, options: Checker.Options) {
        self.folder = folder
        self.options = options
        links = EditorLinks(practice: folder.root)
    }

    /// The practice compiled again after `changed` (paths relative to the
    /// practice) were saved, added or removed; the memo finds the changed
    /// files by their stamps and bytes, so `changed` only says that a
    /// rebuild is due.
    public mutating func rebuild(changed: Set<String>) -> LivePreview {
        if let day = clock?() { options.today = day }
        let checked: (record: PracticeRecord, report: CheckReport)
        do {
            checked = try GroupChart.check(folder.root, options: options, memo: memo)
        } catch {
            return failure(error.description, report: CheckReport(diagnostics: [], fileCount: 0, sources: [:]))
        }
        let records: RecordSet
        do {
            records = try RecordSet(checked: checked.record, report: checked.report, practice: folder.root, today: options.today)
        } catch {
            return failure("the records cannot be rendered: \(error.description)", report: checked.report)
        }
        let concerns = PageConcerns(record: checked.record)
        let panel = DiagnosticPanel(report: checked.report, links: links)
        let skippedSessions = Dictionary(records.skippedSessions.map { ($0.id, $0.rules) }, uniquingKeysWith: { first, _ in first })
        let skippedMembers = Dictionary(records.skippedMembers.map { ($0.id, $0.rules) }, uniquingKeysWith: { first, _ in first })
        let style = records.templates.render([String: String](), with: "live-style")
        let digests = Dictionary(checked.record.files.map { ($0.path, $0.sha256) }, uniquingKeysWith: { first, _ in first })
        let recordKeys = OutputKeys(record: checked.record, report: checked.report, digests: digests,
                                    environment: BuildCache.environment(folder.root, today: options.today)).keys()
        // What each page shows besides its record: its panel (the
        // diagnostics that concern it and whether it is final).
        func shown(_ path: String) -> Shown {
            let scope = concerns.scope(of: path)
            var notFinal = ""
            switch scope {
            case .session(let session):
                if let rules = skippedSessions[session.id] { notFinal = Self.notFinal("packet", rules: rules) }
            case .member(let member):
                if let rules = skippedMembers[member.id] { notFinal = Self.notFinal("chart", rules: rules) }
            case .practice:
                break
            }
            return Shown(scope: scope, diagnostics: concerns.diagnostics(checked.report, for: scope), notFinal: notFinal)
        }
        var panels: [String: Shown] = [:]
        var keys: [String: String] = [:]
        for (path, recordKey) in recordKeys {
            let page = shown(path)
            panels[path] = page
            keys[path] = Self.key(recordKey, page, elsewhere: checked.report.diagnostics.count, digests: digests)
        }
        let kept = Set(keys.filter { served[$0.key]?.key == $0.value }.map(\.key))
        var pages: [String: [UInt8]] = [:]
        for (path, bytes) in records.htmlRecords(previewing: true, reusing: kept) {
            let page = panels[path] ?? shown(path)
            let view = panel.view(shown: page.diagnostics, scope: page.scope, notFinal: page.notFinal,
                                  dashboard: path == "index.html" ? "" : "../index.html")
            let html = PanelPlacement.place(in: String(decoding: bytes, as: UTF8.self), headEnd: style,
                                            bodyStart: records.templates.render(view, with: "live-panel"))
            pages[path] = Array(html.utf8)
        }
        rendered = pages.count
        for path in kept { if let page = served[path]?.page { pages[path] = page } }
        var nowServed: [String: (key: String, page: [UInt8])] = [:]
        for (path, key) in keys { if let page = pages[path] { nowServed[path] = (key, page) } }
        served = nowServed
        return LivePreview(pages: pages, summary: checked.report.summary)
    }

    /// Why `build` would not write this record.
    private static func notFinal(_ record: String, rules: [String]) -> String {
        let reason = rules.isEmpty ? (record == "chart" ? "the member has no profile.md" : "the session has no session.md")
            : "errors (\(rules.joined(separator: ", "))) stand in its files"
        return "Preview, not final: groupchart build does not write this \(record) while \(reason)."
    }

    /// A page that says why nothing could be rendered, with every diagnostic
    /// the check found, drawn with the built-in templates.
    private func failure(_ message: String, report: CheckReport) -> LivePreview {
        let panel = DiagnosticPanel(report: report, links: links)
        let view = panel.view(shown: report.diagnostics, scope: .practice, failure: message, dashboard: "")
        guard let templates = try? TemplateLibrary(practice: nil) else {
            let text = HTMLEscaping().escapeText(message)
            return LivePreview(pages: [:], failurePage: Array("<!DOCTYPE html><title>GroupChart</title><pre>\(text)</pre>".utf8),
                               summary: message)
        }
        let page = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>GroupChart: the records cannot be shown</title>
            \(templates.render([String: String](), with: "live-style"))</head>
            <body>
            \(templates.render(view, with: "live-panel"))</body>
            </html>

            """
        return LivePreview(pages: [:], failurePage: Array(page.utf8), summary: message)
    }
}
