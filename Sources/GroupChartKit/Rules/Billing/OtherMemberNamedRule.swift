import Foundation

/// `other-member-named`: a member's note that names another member of the
/// group, whose privacy goes with the note to this member's payer.
struct OtherMemberNamedRule: Rule {
    let id = "other-member-named"
    let isSessionLocal = true
    let defaultSeverity = Severity.warning
    let summary = "a member's progress note names another member of the group (first or last name as a whole word, case as written, accents ignored)"
    let explanation = Explanation(
        checks: """
            Each progress note for the first and last names of the other members of its session's group \
            (and of the session's attendance log), as whole words in the case they are written, with \
            accents ignored (Nguyen matches Nguyễn), and its interactive complexity reason, printed under it. \
            The member's own names are not searched, nor a name inside a clinician's full name as practice.yaml \
            writes it ("James Park, LPCC, coached the role-play" beside a member named Park): the guide asks the \
            note to name who led. A clinician's surname alone stands for the member as well, and is reported.
            """,
        why: """
            A member's note goes to that member's payer and into that member's record: another member's \
            name in it discloses that person's treatment without consent, a privacy breach an auditor \
            will note.
            """,
        example: "Offered supportive feedback to Maria, who described a similar argument.",
        fix: "Refer to the other person as \"another member\" or \"a peer\".")

    func check(_ context: RuleContext) -> [Finding] {
        let record = context.record
        // Each member's names as words, once (not once per note that could name them).
        var names: [String: [(written: String, words: [UInt64])]] = [:]
        for member in record.members {
            names[member.id] = Self.names(of: member).filter { $0.count > 1 }.map { (written: $0, words: Self.words($0)) }
                .filter { !$0.words.isEmpty }
        }
        // What every finding depends on besides the note itself, for the
        // memo of watch and serve: each member's id and names, as their
        // digest (the names themselves, 3 KB at 100 members, made every
        // note's key 3 KB to build and hash: 0.2 s of each save in watch
        // at 20,000 notes).
        // The clinicians' full names: a member's name inside one ("James
        // Park, LPCC, coached the role-play", a member named Grace Park) is
        // the clinician's, whom the guide asks the note to name (an
        // audit-precision review found it warned of).
        let clinicianNames = (record.practice?.clinicians ?? []).compactMap { $0.name?.value }
        let clinicians = clinicianNames.map(Self.words).filter { $0.count > 1 }
        let namesKey = SignedText.digest(of: record.members.map { "\($0.id)=\(Self.names(of: $0).joined(separator: " "))" }
            .joined(separator: ",") + ";" + clinicianNames.joined(separator: ","))
        // Each member's own names as words, which a note may say of its own
        // member: made here once, so that the sessions' closures hold no
        // copy of the whole record (a copy and a release of every one of its
        // lists for each of 2,000 sessions, 0.7 % of a cold check).
        var ownWords: [String: Set<[UInt64]>] = [:]
        for member in record.members where ownWords[member.id] == nil {
            ownWords[member.id] = Set(Self.names(of: member).map(Self.words))
        }
        // Each group's roster, once: the record itself is not read in the
        // loop, where the closure over it copied the whole record for each
        // session (a retain and a release of each of its lists, 0.3 % of a
        // cold check at 20,000 notes, `perf`).
        var rosters: [String: [String]] = [:]
        for group in record.groups where rosters[group.id] == nil {
            rosters[group.id] = record.group(group.id)?.roster.map(\.member.value) ?? []
        }
        let sessions = record.sessions
        var found: [Finding] = []
        for index in sessions.indices {
            found += findings(in: sessions[index], at: index, rosters: rosters, names: names, namesKey: namesKey,
                              ownWords: ownWords, clinicians: clinicians, context: context)
        }
        return found
    }

    /// What the rule finds in the notes of one session (kept per session in the memo and the cache).
    private func findings(in session: Session, at index: Int, rosters: [String: [String]],
                          names: [String: [(written: String, words: [UInt64])]], namesKey: String,
                          ownWords: [String: Set<[UInt64]>], clinicians: [[UInt64]], context: RuleContext) -> [Finding] {
        guard let log = session.note else { return [] }
        var others = Set(log.attendance.map(\.member.value))
        if let group = log.group.flatMap({ rosters[$0.value] }) { others.formUnion(group) }
        let sortedOthers = others.sorted()
        let othersKey = sortedOthers.joined(separator: ",")
        // Kept per session, not per note: one key of the session's notes
        // instead of ten was a hundredth of the time at 20,000 notes
        // (135 ms of each save in watch went to keys and lookups).
        let notes = session.progressNotes.filter(\.isReadable)
        return context.analysis.derived("other-member-named", from: notes.map(\.file),
                                        extra: [namesKey, othersKey] + notes.map(\.member), cachedAs: (session.id, index)) {
            // A 4,096-bit filter of the first words of the session's
            // names, once per session: a block with none of them (nearly
            // every block) is passed over without a list of its words
            // (hashing 7 million words of 20,000 notes into sets, then
            // into lists, was most of this rule's time). A note's own
            // member's names pass it too, and are left out after.
            var filter = WordFilter()
            var capitalized = true
            for other in sortedOthers {
                for name in names[other] ?? [] {
                    filter.insert(name.words[0])
                    capitalized = capitalized && name.written.utf8.first.map { $0 >= 0x41 && $0 <= 0x5A } == true
                }
            }
            // Names that all start with a capital A to Z are looked for only at words that do.
            let mayName = capitalized ? WordScanner.mayHoldCapitalizedWord : WordScanner.mayHoldWord
            return notes.flatMap { note in
                Self.findings(in: note, others: sortedOthers, names: names, mayName: { mayName($0, filter) }, filter: filter,
                              ownNames: ownWords[note.member] ?? [], clinicians: clinicians)
            }
        }
    }

