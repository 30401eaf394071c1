import Foundation

/// The measure behind `similar-notes` and `cloned-note` (rules.md): the
/// Jaccard index of two notes' sets of word 3-grams, on each member's own
/// text.
///
/// - Words are runs of letters and digits, lower-cased. Members' first and
///   last names, courtesy titles and personal pronouns become one token each,
///   so that a note copied with the name swapped scores as the copy it is.
/// - Headings are left out, and so are the sentences that also stand in the
///   session note or in more than half of the session's member notes (shared
///   group content is fine). A sentence counts as shared by most notes only
///   when at least three notes hold it: in a session of two or three members,
///   "more than half" would otherwise be exactly the two notes that were copied.
/// - Two notes with no own text left at all are identical apart from shared
///   content and score 1 (the Jaccard index of two empty sets); a note with
///   own text scores 0 against one without.
public struct NoteSimilarity: Sendable {
    /// Every member's first and last name, folded.
    private let names: Set<String>

    public init(record: PracticeRecord) {
        var names: Set<String> = []
        for member in record.members {
            for name in [member.profile?.firstName?.value, member.profile?.lastName?.value].compactMap({ $0 }) {
                for word in NoteSimilarity.words(in: name) { names.insert(word) }
            }
        }
        self.names = names
    }

    /// A note's sentences, each reduced to its normalised words.
    public func sentences(of body: MarkdownBody) -> [[String]] {
        body.blocks.flatMap { block -> [[String]] in
            if case .heading = block.kind { return [] }
            guard block.kind != .html else { return [] }
            return NoteSimilarity.sentenceTexts(block.text).map(normalised).filter { !$0.isEmpty }
        }
    }

    /// The sentences a session's notes may share: those of the session note,
    /// and those that more than half (and at least three) of its member notes hold.
    public func sharedSentences(sessionNote: MarkdownBody?, memberNotes: [[[String]]]) -> Set<[String]> {
        var shared = Set(sessionNote.map(sentences) ?? [])
        var counts: [[String]: Int] = [:]
        for note in memberNotes {
            for sentence in Set(note) { counts[sentence, default: 0] += 1 }
        }
        for (sentence, count) in counts where count >= 3 && count * 2 > memberNotes.count {
            shared.insert(sentence)
        }
        return shared
    }

    /// The word 3-grams of a note's own sentences.
    public func shingles(_ sentences: [[String]], excluding shared: Set<[String]>) -> Set<String> {
        var shingles: Set<String> = []
        for sentence in sentences where !shared.contains(sentence) {
            if sentence.count < 3 {
                shingles.insert(sentence.joined(separator: " "))
                continue
            }
            for start in 0...(sentence.count - 3) {
                shingles.insert(sentence[start..<(start + 3)].joined(separator: " "))
            }
        }
        return shingles
    }

    public static func jaccard(_ lhs: Set<String>, _ rhs: Set<String>) -> Double {
        if lhs.isEmpty && rhs.isEmpty { return 1 }
        let union = lhs.union(rhs).count
        return Double(lhs.intersection(rhs).count) / Double(union)
    }

    /// `0.93`, as the diagnostics print a score.
    public static func format(_ score: Double) -> String {
        String(format: "%.2f", (score * 100).rounded(.down) / 100)
    }

    private static let titles: Set<String> = ["mr", "ms", "mrs", "mx", "miss", "dr"]
    private static let pronouns: Set<String> = [
        "he", "she", "they", "him", "her", "them", "his", "hers", "their", "theirs", "himself", "herself", "themself", "themselves",
    ]

    private func normalised(_ sentence: String) -> [String] {
        NoteSimilarity.words(in: sentence).map { word in
            if names.contains(word) { return "#name" }
            if NoteSimilarity.titles.contains(word) { return "#title" }
            if NoteSimilarity.pronouns.contains(word) { return "#pronoun" }
            return word
        }
    }

    /// Runs of letters and digits, lower-cased, accents folded.
    static func words(in text: String) -> [String] {
        text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
            .split { !($0.isLetter || $0.isNumber) }.map { $0.lowercased() }
    }

    private static let abbreviations: Set<String> = ["mr.", "ms.", "mrs.", "mx.", "dr.", "st.", "vs.", "e.g.", "i.e.", "approx."]

    /// Sentences end at `.`, `!` or `?` followed by white space (not after
    /// "Mr." and its kin), and at line ends.
    static func sentenceTexts(_ text: String) -> [String] {
        var sentences: [String] = []
        var current = ""
        var previous: Character = " "
        for character in text {
            let endsSentence = character.isWhitespace && ".!?".contains(previous)
                && !abbreviations.contains(current.split(separator: " ").last.map { $0.lowercased() } ?? "")
            if character == "\n" || endsSentence {
                sentences.append(current)
                current = ""
            } else {
                current.append(character)
            }
            previous = character
        }
        sentences.append(current)
        return sentences.filter { !$0.allSatisfy(\.isWhitespace) }
    }
}
