/// `missing-credentials`: a facilitator or co-facilitator without
/// credentials or NPI, and (GroupChart's addition) anyone who signs a plan
/// or a note without credentials: an auditor's review found plans and
/// notes signed by the front desk, printed "Signed Dana Office", which no
/// payer accepts as a clinician's documentation. A plan so signed is said
/// at its `signed_by`; a note, by `unsigned-note` (its signer led nothing).
struct MissingCredentialsRule: Rule {
    let id = "missing-credentials"
    let defaultSeverity = Severity.error
    let summary = "a facilitator or co-facilitator without credentials or NPI, or a plan signed by a clinician without credentials"
    let explanation = Explanation(
        checks: """
            Every clinician who facilitates or co-facilitates a session (the session's, or else the \
            group's) or renders an individual session: practice.yaml must give their `credentials` and `npi` \
            (credentials written blank, as a dash or "none" are none, and so are words that say no license \
            stands behind them yet: "pending", "student", "trainee", "unlicensed", "applicant", "candidate", unless \
            a license stands beside them, as in "LPCC, PhD candidate"), reported once per clinician, where \
            practice.yaml defines them. A treatment plan signed (`signed_by`) by a clinician with no \
            credentials who leads no session is reported at its `signed_by`, which holds the claims that plan \
            supports; a note so signed is `unsigned-note` (its signer did not lead the session).
            """,
        why: """
            "If a group has a co-facilitator, their credentials and NPI should be documented in the group \
            session note." The rendering clinician's NPI goes on every claim (box 24J).
            """,
        example: "park: {name: James Park}",
        fix: "Add credentials and npi: park: {name: James Park, credentials: LPCC, npi: \"1830166132\"}")

    func check(_ context: RuleContext) -> [Finding] {
        guard let practice = context.record.practice else { return [] }
        var involved: Set<String> = []
        for session in context.record.sessions {
            guard let note = session.note else { continue }
            let (facilitator, co) = context.record.leaders(of: note)
            for leader in [facilitator, co].compactMap({ $0 }) { involved.insert(leader.value) }
        }
        for member in context.record.members {
            for note in member.individualNotes { if let clinician = note.clinician { involved.insert(clinician.value) } }
        }
        let withoutCredentials = Set(practice.clinicians.filter { !$0.hasCredentials }.map(\.id.value))
        let leaders = practice.clinicians.compactMap { clinician -> Finding? in
            guard involved.contains(clinician.id.value) else { return nil }
            let missing = [withoutCredentials.contains(clinician.id.value) ? "credentials" : nil,
                           clinician.npi == nil ? "npi" : nil].compactMap { $0 }
            guard !missing.isEmpty else { return nil }
            if let written = clinician.credentialsNamingNoLicense {
                let also = clinician.npi == nil ? " and no npi" : ""
                return Finding(clinician.id.location, "clinician \"\(clinician.id.value)\" has credentials \"\(written.value)\", which name no license\(also)",
                               help: "write the license \(clinician.id.value) holds (LCSW, LPC, LMFT, PsyD, ...) once it is issued\(also.isEmpty ? "" : " and add npi: ...")"
                                   + "; until then, bill the sessions under a licensed facilitator")
            }
            return Finding(clinician.id.location, "clinician \"\(clinician.id.value)\" has no \(missing.joined(separator: " and "))",
                           help: "add \(missing.map { "\($0): ..." }.joined(separator: ", ")) to \(clinician.id.value) in practice.yaml")
        }
        return leaders + Self.plansSignedWithoutCredentials(context.record, practice: practice, signers: withoutCredentials.subtracting(involved))
    }

    /// Each plan signed by a clinician with no credentials who leads no
    /// session (one who does is said once, in practice.yaml), said at its
    /// `signed_by`, so that the claims that plan supports are held and no
    /// others: said in practice.yaml, one plan signed by the front desk
    /// held every claim of the practice (found by a code review). A note so
    /// signed is `unsigned-note`'s: its signer did not lead the session.
    private static func plansSignedWithoutCredentials(_ record: PracticeRecord, practice: Practice, signers: Set<String>) -> [Finding] {
        record.members.flatMap(\.plans).compactMap { plan in
            guard let signer = plan.signedBy, signers.contains(signer.value) else { return nil }
            let written = practice.clinicians.first { $0.id.value == signer.value }?.credentialsNamingNoLicense
            let has = written.map { "whose credentials \"\($0.value)\" name no license" } ?? "who has no credentials"
            return Finding(signer.location, "the plan is signed by \"\(signer.value)\", \(has) in practice.yaml",
                           help: "have the treating clinician sign the plan, or add credentials: ... to \(signer.value) in practice.yaml "
                               + "(a plan signed without a credential is not a clinician's plan)")
        }
    }
}
