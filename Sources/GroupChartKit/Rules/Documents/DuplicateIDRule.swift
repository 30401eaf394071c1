/// `duplicate-id`: one thing defined twice, so that a claim could be built
/// twice or from the wrong definition.
struct DuplicateIDRule: Rule {
    let id = "duplicate-id"
    let defaultSeverity = Severity.error
    let summary = "two definitions of one id, two plans with one `effective` date"
    let explanation = Explanation(
        checks: """
            Two plans of one member with the same `effective` date (which one is in effect?), a member \
            enrolled twice in a group on one date (two roster entries whose dates overlap), one authorization number twice in a profile, one group session \
            recorded in two folders (same group and date, the same or overlapping times), and two individual notes of one member \
            with the same `date` (a note copied to another file name: one session billed twice).
            """,
        why: """
            A session recorded twice bills every member twice; two plans in effect on one day leave the \
            diagnoses and goals of the claim to chance. Payers recoup duplicate claims on audit.
            """,
        example: """
            members/okonkwo-david/plan-2026-01-29.md   effective: 2026-01-29
            members/okonkwo-david/plan-2026-01-30.md   effective: 2026-01-29
            """,
        fix: "Remove or merge the duplicate, or correct its date.")

    func check(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        for member in context.record.members {
            findings += duplicates(member.plans.compactMap(\.effective), what: "plan effective on")
            // Two notes of one day are one service billed twice (a note copied
            // to another file name keeps its date: and its claim).
            findings += duplicates(member.individualNotes.compactMap(\.date), what: "individual session of \(member.id) on")
            if case .insured(let insurance)? = member.profile?.coverage {
                findings += duplicates(insurance.authorizations.compactMap(\.number), what: "authorization")
            }
        }
        for group in context.record.groups {
            findings += overlappingEntries(group)
        }
        let sessions = context.record.sessions.compactMap(\.note).compactMap { note -> Located<String>? in
            guard let group = note.group, let date = note.date, let start = note.start else { return nil }
            return Located("\(group.value) on \(date.value) at \(start.value)", at: date.location)
        }
        findings += duplicates(sessions, what: "session of")
        findings += overlappingSessions(context.record.sessions.compactMap(\.note))
        return findings
    }

    /// A session of a group whose times overlap an earlier one of the same
    /// group and date (another start, so not a duplicate above): the same
    /// session filed twice, in a folder copied with its start moved, bills
    /// every member twice.
    private func overlappingSessions(_ notes: [SessionNote]) -> [Finding] {
        var earlier: [String: [(start: LocalTime, end: LocalTime, location: SourceLocation)]] = [:]
        var findings: [Finding] = []
        for note in notes {
            guard let group = note.group?.value, let date = note.date, let start = note.start?.value, let end = note.end?.value,
                  start < end else { continue }
            let key = "\(group) \(date.value)"
            if let other = earlier[key]?.first(where: { $0.start != start && $0.start < end && start < $0.end }) {
                findings.append(Finding(
                    date.location, "session of \"\(group)\" on \(date.value) at \(start)-\(end) overlaps the one at \(other.start)-\(other.end)",
                    help: "one group meets once at a time: if this is the same session filed twice, remove one folder; if not, correct its times",
                    related: [RelatedLocation(other.location, "the other session")]))
            }
            earlier[key, default: []].append((start, end, date.location))
        }
        return findings
    }

    /// Each roster entry whose dates overlap an earlier entry of the same
    /// member: a member enrolled twice over the years has two entries, one
    /// after the other.
    private func overlappingEntries(_ group: Group) -> [Finding] {
        group.roster.indices.compactMap { index in
            let entry = group.roster[index]
            guard let earlier = group.roster[..<index].first(where: { $0.member.value == entry.member.value && $0.overlaps(entry) })
            else { return nil }
            return Finding(entry.location, "member \"\(entry.member.value)\" is enrolled twice in group \"\(group.id)\" on the same dates",
                           help: "merge the two entries, or give them joined and left dates that do not overlap",
                           related: [RelatedLocation(earlier.location, "first enrolled here")])
        }
    }

    /// Every value after its first occurrence, pointing back at the first.
    private func duplicates<Value: Hashable & CustomStringConvertible>(_ values: [Located<Value>], what: String) -> [Finding] {
        var first: [Value: SourceLocation] = [:]
        var findings: [Finding] = []
        for value in values {
            if let earlier = first[value.value] {
                findings.append(Finding(
                    value.location, "\(what) \"\(value.value)\" is defined twice",
                    help: "remove the duplicate or correct it",
                    related: [RelatedLocation(earlier, "first defined here")]))
            } else {
                first[value.value] = value.location
            }
        }
        return findings
    }
}
