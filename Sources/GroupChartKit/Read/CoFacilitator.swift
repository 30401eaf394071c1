/// A co-facilitator who is the facilitator names one clinician twice: the
/// record would claim two clinicians ran the group where one did (auditor
/// review). `invalid-value` at the co-facilitator.
enum CoFacilitator {
    static func refuseSameAsFacilitator(_ facilitator: Located<String>?, _ coFacilitator: Located<String>?, log: FindingLog) {
        guard let facilitator, let coFacilitator, coFacilitator.value == facilitator.value else { return }
        log.invalid(at: coFacilitator.location, "the co-facilitator \"\(coFacilitator.value)\" is the facilitator",
                    help: "name the clinician who led the group with them, or write co_facilitator: none")
    }
}
