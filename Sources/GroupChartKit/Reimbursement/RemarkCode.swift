/// Plain-language meanings of the remittance advice remark codes (RARCs) an
/// 835 gives in MOA and LQ. A CO-16 says only that the claim "lacks
/// information"; its remark code says which (N290: the rendering
/// clinician's NPI), and so what to correct before sending it again. The
/// wording follows the X12 code list (x12.org, "Remittance Advice Remark
/// Codes"), shortened; codes not listed here are named and pointed to that list.
public enum RemarkCode {
    /// The common codes of behavioral-health remittances.
    static let meanings: [String: String] = [
        "M15": "billed separately but bundled as parts of one procedure",
        "M51": "a procedure code is missing, incomplete or invalid",
        "M62": "the treatment authorization code is missing, incomplete or invalid",
        "M76": "a diagnosis is missing, incomplete or invalid",
        "M77": "the place of service is missing, incomplete, invalid or inappropriate",
        "M80": "not covered on the same day as a service already processed for the patient",
        "M86": "denied because the same or a similar service was already paid in the period",
        "MA01": "an alert of the right to appeal this decision",
        "MA04": "a secondary payment needs the primary payer's identity and payment (its EOB)",
        "MA18": "the claim was also forwarded to the patient's supplemental insurer",
        "MA130": "the claim is unprocessable (incomplete or invalid information): correct it and send it as a new claim",
        "N4": "the prior payer's EOB is missing, incomplete or invalid",
        "N20": "not payable with another service rendered the same day",
        "N30": "the patient is not eligible for this service",
        "N54": "the claim does not match the services authorized",
        "N95": "this provider type or specialty may not bill this service",
        "N115": "decided under a local coverage determination (LCD)",
        "N130": "see the plan's benefit documents for this service's restrictions",
        "N179": "the payer asked the member for information, and will reconsider when it arrives",
        "N286": "the referring provider's identifier (NPI) is missing, incomplete or invalid",
        "N290": "the rendering clinician's identifier (NPI) is missing, incomplete or invalid",
        "N329": "the patient's date of birth is missing, incomplete or invalid",
        "N362": "the days or units of service exceed the payer's maximum",
        "N386": "decided under a national coverage determination (NCD)",
        "N425": "a service excluded by statute",
        "N479": "the other payer's explanation of benefits (coordination of benefits) is missing",
        "N522": "a duplicate of a claim processed, or to be processed, as a crossover claim",
        "N657": "bill the service with the code appropriate to it",
    ]

    /// `the rendering clinician's identifier (NPI) is missing, incomplete or invalid`.
    public static func describe(_ code: String) -> String {
        meanings[code] ?? "remark code \(code) (see the X12 list of remittance advice remark codes)"
    }
}
