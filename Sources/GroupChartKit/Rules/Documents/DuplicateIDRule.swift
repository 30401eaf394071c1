/// `duplicate-id`: one thing defined twice, so that a claim could be built
/// twice or from the wrong definition.
struct DuplicateIDRule: Rule {
    let id = "duplicate-id"
    let defaultSeverity = Severity.error
    let summary = "two definitions of one id, two plans with one `effective` date, one person filed as two members"
    let explanation = Explanation(
        checks: """
            Two plans of one member with the same `effective` date (which one is in effect?), a member \
            enrolled twice in a group on one date (two roster entries whose dates overlap), one authorization number twice in a profile, one group session \
            recorded in two folders (same group and date, the same or overlapping times: said at both, so that \
            both hold their claims, with a folder named for another date than its note's named), and two \
            individual notes of one member with the same `date` (a note copied to another file name: one \
            session billed twice), and one person filed as two members (the same name and date of birth, \
            accents and case aside, or both the subscriber of one payer's member id: said at both profiles, \
            which holds both members' claims).
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
        findings += sessionsFiledTwice(context.record.sessions.compactMap(\.note))
        findings += PeopleFiledTwice.findings(context.record.members)
        return findings
    }

    /// One group session in two folders: the same group, date and start, or
    /// times that overlap. Said at both, so that both hold their claims:
    /// which one is the session and which a copy (a folder copied forward
    /// and dated back, say) only the clinician knows, and said at the second
    /// in path order alone, the copy was billed when its folder sorted first.
    private func sessionsFiledTwice(_ notes: [SessionNote]) -> [Finding] {
        var earlier: [String: [SessionNote]] = [:]
        var findings: [Finding] = []
        var said: Set<SourceLocation> = []
        for note in notes {
            guard let group = note.group?.value, let date = note.date else { continue }
            let key = "\(group) \(date.value)"
            let other = earlier[key]?.first { note.isFiledTwice(as: $0) }
            earlier[key, default: []].append(note)
            guard let other, let otherDate = other.date else { continue }
            for (this, that, thatDate) in [(note, other, otherDate), (other, note, date)] {
                guard let location = this.date?.location, said.insert(location).inserted else { continue }
                findings.append(Finding(location, Self.filedTwice(this, that, group: group, date: date.value),
                                        help: "one group meets once at a time: if this is the same session filed twice, remove the copy's "
                                            + "folder (both hold their claims until then); if not, correct its date or times",
                                        related: [RelatedLocation(thatDate.location, "the other session")]))
            }
        }
        return findings
    }

    /// `session of "skills" on 2026-03-05 at 14:00-15:30 is also filed in
    /// sessions/2026-03-02-skills (at 14:05-15:30), a folder named for 2026-03-02`.
    private static func filedTwice(_ this: SessionNote, _ that: SessionNote, group: String, date: LocalDate) -> String {
        func times(_ note: SessionNote) -> String {
            [note.start?.value.description, note.end?.value.description].compactMap { $0 }.joined(separator: "-")
        }
        func misnamed(_ note: SessionNote) -> String {
            let folder = note.file.split(separator: "/").dropLast().last.map(String.init) ?? ""
            guard case .success(let named) = LocalDate.parse(String(folder.prefix(10))), named != date else { return "" }
            return ", a folder named for \(named)"
        }
        let folder = that.file.split(separator: "/").dropLast().joined(separator: "/")
        let named = misnamed(this)
        return "session of \"\(group)\" on \(date) at \(times(this))\(named)\(named.isEmpty ? "" : ",") is also filed in \(folder) "
            + "(at \(times(that))\(misnamed(that)))"
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
