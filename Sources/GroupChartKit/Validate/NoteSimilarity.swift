import Foundation

/// The measure behind `similar-notes` and `cloned-note` (rules.md): the
/// Jaccard index of two notes' sets of word 3-grams, on each member's own
/// text.
///
/// - Words are runs of letters and digits, lower-cased, accents folded.
///   Members' first and last names, courtesy titles and personal pronouns
///   become one token each, so that a note copied with the name swapped
///   scores as the copy it is.
/// - Headings are left out, and so are the sentences of shared group
///   content (which is fine), as rules.md fixes it: those that also stand in
///   the session note, or in at least 3 of the session's member notes and in
///   more than half of them. Without the floor of 3, a sentence two notes
///   share would be "group content" in a session of two or three notes, and
///   a note copied from another would share nothing of its own with it.
/// - Two notes with no own text left at all are identical apart from shared
///   content and score 1 (the Jaccard index of two empty sets); a note with
///   own text scores 0 against one without.
///
/// Words are kept as 64-bit FNV-1a hashes (`WordScanner`), sentences and
/// 3-grams as their words' hashes mixed (`hash`, `trigram`): the same text gives the
/// same numbers on every run and machine, and comparing numbers is what
/// makes 20,000 notes cheap.
public struct NoteSimilarity: Sendable {
    /// A note's sentences: the hashes of their normalised words laid end to
    /// end, where each sentence ends, and each sentence's own hash, made as
    /// its words are laid down (whether it is shared content is asked of
    /// every sentence twice: counted among the session's, then left out of
    /// the note's 3-grams).
    ///
    /// One list for a note, not one for each of its sentences: an array made
    /// for each of 400,000 sentences at 20,000 notes, each looking up its
    /// storage's generic metadata, and each hashed in a second pass, was
    /// 2.5 % of a cold check (`perf`).
    public struct Sentences: Sendable, Equatable, ExpressibleByArrayLiteral {
        /// Every sentence's words, one sentence after the other.
        private(set) var words: [UInt64] = []
        /// Where each sentence ends in `words`.
        private(set) var ends: [Int] = []
        /// Each sentence's hash (`NoteSimilarity.sentenceStart`).
        private(set) var hashes: [UInt64] = []

        init() {}

        /// Sentences given as their words' hashes (for tests).
        public init(arrayLiteral sentences: [UInt64]...) {
            for sentence in sentences {
                for word in sentence { add(word) }
                end()
            }
        }

        /// How many sentences there are.
        var count: Int { ends.count }

        /// The hash of the sentence being laid down, so far.
        private var hash = NoteSimilarity.sentenceStart

        /// Adds a word to the sentence being laid down.
        mutating func add(_ word: UInt64) {
            words.append(word)
            hash = NoteSimilarity.mixed(hash ^ word)
        }

        /// Ends the sentence being laid down.
        mutating func end() {
            ends.append(words.count)
            hashes.append(hash)
            hash = NoteSimilarity.sentenceStart
        }
    }

    /// How many member notes must hold a sentence before it is group content.
    static let sharedFloor = 3

    public init(record: PracticeRecord) {
        var names: Set<UInt64> = []
        for member in record.members {
            for name in [member.profile?.firstName?.value, member.profile?.lastName?.value].compactMap({ $0 }) {
                for sentence in WordScanner().sentences(name) { names.formUnion(sentence.map(\.hash)) }
            }
        }
        namesKey = SignedText.digest(of: names.sorted().map { String($0, radix: 16) }.joined(separator: ","))
        var replacements: [UInt64: UInt64] = [:]
        for word in Self.titles { replacements[word] = Self.title }
        for word in Self.pronouns { replacements[word] = Self.pronoun }
        for word in names { replacements[word] = Self.name }
        var filter = WordFilter()
        for word in replacements.keys { filter.insert(word) }
        self.replacements = replacements
        self.filter = filter
    }

    /// What `sentences(of:)` replaces (names, then titles, then pronouns, as
    /// the order of its tests had it), and a 4,096-bit filter of those
    /// words: most words of a note are none of them, and a bit test is
    /// cheaper than the three set lookups per word it replaced (7 million
    /// words in 20,000 notes).
    private let replacements: [UInt64: UInt64]
    private let filter: WordFilter

    /// The digest of every name hash: part of the memo's key of whatever
    /// these names shape (a member renamed changes every note's 3-grams),
    /// short so that each key is cheap to build and hash.
    let namesKey: String

