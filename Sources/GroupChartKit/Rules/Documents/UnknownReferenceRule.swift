/// `unknown-reference`: an id that names no member, group, clinician or payer.
struct UnknownReferenceRule: Rule {
    let id = "unknown-reference"
    let isSessionLocal = true
    let defaultSeverity = Severity.error
    let summary = "an id that names no member, group, clinician or payer (also a note file whose name is no member); suggests the nearest id"
    let explanation = Explanation(
        checks: """
            Every id one document uses for another: facilitators, signers and the clinicians of Addendum \
            headings (clinicians of practice.yaml), \
            a member's payer, a plan's or session's group, a group's members, the attendance log's members, \
            and the file name of each progress note, which must be a member's id.
            """,
        why: """
            A claim for "okonkwo-davd" belongs to nobody: it cannot carry a name, a date of birth or a \
            diagnosis, and a note filed under the wrong name is evidence for the wrong person.
            """,
        example: """
            attendance:
              okonkwo-davd: present
            """,
        fix: "Correct the id to the one suggested, or create the member, group, clinician or payer it names.")

    func check(_ context: RuleContext) -> [Finding] {
        var references = References(record: context.record)
        references.collect()
        return references.findings
    }
}

/// Walks the model once, checking every id against what exists.
///
/// The ids that exist are gathered once, in sets: each of some 40,000
/// references at 20,000 notes listed the practice's members (or clinicians,
/// or groups) anew and looked through the list, 2.7 % of a cold check
/// (`perf`). The lists are made only for a reference that names none, for
/// the nearest id to suggest.
private struct References {
    let record: PracticeRecord
    var findings: [Finding] = []
    private let clinicians: Set<String>
    private let payers: Set<String>
    private let groups: Set<String>

    init(record: PracticeRecord) {
        self.record = record
        clinicians = Set(record.practice?.clinicians.map(\.id.value) ?? [])
        payers = Set(record.practice?.payers.map(\.id.value) ?? [])
        groups = Set(record.groups.map(\.id))
    }

    mutating func collect() {
        for group in record.groups {
            clinician(group.facilitator)
            clinician(group.coFacilitator)
            group.roster.forEach { member($0.member) }
        }
        for member in record.members {
            if case .insured(let insurance)? = member.profile?.coverage {
                payer(insurance.payer)
                insurance.benefits.forEach { clinician($0.verifiedBy) }
            }
            for plan in member.plans {
                plan.groups.forEach { group($0) }
                clinician(plan.signedBy)
            }
            for note in member.individualNotes {
                clinician(note.clinician)
                signers(note.signature)
            }
        }
        for session in record.sessions {
            if let note = session.note {
                group(note.group)
                clinician(note.facilitator)
                if note.coFacilitator?.value != "none" { clinician(note.coFacilitator) }
                note.attendance.forEach { member($0.member) }
                signers(note.signature)
            }
            for note in session.progressNotes {
                member(Located(note.member, at: SourceLocation(file: note.file, line: 1)), isFileName: true)
                signers(note.signature)
            }
        }
    }

    /// Who signed a note, and who wrote each of its addenda.
    private mutating func signers(_ signature: Signature) {
        clinician(signature.signedBy)
        signature.addenda.forEach { clinician($0.clinician) }
    }

    /// Not when practice.yaml lists no clinician at all: that is its own
    /// `missing-field` error, and the key misspelt (`clincians:`) would
    /// otherwise bury it under an error at every note a clinician signed.
    private mutating func clinician(_ id: Located<String>?) {
        guard let id, let practice = record.practice, !practice.clinicians.isEmpty, !clinicians.contains(id.value) else { return }
        check(id, in: practice.clinicians.map(\.id.value), noun: "clinician", defined: "in practice.yaml under clinicians:")
    }

    private mutating func payer(_ id: Located<String>?) {
        guard let id, let practice = record.practice, !payers.contains(id.value) else { return }
        check(id, in: practice.payers.map(\.id.value), noun: "payer", defined: "in practice.yaml under payers:")
    }

    private mutating func group(_ id: Located<String>?) {
        guard let id, !groups.contains(id.value) else { return }
        check(id, in: record.groups.map(\.id), noun: "group", defined: "as groups/<id>.md")
    }

    private mutating func member(_ id: Located<String>, isFileName: Bool = false) {
        guard !record.hasMember(id.value) else { return }
        let ids = record.members.map(\.id)
        if isFileName {
            findings.append(Finding(id.location, "note file \"\(id.value).md\" names no member",
                                    help: NearestName.help(for: id.value, in: ids, noun: "member")
                                        + " (a progress note is named after its member's id)"))
        } else {
            check(id, in: ids, noun: "member", defined: "as members/<id>/profile.md")
        }
    }

    private mutating func check(_ id: Located<String>, in ids: [String], noun: String, defined: String) {
        guard !ids.contains(id.value) else { return }
        let suggestion = NearestName.help(for: id.value, in: ids, noun: noun)
        findings.append(Finding(id.location, "no \(noun) \"\(id.value)\"",
                                help: "\(suggestion); \(noun)s are defined \(defined)"))
    }
}
