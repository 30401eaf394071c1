/// Prints a report as the one JSON object of outputs.md, keys in its order.
public enum JSONPrinter {
    public static func render(_ report: CheckReport) -> String {
        JSONValue.object([
            ("diagnostics", .array(report.diagnostics.map(diagnostic))),
            ("errors", .number(report.errorCount)),
            ("warnings", .number(report.warningCount)),
            ("files", .number(report.fileCount)),
        ]).rendered(indent: true) + "\n"
    }

    /// Why the command could not run (exit status 2), as one JSON object,
    /// so that a tool reading standard output never meets an empty document.
    public static func renderFailure(_ message: String) -> String {
        JSONValue.object([("error", .string(message))]).rendered(indent: true) + "\n"
    }

    static func diagnostic(_ diagnostic: Diagnostic) -> JSONValue {
        .object([
            ("file", .string(diagnostic.location.file)),
            ("line", .number(diagnostic.location.line)),
            ("column", .number(diagnostic.location.column)),
            ("severity", .string(diagnostic.severity.rawValue)),
            ("rule", .string(diagnostic.rule)),
            ("message", .string(diagnostic.message)),
            ("help", .string(diagnostic.help)),
            ("related", .array(diagnostic.related.map { related in
                .object([
                    ("file", .string(related.location.file)),
                    ("line", .number(related.location.line)),
                    ("column", .number(related.location.column)),
                    ("message", .string(related.message)),
                ])
            })),
        ])
    }
}
