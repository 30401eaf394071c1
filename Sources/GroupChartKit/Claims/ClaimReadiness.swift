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
        public var billing: Billing
        public var isReady: Bool { heldBy.isEmpty }
    }

    /// Whom a service is billed to.
    public enum Billing: Sendable {
        /// A payer: the service has a claim id, and a claim in claims.csv
        /// or claims-held.csv (`ClaimMaker`).
        case claim
        /// The member, who pays for themselves: no claim, ready or held.
        case selfPay
        /// Not known: the member's profile or its insurance is missing or
        /// cannot be read (an error there, which holds it). No claim can be
        /// built, so claims-held.csv cannot list it; the dashboard and the
        /// member's chart count and show it as held, so that it is not lost.
        case coverageUnknown
    }

    /// One decision per billable service, in the order of `record.services`.
    public let decisions: [Decision]
    /// The rules whose errors stop claims.837 (errors in `edi:`), sorted.
    public let interchangeHeldBy: [String]

    public init(record: PracticeRecord, report: CheckReport) {
        var byFile: [String: Set<String>] = [:]
        var byCode: [String: Set<String>] = [:]
        var byPayer: [String: Set<String>] = [:]
        // File, then member, then rules.
        var byFileOfMember: [String: [String: Set<String>]] = [:]
        for diagnostic in report.diagnostics where diagnostic.holdsClaims {
            switch diagnostic.scope {
            case .chain:
                byFile[diagnostic.location.file, default: []].insert(diagnostic.rule)
                if RuleRegistry.holdingRelatedClaims.contains(diagnostic.rule) {
                    for related in diagnostic.related { byFile[related.location.file, default: []].insert(diagnostic.rule) }
                }
            case .member(let member):
                byFileOfMember[diagnostic.location.file, default: [:]][member, default: []].insert(diagnostic.rule)
                if RuleRegistry.holdingRelatedClaims.contains(diagnostic.rule) {
                    for related in diagnostic.related {
                        byFileOfMember[related.location.file, default: [:]][member, default: []].insert(diagnostic.rule)
                    }
                }
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
            if !byFile.isEmpty || !byFileOfMember.isEmpty {
                for file in ClaimReadiness.chain(of: service, in: record) {
                    holding.formUnion(byFile[file] ?? [])
                    holding.formUnion(byFileOfMember[file]?[service.member] ?? [])
                }
            }
            if !byCode.isEmpty {
                for code in ClaimReadiness.codes(of: service, in: record) { holding.formUnion(byCode[code] ?? []) }
            }
            if !byPayer.isEmpty, let payer = record.member(service.member)?.insurance?.payer?.value {
                holding.formUnion(byPayer[payer] ?? [])
            }
            return Decision(service: service, heldBy: holding.sorted(), billing: Self.billing(of: service, in: record))
        }
        interchangeHeldBy = report.interchangeHeldBy
    }

    /// The services whose claims can go out: those claims.csv lists.
    public var ready: [BillableService] { decisions.filter { $0.billing == .claim && $0.isReady }.map(\.service) }
    /// The services held, with the rules holding each: the claims
    /// claims-held.csv lists, and the services of members whose coverage
    /// is not known (never a self-pay member's).
    public var held: [Decision] { decisions.filter { $0.billing != .selfPay && !$0.isReady } }

    /// A service with a claim id is billed to a payer (ids are given to the
    /// services of insured members alone); the coverage of the few others
    /// is looked up.
    static func billing(of service: BillableService, in record: PracticeRecord) -> Billing {
        if service.claimID != nil { return .claim }
        if case .selfPay? = record.member(service.member)?.profile?.coverage { return .selfPay }
        return .coverageUnknown
    }

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

extension Diagnostic {
    /// An error that holds claims (and the voids of `VoidHold`). The
    /// billing history's own errors say what to do about what was sent and
    /// what came back, not that a record is wrong, so they hold none
    /// (`RuleRegistry.billingHistoryRules`).
    var holdsClaims: Bool { severity == .error && !RuleRegistry.billingHistoryRules.contains(rule) }
}
