/// Which authorization each billable service is billed under, counted across
/// the whole record in date order.
///
/// A service is covered by an authorization of the member for the service's
/// CPT code whose dates include the date of service; of those with sessions
/// left, the one a claim already sent went under, or else the one that ends
/// first (the first listed of those ending the same day), as a biller uses
/// up an expiring authorization before its renewal. Taken in date order
/// (and nothing sent yet), this covers as many services as any assignment
/// can, whatever order the profile lists them in: listed order alone put a
/// session under a renewal written first, and left a later one uncovered
/// when the renewal's count ran out. A group authorization never
/// covers an individual code, nor the reverse, because the codes differ.
public struct AuthorizationLedger: Sendable {
    public enum Outcome: Sendable, Equatable {
        /// The `ordinal`-th session of `authorization`, within its count.
        case covered(ordinal: Int)
        /// Covered by date and code, but past the authorization's count.
        case exceeded(ordinal: Int)
        /// No authorization of the member covers this code on this date.
        case uncovered
    }

    public struct Entry: Sendable, Equatable {
        public var service: BillableService
        public var authorization: Authorization?
        public var outcome: Outcome
    }

    /// One entry per service of an insured member, in date order.
    public let entries: [Entry]
    /// Each entry's service's hash value and index, sorted: the entry of a
    /// service is found by a binary search and an equality check. A
    /// dictionary keyed by the services held a copy of each (5 MiB at 20,000
    /// notes, through the whole build, at its peak).
    private let positions: [(hash: Int, index: Int)]

    /// One authorization of one member, by the place it is written (as the
    /// member's authorizations are told apart), for counting its sessions.
    struct Counted: Hashable {
        var member: String
        var authorization: SourceLocation
    }

    public init(record: PracticeRecord) {
        var used: [Counted: Int] = [:]
        // Each member's authorizations, looked up once: copying the member's
        // insurance for each of 20,000 services, and a key made of two
        // interpolated strings three times a service, were most of the
        // ledger's 17 ms in each save of `watch` (perf).
        var authorizations: [String: [Authorization]?] = [:]
        var entries: [Entry] = []
        // A claim already sent keeps the authorization it went under while
        // that one covers it and has sessions left: a renewal listed later
        // that ends sooner would otherwise move it, and send a replacement.
        let sent = LastSent(record.billingHistory)
        // Reserved, not grown: the build keeps the ledger to the end (15 MB at 20,000 notes).
        entries.reserveCapacity(record.services.count)
        for service in record.services {
            if authorizations[service.member] == nil {
                authorizations[service.member] = .some(record.member(service.member)?.insurance?.authorizations)
            }
            guard let known = authorizations[service.member], let memberAuthorizations = known else { continue }
            let covering = memberAuthorizations.filter { $0.covers(service) }
            let key = { (authorization: Authorization) in Counted(member: service.member, authorization: authorization.location) }
            let withSessionsLeft = covering.filter { used[key($0), default: 0] < ($0.sessions?.value ?? 0) }
            let sentUnder = sent.isEmpty ? nil : sent.authorization(of: service.claimID)
            // `covers` held only authorizations with an end date.
            if let open = withSessionsLeft.first(where: { sentUnder != nil && $0.number?.value == sentUnder })
                ?? withSessionsLeft.min(by: { $0.to!.value < $1.to!.value }) {
                let ordinal = used[key(open), default: 0] + 1
                used[key(open)] = ordinal
                entries.append(Entry(service: service, authorization: open, outcome: .covered(ordinal: ordinal)))
            } else if let full = covering.last {
                let ordinal = used[key(full), default: 0] + 1
                used[key(full)] = ordinal
                entries.append(Entry(service: service, authorization: full, outcome: .exceeded(ordinal: ordinal)))
            } else {
                entries.append(Entry(service: service, authorization: nil, outcome: .uncovered))
            }
        }
        self.entries = entries
        positions = entries.indices.map { (entries[$0].service.hashValue, $0) }
            .sorted { ($0.hash, $0.index) < ($1.hash, $1.index) }
    }

    /// The first entry of `service`, as a dictionary keeping the first would give.
    public func entry(for service: BillableService) -> Entry? {
        index(of: service).map { entries[$0] }
    }

    /// The index in `entries` of the first entry of `service`, for a caller
    /// that reads a field or two of it without copying the whole entry.
    func index(of service: BillableService) -> Int? {
        let hash = service.hashValue
        var low = 0, high = positions.count
        while low < high {
            let middle = (low + high) / 2
            if positions[middle].hash < hash { low = middle + 1 } else { high = middle }
        }
        while low < positions.count, positions[low].hash == hash {
            if entries[positions[low].index].service == service { return positions[low].index }
            low += 1
        }
        return nil
    }
}

extension Authorization {
    /// Every key the ledger counts with is there and readable.
    public var isComplete: Bool {
        cpt != nil && from != nil && to != nil && sessions != nil
    }

    /// For the service's CPT code, and dated to include its date of service.
    public func covers(_ service: BillableService) -> Bool {
        guard let cpt, let from, let to else { return false }
        return cpt.value == service.cpt && from.value <= service.date && service.date <= to.value
    }
}
