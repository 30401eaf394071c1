import Foundation

/// `high-risk-safety-plan`: high risk with no safety plan mentioned.
struct HighRiskSafetyPlanRule: Rule {
    let id = "high-risk-safety-plan"
    let isSessionLocal = true
    let defaultSeverity = Severity.warning
    let summary = "risk is high and neither Risk nor Plan mentions a safety plan"
    let explanation = Explanation(
        checks: """
            For a note whose risk level is high: that its Risk or Plan section mentions a safety plan (the two words \
            in any case, with any space, tab, line break or hyphen between them), other than as one not made: "no \
            safety plan", "without a safety plan", "declined (or refused) to complete a safety plan", "safety plan \
            not reviewed", "safety plan: none" do not count; "no safety plan changes needed" does (the plan stands).
            """,
        why: """
            High risk documented without a safety plan reads as risk noticed and not acted on, the finding \
            reviewers look for first.
            """,
        example: """
            ## Risk
            Passive ideation daily this week. Risk level: high.
            """,
        fix: "Document the safety plan reviewed or updated, in Risk or Plan.")

    func check(_ context: RuleContext) -> [Finding] {
        // Each note read where it lies (`UnknownGoalRule`).
        let notes = context.memberNotes
        return notes.indices.compactMap { index in
            guard notes[index].content.risk?.level == .high, let risk = notes[index].content.risk else { return nil }
            let plan = SectionCatalogue.find(SectionCatalogue.plan, in: notes[index].content.body)?.text ?? ""
            guard !Self.mentionsSafetyPlan(risk.text + ".\n" + plan) else { return nil }
            return Finding(risk.location, "risk is high and neither Risk nor Plan mentions a safety plan",
                           help: "document the safety plan reviewed or updated with the member")
        }
    }

    /// Words that, a few before "safety plan", say it was not made.
    static let negations: Set<String> = ["no", "not", "without", "declined", "refused", "never", "didn", "unable", "lacks", "none"]

    /// Whether `text` mentions a safety plan made: the words "safety plan"
    /// in a row (written "safety  plan", "safety-plan" or across a line
    /// break as well), none of the four words before them a negation, nor
    /// "not" right after them ("safety plan not reviewed", "safety plan was
    /// not completed"; "safety plan, not changed" is one made). An
    /// auditor's review found "No safety plan was completed." taken as a
    /// plan, and "safety-plan" as none.
    static func mentionsSafetyPlan(_ text: String) -> Bool {
        guard text.range(of: "safety", options: .caseInsensitive) != nil else { return false }
        // Lower case, every run of white space and hyphens one space.
        var folded = ""
        for character in text.lowercased() {
            let joins = character.isWhitespace || character == "-" || character == "\u{2010}" || character == "\u{2011}"
            if joins { if !folded.hasSuffix(" ") { folded.append(" ") } } else { folded.append(character) }
        }
        var searchFrom = folded.startIndex
        while let found = folded.range(of: "safety plan", range: searchFrom..<folded.endIndex) {
            searchFrom = found.upperBound
            // The words before it in its own clause: "Passive SI, no intent. Safety plan reviewed." is one made (a code review).
            let prefix = folded[..<found.lowerBound]
            let clause = prefix.lastIndex(where: { ".;:!?,".contains($0) }).map { prefix[prefix.index(after: $0)...] } ?? prefix
            let before = NoValue.words(of: String(clause)).suffix(4)
            let after = folded[found.upperBound...]
            let notAfter = ["", " was", " is", " were", " has", " had"].contains { verb in
                after.hasPrefix(verb + " not") && !(after.dropFirst(verb.count + 4).first?.isLetter ?? false)
            }
            // "Safety plan: none on file" is none; "no safety plan changes needed" is a plan kept as it was
            // (an audit-precision review found the one taken for a plan, the other for none).
            let stated = after.drop { $0 == " " || $0 == ":" }
            let noneAfter = ["none", "n/a", "not on file"].contains { stated.hasPrefix($0) && !(stated.dropFirst($0.count).first?.isLetter ?? false) }
            let ofAChange = ["change", "changes", "update", "updates", "revision", "revisions"].contains { word in
                after.hasPrefix(" " + word) && !(after.dropFirst(word.count + 1).first?.isLetter ?? false)
            }
            // Only a bare "no" before it: "unable to complete safety plan update" is none (a code review).
            let negated = ofAChange && before.last == "no" ? before.dropLast().contains(where: negations.contains)
                : before.contains(where: negations.contains)
            if !negated && !notAfter && !noneAfter { return true }
        }
        return false
    }
}
