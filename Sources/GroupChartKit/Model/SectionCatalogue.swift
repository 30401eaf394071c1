import Foundation

/// The sections format.md names for each kind of note, with their aliases.
///
/// Both the reading stage (to find Goals and Risk) and the section rules use
/// this one table, so an alias added here is understood everywhere.
public struct SectionName: Sendable, Hashable {
    public let canonical: String
    public let aliases: [String]
    /// The name and aliases lower-cased once, not at every heading compared.
    private let folded: [String]

    public init(canonical: String, aliases: [String]) {
        self.canonical = canonical
        self.aliases = aliases
        folded = ([canonical] + aliases).map { $0.lowercased() }
    }

    public func matches(_ heading: String) -> Bool {
        let heading = heading.lowercased()
        return folded.contains(heading)
    }
}

public enum SectionCatalogue {
    public static let rationale = SectionName(canonical: "Rationale", aliases: ["Rationale for group modality", "Clinical rationale"])
    public static let summary = SectionName(canonical: "Summary", aliases: ["Session summary", "Group session summary"])
    public static let interventions = SectionName(canonical: "Interventions", aliases: [
        "Therapeutic interventions", "Techniques", "Interventions and techniques"])
    public static let groupProcess = SectionName(canonical: "Group process", aliases: ["Group dynamics", "Process"])
    public static let participation = SectionName(canonical: "Participation", aliases: [
        "Individual participation", "Participation and response"])
    public static let goals = SectionName(canonical: "Goals", aliases: ["Progress toward goals", "Progress toward treatment plan goals"])
    public static let risk = SectionName(canonical: "Risk", aliases: ["Risk assessment"])
    public static let plan = SectionName(canonical: "Plan", aliases: [])
    public static let activities = SectionName(canonical: "Activities", aliases: [])
    public static let incidents = SectionName(canonical: "Incidents", aliases: [])
    public static let homework = SectionName(canonical: "Homework", aliases: [])
    public static let response = SectionName(canonical: "Response to interventions", aliases: [])
    public static let diaryCard = SectionName(canonical: "Diary card", aliases: ["Diary card review", "Homework review"])

    /// The sections a note of `kind` must have, in the order a note has them.
    public static func required(for kind: NoteKind) -> [SectionName] {
        switch kind {
        case .plan: return [rationale]
        case .sessionNote: return [summary, interventions, groupProcess]
        case .progressNote: return [participation, goals, risk, plan]
        case .individualNote: return [interventions, goals, risk, plan]
        }
    }

    /// Every section format.md names for `kind`, required or optional.
    public static func known(for kind: NoteKind) -> [SectionName] {
        switch kind {
        case .plan: return [rationale]
        case .sessionNote: return [summary, interventions, groupProcess, activities, incidents, homework]
        case .progressNote: return [participation, goals, risk, plan, response, diaryCard]
        case .individualNote: return [interventions, goals, risk, plan, response, diaryCard]
        }
    }

    /// True for a heading that opens an addendum (`Addendum 2026-03-13 torres`).
    public static func isAddendum(_ heading: String) -> Bool {
        heading.lowercased().hasPrefix("addendum")
    }

    /// The first heading of `body` that opens an addendum: the signed text ends above it.
    public static func addendumHeading(in body: MarkdownBody) -> MarkdownBlock? {
        body.blocks.first { block in
            if case .heading = block.kind { return isAddendum(block.text) }
            return false
        }
    }

    /// The first section of `body` that `name` matches.
    public static func find(_ name: SectionName, in body: MarkdownBody) -> Section? {
        body.sections.first { name.matches($0.name) }
    }

    /// Text that stands for nothing: a required section holding only this is empty.
    public static func isPlaceholder(_ text: String) -> Bool {
        // The longest placeholder is 14 characters; longer text with more
        // than a few characters that are not white space is never one.
        if text.utf8.count > 64 {
            // Stops at the 17th such character: a section is often kilobytes long.
            var visible = 0
            for byte in text.utf8 where byte > 0x20 {
                visible += 1
                if visible > 16 { return false }
            }
        }
        var folded = text.trimming(.whitespacesAndNewlines).lowercased()
        if folded.hasSuffix(".") { folded.removeLast() }
        return folded.isEmpty || ["todo", "tbd", "n/a", "-", "see group note", "same as above"].contains(folded)
    }
}
