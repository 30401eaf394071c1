/// `similar-notes`: two members' notes for one session that are identical or
/// near-identical once shared group content is left out.
struct SimilarNotesRule: Rule {
    let id = "similar-notes"
    /// Said once, at the second note, naming the first (rules.md); auditors
    /// recoup every claim the copies support, so both claims are held.
    let holdsRelatedClaims = true
    let readsNoteTexts = true
    let defaultSeverity = Severity.error
    let summary = "two members' notes for one session are identical or near-identical (Jaccard index of word 3-grams of their own text: error ≥ 0.85, warning ≥ 0.70)"
    static let errorThreshold = RuleParameter("error", default: 0.85, range: 0...1)
    static let warningThreshold = RuleParameter("warning", default: 0.70, range: 0...1)
    var parameters: [RuleParameter] { [Self.errorThreshold, Self.warningThreshold] }
    let explanation = Explanation(
        checks: """
            Every pair of member notes of one session, on each member's own text: headings are left out, \
            and so is an addendum (from its heading to the end: it amends the note after it was signed), \
            and so are sentences that also stand in the session note or in at least 3 of the session's notes \
            and more than half of them (shared group content is fine). The score is the Jaccard index of the two notes' sets of word \
            3-grams, with members' names, titles and pronouns counted as one word each, so that a note \
            copied with the name swapped still scores as a copy. Reported at the second note in path order. \
            A note not yet written (its Participation, Risk and Plan all empty or placeholders, as `new \
            session` leaves them) is compared with no other: `empty-section` says what it lacks.
            """,
        why: """
            "Writing identical notes for all group members" is, in the billing guide's words, "the most \
            common and most serious group therapy documentation error": it suggests the notes do not \
            reflect individual observation, and auditors recoup every claim the copies support.
            """,
        example: """
            sessions/2026-03-12-dbt-skills/chen-lily.md is reyes-maria.md with "Ms. Reyes" replaced by \
            "Ms. Chen" and one sentence changed (score 0.91).
            """,
        fix: "Write what this member did, said and worked on in the session; keep shared content in the session note.")

    func check(_ context: RuleContext) -> [Finding] {
        let errorAt = context.parameter(Self.errorThreshold)
        let warnAt = min(context.parameter(Self.warningThreshold), errorAt)
        let texts = context.analysis.noteTexts
        let sessions = context.record.sessions
        // Kept per session under the key of its 3-grams and the thresholds
        // (`watch`'s memo, the build cache): 87 ms of each save in watch at
        // 20,000 notes went to comparing the notes of unchanged sessions.
        return texts.sessions.indices.flatMap { index -> [Finding] in
            context.analysis.derived("similar-notes", key: texts.sessionKeys[index].map { "\($0) \(errorAt) \(warnAt)" },
                                     cachedAs: (sessions[index].id, index)) {
                Self.findings(in: texts.sessions[index], errorAt: errorAt, warnAt: warnAt)
            }
        }
    }

    /// The pairs of a session's notes that are too alike.
    private static func findings(in notes: [NoteTexts.Note], errorAt: Double, warnAt: Double) -> [Finding] {
        var findings: [Finding] = []
        for later in notes.indices.dropFirst() {
            for earlier in 0..<later {
                guard let score = NoteSimilarity.jaccard(notes[earlier].shingles, notes[later].shingles, atLeast: warnAt) else { continue }
                let what = notes[later].shingles.isEmpty ? "identical apart from shared group content" : "near-identical"
                findings.append(Finding(
                    SourceLocation(file: notes[later].file, line: 1),
                    "note is \(what) to \(notes[earlier].file) (similarity \(NoteSimilarity.format(score)))",
                    help: "write what this member did, said and worked on; shared group content belongs in the session note",
                    related: [RelatedLocation(SourceLocation(file: notes[earlier].file, line: 1), "the similar note")],
                    severity: score >= errorAt ? .error : .warning))
            }
        }
        return findings
    }
}
