/// Plain-language meanings of the claim adjustment reason codes (CARC) and
/// group codes an 835 gives, so that a biller reading a denial knows what to
/// do without the code list at hand. The wording follows the X12 code list
/// (x12.org, "Claim Adjustment Reason Codes"), shortened; codes not listed
/// here are named and pointed to that list.
public enum AdjustmentReason {
    /// The common codes of behavioral-health remittances.
    static let reasons: [String: String] = [
        "1": "applied to the member's deductible",
        "2": "the member's coinsurance",
        "3": "the member's copay",
        "4": "the modifier is missing or does not fit the procedure code",
        "5": "the procedure code does not fit the place of service",
        "11": "the diagnosis does not fit the procedure",
        "16": "the claim lacks information or has a billing error: read the remark codes, correct it and send it again",
        "18": "an exact duplicate of a claim already received",
        "22": "another payer may have to pay first (coordination of benefits)",
        "23": "what an earlier payer already paid or adjusted",
        "26": "the service came before the member's coverage began",
        "27": "the service came after the member's coverage ended",
        "29": "the time limit for filing the claim had passed",
        "31": "the payer cannot identify the patient as its member",
        "45": "the charge is above the contracted or allowed fee; the difference is written off",
        "50": "the payer does not deem the service medically necessary",
        "96": "a charge the member's plan does not cover",
        "97": "paid as part of another service already adjudicated (bundled)",
        "109": "not covered by this payer: send the claim to the member's correct payer",
        "119": "the plan's benefit maximum for the period has been reached",
        "167": "the diagnosis is not covered",
        "197": "no prior authorization, precertification or notification was on file",
        "198": "the authorized sessions or period were exceeded",
        "204": "the service is not covered by the member's current benefit plan",
        "242": "the provider is not in the payer's network",
        "253": "sequestration: the federal reduction of Medicare payments",
        "A1": "the claim or service is denied",
        "A2": "a contractual adjustment",
    ]

    static let groups: [String: String] = [
        "CO": "the practice writes it off and may not bill the member",
        "PR": "the member owes it",
        "OA": "another adjustment, borne by neither the practice's contract nor the member",
        "PI": "a reduction by the payer; the member may not be billed",
        "CR": "a correction or reversal of an earlier claim",
    ]

    /// `the member's copay (PR: the member owes it)`.
    public static func describe(_ adjustment: ClaimAdjustment) -> String {
        let reason = reasons[adjustment.reason]
            ?? "reason code \(adjustment.reason) (see the X12 list of claim adjustment reason codes)"
        return groups[adjustment.group].map { "\(reason) (\(adjustment.group): \($0))" } ?? reason
    }
}
