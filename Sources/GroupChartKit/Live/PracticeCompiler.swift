import Foundation

/// Keeps a practice compiled in memory for `serve`, and compiles it again
/// when files are saved.
///
/// It shares the incremental machinery of `watch`: a `DocumentMemo` keeps
/// each document as last compiled, so that a save reads and parses only the
/// files it changed; the rules run over the whole record again, and the
/// pages are rendered in memory, as `build` renders them, minus the claims
/// files and without writing anything: nothing that `serve` shows ever
/// touches the build folder.
public struct PracticeCompiler: Sendable {
    public let folder: PracticeFolder
    public let options: Checker.Options
    private let links: EditorLinks
    /// The documents as last compiled, kept between rebuilds.
    private let memo = DocumentMemo()

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
        var pages: [String: [UInt8]] = [:]
        for (path, bytes) in records.htmlRecords(previewing: true) {
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
            let view = panel.view(shown: concerns.diagnostics(checked.report, for: scope), scope: scope, notFinal: notFinal,
                                  dashboard: path == "index.html" ? "" : "../index.html")
            let html = PanelPlacement.place(in: String(decoding: bytes, as: UTF8.self), headEnd: style,
                                            bodyStart: records.templates.render(view, with: "live-panel"))
            pages[path] = Array(html.utf8)
        }
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
            let text = message.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
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
