/// The claim filing indicator of an 837P (SBR09): what kind of plan the
/// payer is. Medicare (MB, which has paid LMFTs and LPCCs for group
/// psychotherapy since 2024), Medicaid (MC) and Blue Cross Blue Shield plans
/// (BL) route and adjudicate by it, and reject a claim sent as commercial
/// (CI, the default) that is not.
enum ClaimFilingCode {
    /// The codes of the 837P 005010X222A1 SBR09 list, with what each is.
    static let codes: [(code: String, meaning: String)] = [
        ("11", "other non-federal programs"), ("12", "preferred provider organization (PPO)"),
        ("13", "point of service (POS)"), ("14", "exclusive provider organization (EPO)"), ("15", "indemnity insurance"),
        ("16", "health maintenance organization (HMO) Medicare risk"), ("17", "dental maintenance organization"),
        ("AM", "automobile medical"), ("BL", "Blue Cross/Blue Shield"), ("CH", "CHAMPUS (TRICARE)"), ("CI", "commercial insurance"),
        ("DS", "disability"), ("FI", "federal employees program"), ("HM", "health maintenance organization (HMO)"),
        ("LM", "liability medical"), ("MA", "Medicare Part A"), ("MB", "Medicare Part B"), ("MC", "Medicaid"),
        ("OF", "other federal program"), ("TV", "Title V"), ("VA", "Veterans Affairs plan"), ("WC", "workers' compensation"),
        ("ZZ", "mutually defined"),
    ]

    static let standard = "CI"

    static func parse(_ text: String) -> Result<String, ScalarError> {
        let code = text.uppercased()
        if codes.contains(where: { $0.code == code }) { return .success(code) }
        return .failure(ScalarError("\"\(text)\" is not a claim filing code (837P SBR09)",
                                    help: "write CI for commercial insurance (the default), MB for Medicare Part B, MC for Medicaid, "
                                        + "BL for Blue Cross/Blue Shield, HM for an HMO; the payer's companion guide names its code"))
    }
}
