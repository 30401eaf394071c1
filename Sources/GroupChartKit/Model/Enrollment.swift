/// Who belongs to a group on a date: the roster and its dates alone
/// (format.md). A treatment plan naming the group enrolls nobody: a plan
/// says what a member is treated in, the roster who the group expects.
extension Group {
    /// The roster entries of `member`, in the order written.
    public func entries(of member: String) -> [RosterEntry] {
        roster.filter { $0.member.value == member }
    }

    /// Whether the roster enrolls `member` on `date`; on an unknown date,
    /// whether the roster names the member at all.
    public func enrolls(_ member: String, on date: LocalDate?) -> Bool {
        let entries = entries(of: member)
        guard let date else { return !entries.isEmpty }
        // An entry whose dates could not be read may enroll the member on any date.
        return entries.contains { $0.covers(date) || $0.datesUnread }
    }

    /// The members enrolled on `date`, each once, in roster order.
    public func enrolled(on date: LocalDate?) -> [RosterEntry] {
        var seen: Set<String> = []
        return roster.filter { entry in
            // An entry whose dates could not be read expects the member on no date.
            guard !entry.datesUnread, date.map(entry.covers) ?? true else { return false }
            return seen.insert(entry.member.value).inserted
        }
    }
}

extension PracticeRecord {
    /// The group a session note names, when it exists.
    public func group(of note: SessionNote) -> Group? {
        note.group.flatMap { group($0.value) }
    }

    /// Who led a session: its facilitator and co-facilitator, the
    /// session's own or else its group's (a co-facilitator `none` is none).
    /// Where the records, the claims' signers and the rules about
    /// clinicians each worked it out again.
    public func leaders(of note: SessionNote, in group: Group? = nil) -> (facilitator: Located<String>?, coFacilitator: Located<String>?) {
        let group = group ?? self.group(of: note)
        let co = note.coFacilitator ?? group?.coFacilitator
        return (note.facilitator ?? group?.facilitator, co?.value == "none" ? nil : co)
    }
}
