import Foundation

/// Reads what a member's note states in its body: the Goals items with their
/// goal ids and statuses, and the level of the Risk section (format.md,
/// "Goals" and "Risk").
enum ClinicalContentReader {
    static func read(_ body: MarkdownBody) -> ClinicalContent {
        let goals = SectionCatalogue.find(SectionCatalogue.goals, in: body)?.listItems.map(goalItem) ?? []
        let risk = SectionCatalogue.find(SectionCatalogue.risk, in: body).map(riskStatement)
        return ClinicalContent(body: body, goalItems: goals, risk: risk)
    }

    static let empty = ClinicalContent(body: MarkdownBody(blocks: []), goalItems: [], risk: nil)

    /// `- G1: In progress. ...` or `- G1: Reduce urges ... Status: In progress.`
    static func goalItem(_ item: MarkdownListItem) -> GoalItem {
        let text = item.text.trimming(.whitespacesAndNewlines)
        guard let colon = text.firstIndex(of: ":") else {
            return GoalItem(goal: nil, status: nil, text: text, location: item.location)
        }
        let id = text[..<colon].trimming(.whitespaces)
        let goal = Identifier.isGoalID(id) ? Located(id, at: item.location) : nil
        let rest = text[text.index(after: colon)...].trimming(.whitespaces)
        let status = leadingStatus(rest) ?? statusAfterLabel(in: rest)
        return GoalItem(goal: goal, status: status, text: text, location: item.location)
    }

    /// Longest first, so that "No change" is never read as a shorter status.
    private static let statuses = GoalStatus.allCases.sorted { $0.rawValue.count > $1.rawValue.count }

    private static func leadingStatus(_ text: String) -> GoalStatus? {
        let folded = text.lowercased()
        return statuses.first { status in
            let name = status.rawValue.lowercased()
            guard folded.hasPrefix(name) else { return false }
            return folded.dropFirst(name.count).first.map { !$0.isLetter && !$0.isNumber } ?? true
        }
    }

    private static func statusAfterLabel(in text: String) -> GoalStatus? {
        guard let label = text.rangeIgnoringCase(of: "status:") else { return nil }
        return leadingStatus(text[label.upperBound...].trimming(.whitespaces))
    }

    /// The first word after `Risk level:`.
    static func riskStatement(_ section: Section) -> RiskStatement {
        let text = section.text
        var word: String?
        if let label = text.rangeIgnoringCase(of: "risk level:") {
            let after = text[label.upperBound...].drop { $0 == " " || $0 == "*" || $0 == "_" }
            let found = after.prefix { $0.isLetter }
            word = found.isEmpty ? nil : String(found)
        }
        return RiskStatement(level: word.flatMap { RiskLevel(rawValue: $0.lowercased()) }, statedWord: word,
                             location: section.heading.location, text: text)
    }
}
