import Foundation

/// Prints a report as SARIF 2.1.0 for code-scanning tools (GitHub, GitLab,
/// VS Code's SARIF viewer). Paths are relative to the practice folder
/// (`uriBaseId` PRACTICE, which `originalUriBaseIds` resolves to the
/// practice folder); columns count Unicode code points.
public enum SARIFPrinter {
    /// - Parameter practice: the practice folder, which PRACTICE stands for.
    public static func render(_ report: CheckReport, practice: URL? = nil, rules: [any Rule] = RuleRegistry.all) -> String {
        let ruleIndex = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.id, $0) })
        var run: [(String, JSONValue)] = [("tool", tool(rules))]
        if let practice {
            let uri = URL(fileURLWithPath: practice.path, isDirectory: true).absoluteString
            run.append(("originalUriBaseIds", .object([("PRACTICE", .object([("uri", .string(uri))]))])))
        }
        run += [
            ("columnKind", .string("unicodeCodePoints")),
            ("results", .array(report.diagnostics.map { result($0, index: ruleIndex[$0.rule]) })),
        ]
        return log(run)
    }

    /// Why the command could not run (exit status 2): a run without results
    /// whose invocation failed with a tool execution notification, so that a
    /// code-scanning tool shows the reason instead of failing on an empty file.
    public static func renderFailure(_ message: String) -> String {
        log([
            ("tool", tool([])),
            ("invocations", .array([.object([
                ("executionSuccessful", .bool(false)),
                ("toolExecutionNotifications", .array([.object([
                    ("level", .string("error")),
                    ("message", .object([("text", .string(message))])),
                ])])),
            ])])),
            ("results", .array([])),
        ])
    }

    private static func log(_ run: [(String, JSONValue)]) -> String {
        JSONValue.object([
            ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
            ("version", .string("2.1.0")),
            ("runs", .array([.object(run)])),
        ]).rendered(indent: true) + "\n"
    }

    private static func tool(_ rules: [any Rule]) -> JSONValue {
        .object([("driver", .object([
            ("name", .string("GroupChart")),
            ("version", .string(GroupChart.version)),
            ("informationUri", .string(GroupChart.informationURI)),
            ("rules", .array(rules.map(descriptor))),
        ]))])
    }

    private static func descriptor(_ rule: any Rule) -> JSONValue {
        .object([
            ("id", .string(rule.id)),
            ("shortDescription", .object([("text", .string(rule.summary))])),
            ("fullDescription", .object([("text", .string(rule.explanation.checks))])),
            ("help", .object([("text", .string(rule.explanation.fix))])),
            ("defaultConfiguration", .object([("level", .string(rule.defaultSeverity.rawValue))])),
        ])
    }

    private static func result(_ diagnostic: Diagnostic, index: Int?) -> JSONValue {
        var members: [(String, JSONValue)] = [("ruleId", .string(diagnostic.rule))]
        if let index { members.append(("ruleIndex", .number(index))) }
        let text = diagnostic.help.isEmpty ? diagnostic.message : "\(diagnostic.message) (help: \(diagnostic.help))"
        members += [
            ("level", .string(diagnostic.severity.rawValue)),
            ("message", .object([("text", .string(text))])),
            ("locations", .array([.object([("physicalLocation", physical(diagnostic.location))])])),
        ]
        if !diagnostic.related.isEmpty {
            members.append(("relatedLocations", .array(diagnostic.related.enumerated().map { offset, related in
                .object([
                    ("id", .number(offset)),
                    ("physicalLocation", physical(related.location)),
                    ("message", .object([("text", .string(related.message))])),
                ])
            })))
        }
        return .object(members)
    }

    private static func physical(_ location: SourceLocation) -> JSONValue {
        let uri = location.file.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? location.file
        return .object([
            ("artifactLocation", .object([("uri", .string(uri)), ("uriBaseId", .string("PRACTICE"))])),
            ("region", .object([("startLine", .number(location.line)), ("startColumn", .number(location.column))])),
        ])
    }
}
