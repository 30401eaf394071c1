/// The panel `serve` puts at the top of each page: the diagnostics that
/// concern the page, each with its place, source line and caret, help,
/// links that open the file at the place, and the rule's explanation in a
/// `<details>` element, so that it opens on a click without a script.
///
/// Only served pages carry it; the records `build` writes never do.
struct DiagnosticPanel {
    struct View {
        /// `error`, `warning` or `clean`: the colour of the bar.
        var state: String
        /// `1 error, 2 warnings`, or `No problems`.
        var counts: String
        /// Where they were looked for: `in this session's folder and its group's file`.
        var scope: String
        /// Why this record is a preview and not the record `build` writes.
        var notFinal: String?
        /// Why no record could be rendered at all.
        var failure: String?
        var diagnostics: [DiagnosticView]
        var hasDiagnostics: Bool
        /// How many diagnostics other pages show, and where to see them all.
        var elsewhere: String?
        var dashboard: String?
    }

    struct DiagnosticView {
        var severity: String
        var place: String
        var message: String
        var rule: String
        /// The source line with a caret under the column, as `check` prints it.
        var snippet: String?
        var help: String?
        var related: [RelatedView]
        var editorLink: String
        var fileLink: String
        /// `groupchart explain RULE`.
        var explanation: String?
    }

    struct RelatedView {
        var place: String
        var message: String
        var editorLink: String
    }

    let report: CheckReport
    let links: EditorLinks

    /// The panel of one page: `shown` are the diagnostics that concern it.
    func view(shown: [Diagnostic], scope: PageConcerns.Scope, notFinal: String = "", failure: String = "",
              dashboard: String) -> View {
        let errors = shown.filter { $0.severity == .error }.count
        let warnings = shown.filter { $0.severity == .warning }.count
        let notes = shown.count - errors - warnings
        var counts = "\(counted(errors, "error")), \(counted(warnings, "warning"))"
        if notes > 0 { counts += ", \(counted(notes, "note"))" }
        let others = report.diagnostics.count - shown.count
        return View(state: errors > 0 || !failure.isEmpty ? "error" : warnings > 0 ? "warning" : "clean",
                    counts: shown.isEmpty && failure.isEmpty ? "No problems" : counts, scope: Self.describe(scope),
                    notFinal: Self.present(notFinal), failure: Self.present(failure), diagnostics: shown.map(view),
                    hasDiagnostics: !shown.isEmpty,
                    elsewhere: others > 0 ? "\(counted(others, "more diagnostic")) elsewhere in the practice: all are on the" : nil,
                    dashboard: Self.present(dashboard))
    }

    private func view(_ diagnostic: Diagnostic) -> DiagnosticView {
        let location = diagnostic.location
        let snippet = report.line(at: location)
            .map { TextPrinter().snippet(line: $0, number: location.line, column: location.column) }
        return DiagnosticView(
            severity: diagnostic.severity.rawValue, place: location.description, message: diagnostic.message, rule: diagnostic.rule,
            snippet: snippet, help: Self.present(diagnostic.help),
            related: diagnostic.related.map { RelatedView(place: $0.location.description, message: $0.message,
                                                          editorLink: links.editor($0.location)) },
            editorLink: links.editor(location), fileLink: links.file(location.file),
            explanation: RuleRegistry.rule(diagnostic.rule).map(RuleManual.page))
    }

    static func describe(_ scope: PageConcerns.Scope) -> String {
        switch scope {
        case .practice: return "in the practice"
        case .session: return "in this session's folder and its group's file"
        case .member: return "in this member's folder, progress notes and attendance rows"
        }
    }

    /// Mustache renders a section for any string, the empty one too.
    private static func present(_ text: String) -> String? {
        text.isEmpty ? nil : text
    }

    private func counted(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}