    /// A note's sentences (headings, raw HTML and addenda left out).
    ///
    /// Each block is read where it lies, by its place (a block copied for
    /// each look, text, runs, list items and place, was a retain and a
    /// release of each), and each word normalised as it is laid down (a
    /// `map` of the method took this value, with its dictionary and
    /// filter, for each of 400,000 sentences in 20,000 notes).
    public func sentences(of body: MarkdownBody) -> Sentences {
        var sentences = Sentences()
        let (filter, replacements) = (filter, replacements)
        // The level of the addendum heading whose section is being passed over.
        var inAddendum: Int?
        for index in body.blocks.indices {
            let kind = body.blocks[index].kind
            // An addendum amends the note after it was signed: the copy of
            // last week's note without it was not found (a clinician's
            // review). Only its own section is left out, up to the next
            // heading of its level or above: an addendum written at the top,
            // as some EHRs place them, hid the whole note from the copy
            // rules (an auditor's review).
            if case .heading(let level) = kind {
                if SectionCatalogue.isAddendum(body.blocks[index].text) {
                    inAddendum = min(level, inAddendum ?? level)
                } else if let addendum = inAddendum, level <= addendum {
                    inAddendum = nil
                }
                continue
            }
            guard kind != .html, inAddendum == nil else { continue }
            WordScanner().eachWord(body.blocks[index].text, word: { word in
                sentences.add(filter.mayHold(word) ? replacements[word] ?? word : word)
            }, end: { sentences.end() })
        }
        return sentences
    }

    /// The sentences a session's notes may share: those of the session note,
    /// and those that at least `sharedFloor` of its member notes and more
    /// than half of them hold.
    func sharedSentences(sessionNote: MarkdownBody?, memberNotes: [Sentences]) -> SentenceTable {
        groupContent(sessionNote: sessionNote, memberNotes: memberNotes).shared
    }

    /// The shared sentences (`sharedSentences`), and those of the session note alone.
    func groupContent(sessionNote: MarkdownBody?, memberNotes: [Sentences]) -> (shared: SentenceTable, ofSessionNote: SentenceTable) {
        let ofSession = sessionNote.map(sentences) ?? []
        var counts = SentenceTable(capacity: memberNotes.reduce(0) { $0 + $1.count })
        for (index, note) in memberNotes.enumerated() {
            for hash in note.hashes { counts.add(hash, note: index) }
        }
        var shared = SentenceTable(capacity: ofSession.count + counts.count)
        for hash in ofSession.hashes { shared.add(hash, note: 0) }
        counts.forEach { sentence, notes in
            if notes >= Self.sharedFloor && notes * 2 > memberNotes.count { shared.add(sentence, note: 0) }
        }
        var ofSessionNote = SentenceTable(capacity: ofSession.count)
        for hash in ofSession.hashes { ofSessionNote.add(hash, note: 0) }
        return (shared, ofSessionNote)
    }

    /// How many of a note's words stand in sentences of its own, and how
    /// many in sentences it shares with most of the session's member notes
    /// but that the session note does not hold (`templated-notes`): a
    /// template filled in for each member, not group content. Only such
    /// sentences of `templateSentence` words or more count: the short lines
    /// format.md asks of every note ("G1: In progress.", "Risk level: low.",
    /// "Continue weekly group.") are alike in every terse note, and counted
    /// they called individual notes templates (a code review).
    static let templateSentence = 5

    func wordCounts(_ sentences: Sentences, shared: SentenceTable, ofSessionNote: SentenceTable) -> (own: Int, template: Int) {
        var own = 0, template = 0
        var start = 0
        for (end, hash) in zip(sentences.ends, sentences.hashes) {
            defer { start = end }
            if !shared.contains(hash) {
                own += end - start
            } else if end - start >= Self.templateSentence && !ofSessionNote.contains(hash) {
                template += end - start
            }
        }
        return (own, template)
    }

    /// The word 3-grams of a note's own sentences (a shorter sentence counts
    /// whole), sorted and without repeats: a third of the memory of a set,
    /// and two notes compare in one merge.
    func shingles(_ sentences: Sentences, excluding shared: SentenceTable) -> [UInt64] {
        // Room for every 3-gram at once: grown append by append, a note's
        // 300 were copied some ten times over.
        var room = 0
        var start = 0
        for end in sentences.ends {
            room += max(end - start - 2, 1)
            start = end
        }
        var shingles: [UInt64] = []
        shingles.reserveCapacity(room)
        let words = sentences.words
        start = 0
        for (end, hash) in zip(sentences.ends, sentences.hashes) {
            defer { start = end }
            guard !shared.contains(hash) else { continue }
            if end - start < 3 {
                shingles.append(hash)
                continue
            }
            for first in start...(end - 3) {
                shingles.append(Self.trigram(words[first], words[first + 1], words[first + 2]))
            }
        }
        return Self.sortedUnique(shingles)
    }

