/// Collects what the reading stage finds wrong, in the order found.
final class FindingLog {
    private(set) var findings: [ReadFinding] = []

    func append(_ more: [ReadFinding]) {
        findings += more
    }

    /// Gives the finding at `index` (of `findings`) another help, once more
    /// is known than when it was found (`FieldReader.finish`).
    func replaceHelp(at index: Int, with help: String) {
        guard findings.indices.contains(index) else { return }
        findings[index].help = help
    }

    func add(_ rule: String, at location: SourceLocation, _ message: String, help: String, scope: ClaimScope? = nil) {
        findings.append(ReadFinding(rule: rule, location: location, message: message, help: help, scope: scope))
    }

    func missing(at location: SourceLocation, _ message: String, help: String, scope: ClaimScope? = nil) {
        add("missing-field", at: location, message, help: help, scope: scope)
    }

    func invalid(at location: SourceLocation, _ message: String, help: String) {
        add("invalid-value", at: location, message, help: help)
    }
}
