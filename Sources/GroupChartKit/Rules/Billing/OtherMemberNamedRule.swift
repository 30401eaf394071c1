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
            if let group = record.group(of: log) { others.formUnion(group.members.map(\.value)) }
            return session.progressNotes.filter(\.isReadable).flatMap { note -> [Finding] in
                let ownNames = Set(Self.names(of: record.member(note.member)).map(Self.fold))
                return others.sorted().filter { $0 != note.member }.compactMap { other -> Finding? in
                    let member = record.member(other)
                    let names = Self.names(of: member).filter { !ownNames.contains(Self.fold($0)) && $0.count > 1 }
                    for block in note.content.body.blocks {
                        let text = Self.fold(block.text)
                        guard let name = names.first(where: { Self.containsWord(Self.fold($0), in: text) }) else { continue }
                        return Finding(block.location, "names \"\(name)\", another member of the group (\(other))",
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

    /// Accents removed, case kept.
    private static func fold(_ text: String) -> String {
        text.folding(options: .diacriticInsensitive, locale: nil)
    }

    /// `word` in `text` with no letter or digit on either side.
    private static func containsWord(_ word: String, in text: String) -> Bool {
        var search = text.startIndex..<text.endIndex
        while let found = text.range(of: word, range: search) {
            let before = found.lowerBound == text.startIndex ? nil : text[text.index(before: found.lowerBound)]
            let after = found.upperBound == text.endIndex ? nil : text[found.upperBound]
            if !(before.map { $0.isLetter || $0.isNumber } ?? false), !(after.map { $0.isLetter || $0.isNumber } ?? false) {
                return true
            }
            search = found.upperBound..<text.endIndex
        }
        return false
    }
}
