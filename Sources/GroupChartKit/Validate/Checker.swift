/// The validate stage: runs every rule of the registry over the model and
/// gives each finding its configured severity.
public enum Checker {
    public struct Options: Sendable {
        /// The date the date rules measure against.
        public var today: LocalDate
        /// Warnings count as errors.
        public var strict: Bool

        public init(today: LocalDate, strict: Bool = false) {
            self.today = today
            self.strict = strict
        }
    }

    public static func check(_ record: PracticeRecord, options: Options, rules: [any Rule] = RuleRegistry.all) -> CheckReport {
        let settings = RuleSettings(record.practice?.ruleSettings ?? [], rules: rules)
        let readFindings = record.readFindings + settings.findings
        let analysis = Analysis(record: record)
        var diagnostics: [Diagnostic] = []
        for rule in rules {
            let configured = settings.severities[rule.id]
            if case .some(.none) = configured { continue }
            let context = RuleContext(record: record, today: options.today, analysis: analysis, readFindings: readFindings,
                                      parameterValues: settings.parameters[rule.id] ?? [:])
            for finding in rule.check(context) {
                var severity = configured.flatMap { $0 } ?? finding.severity ?? rule.defaultSeverity
                if options.strict, severity == .warning { severity = .error }
                diagnostics.append(Diagnostic(rule: rule.id, severity: severity, location: finding.location,
                                              message: finding.message, help: finding.help, related: finding.related))
            }
        }
        let sources = Dictionary(record.files.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        return CheckReport(diagnostics: diagnostics, fileCount: record.files.count, sources: sources)
    }
}
