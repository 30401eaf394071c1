/// docs/rules.md, the rule reference, generated from what `groupchart
/// explain` prints (each rule's summary, explanation and parameters), so
/// that the documentation can never say other than the program. A test
/// compares the file with this text; `GROUPCHART_RECORD=1 swift test`
/// writes it again.
public enum RuleReference {
    public static func markdown(_ sections: [(title: String, rules: [any Rule])] = RuleRegistry.sections) -> String {
        var text = """
            # Rules

            <!-- Generated from the rule registry, as `groupchart explain` prints it (RuleReference); do not edit: \
            GROUPCHART_RECORD=1 swift test writes it again. -->

            Every diagnostic names one rule. `groupchart explain RULE` says what it
            checks, why payers care, an example that fires and the fix; this page says
            the same for every rule. The billing compliance rules are why GroupChart
            exists: each stops a claim an auditor would recoup. An error holds every
            claim whose chain it touches. Turn a rule off, or change its severity or
            parameters, under `rules:` in practice.yaml.

            Each rule lives in `Sources/GroupChartKit/Rules/<section>/<Name>Rule.swift`,
            and its fixtures in `Tests/GroupChartKitTests/Fixtures/rules/<rule-id>/`.

            ## The catalogue


            """
        text += sections.map(table).joined(separator: "\n")
        for section in sections {
            text += "\n## \(section.title)\n"
            for rule in section.rules { text += "\n" + entry(rule) }
        }
        return text
    }

    private static func table(_ section: (title: String, rules: [any Rule])) -> String {
        "### \(section.title)\n\n| id | default | fires when |\n|---|---|---|\n"
            + section.rules.map { "| [`\($0.id)`](#\($0.id)) | \($0.defaultSeverity.rawValue) | \(cell($0.summary)) |" }
                .joined(separator: "\n") + "\n"
    }

    private static func entry(_ rule: any Rule) -> String {
        var text = """
            ### \(rule.id)

            Default severity: **\(rule.defaultSeverity.rawValue)**. Fires when \(rule.summary).

            **What it checks.** \(rule.explanation.checks)

            **Why payers care.** \(rule.explanation.why)

            **Example that fires:**

            ```
            \(rule.explanation.example)
            ```

            **Fix.** \(rule.explanation.fix)

            """
        if !rule.parameters.isEmpty {
            text += "\n**Parameters** (practice.yaml `rules: {\(rule.id): {...}}`): "
                + rule.parameters.map { "`\($0.name)` (default \(number($0.defaultValue)))" }.joined(separator: ", ") + ".\n"
        }
        return text
    }

    private static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|")
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