    /// `values` sorted, without repeats. The values are hashes, spread evenly
    /// over all 64 bits: they are dealt into 256 buckets by their top byte and
    /// each bucket (one or two values for a note's 300 3-grams) is sorted by
    /// insertion, where the standard library's merge sort was 3.3 % of a cold
    /// check at 20,000 notes (`perf`). Values bunched in few buckets are still
    /// sorted, only slower.
    static func sortedUnique(_ values: [UInt64]) -> [UInt64] {
        // A copy, not `values`: a note's list is reserved at the size of all
        // its 3-grams, and returned as it is it would keep that room.
        guard values.count > 1 else { return values.isEmpty ? [] : [values[0]] }
        var sorted = [UInt64](repeating: 0, count: values.count)
        withUnsafeTemporaryAllocation(of: Int.self, capacity: 257 + 256) { room in
            let starts = UnsafeMutableBufferPointer(rebasing: room[0..<257])
            let next = UnsafeMutableBufferPointer(rebasing: room[257...])
            starts.initialize(repeating: 0)
            for value in values { starts[Int(value >> 56) + 1] += 1 }
            for bucket in 1...256 { starts[bucket] += starts[bucket - 1] }
            _ = next.initialize(from: starts[0..<256])
            sorted.withUnsafeMutableBufferPointer { out in
                // Dealt in order, then each bucket sorted by insertion.
                for value in values {
                    let bucket = Int(value >> 56)
                    out[next[bucket]] = value
                    next[bucket] += 1
                }
                for bucket in 0..<256 where starts[bucket + 1] - starts[bucket] > 1 {
                    for index in (starts[bucket] + 1)..<starts[bucket + 1] {
                        let value = out[index]
                        var place = index
                        while place > starts[bucket] && out[place - 1] > value {
                            out[place] = out[place - 1]
                            place -= 1
                        }
                        out[place] = value
                    }
                }
            }
        }
        var unique = 1
        for index in 1..<sorted.count where sorted[index] != sorted[unique - 1] {
            sorted[unique] = sorted[index]
            unique += 1
        }
        sorted.removeLast(sorted.count - unique)
        return sorted
    }

    /// The Jaccard index of two sorted sets of 3-grams: the merge below to
    /// its end, since no score is under 0.
    public static func jaccard(_ lhs: [UInt64], _ rhs: [UInt64]) -> Double {
        jaccard(lhs, rhs, atLeast: 0) ?? 0
    }

    /// The Jaccard index of two sorted sets of 3-grams when it is at least
    /// `floor`; `nil` when it is less. The merge stops as soon as the
    /// 3-grams left could no longer bring the two notes to `floor`: most
    /// pairs of a session's notes share few, and each rule asks only whether
    /// a pair reaches its threshold (comparing every pair to the end was
    /// 3 % of a cold check at 20,000 notes). A score it returns is the one
    /// `jaccard` gives, to the bit.
    public static func jaccard(_ lhs: [UInt64], _ rhs: [UInt64], atLeast floor: Double) -> Double? {
        if lhs.isEmpty && rhs.isEmpty { return 1 >= floor ? 1 : nil }
        let total = lhs.count + rhs.count
        let most = min(lhs.count, rhs.count)
        // The fewest 3-grams in common that score `floor`, found by the
        // division that scores them (c / (total - c) grows with c).
        var needed = max(0, Int((floor * Double(total) / (1 + floor)).rounded(.down)) - 1)
        while needed <= most && Double(needed) / Double(total - needed) < floor { needed += 1 }
        guard needed <= most else { return nil }
        var common = 0
        var left = 0
        var right = 0
        while left < lhs.count && right < rhs.count {
            if lhs[left] == rhs[right] {
                common += 1
                left += 1
                right += 1
                continue
            }
            if lhs[left] < rhs[right] { left += 1 } else { right += 1 }
            if common + min(lhs.count - left, rhs.count - right) < needed { return nil }
        }
        let score = Double(common) / Double(total - common)
        return score >= floor ? score : nil
    }

    /// `0.93`, as the diagnostics print a score.
    public static func format(_ score: Double) -> String {
        String(format: "%.2f", (score * 100).rounded(.down) / 100)
    }

    private static let title = WordScanner.hash("#title")
    private static let name = WordScanner.hash("#name")
    private static let pronoun = WordScanner.hash("#pronoun")
    private static let titles = Set(["mr", "ms", "mrs", "mx", "miss", "dr"].map(WordScanner.hash))
    private static let pronouns = Set([
        "he", "she", "they", "him", "her", "them", "his", "hers", "their", "theirs", "himself", "herself", "themself", "themselves",
    ].map(WordScanner.hash))

    /// The words of each sentence of `text`, as the measure reads them.
    public static func sentenceWords(_ text: String) -> [[String]] {
        WordScanner(keepText: true).sentences(text).map { $0.compactMap(\.text) }
    }

    /// One 3-gram's hash: each word's hash mixed into the last (the
    /// finalizer of SplitMix64), so that order counts. FNV-1a over the 24
    /// bytes of three word hashes was 24 multiplications in a row for each
    /// of some 6 million 3-grams (3 % of a cold check); this is six. Only
    /// equality matters: the 3-grams are compared, never shown.
    static func trigram(_ first: UInt64, _ second: UInt64, _ third: UInt64) -> UInt64 {
        mixed(mixed(mixed(first) ^ second) ^ third)
    }

    fileprivate static func mixed(_ value: UInt64) -> UInt64 {
        var value = value &+ 0x9E37_79B9_7F4A_7C15
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }

    /// What a sentence's hash starts from (the scanner's FNV-1a offset, as
    /// it always was). Each of its words' hashes is then mixed into it, as
    /// `trigram` does (FNV-1a over each word's eight bytes was eight
    /// multiplications in a row per word). A sentence's hash stands for it
    /// in the table of shared content, and for a sentence of one or two
    /// words among the 3-grams.
    fileprivate static var sentenceStart: UInt64 { WordScanner.offset }
}
