import Foundation

/// The measure behind `similar-notes` and `cloned-note` (rules.md): the
/// Jaccard index of two notes' sets of word 3-grams, on each member's own
/// text.
///
/// - Words are runs of letters and digits, lower-cased, accents folded.
///   Members' first and last names, courtesy titles and personal pronouns
///   become one token each, so that a note copied with the name swapped
///   scores as the copy it is.
/// - Headings are left out, and so are the sentences that also stand in the
///   session note or in more than half of the session's member notes (shared
///   group content is fine). A sentence counts as shared by most notes only
///   when at least three notes hold it: in a session of two or three members,
///   "more than half" would otherwise be exactly the two notes that were copied.
/// - Two notes with no own text left at all are identical apart from shared
///   content and score 1 (the Jaccard index of two empty sets); a note with
///   own text scores 0 against one without.
///
/// Words, sentences and 3-grams are kept as 64-bit FNV-1a hashes: the same
/// text gives the same numbers on every run and machine, and comparing
/// numbers is what makes 20,000 notes cheap.
public struct NoteSimilarity: Sendable {
    /// A sentence as the hashes of its normalised words.
    public typealias Sentence = [UInt64]

    /// Every member's first and last name, folded and lower-cased.
    private let names: Set<String>

    public init(record: PracticeRecord) {
        var names: Set<String> = []
        for member in record.members {
            for name in [member.profile?.firstName?.value, member.profile?.lastName?.value].compactMap({ $0 }) {
                for sentence in Self.sentenceWords(name) { names.formUnion(sentence) }
            }
        }
        self.names = names
    }

    /// A note's sentences (headings and raw HTML left out).
    public func sentences(of body: MarkdownBody) -> [Sentence] {
        body.blocks.flatMap { block -> [Sentence] in
            if case .heading = block.kind { return [] }
            guard block.kind != .html else { return [] }
            return Self.sentenceWords(block.text).map { $0.map { Self.hash(normalised($0)) } }
        }
    }

    /// The sentences a session's notes may share: those of the session note,
    /// and those that more than half (and at least three) of its member notes hold.
    public func sharedSentences(sessionNote: MarkdownBody?, memberNotes: [[Sentence]]) -> Set<UInt64> {
        var shared = Set((sessionNote.map(sentences) ?? []).map(Self.hash))
        var counts: [UInt64: Int] = [:]
        for note in memberNotes {
            for sentence in Set(note.map(Self.hash)) { counts[sentence, default: 0] += 1 }
        }
        for (sentence, count) in counts where count >= 3 && count * 2 > memberNotes.count {
            shared.insert(sentence)
        }
        return shared
    }

    /// The word 3-grams of a note's own sentences (a shorter sentence counts whole).
    public func shingles(_ sentences: [Sentence], excluding shared: Set<UInt64>) -> Set<UInt64> {
        var shingles: Set<UInt64> = []
        for sentence in sentences where !shared.contains(Self.hash(sentence)) {
            if sentence.count < 3 {
                shingles.insert(Self.hash(sentence))
                continue
            }
            for start in 0...(sentence.count - 3) {
                shingles.insert(Self.hash(sentence[start..<(start + 3)]))
            }
        }
        return shingles
    }

    public static func jaccard(_ lhs: Set<UInt64>, _ rhs: Set<UInt64>) -> Double {
        if lhs.isEmpty && rhs.isEmpty { return 1 }
        let (small, large) = lhs.count <= rhs.count ? (lhs, rhs) : (rhs, lhs)
        let common = small.reduce(0) { $0 + (large.contains($1) ? 1 : 0) }
        return Double(common) / Double(lhs.count + rhs.count - common)
    }

    /// `0.93`, as the diagnostics print a score.
    public static func format(_ score: Double) -> String {
        String(format: "%.2f", (score * 100).rounded(.down) / 100)
    }

    private static let titles: Set<String> = ["mr", "ms", "mrs", "mx", "miss", "dr"]
    private static let pronouns: Set<String> = [
        "he", "she", "they", "him", "her", "them", "his", "hers", "their", "theirs", "himself", "herself", "themself", "themselves",
    ]
    /// Words after which a period does not end a sentence.
    private static let abbreviations: Set<String> = titles.union(["st", "vs", "approx", "no"])

    private func normalised(_ word: String) -> String {
        if names.contains(word) { return "#name" }
        if Self.titles.contains(word) { return "#title" }
        if Self.pronouns.contains(word) { return "#pronoun" }
        return word
    }

    /// The words of each sentence of `text`: runs of letters and digits,
    /// accents folded, lower-cased. A sentence ends at a line break, or at
    /// `.`, `!` or `?` before white space, except after a title ("Mr.") or a
    /// single letter ("e.g.", an initial).
    public static func sentenceWords(_ text: String) -> [[String]] {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        var sentences: [[String]] = []
        var sentence: [String] = []
        var word = String.UnicodeScalarView()
        var pendingEnd = false
        func endWord() {
            if !word.isEmpty { sentence.append(String(word)); word = String.UnicodeScalarView() }
        }
        func endSentence() {
            endWord()
            if !sentence.isEmpty { sentences.append(sentence); sentence = [] }
        }
        for scalar in folded.unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                pendingEnd = false
                word.append(scalar)
                continue
            }
            endWord()
            if scalar == "\n" {
                endSentence()
            } else if scalar == "." || scalar == "!" || scalar == "?" {
                let last = sentence.last ?? ""
                pendingEnd = scalar != "." || !(abbreviations.contains(last) || last.unicodeScalars.count == 1)
            } else if scalar.properties.isWhitespace {
                if pendingEnd { endSentence() }
                pendingEnd = false
            }
        }
        endSentence()
        return sentences
    }

    /// 64-bit FNV-1a of a word's UTF-8.
    static func hash(_ word: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in word.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// 64-bit FNV-1a over a run of word hashes.
    static func hash<Words: Collection>(_ words: Words) -> UInt64 where Words.Element == UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for word in words {
            var value = word
            for _ in 0..<8 {
                hash = (hash ^ (value & 0xFF)) &* 0x0000_0100_0000_01B3
                value >>= 8
            }
        }
        return hash
    }
}
