/// `same-day-services`: an individual and a group session of one member on
/// one date, and the modifier that tells the payer both were given.
struct SameDayServicesRule: Rule {
    let id = "same-day-services"
    let defaultSeverity = Severity.note
    let summary = "an individual session and a group session, or two group sessions, of one member fall on one date: says which modifier the claim carries"
    let explanation = Explanation(
        checks: """
            Each individual session of a member who also attended a billable group session on the same \
            date. The individual claim then carries the payer's `same_day_modifier` (59 when the payer sets \
            none; many payers want XE); the group claim (90853) carries none. Likewise a member's second \
            group session of one code on one date (a morning and an evening group, by start time): its claim \
            carries the modifier, the first none; a claim already sent keeps what it was sent with, and the \
            others are told apart from it. Two sessions of one group that day, the second starting at most 15 \
            minutes after the first ends, with the same members attending, are a warning at the second: one \
            session split in two reads as billed twice with the modifier to get past the payer's edit.
            """,
        why: """
            The billing guide: a client in individual and group therapy (common in DBT programs) needs both \
            services documented and billed separately, "with attention to modifier usage when services occur \
            on the same day". Without the modifier, the payer's edits deny one of the two as a duplicate.
            """,
        example: """
            members/okonkwo-david/individual/2026-03-19.md   date: 2026-03-19
            sessions/2026-03-19-dbt-skills/session.md         okonkwo-david: present
            """,
        fix: """
            Nothing to fix: the note tells you the claim carries the modifier. Set the payer's \
            same_day_modifier in practice.yaml if it wants one other than 59.
            """)

    func check(_ context: RuleContext) -> [Finding] {
        individualOnGroupDays(context) + repeatedGroups(context) + SplitSessions.findings(context.record)
    }

    /// A member's second group session of one code on one date: its claim
    /// carries the modifier (`RepeatedGroupServices`), said at its note.
    private func repeatedGroups(_ context: RuleContext) -> [Finding] {
        let record = context.record
        let repeated = RepeatedGroupServices(record: record)
        return record.services.compactMap { later in
            guard let first = repeated.first(before: later), record.member(later.member)?.isSelfPay != true,
                  let note = later.noteFile else { return nil }
            let payer = record.member(later.member)?.insurance?.payer.flatMap { record.practice?.payer($0.value) }
            let modifier = payer?.sameDayModifier?.value ?? "59"
            return Finding(SourceLocation(file: note, line: 1),
                           "\(later.member) also attended group session \(first.sessionID) on \(later.date): this \(later.cpt) claim carries "
                               + "modifier \(modifier), that session's none, so that the payer does not deny it as billed twice",
                           related: first.noteFile.map { [RelatedLocation(SourceLocation(file: $0, line: 1), "the other group session")] } ?? [])
        }
    }

    private func individualOnGroupDays(_ context: RuleContext) -> [Finding] {
        let record = context.record
        return record.services.filter { $0.kind == .individual }.compactMap { individual in
            // A self-pay member's sessions are claimed nowhere: no modifier to tell of.
            guard record.member(individual.member)?.isSelfPay != true,
                  let group = record.services.first(where: { $0.kind == .group && $0.member == individual.member && $0.date == individual.date }),
                  let note = record.member(individual.member)?.individualNotes.first(where: { $0.file == individual.noteFile }),
                  let date = note.date else { return nil }
            let payer = record.member(individual.member)?.insurance?.payer.flatMap { record.practice?.payer($0.value) }
            let modifier = payer?.sameDayModifier?.value ?? "59"
            return Finding(date.location,
                           "\(individual.member) also attended group session \(group.sessionID) on \(individual.date): the \(individual.cpt) claim carries modifier \(modifier), the \(group.cpt) claim none",
                           related: group.sessionNoteFile.map { [RelatedLocation(SourceLocation(file: $0, line: 1), "the group session")] } ?? [])
        }
    }
}
