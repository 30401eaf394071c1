/// `cloned-note`: a member's note that nearly repeats that member's previous
/// note (copy-forward).
struct ClonedNoteRule: Rule {
    let id = "cloned-note"
    let readsNoteTexts = true
    let defaultSeverity = Severity.warning
    let summary = """
        a member's note nearly repeats that member's previous progress note, or the one before it (copy-forward), by the \
        measure of similar-notes (≥ 0.90)
        """
    static let threshold = RuleParameter("warning", default: 0.90, range: 0...1)
    var parameters: [RuleParameter] { [Self.threshold] }
    let explanation = Explanation(
        checks: """
            Each member's progress note against that member's previous two progress notes (and each individual \
            note against the previous two individual notes), by the measure of similar-notes: the Jaccard index \
            of word 3-grams of each note's own text, addenda left out (a note copied forward without last \
            week's addendum is still a copy). Reported at the later note.
            """,
        why: """
            A note carried forward from last week with the date changed documents nothing that happened \
            this week. Payers call it cloned documentation and deny the services it supports.
            """,
        example: "sessions/2026-03-19-dbt-skills/okonkwo-david.md repeats the 2026-03-12 note but for the date (score 0.97).",
        fix: "Write this session's participation, progress and risk afresh; refer to last week only where something changed.")

    func check(_ context: RuleContext) -> [Finding] {
        let threshold = context.parameter(Self.threshold)
        let texts = context.analysis.noteTexts
        // Each member's group notes, by their place in the sessions' lists.
        // A member's findings are kept between the checks of `watch` under
        // the keys of the sessions holding the member's notes (30 ms of each
        // save at 20,000 notes went to comparing the timelines of members
        // the save did not touch); a session without a key keeps nothing.
        var notesOf: [String: [(session: Int, note: Int)]] = [:]
        for index in texts.sessions.indices {
            let notes = texts.sessions[index]
            for position in notes.indices where notes[position].date != nil {
                notesOf[notes[position].member, default: []].append((index, position))
            }
        }
        let group = notesOf.keys.sorted().flatMap { member -> [Finding] in
            let places = notesOf[member, default: []]
            let key = DerivedMemo.key([member, "\(threshold)"] + places.map { texts.sessionKeys[$0.session] ?? "" })
            return context.analysis.derived("cloned-note", key: key) {
                Self.findings(in: places.map { texts.sessions[$0.session][$0.note] }, threshold: threshold)
            }
        }
        return group + texts.individual.flatMap { Self.findings(in: $0, threshold: threshold) }
    }

    /// How many notes back each note is compared with.
    static let lookback = 2

    /// The notes of one timeline (a member's group notes, or individual
    /// notes), each against the one before it by date, then start time,
    /// then path, and against the one before that (`lookback`).
    static func findings(in timeline: [NoteTexts.Note], threshold: Double) -> [Finding] {
        // The notes' places are sorted, not copies of the notes: filtering,
        // sorting and pairing copies of every note (each a retain and a
        // release of its lists) was 0.5 % of a cold check (`perf`).
        let order = timeline.indices.filter { timeline[$0].date != nil }.sorted { lhs, rhs in
            let (left, right) = (timeline[lhs].date!, timeline[rhs].date!)
            if left != right { return left < right }
            // Of one date, the session that started earlier first (a note without a time, first).
            let (early, late) = (timeline[lhs].start?.minutes ?? -1, timeline[rhs].start?.minutes ?? -1)
            return early != late ? early < late : timeline[lhs].file.precedesInBytes(timeline[rhs].file)
        }
        return order.indices.dropFirst().compactMap { place in
            let note = order[place]
            // The note before, else the one before that: a copy of last
            // week's note across a session of another group the member
            // also attends, or across a week skipped, went unseen (an
            // auditor's review). Of the two, the nearer is named.
            let found = order[max(0, place - Self.lookback)..<place].reversed().lazy.compactMap { previous -> (Int, Double)? in
                // Two notes of nothing but shared group content say nothing
                // of copying forward (similar-notes reports such sessions).
                guard !(timeline[previous].shingles.isEmpty && timeline[note].shingles.isEmpty) else { return nil }
                return NoteSimilarity.jaccard(timeline[previous].shingles, timeline[note].shingles, atLeast: threshold).map { (previous, $0) }
            }.first
            guard let (previous, score) = found else { return nil }
            let (file, previousFile) = (timeline[note].file, timeline[previous].file)
            let which = previous == order[place - 1] ? "previous note" : "note before last"
            return Finding(SourceLocation(file: file, line: 1),
                           "note nearly repeats the member's \(which) \(previousFile) (similarity \(NoteSimilarity.format(score)))",
                           help: "document this session afresh: what the member did, reported and worked on this time",
                           related: [RelatedLocation(SourceLocation(file: previousFile, line: 1), "the \(which)")])
        }
    }
}
