/// Which claims can go out and which are held, and by which rules.
///
/// A claim is held when an error touches its chain (rules.md): the member's
/// note, the session note, the group, the member's profile (coverage and
/// authorizations) and plan in effect, and practice.yaml (the practice and
/// its clinicians). Narrower where the error is narrower (`ClaimScope`): a
/// missing fee holds only the claims billing that code, an error in one
/// payer's entry only that payer's claims, and an error in `edi:` no claim,
/// though it stops claims.837.
public struct ClaimReadiness: Sendable {
    public struct Decision: Sendable {
        public var service: BillableService
        /// The ids of the rules whose errors hold the claim, sorted; empty when ready.
        public var heldBy: [String]
        /// Whether the service is billed to a payer: the member has
        /// insurance. A self-pay member's sessions have no claim, ready or
        /// held (`ClaimMaker`), and are counted as neither.
        public var hasClaim: Bool
        public var isReady: Bool { heldBy.isEmpty }
    }

    /// One decision per billable service, in the order of `record.services`.
    public let decisions: [Decision]
    /// The rules whose errors stop claims.837 (errors in `edi:`), sorted.
    public let interchangeHeldBy: [String]

    public init(record: PracticeRecord, report: CheckReport) {
        var byFile: [String: Set<String>] = [:]
        var byCode: [String: Set<String>] = [:]
        var byPayer: [String: Set<String>] = [:]
        for diagnostic in report.diagnostics where diagnostic.severity == .error && !RuleRegistry.billingHistoryRules.contains(diagnostic.rule) {
            switch diagnostic.scope {
            case .chain: byFile[diagnostic.location.file, default: []].insert(diagnostic.rule)
            case .code(let code): byCode[code, default: []].insert(diagnostic.rule)
            case .payer(let payer): byPayer[payer, default: []].insert(diagnostic.rule)
            case .interchange: break
            }
        }
        // A claim's chain, codes and payer are worked out only when some
        // error is scoped that way: with none (a clean practice), each was
        // lookups for nothing on every service of every build.
        decisions = record.services.map { service in
            var holding = Set<String>()
            if !byFile.isEmpty {
                for file in ClaimReadiness.chain(of: service, in: record) { holding.formUnion(byFile[file] ?? []) }
            }
            if !byCode.isEmpty {
                for code in ClaimReadiness.codes(of: service, in: record) { holding.formUnion(byCode[code] ?? []) }
            }
            if !byPayer.isEmpty, let payer = record.member(service.member)?.insurance?.payer?.value {
                holding.formUnion(byPayer[payer] ?? [])
            }
            return Decision(service: service, heldBy: holding.sorted(), hasClaim: record.member(service.member)?.insurance != nil)
        }
        interchangeHeldBy = report.interchangeHeldBy
    }

    /// The services whose claims can go out: those claims.csv lists.
    public var ready: [BillableService] { decisions.filter { $0.hasClaim && $0.isReady }.map(\.service) }
    /// The claims held, with the rules holding each: those claims-held.csv lists.
    public var held: [Decision] { decisions.filter { $0.hasClaim && !$0.isReady } }

    /// The files a claim is built from.
    static func chain(of service: BillableService, in record: PracticeRecord) -> [String] {
        let member = record.member(service.member)
        return [
            service.noteFile, service.sessionNoteFile, service.groupFile, member?.profileFile,
            member?.plan(on: service.date)?.file, "practice.yaml",
        ].compactMap { $0 }
    }

    /// The CPT codes of a claim's lines: the service's, and 90785 for interactive complexity.
    static func codes(of service: BillableService, in record: PracticeRecord) -> [String] {
        [service.cpt] + (ServiceContext(record: record, service: service).interactiveComplexity ? ["90785"] : [])
    }
}
