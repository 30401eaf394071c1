import Foundation

/// The text of `groupchart explain`: the catalogue at a glance, or one rule
/// in full (what it checks, why payers care, an example, the fix).
public enum RuleManual {
    /// One line per rule: id, default severity, when it fires.
    public static func list(_ rules: [any Rule] = RuleRegistry.all) -> String {
        let width = rules.map(\.id.count).max() ?? 0
        return rules.map { rule in
            rule.id.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
                + rule.defaultSeverity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0) + "  " + rule.summary
        }.joined(separator: "\n") + "\n\nRun `groupchart explain RULE` for one rule in full.\n"
    }

    public static func page(_ rule: any Rule) -> String {
        let parameters = rule.parameters.isEmpty ? "" : "\nParameters (practice.yaml rules:):\n"
            + rule.parameters.map { "  \($0.name): default \(format($0.defaultValue))" }.joined(separator: "\n") + "\n"
        return """
            \(rule.id) (default severity: \(rule.defaultSeverity.rawValue))
              \(rule.summary)

            What it checks:
            \(indent(rule.explanation.checks))

            Why payers care:
            \(indent(rule.explanation.why))

            Example that fires:
            \(indent(rule.explanation.example, by: 4))

            Fix:
            \(indent(rule.explanation.fix))
            \(parameters)
            Set it in practice.yaml: rules: {\(rule.id): off | warning | error}

            """
    }

    private static func indent(_ text: String, by width: Int = 2) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { String(repeating: " ", count: width) + $0 }.joined(separator: "\n")
    }

    private static func format(_ number: Double) -> String {
        number == number.rounded() ? String(Int(number)) : String(number)
    }
}
