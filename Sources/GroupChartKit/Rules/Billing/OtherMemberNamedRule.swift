import Foundation

/// `other-member-named`: a member's note that names another member of the
/// group, whose privacy goes with the note to this member's payer.
struct OtherMemberNamedRule: Rule {
    let id = "other-member-named"
    let defaultSeverity = Severity.warning
    let summary = "a member's progress note names another member of the group (first or last name as a whole word, case as written, accents ignored)"
    let explanation = Explanation(
        checks: """
            Each progress note for the first and last names of the other members of its session's group \
            (and of the session's attendance log), as whole words in the case they are written, with \
            accents ignored (Nguyen matches Nguyễn). The member's own names are not searched.
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
        return record.sessions.flatMap { session -> [Finding] in
            guard let log = session.note else { return [] }
            var others = Set(log.attendance.map(\.member.value))
            if let group = record.group(of: log) { others.formUnion(group.roster.map(\.member.value)) }
            return session.progressNotes.filter(\.isReadable).flatMap { note -> [Finding] in
                let ownNames = Set(Self.names(of: record.member(note.member)).map(Self.words))
                let blocks = note.content.body.blocks.map { block in
                    let words = Self.words(block.text)
                    return (location: block.location, words: words, set: Set(words))
                }
                return others.sorted().filter { $0 != note.member }.compactMap { other -> Finding? in
                    let names = Self.names(of: record.member(other)).filter { $0.count > 1 }
                        .map { (written: $0, words: Self.words($0)) }.filter { !$0.words.isEmpty && !ownNames.contains($0.words) }
                    for block in blocks {
                        guard let name = names.first(where: { Self.contains($0.words, in: block.words, set: block.set) }) else { continue }
                        return Finding(block.location, "names \"\(name.written)\", another member of the group (\(other))",
                                       help: "write \"another member\" or \"a peer\": this note goes to \(note.member)'s payer")
                    }
                    return nil
                }
            }
        }
    }

    private static func names(of member: Member?) -> [String] {
        [member?.profile?.firstName?.value, member?.profile?.lastName?.value].compactMap { $0 }
    }

    /// The hashes of the words of `text` (runs of letters and digits),
    /// accents removed, case kept.
    static func words(_ text: String) -> [UInt64] {
        WordScanner(lowercased: false).sentences(text).joined().map(\.hash)
    }

    /// Whether `name` (one or more words) stands in `words` as whole words.
    private static func contains(_ name: [UInt64], in words: [UInt64], set: Set<UInt64>) -> Bool {
        guard name.count <= words.count, set.contains(name[0]) else { return false }
        if name.count == 1 { return true }
        return (0...(words.count - name.count)).contains { Array(words[$0..<($0 + name.count)]) == name }
    }
}
