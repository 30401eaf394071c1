/// Which claims can go out and which are held, and by which rules.
///
/// A claim is held when an error touches its chain (rules.md): the member's
/// note, the session note, the group, the member's profile (coverage and
/// authorizations) and plan in effect, and practice.yaml (the practice and
/// its clinicians). An error anywhere in practice.yaml holds every claim,
/// since the billing provider and the clinicians go on all of them.
public struct ClaimReadiness: Sendable {
    public struct Decision: Sendable {
        public var service: BillableService
        /// The ids of the rules whose errors hold the claim, sorted; empty when ready.
        public var heldBy: [String]
        public var isReady: Bool { heldBy.isEmpty }
    }

    /// One decision per billable service, in the order of `record.services`.
    public let decisions: [Decision]

    public init(record: PracticeRecord, report: CheckReport) {
        var errorsByFile: [String: Set<String>] = [:]
        for diagnostic in report.diagnostics where diagnostic.severity == .error && !RuleRegistry.billingHistoryRules.contains(diagnostic.rule) {
            errorsByFile[diagnostic.location.file, default: []].insert(diagnostic.rule)
        }
        decisions = record.services.map { service in
            let holding = ClaimReadiness.chain(of: service, in: record).reduce(into: Set<String>()) { rules, file in
                rules.formUnion(errorsByFile[file] ?? [])
            }
            return Decision(service: service, heldBy: holding.sorted())
        }
    }

    public var ready: [BillableService] { decisions.filter(\.isReady).map(\.service) }
    public var held: [Decision] { decisions.filter { !$0.isReady } }

    /// The files a claim is built from.
    static func chain(of service: BillableService, in record: PracticeRecord) -> [String] {
        let member = record.member(service.member)
        return [
            service.noteFile, service.sessionNoteFile, service.groupFile, member?.profileFile,
            member?.plan(on: service.date)?.file, "practice.yaml",
        ].compactMap { $0 }
    }
}
