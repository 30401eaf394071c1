/// `invalid-npi`: an NPI that is not ten digits with a valid check digit.
struct InvalidNPIRule: Rule {
    let id = "invalid-npi"
    let isSessionLocal = true
    let defaultSeverity = Severity.error
    let summary = "an NPI that is not ten digits with a valid check digit"
    let explanation = Explanation(
        checks: """
            The practice's NPI and every clinician's: ten digits, the last being the Luhn check digit of the \
            first nine with the prefix 80840, as CMS issues them.
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
            return Finding(npi.location, "\"\(npi.value)\" is not a valid NPI: \(Self.problem(npi.value))",
                           help: "copy the NPI again from the NPPES registry (npiregistry.cms.hhs.gov)")
        }
    }

    private static func problem(_ text: String) -> String {
        guard text.count == 10, text.allSatisfy(\.isASCIIDigit) else { return "an NPI is ten digits" }
        let check = (0...9).first { Identifier.isValidNPI(text.dropLast() + String($0)) }!
        return "its check digit should be \(check)"
    }
}
