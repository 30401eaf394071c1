/// practice.yaml `rules:` interpreted against the registry: each rule's
/// severity (or `off`) and parameters. Ids and values that do not fit are
/// reported as `unknown-key` and `invalid-value` findings.
struct RuleSettings {
    /// `nil` for a rule that is off.
    private(set) var severities: [String: Severity?] = [:]
    private(set) var parameters: [String: [String: Double]] = [:]
    private(set) var findings: [ReadFinding] = []

    init(_ settings: [RuleSetting], rules: [any Rule]) {
        let ids = rules.map(\.id)
        for setting in settings {
            guard let rule = rules.first(where: { $0.id == setting.rule.value }) else {
                findings.append(ReadFinding(
                    rule: "unknown-key", location: setting.rule.location, message: "unknown rule \"\(setting.rule.value)\"",
                    help: NearestName.help(for: setting.rule.value, in: ids, noun: "rule")))
                continue
            }
            switch setting.value {
            case .word(let word):
                setSeverity(rule, word)
            case .parameters(let values):
                for (name, value) in values {
                    if name.value == "severity" { setSeverity(rule, value); continue }
                    setParameter(rule, name, value)
                }
            }
        }
    }

    private mutating func setSeverity(_ rule: any Rule, _ word: Located<String>) {
        switch word.value {
        case "off": severities[rule.id] = .some(nil)
        case "error", "warning", "note": severities[rule.id] = Severity(rawValue: word.value)
        default:
            findings.append(ReadFinding(
                rule: "invalid-value", location: word.location, message: "\"\(word.value)\" is not a rule severity",
                help: "write off, warning or error (or note)"))
        }
    }

    private mutating func setParameter(_ rule: any Rule, _ name: Located<String>, _ value: Located<String>) {
        guard let parameter = rule.parameters.first(where: { $0.name == name.value }) else {
            let names = rule.parameters.map(\.name) + ["severity"]
            findings.append(ReadFinding(
                rule: "unknown-key", location: name.location, message: "rule \"\(rule.id)\" has no parameter \"\(name.value)\"",
                help: NearestName.help(for: name.value, in: names, noun: "parameter")))
            return
        }
        guard let number = Double(value.value), parameter.range.contains(number) else {
            findings.append(ReadFinding(
                rule: "invalid-value", location: value.location,
                message: "\"\(value.value)\" is not a value of \(rule.id) \(name.value)",
                help: "write a number from \(format(parameter.range.lowerBound)) to \(format(parameter.range.upperBound))"))
            return
        }
        parameters[rule.id, default: [:]][name.value] = number
    }

    private func format(_ number: Double) -> String {
        number == number.rounded() ? String(Int(number)) : String(number)
    }
}
