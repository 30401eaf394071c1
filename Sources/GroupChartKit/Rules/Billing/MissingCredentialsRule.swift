/// `missing-credentials`: a facilitator or co-facilitator without
/// credentials or NPI, and (GroupChart's addition) anyone who signs a plan
/// or a note without credentials: an auditor's review found plans and
/// notes signed by the front desk, printed "Signed Dana Office", which no
/// payer accepts as a clinician's documentation.
struct MissingCredentialsRule: Rule {
    let id = "missing-credentials"
    let defaultSeverity = Severity.error
    let summary = "a facilitator or co-facilitator without credentials or NPI, or a signer of a plan or note without credentials"
    let explanation = Explanation(
        checks: """
            Every clinician who facilitates or co-facilitates a session (the session's, or else the \
            group's) or renders an individual session: practice.yaml must give their `credentials` and `npi` \
            (credentials written blank, as a dash or "none" are none). Every clinician who signs a treatment \
            plan, a session note or a progress note (`signed_by`) must give their `credentials` (an NPI only \
            when they render). Reported once per clinician, where practice.yaml defines them, naming the \
            first record they sign.
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
            let group = context.record.group(of: note)
            if let facilitator = note.facilitator ?? group?.facilitator { involved.insert(facilitator.value) }
            if let co = note.coFacilitator ?? group?.coFacilitator, co.value != "none" { involved.insert(co.value) }
        }
        for member in context.record.members {
            for note in member.individualNotes { if let clinician = note.clinician { involved.insert(clinician.value) } }
        }
        let signatures = Self.firstSignatures(in: context.record)
        return practice.clinicians.compactMap { clinician in
            // Credentials written blank, as a dash or "none" are none: the
            // records would print "Angela Torres," and the claim go out
            // under a clinician no license stands behind.
            let hasCredentials = clinician.credentials.map { !NoValue.isPlaceholder($0.value) } ?? false
            if involved.contains(clinician.id.value) {
                let missing = [hasCredentials ? nil : "credentials", clinician.npi == nil ? "npi" : nil].compactMap { $0 }
                guard !missing.isEmpty else { return nil }
                return Finding(clinician.id.location, "clinician \"\(clinician.id.value)\" has no \(missing.joined(separator: " and "))",
                               help: "add \(missing.map { "\($0): ..." }.joined(separator: ", ")) to \(clinician.id.value) in practice.yaml")
            }
            guard !hasCredentials, let signed = signatures[clinician.id.value] else { return nil }
            return Finding(clinician.id.location, "clinician \"\(clinician.id.value)\" signs records but has no credentials",
                           help: "add credentials: ... to \(clinician.id.value) in practice.yaml, or have the clinician who wrote "
                               + "the record sign it (a record signed without a credential is not a clinician's documentation)",
                           related: [RelatedLocation(signed, "signed here")])
        }
    }

    /// Where each clinician first signs (plans, session notes, progress
    /// notes, individual notes, in the record's order).
    private static func firstSignatures(in record: PracticeRecord) -> [String: SourceLocation] {
        var first: [String: SourceLocation] = [:]
        func note(_ signer: Located<String>?) {
            if let signer, first[signer.value] == nil { first[signer.value] = signer.location }
        }
        for member in record.members {
            for plan in member.plans { note(plan.signedBy) }
            for individual in member.individualNotes { note(individual.signature.signedBy) }
        }
        for session in record.sessions {
            note(session.note?.signature.signedBy)
            for progress in session.progressNotes { note(progress.signature.signedBy) }
        }
        return first
    }
}
