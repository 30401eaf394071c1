/// A Participation section that says only that the member was not there
/// ("Absent.", "Did not attend.", "Client was absent from group today.",
/// "No show."): the note itself says the member was absent, while the
/// attendance log marks them present and a claim goes out. An auditor's
/// review found such notes billed without a word; `note-for-absent-member`
/// reports them.
///
/// The words that only name who and when ("client", "was", "from group",
/// "today") are dropped, and what is left must be an absence, whole: a
/// section that says more ("absent last week, today she shared...") is
/// the member's own account, and is left alone.
enum AbsenceWording {
    /// Words that name who, when and where, and nothing of what happened.
    static let frame: Set<String> = [
        "client", "member", "patient", "pt", "he", "she", "they", "the", "was", "were", "is", "has", "been", "from", "group",
        "groups", "today", "todays", "s", "session", "sessions", "this", "in", "of", "for", "to", "week", "weeks", "and",
    ]
    /// What is left of an absence once `frame` is dropped.
    static let absences: Set<String> = [
        "absent", "absence", "absent excused", "absent unexcused", "excused absence", "unexcused absence", "excused",
        "did not attend", "didn t attend", "does not attend", "not attend", "not attending", "did not come", "didn t come",
        "did not show", "didn t show", "no show", "noshow", "no showed", "no call no show", "not present", "not in attendance",
        "dna", "cancelled", "canceled", "late cancel", "late cancellation", "cancellation", "left before start",
        "ausente", "no asistio", "no asistió",
    ]
    /// Words that, right after an absence, start its reason or what was
    /// done about it ("absent due to illness", "did not attend; called to
    /// cancel", "no-show; left VM", "did not show. Outreach call made"):
    /// still only an absence. An audit-precision review found each read as
    /// the member's own account, and billed.
    static let reasons: Set<String> = [
        "due", "because", "per", "illness", "ill", "sick", "called", "call", "left", "vm", "voicemail", "outreach", "excused",
        "unexcused", "reason", "texted", "emailed", "notified", "phoned",
    ]
    /// The words such a reason or outreach may hold, all of them: a text
    /// that goes on to anything else ("absent from work due to illness;
    /// today she shared how she used TIPP") is the member's own account (a
    /// code review found such notes of members present called absent).
    static let reasonWords: Set<String> = reasons.union([
        "of", "illness", "flu", "covid", "cold", "fever", "cancel", "cancelled", "canceled", "calls", "message", "no", "answer",
        "answered", "made", "at", "by", "on", "attempted", "attempt", "unable", "reach", "reached", "not", "pm", "am",
        "travel", "traveling", "transportation", "ride", "car", "emergency", "medical", "appointment", "hospitalized",
        "hospital", "weather", "childcare", "text", "email", "phone", "sent", "reminder", "family",
    ])

    /// Whether `section` says only that the member was absent; its text is
    /// joined only when it is short enough to (a Participation section is
    /// often kilobytes long, and every attending member's note is asked).
    static func saysOnlyAbsent(_ section: Section) -> Bool {
        !section.hasMoreVisibleBytes(than: 96) && saysOnlyAbsent(section.text)
    }

    /// Whether `text` says only that the member was absent.
    static func saysOnlyAbsent(_ text: String) -> Bool {
        // The longest absence, with its frame, is a short sentence: a
        // section with more than a few words is the member's own account.
        var visible = 0
        for byte in text.utf8 where byte > 0x20 {
            visible += 1
            if visible > 96 { return false }
        }
        let words = NoValue.words(of: text.replacing("\u{2019}", with: "'")).filter { !frame.contains($0) }
        guard !words.isEmpty else { return false }
        if absences.contains(words.joined(separator: " ")) { return true }
        // An absence, then its reason: the absence's words, then a word of
        // `reasons`, and nothing after but the words of a reason or outreach.
        return (1..<words.count).contains { end in
            absences.contains(words[..<end].joined(separator: " ")) && reasons.contains(words[end])
                && words[end...].allSatisfy { reasonWords.contains($0) || $0.allSatisfy(\.isNumber) }
        }
    }
}
