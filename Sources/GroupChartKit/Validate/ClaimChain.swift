/// A billable service with what its claim is built from: the member, the
/// plan in effect on the date of service, the payer. The rules about a
/// claim's chain read these and report at line 1 of the member's note.
public struct ClaimChain: Sendable {
    public var service: BillableService
    public var member: Member
    /// The plan in effect on the date of service.
    public var plan: TreatmentPlan?
    public var insurance: Insurance?
    public var payer: Payer?

    /// A finding at line 1 of the member's note (the place every chain rule
    /// reports, so that each held claim is visible).
    public func finding(_ message: String, help: String, related: [RelatedLocation] = [], severity: Severity? = nil) -> Finding? {
        service.chainLocation.map { Finding($0, message, help: help, related: related, severity: severity) }
    }

    /// "group" or "individual" psychotherapy.
    public var modality: String {
        service.kind == .group ? "group psychotherapy" : "individual psychotherapy"
    }
}

extension RuleContext {
    /// One chain per billable service whose member exists.
    public var claimChains: [ClaimChain] { analysis.claimChains }
}
