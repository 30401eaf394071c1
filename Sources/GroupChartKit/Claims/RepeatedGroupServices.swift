/// A member's group services of one code on one date beyond the first (two
/// groups the same day, a morning and an evening one): each later claim
/// carries the payer's `same_day_modifier`, as an individual session on a
/// group day does. A claim already sent keeps what it was sent with
/// (`LastSent`): the first is then one sent without the modifier, and
/// every other not sent carries it. Two 90853 claims alike in patient, date, place, clinician
/// and charge, without a modifier, are denied by the payer's duplicate
/// edits as one billed twice (CARC 18).
struct RepeatedGroupServices: Sendable {
    private struct Place: Hashable {
        var session: String
        var member: String
    }

    /// Each later service, with the first of its day.
    private let earlier: [Place: BillableService]

    init(record: PracticeRecord) {
        let repeated = Self.repeatedDays(record.services)
        var earlier: [Place: BillableService] = [:]
        // A claim already sent keeps what it was sent with: given the
        // modifier now (a morning group added before it) or losing it (a
        // start time corrected), it would go out again as a replacement.
        let sent = repeated.isEmpty ? nil : LastSent(record.billingHistory)
        for day in repeated {
            // One group's sessions whose times meet are one session filed
            // twice (`duplicate-id` holds both), no second session to mark.
            let services = day.filter { service in !day.contains { $0.sessionID != service.sessionID && Self.filedTwice($0, service, in: record) } }
            guard services.count > 1 else { continue }
            // By the time the session began, then by its folder: a session without a start time last.
            let start = { (service: BillableService) in record.session(service.sessionID)?.note?.start?.value.minutes ?? Int.max }
            let ordered = services.sorted { (start($0), $0.sessionID) < (start($1), $1.sessionID) }
            let carried = ordered.map { sent?.carriedDistinctService($0.claimID) }
            // The one that goes without the modifier: one sent without it, or else the first not sent.
            guard let first = carried.firstIndex(of: false) ?? carried.firstIndex(of: nil) else {
                // Every one sent with it: each keeps it, told of the first.
                for later in ordered.dropFirst() { earlier[Place(session: later.sessionID, member: later.member)] = ordered[0] }
                earlier[Place(session: ordered[0].sessionID, member: ordered[0].member)] = ordered[1]
                continue
            }
            for (index, service) in ordered.enumerated() where index != first && carried[index] != false {
                earlier[Place(session: service.sessionID, member: service.member)] = ordered[first]
            }
        }
        self.earlier = earlier
    }

    /// Whether the sessions of `one` and `other` are one group's with the
    /// same start or times that overlap: `duplicate-id`'s "filed twice".
    private static func filedTwice(_ one: BillableService, _ other: BillableService, in record: PracticeRecord) -> Bool {
        guard let a = record.session(one.sessionID)?.note, let b = record.session(other.sessionID)?.note else { return false }
        return a.isFiledTwice(as: b)
    }

    /// The group services of each member, date and code that has more than
    /// one. The services come in date order (`BillableService.precedes`,
    /// kept by every splice of the record), so a day's are found together
    /// and only a day with a member twice is gathered: a dictionary of every
    /// service's day, with an array each, was 20 ms of every check at 20,000
    /// notes (`GROUPCHART_PHASES=rules`), where nearly no day repeats.
    private static func repeatedDays(_ services: [BillableService]) -> [[BillableService]] {
        struct Seen: Hashable {
            var member: String
            var cpt: String
        }
        var repeated: [[BillableService]] = []
        var start = 0
        while start < services.count {
            let date = services[start].date
            var end = start + 1
            while end < services.count, services[end].date == date { end += 1 }
            var seen: Set<Seen> = []
            var twice: Set<Seen> = []
            for index in start..<end where services[index].kind == .group {
                let key = Seen(member: services[index].member, cpt: services[index].cpt)
                if !seen.insert(key).inserted { twice.insert(key) }
            }
            for key in twice.sorted(by: { ($0.member, $0.cpt) < ($1.member, $1.cpt) }) {
                repeated.append(services[start..<end].filter { $0.kind == .group && $0.member == key.member && $0.cpt == key.cpt })
            }
            start = end
        }
        return repeated
    }

    /// The first group service of the day of `service`, when `service` is a later one.
    func first(before service: BillableService) -> BillableService? {
        guard service.kind == .group, !earlier.isEmpty else { return nil }
        return earlier[Place(session: service.sessionID, member: service.member)]
    }
}
