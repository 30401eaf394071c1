/// A billable service with what its claim is built from: the member, the
/// plan in effect on the date of service, the payer. The rules about a
/// claim's chain read these and report at line 1 of the member's note.
public struct ClaimChain: Sendable {
    public var service: BillableService
    /// The member and payer, shared by all of the member's chains: a
    /// `Member` is kilobytes of inline fields, and a copy in each chain was
    /// the largest single use of memory of a check (115 MB at 20,000 notes).
    private let owner: Owner
    /// Which of the member's plans was in effect on the date of service.
    private let planIndex: Int?

    final class Owner: Sendable {
        let member: Member
        let payer: Payer?

        init(member: Member, payer: Payer?) {
            self.member = member
            self.payer = payer
        }
    }

    init(service: BillableService, owner: Owner) {
        self.service = service
        self.owner = owner
        planIndex = owner.member.plans.lastIndex { plan in plan.effective.map { $0.value <= service.date } ?? false }
    }

    public var member: Member { owner.member }
    /// The plan in effect on the date of service.
    public var plan: TreatmentPlan? { planIndex.map { owner.member.plans[$0] } }
    public var insurance: Insurance? { owner.member.insurance }
    public var payer: Payer? { owner.payer }

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
