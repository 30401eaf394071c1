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
        let text = VisibleText.plain(item.text).trimming(.whitespacesAndNewlines)
        guard let colon = text.firstIndex(of: ":"), Identifier.isGoalID(text[..<colon].trimming(.whitespaces)) else {
            return withoutColon(text, at: item.location)
        }
        let id = text[..<colon].trimming(.whitespaces)
        let rest = text[text.index(after: colon)...].trimming(.whitespaces)
        let status = leadingStatus(rest) ?? statusAfterLabel(in: rest)
        return GoalItem(goal: Located(id, at: item.location), status: status, text: text, location: item.location)
    }

    /// An item whose id is not followed by its colon, as a word processor
    /// writes it ("G1 – In progress: ...", "G2 In progress."): read as the
    /// goal and status it names when it starts with a short id holding a
    /// digit and a separator, so that one slip is one diagnostic
    /// (`unknown-goal` says the colon is missing) where it was three, two of
    /// them false (a clinician's review). Anything else names no goal.
    private static func withoutColon(_ text: String, at location: SourceLocation) -> GoalItem {
        let token = text.prefix { $0.isLetter || $0.isNumber || $0 == "-" }
        let after = text.dropFirst(token.count).first
        guard token.count <= 6, token.contains(where: \.isNumber), Identifier.isGoalID(String(token)),
              let separator = after, separator == " " || "–—-.)".contains(separator) else {
            return GoalItem(goal: nil, status: nil, text: text, location: location)
        }
        let rest = text.dropFirst(token.count).drop { $0 == " " || "–—-.)".contains($0) }
        let said = String(rest)
        var item = GoalItem(goal: Located(String(token), at: location), status: leadingStatus(said) ?? statusAfterLabel(in: said),
                            text: text, location: location)
        item.colonMissing = true
        return item
    }

    /// Longest first, so that "No change" is never read as a shorter status.
    private static let statuses = GoalStatus.allCases.sorted { $0.rawValue.count > $1.rawValue.count }

    private static func leadingStatus(_ text: String) -> GoalStatus? {
        if let found = asciiLeadingStatus(text) { return found }
        let folded = text.lowercased()
        return statuses.first { status in
            let name = status.rawValue.lowercased()
            guard folded.hasPrefix(name) else { return false }
            return folded.dropFirst(name.count).first.map { !$0.isLetter && !$0.isNumber } ?? true
        }
    }

    /// The statuses' names in lower case, as bytes, longest first.
    private static let lowercasedStatuses = statuses.map { (status: $0, name: Array($0.rawValue.lowercased().utf8)) }

    /// `leadingStatus` read from the bytes when they tell it alone: the
    /// bytes that could hold a name and the character after it plain ASCII,
    /// so that no mark joins that character with the next. `nil` when they
    /// do not tell (the general way above decides); `.some(nil)` for no
    /// status. Lowering the whole goal text and each status's name, for
    /// every goal item of 20,000 notes, was 0.9 % of a cold check (`perf`).
    private static func asciiLeadingStatus(_ text: String) -> GoalStatus?? {
        var text = text
        return text.withUTF8 { bytes -> GoalStatus?? in
            let longest = (lowercasedStatuses.first?.name.count ?? 0) + 2
            guard bytes.prefix(longest).allSatisfy({ $0 < 0x80 }) else { return nil }
            for (status, name) in lowercasedStatuses where bytes.count >= name.count {
                guard zip(bytes, name).allSatisfy({ ($0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0) == $1 }) else { continue }
                guard bytes.count > name.count else { return .some(status) }
                let next = bytes[name.count]
                let isWordByte = (next >= 0x41 && next <= 0x5A) || (next >= 0x61 && next <= 0x7A) || (next >= 0x30 && next <= 0x39)
                if !isWordByte { return .some(status) }
            }
            return .some(nil)
        }
    }

    private static func statusAfterLabel(in text: String) -> GoalStatus? {
        guard let label = text.rangeIgnoringCase(of: "status:") else { return nil }
        return leadingStatus(text[label.upperBound...].trimming(.whitespaces))
    }

    /// The first word after `Risk level:` (format.md), of the first label
    /// that starts a sentence, a line or a list item, else of the first:
    /// a note that compares with the last session ("Previous session risk
    /// level: low. ... Risk level: high.") was read by its earlier level, a
    /// high risk taken for low and its safety plan left unasked (an
    /// audit-precision review).
    static func riskStatement(_ section: Section) -> RiskStatement {
        let text = VisibleText.plain(section.text)
        var word: String?
        if let label = statedLabel(in: text) {
            let after = text[label.upperBound...].drop { $0 == " " || $0 == "*" || $0 == "_" }
            let found = after.prefix { $0.isLetter }
            word = found.isEmpty ? nil : String(found)
        }
        return RiskStatement(level: word.flatMap { RiskLevel(rawValue: $0.lowercased()) }, statedWord: word,
                             location: section.heading.location, text: text)
    }

    /// The `Risk level:` label that states the note's level: the first that
    /// starts the text, a line, a list item or a sentence, else the first.
    static func statedLabel(in text: String) -> Range<String.Index>? {
        var first: Range<String.Index>?
        var rest = text[...]
        while let label = rest.rangeIgnoringCase(of: "risk level:") {
            if first == nil { first = label }
            let before = text[..<label.lowerBound].reversed().drop { $0 == " " || $0 == "\t" || $0 == "*" || $0 == "_" }.first
            if before.map({ ".!?;:\n-–—•>".contains($0) }) ?? true { return label }
            rest = text[label.upperBound...]
        }
        return first
    }
}
