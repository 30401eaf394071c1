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

    /// Whether `heading`, lower-cased, is the name or an alias. An ASCII
    /// heading is compared byte by byte, folding A to Z, without making its
    /// lower-cased copy: three rules compare every heading of 22,000 notes
    /// with every section name, and those copies were most of their time.
    /// Any other heading is read as it shows (`VisibleText`: a no-break
    /// space as a space, a zero-width character as nothing) and lower-cased
    /// as before (a Kelvin sign lower-cases to an ASCII "k").
    public func matches(_ heading: String) -> Bool {
        let compared = heading.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            return folded.contains { name in Self.equalFoldingASCII(bytes, name) }
        }
        if let compared = compared.flatMap({ $0 }) { return compared }
        return folded.contains(VisibleText.plain(heading).trimming(.whitespaces).lowercased())
    }

    /// Whether the ASCII `bytes`, A to Z folded to a to z, are `name`'s.
    private static func equalFoldingASCII(_ bytes: UnsafeBufferPointer<UInt8>, _ name: String) -> Bool {
        guard name.utf8.count == bytes.count else { return false }
        for (byte, expected) in zip(bytes, name.utf8) {
            let folded = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
            if folded != expected { return false }
        }
        return true
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
    /// Compared byte by byte, without case: it is asked of every heading of
    /// every note (`NoteSimilarity`), where lowercasing each made a string.
    public static func isAddendum(_ heading: String) -> Bool {
        var bytes = heading.utf8.makeIterator()
        for expected in "addendum".utf8 {
            guard let byte = bytes.next(), byte | 0x20 == expected else { return false }
        }
        return true
    }

    /// The first heading of `body` that opens an addendum: the signed text ends above it.
    /// Each block is read where it lies (`first(where:)` copied each one,
    /// text, runs, list items and place, for every block of every note).
    public static func addendumHeading(in body: MarkdownBody) -> MarkdownBlock? {
        let found = body.blocks.indices.first { index in
            if case .heading = body.blocks[index].kind { return isAddendum(body.blocks[index].text) }
            return false
        }
        return found.map { body.blocks[$0] }
    }

    /// The first section of `body` that `name` matches.
    public static func find(_ name: SectionName, in body: MarkdownBody) -> Section? {
        body.sections.first { name.matches($0.name) }
    }

    /// `isPlaceholder(section.text)`, without joining the section's text
    /// when more of its characters are visible than in any placeholder (a
    /// required section is often kilobytes long, and joining every one of
    /// 22,000 notes was most of `empty-section`'s time).
    public static func isPlaceholder(_ section: Section) -> Bool {
        !section.hasMoreVisibleBytes(than: 32) && isPlaceholder(section.text)
    }

    /// What stands for nothing: a pointer to another note, or a word that
    /// says the member was there and nothing of what they did. Auditors
    /// cite each as a note that documents nothing of the member's own.
    static let placeholders: Set<String> = [
        "todo", "tbd", "n/a", "-", "see group note", "same as above",
        "see above", "as above", "see group note for details", "refer to group note", "see session note",
        "refer to session note", "see group summary", "same as group note", "per group note", "see note",
        "attended", "present", "participated", "attended group", "attended session", "participated in group",
        // An audit-precision review: each passed as a note.
        "attended and participated", "participated actively", "actively participated", "same as last week",
        "same as last session", "same as previous", "refer to group note for content", "see group note for content",
        "ver nota grupal", "igual que arriba",
    ]

    /// Words before a placeholder that name only who: "Pt participated."
    static let placeholderSubjects = ["pt ", "client ", "patient ", "member ", "the member ", "the client "]

    /// Text that stands for nothing: a required section holding only this is empty.
    public static func isPlaceholder(_ text: String) -> Bool {
        // The longest placeholder is 26 characters; longer text with more
        // than a few characters that are not white space is never one.
        if text.utf8.count > 64 {
            // Stops at the 33rd such character: a section is often kilobytes long.
            var visible = 0
            for byte in text.utf8 where byte > 0x20 {
                visible += 1
                if visible > 32 { return false }
            }
        }
        var folded = text.trimming(.whitespacesAndNewlines).lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        if folded.hasSuffix(".") { folded.removeLast() }
        if let subject = placeholderSubjects.first(where: folded.hasPrefix) { folded.removeFirst(subject.count) }
        return folded.isEmpty || placeholders.contains(folded)
    }
}