    /// The first name of each other member that stands in `note`, where it stands.
    private static func findings(in note: ProgressNote, others: [String], names: [String: [(written: String, words: [UInt64])]],
                                 mayName: (String) -> Bool, filter: WordFilter, ownNames: Set<[UInt64]>,
                                 clinicians: [[UInt64]]) -> [Finding] {
        guard others.contains(where: { $0 != note.member && !(names[$0] ?? []).isEmpty }) else { return [] }
        // Each block is read where it lies, by its place, and only its text
        // is taken: a block copied for each look (its text, runs, list items
        // and place) was most of this rule's retains, at every block of
        // 20,000 notes (`perf`).
        let body = note.content.body
        let blocks = body.blocks.indices.compactMap { index -> (block: Int, words: [(hash: UInt64, offset: Int)])? in
            let text = body.blocks[index].text
            guard mayName(text) else { return nil }
            let words = WordScanner.placedWords(text)
            guard words.contains(where: { filter.mayHold($0.hash) }) else { return nil }
            return (block: index, words: words)
        }
        // The factor its 90785 bills is printed under the note, and goes to the payer as well.
        let reason = note.interactiveComplexity.flatMap { reason -> (located: Located<String>, words: [(hash: UInt64, offset: Int)])? in
            mayName(reason.value) ? (reason, WordScanner.placedWords(reason.value)) : nil
        }
        guard !blocks.isEmpty || reason != nil else { return [] }
        return others.filter { $0 != note.member }.compactMap { other -> Finding? in
            let names = (names[other] ?? []).filter { !ownNames.contains($0.words) }
            if let reason, let found = names.first(where: { Self.offset(of: $0.words, in: reason.words, clinicians: clinicians) != nil }) {
                return Finding(reason.located.location, "names \"\(found.written)\" in the interactive complexity reason, another member "
                                   + "of the group (\(other))",
                               help: "write \"another member\" or \"a peer\": this reason goes to \(note.member)'s payer")
            }
            for block in blocks where !names.isEmpty {
                // The name that stands first in the block, where it stands.
                let found = names.compactMap { name in
                    Self.offset(of: name.words, in: block.words, clinicians: clinicians).map { (name: name.written, offset: $0) }
                }.min { $0.offset < $1.offset }
                guard let found else { continue }
                return Finding(body.blocks[block.block].location(ofTextOffset: found.offset),
                               "names \"\(found.name)\", another member of the group (\(other))",
                               help: "write \"another member\" or \"a peer\": this note goes to \(note.member)'s payer")
            }
            return nil
        }
    }

    /// A member's first and last names, and each capitalised word of three
    /// letters or more of a name of several ("José Luis", "García López"):
    /// people with two surnames are called by the first, and an
    /// audit-precision review found "Sr. Garcia" passed where only "García
    /// López" was looked for. "de la Cruz" gives "Cruz", not "de" or "la".
    private static func names(of member: Member?) -> [String] {
        let whole = [member?.profile?.firstName?.value, member?.profile?.lastName?.value].compactMap { $0 }
        let parts = whole.flatMap { name -> [String] in
            let words = name.split(whereSeparator: \.isWhitespace)
            guard words.count > 1 else { return [] }
            return words.filter { $0.count >= 3 && $0.first?.isUppercase == true }.map(String.init)
        }
        return whole + parts.filter { !whole.contains($0) }
    }

    /// The hashes of the words of a name, accents removed, case kept.
    static func words(_ text: String) -> [UInt64] {
        WordScanner.placedWords(text).map(\.hash)
    }

    /// Where `name` (one or more words) first stands in `words` as whole
    /// words, but inside a clinician's full name: the offset of its first
    /// word in the block's text.
    private static func offset(of name: [UInt64], in words: [(hash: UInt64, offset: Int)], clinicians: [[UInt64]]) -> Int? {
        guard name.count <= words.count else { return nil }
        func stands(_ words: [(hash: UInt64, offset: Int)], _ name: [UInt64], at start: Int) -> Bool {
            start >= 0 && start + name.count <= words.count && name.indices.allSatisfy { words[start + $0].hash == name[$0] }
        }
        return (0...(words.count - name.count)).first { start in
            guard stands(words, name, at: start) else { return false }
            // Inside a clinician's full name, where the member's name stands as one of its words.
            return !clinicians.contains { clinician in
                clinician.indices.contains { part in
                    clinician[part] == name[0] && clinician.count - part >= name.count && stands(words, clinician, at: start - part)
                }
            }
        }.map { words[$0].offset }
    }
}
