/// `invalid-npi`: an NPI that is not ten digits with a valid check digit.
struct InvalidNPIRule: Rule {
    let id = "invalid-npi"
    let isSessionLocal = true
    let defaultSeverity = Severity.error
    let summary = "an NPI that is not ten digits with a valid check digit"
    let explanation = Explanation(
        checks: """
            The practice's NPI and every clinician's: ten digits, the last being the Luhn check digit of the \
            first nine with the prefix 80840, as CMS issues them; and no two clinicians with one NPI (the \
            practice's own may be a clinician's, when it bills under its clinician's NPI).
            """,
        why: """
            A claim whose billing or rendering NPI fails the check digit is rejected by the clearinghouse \
            before a payer sees it (the billing guide's own sample NPIs fail it).
            """,
        example: "torres: {name: Angela Torres, credentials: LMFT, npi: \"1345678901\"}",
        fix: "Copy the NPI again from the NPPES registry (npiregistry.cms.hhs.gov); a typo usually changes the check digit.")

    func check(_ context: RuleContext) -> [Finding] {
        guard let practice = context.record.practice else { return [] }
        let npis = [practice.npi].compactMap { $0 } + practice.clinicians.compactMap(\.npi)
        return npis.compactMap { npi in
            guard !Identifier.isValidNPI(npi.value) else { return nil }
            return Finding(npi.location, "\(npi.value.quotedForMessage) is not a valid NPI: \(Self.problem(npi.value))",
                           help: "copy the NPI again from the NPPES registry (npiregistry.cms.hhs.gov)")
        } + shared(practice.clinicians)
    }

    /// A clinician's NPI that is another clinician's: it passes the check
    /// digit, and every claim the second clinician rendered went out under
    /// the first's NPI with the second's name (a clearinghouse analyst's
    /// review: a copy-paste slip nothing else caught). An NPI is one
    /// person's for life; the practice's own may be a clinician's (a solo
    /// practice billing under its clinician's NPI).
    private func shared(_ clinicians: [Clinician]) -> [Finding] {
        var first: [String: Clinician] = [:]
        return clinicians.compactMap { clinician in
            guard let npi = clinician.npi, Identifier.isValidNPI(npi.value) else { return nil }
            guard let owner = first[npi.value] else {
                first[npi.value] = clinician
                return nil
            }
            return Finding(npi.location, "\(npi.value.quotedForMessage) is also \(owner.id.value)'s NPI: an NPI is one clinician's, and the 837P names "
                               + "the clinician who rendered a service by it",
                           help: "copy \(clinician.id.value)'s own NPI from the NPPES registry (npiregistry.cms.hhs.gov); if both entries are "
                               + "one person, keep one",
                           related: owner.npi.map { [RelatedLocation($0.location, "\(owner.id.value)'s NPI")] } ?? [])
        }
    }

    private static func problem(_ text: String) -> String {
        guard text.count == 10, text.allSatisfy(\.isASCIIDigit) else { return "an NPI is ten digits" }
        let check = (0...9).first { Identifier.isValidNPI(text.dropLast() + String($0)) }!
        return "its check digit should be \(check)"
    }
}
