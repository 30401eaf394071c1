/// `missing-credentials`: a facilitator or co-facilitator without
/// credentials or NPI.
struct MissingCredentialsRule: Rule {
    let id = "missing-credentials"
    let defaultSeverity = Severity.error
    let summary = "a facilitator or co-facilitator without credentials or NPI"
    let explanation = Explanation(
        checks: """
            Every clinician who facilitates or co-facilitates a session (the session's, or else the \
            group's) or renders an individual session: practice.yaml must give their `credentials` and `npi` \
            (credentials written blank, as a dash or "none" are none). Reported once per clinician, where \
            practice.yaml defines them.
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
        return practice.clinicians.compactMap { clinician in
            guard involved.contains(clinician.id.value) else { return nil }
            // Credentials written blank, as a dash or "none" are none: the
            // records would print "Angela Torres," and the claim go out
            // under a clinician no license stands behind.
            let hasCredentials = clinician.credentials.map { !NoValue.isPlaceholder($0.value) } ?? false
            let missing = [hasCredentials ? nil : "credentials", clinician.npi == nil ? "npi" : nil].compactMap { $0 }
            guard !missing.isEmpty else { return nil }
            return Finding(clinician.id.location, "clinician \"\(clinician.id.value)\" has no \(missing.joined(separator: " and "))",
                           help: "add \(missing.map { "\($0): ..." }.joined(separator: ", ")) to \(clinician.id.value) in practice.yaml")
        }
    }
}
