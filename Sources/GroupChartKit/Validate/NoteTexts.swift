/// Every member note reduced once to the word 3-grams of its own text, for
/// the two rules that compare notes (`similar-notes`, `cloned-note`).
public struct NoteTexts: Sendable {
    public struct Note: Sendable, Codable, Equatable {
        public var file: String
        public var member: String
        public var date: LocalDate?
        /// When its session started: of two notes of one date, the later
        /// is the one that repeats (`cloned-note`), not the one whose
        /// folder sorts later.
        public var start: LocalTime?
        /// Sorted, without repeats.
        public var shingles: [UInt64]
        /// Its words in sentences of its own, and in sentences it shares
        /// with most of its session's member notes that the session note
        /// does not hold (`NoteSimilarity.wordCounts`); 0 for an individual note.
        public var ownWords = 0
        public var templateWords = 0
    }

    /// Each session's readable member notes, in path order, shared content left out.
    public let sessions: [[Note]]
    /// The SHA-256 of what each session's 3-grams are derived from (its
    /// files' digests and paths, the members' names, the session and its
    /// members), for the rules that keep what they find in a session or
    /// a member's sessions under it; `nil` when a file has no digest (or
    /// the session no note), and when nothing is kept between checks (no
    /// memo, no build cache).
    /// Made once: each rule joined the same 4 KB of digests, paths and
    /// names again for each session, and hashed them in its lookups.
    let sessionKeys: [String?]
    /// Each member's readable individual notes, in path order.
    public let individual: [[Note]]

    /// What the 3-grams are kept as (`Analysis.derived`, `DerivedCache`).
    static let purpose = "note-texts"

    /// The key a session's 3-grams are kept under: its files' digests
    /// (`digest`) and paths (its session note's, or none, then its readable
    /// notes' in path order), every member's names (`NoteSimilarity.namesKey`),
    /// the session and the members of its notes; `nil` when a file has no
    /// digest. `TextOnlyEdits` finds a session's in the build cache by it.
    static func key(session: String, sessionNote: String?, notes: [(file: String, member: String)], names: String,
                    digest: (String) -> String) -> String? {
        let files = [sessionNote ?? ""] + notes.map(\.file)
        return DerivedMemo.key(files.map(digest) + files + [names, session] + notes.map(\.member))
    }

    public init(record: PracticeRecord) {
        self.init(record: record, analysis: Analysis(record: record))
    }

    /// A progress note whose Participation, Risk and Plan are all missing
    /// or placeholders (a `new session` skeleton not yet written; its Goals
    /// hold the goal ids): it documents nothing, which `empty-section`
    /// says, and is compared with no other. Compared, each untouched
    /// skeleton of a session was "identical" to every other, an error a pair.
    static func isUnwritten(_ body: MarkdownBody) -> Bool {
        SectionCatalogue.required(for: .progressNote).filter { $0 != SectionCatalogue.goals }.allSatisfy { name in
            SectionCatalogue.find(name, in: body).map(SectionCatalogue.isPlaceholder) ?? true
        }
    }

    /// With `analysis`'s memo, a session whose files are unchanged since the
    /// last check keeps its notes' 3-grams (they depend on its own files and
    /// on every member's names, both in the key).
    init(record: PracticeRecord, analysis: Analysis) {
        let similarity = NoteSimilarity(record: record)
        let names = similarity.namesKey
        let keeps = analysis.keepsDerived
        let made = ParallelMap.map(Array(record.sessions.indices)) { index -> (notes: [Note], key: String?) in
            let session = record.sessions[index]
            // Keyed by every readable note, as `TextOnlyEdits` keys them; the
            // unwritten ones are left out inside (their bytes are in the key).
            let notes = session.progressNotes.filter(\.isReadable)
            let key = keeps ? Self.key(session: session.id, sessionNote: session.note?.file, notes: notes.map { ($0.file, $0.member) },
                                       names: names, digest: analysis.digest) : nil
            let texts = analysis.derived(Self.purpose, key: key, cachedAs: (session.id, index)) {
                let notes = notes.filter { !Self.isUnwritten($0.content.body) }
                let sentences = notes.map { similarity.sentences(of: $0.content.body) }
                let (shared, ofSessionNote) = similarity.groupContent(sessionNote: session.note?.body, memberNotes: sentences)
                return zip(notes, sentences).map { note, own in
                    let words = similarity.wordCounts(own, shared: shared, ofSessionNote: ofSessionNote)
                    return Note(file: note.file, member: note.member, date: session.note?.date?.value, start: session.note?.start?.value,
                                shingles: similarity.shingles(own, excluding: shared), ownWords: words.own, templateWords: words.template)
                }
            }
            return (texts, key.map { SignedText.digest(of: $0) })
        }
        sessions = made.map(\.notes)
        sessionKeys = made.map(\.key)
        individual = ParallelMap.map(record.members) { member in
            member.individualNotes.filter(\.isReadable).map { note in
                analysis.derived("individual-note-texts", from: [note.file], extra: [names, member.id]) {
                    Note(file: note.file, member: member.id, date: note.date?.value, start: note.start?.value,
                         shingles: similarity.shingles(similarity.sentences(of: note.content.body), excluding: []))
                }
            }
        }
    }
}
