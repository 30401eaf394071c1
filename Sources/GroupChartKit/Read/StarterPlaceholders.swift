/// The fictional identifiers `groupchart init` writes into practice.yaml, and
/// those of the example practice, refused once the practice bills in
/// production (`edi: usage: production`).
///
/// They are well formed (the NPIs pass their check digit), so nothing else
/// stops them: a practice that renamed itself and its clinician but kept the
/// billing NPI, the EIN or the clearinghouse ids of the starter checked
/// clean and sent claims under a provider that does not exist. In test mode
/// they stay allowed: the starter and the example check clean, and a test
/// batch reaches no payer.
enum StarterPlaceholders {
    static let npis: Set<String> = ["1234567893", "1245319599", "1830166132"]
    static let taxIDs: Set<String> = ["12-3456789", "123456789"]
    static let submitterIDs: Set<String> = ["EXAMPLE01", "HARBORBH01"]
    static let receiverIDs: Set<String> = ["CLEARHOUSE"]
    static let payerIDs: Set<String> = ["99999"]

    /// An `invalid-value` error at each placeholder `practice` still holds.
    static func check(_ practice: Practice, log: FindingLog) {
        guard practice.edi?.usage?.value == .production else { return }
        func refuse(_ value: Located<String>?, among placeholders: Set<String>, _ what: String, _ harm: String, _ help: String) {
            guard let value, placeholders.contains(value.value) else { return }
            log.invalid(at: value.location,
                        "\(what) \"\(value.value)\" is a fictional value of groupchart init and its example, and practice.yaml bills "
                            + "in production (edi usage): \(harm)",
                        help: help)
        }
        let provider = "a claim with it names a provider that does not exist"
        let file = "the clearinghouse cannot tell whose file it is"
        refuse(practice.npi, among: npis, "the billing NPI", provider, "write the practice's own billing NPI (NPPES lists it)")
        refuse(practice.taxID, among: taxIDs, "the tax id", provider, "write the practice's own employer identification number (EIN)")
        for clinician in practice.clinicians {
            refuse(clinician.npi, among: npis, "clinician \(clinician.id.value)'s NPI", provider,
                   "write the clinician's own individual NPI (NPPES lists it)")
        }
        refuse(practice.edi?.submitterID, among: submitterIDs, "the submitter id", file, "write the submitter id your clearinghouse gave you")
        refuse(practice.edi?.receiverID, among: receiverIDs, "the receiver id", file, "write the receiver id your clearinghouse names for itself")
        for payer in practice.payers {
            refuse(payer.payerID, among: payerIDs, "payer \(payer.id.value)'s payer id", "its claims go to no payer",
                   "write the payer id your clearinghouse lists for the payer")
        }
    }
}
