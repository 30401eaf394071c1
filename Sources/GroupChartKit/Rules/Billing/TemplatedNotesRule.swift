/// `templated-notes`: a member's note that is one template filled in for
/// each member: almost all of its words stand, word for word (names
/// aside), in most of the session's member notes, and not in the session
/// note.
///
/// GroupChart adds this rule beside `similar-notes`, whose measure rules.md
/// fixes: it leaves out, as shared group content, any sentence at least 3
/// of a session's notes and more than half of them hold. A template written
/// for the whole group is exactly such sentences, so the more members got
/// it the less `similar-notes` saw: seven notes alike but for the name and
/// one word scored nothing (an audit-precision review), where two scored
/// 0.97. Group content belongs in the session note; a sentence every note
/// repeats that the session note does not hold, in a note with next to
/// nothing of its own, is the template.
struct TemplatedNotesRule: Rule {
    let id = "templated-notes"
    let readsNoteTexts = true
    let defaultSeverity = Severity.error
    let summary = """
        a member's note has fewer than 15 words of its own, the rest standing word for word (names aside) in most of the \
        session's member notes and not in the session note: one template filled in for each member
        """
    static let minimumWords = RuleParameter("min_words", default: 15, range: 1...1000)
    var parameters: [RuleParameter] { [Self.minimumWords] }
    let explanation = Explanation(
        checks: """
            Every member note of a session with 3 notes or more, on the sentences similar-notes leaves out as \
            shared: those at least 3 of the session's notes and more than half of them hold. Such a sentence the \
            session note also holds is group content. One it does not hold, in a note with fewer than `min_words` \
            (15) words of its own and more words of such sentences than of its own, is a template's: reported at \
            line 1 of each such note. Names, titles and pronouns count as one word each, as similar-notes counts \
            them, so that "Ms. Chen participated" and "Mr. Okonkwo participated" are one sentence. A note not yet \
            written is left to empty-section.
            """,
        why: """
            "Writing identical notes for all group members" is, in the billing guide's words, "the most common \
            and most serious group therapy documentation error": each note should be distinguishable, showing \
            this member's participation, response and progress. Auditors recoup every claim a template supports.
            """,
        example: """
            Seven notes of sessions/2026-03-26-dbt-skills/, each "Ms. Chen attended the full session and \
            participated actively. She reviewed the diary card with the group..." with only the name and the \
            emotion named changed.
            """,
        fix: """
            Write what this member did, said and worked on in the session; keep what is the same for every member \
            (the skill taught, the group's exercise) in the session note.
            """)

    func check(_ context: RuleContext) -> [Finding] {
        let minimum = Int(context.parameter(Self.minimumWords))
        return context.analysis.noteTexts.sessions.flatMap { notes -> [Finding] in
            guard notes.count >= NoteSimilarity.sharedFloor else { return [] }
            return notes.filter { $0.ownWords < minimum && $0.templateWords > $0.ownWords }.map { note in
                Finding(SourceLocation(file: note.file, line: 1),
                        "note has \(note.ownWords) \(note.ownWords == 1 ? "word" : "words") of its own: its other \(note.templateWords) "
                            + "stand word for word (names aside) in most of the session's member notes and not in the session note, "
                            + "a template filled in for each member",
                        help: "write what this member did, said and worked on in the session; what is the same for every member "
                            + "belongs in the session note")
            }
        }
    }
}
