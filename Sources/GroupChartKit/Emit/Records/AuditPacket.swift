import Foundation

/// The audit packet of `groupchart records --member ID`: everything an
/// auditor asks about one member in a period (profile and coverage, plans in
/// effect, each session's group note and attendance, the member's notes,
/// claims), with every other member shown by initials only.
struct AuditPacket {
    struct View {
        var generator: String
        var practice: PracticeView
        var period: String
        var chart: MemberChartView
        /// Group and individual sessions in one timeline.
        var sessions: [SessionEntry]
    }

    /// A group session (its group note and attendance, then the member's
    /// note) or an individual session (the note alone).
    struct SessionEntry {
        var date: LocalDate
        var session: SessionView?
        var note: NoteView?
    }

    let format: RecordFormatting
    let chart: MemberChart

    func view(_ member: Member, period: ClosedRange<LocalDate>) -> View {
        let record = format.record
        let packet = SessionPacket(format: format)
        let name = { (id: String) in id == member.id ? member.displayName : format.initials(id) }
        var sessions: [SessionEntry] = []
        for session in record.sessions {
            guard let log = session.note, let date = log.date?.value, period.contains(date), log.attendance(of: member.id) != nil else { continue }
            var view = packet.sessionView(session, note: log, name: name, showsReason: { $0 == member.id })
            // The topic is the packet's title of the session: redacted as its note is.
            view.title = redacted(view.title, keeping: member.id)
            view.topic = redacted(view.topic, keeping: member.id)
            view.bodyHTML = CommonMark.html(redacted(format.markdown(log.body, in: log.file), keeping: member.id))
            let readable = session.progressNote(for: member.id).flatMap { $0.isReadable ? $0 : nil }
            let note = readable.map { progress in
                var note = format.note(kind: "Progress note", member: member.id, date: date, body: progress.content.body,
                                       signature: progress.signature, file: progress.file,
                                       interactiveComplexity: progress.interactiveComplexity?.value)
                note.service = format.groupService(log, member: member.id)
                return redacting(note, body: progress.content.body, file: progress.file, keeping: member.id)
            }
            sessions.append(SessionEntry(date: date, session: view, note: note))
        }
        for individual in member.individualNotes where individual.isReadable {
            guard let date = individual.date?.value, period.contains(date) else { continue }
            var note = format.note(kind: "Individual session", member: member.id, date: date, body: individual.content.body,
                                   signature: individual.signature, file: individual.file)
            note.service = format.individualService(individual)
            sessions.append(SessionEntry(date: date, session: nil, note: redacting(note, body: individual.content.body,
                                                                                   file: individual.file, keeping: member.id)))
        }
        var memberChart = chart.view(member, period: period)
        memberChart.notes = []
        let timeline = sessions.enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.map(\.element)
        return View(generator: GroupChart.generator, practice: format.practice,
                    period: "\(period.lowerBound) to \(period.upperBound)", chart: memberChart, sessions: timeline)
    }

    /// The member's own note with every other member named in it (a
    /// member's note should name none, but `other-member-named` only
    /// warns) by initials, and so the factor its 90785 bills.
    private func redacting(_ note: NoteView, body: MarkdownBody, file: String, keeping member: String) -> NoteView {
        var note = note
        note.bodyHTML = CommonMark.html(redacted(format.markdown(body, in: file), keeping: member))
        note.interactiveComplexity = note.interactiveComplexity.map { redacted($0, keeping: member) }
        return note
    }

    /// `text` with every other member's first and last name replaced by its
    /// initial, as whole words written with a capital, whatever their accents
    /// ("CHLOE" and "Chloe" for Chloé): "will" and "long-term" are words, not
    /// Will and Long. A name the member shares is the member's own, kept.
    private func redacted(_ text: String, keeping member: String) -> String {
        let names = { (member: Member) in [member.profile?.firstName?.value, member.profile?.lastName?.value].compactMap { $0 } }
        let own = format.record.member(member).map(names) ?? []
        var result = Self.asDrawn(text)
        for other in format.record.members where other.id != member {
            for name in names(other) where name.count > 1
                && !own.contains(where: { $0.compare(name, options: [.caseInsensitive, .diacriticInsensitive]) == .orderedSame }) {
                for written in Self.spellings(of: name) {
                    result = Self.replaceWord(written, with: "\(name.first!).", in: result)
                }
            }
        }
        return result
    }

    /// `text` with each word that holds a Latin letter read as it is drawn:
    /// without the characters drawn as nothing inside it (a soft hyphen, a
    /// zero-width space) and with Cyrillic or Greek letters drawn as Latin
    /// ones made those (`WordScanner.latinLookalike`). Another member's
    /// name written so ("Ch\u{AD}en", "Сhen") went to the payer whole,
    /// where the name plain is cut to its initial (an auditor's review, a
    /// code review). A word without a Latin letter (Persian with its
    /// zero-width non-joiner, an emoji sequence) is left as written.
    static func asDrawn(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 >= 0x80 }) else { return text }
        let hidden = WordScanner.isDrawnAsNothing
        var output = String.UnicodeScalarView()
        var word: [Unicode.Scalar] = []
        func flush() {
            let latin = word.contains { $0.isASCII && $0.properties.isAlphabetic }
            for scalar in word {
                if latin, hidden(scalar) { continue }
                output.append(latin ? WordScanner.latinLookalike[scalar.value].map { Unicode.Scalar($0) } ?? scalar : scalar)
            }
            word.removeAll(keepingCapacity: true)
        }
        for scalar in text.unicodeScalars {
            if scalar.properties.isAlphabetic || hidden(scalar) {
                word.append(scalar)
            } else {
                flush()
                output.append(scalar)
            }
        }
        flush()
        return String(output)
    }

    /// The ways a name can stand in a note's text: with either apostrophe
    /// (O'Neill, O’Neill) and, of a name of several words, broken across a
    /// line ("Van" at the end of one, "Buren" at the start of the next).
    static func spellings(of name: String) -> [String] {
        var forms = [name]
        for (straight, curly) in [("'", "\u{2019}")] where name.contains(straight) || name.contains(curly) {
            forms += forms.flatMap { [$0.replacingOccurrences(of: straight, with: curly), $0.replacingOccurrences(of: curly, with: straight)] }
        }
        if name.contains(" ") { forms += forms.map { $0.replacingOccurrences(of: " ", with: "\n") } }
        var seen: Set<String> = []
        return forms.filter { seen.insert($0).inserted }
    }

    /// `word` replaced wherever it stands as a whole word: written with a
    /// capital ("will" is a word, "Will" a name), or as the name itself is
    /// when that starts in lower case (a surname "de la Vega").
    private static func replaceWord(_ word: String, with replacement: String, in text: String) -> String {
        var output = ""
        var rest = Substring(text)
        while let found = rest.range(of: word, options: [.caseInsensitive, .diacriticInsensitive]) {
            let before = found.lowerBound == rest.startIndex ? output.last : rest[rest.index(before: found.lowerBound)]
            let after = found.upperBound == rest.endIndex ? nil : rest[found.upperBound]
            let isWord = !(before.map { $0.isLetter || $0.isNumber } ?? false) && !(after.map { $0.isLetter || $0.isNumber } ?? false)
                && (rest[found].first?.isUppercase == true || word.first?.isLowercase == true)
            output += rest[..<found.lowerBound]
            output += isWord ? replacement : String(rest[found])
            rest = rest[found.upperBound...]
        }
        return output + rest
    }
}
