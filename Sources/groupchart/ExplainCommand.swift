import ArgumentParser
import Foundation
import GroupChartKit

/// `groupchart explain [RULE]`: the rule catalogue, or one rule in full.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain a rule: what it checks, why payers care, an example and the fix; without RULE, list every rule."
    )

    @Argument(help: "A rule id, such as risk-level.")
    var rule: String?

    func run() throws {
        guard let id = rule else {
            Swift.print(RuleManual.list(), terminator: "")
            return
        }
        guard let rule = RuleRegistry.rule(id) else {
            let nearest = RuleRegistry.nearestID(to: id).map { ": did you mean \"\($0)\"?" } ?? ""
            throw fail("no rule \"\(id)\"\(nearest) (`groupchart explain` lists them all)")
        }
        Swift.print(RuleManual.page(rule), terminator: "")
    }
}
