/// A member's group services of one code on one date beyond the first (two
/// groups the same day, a morning and an evening one): each later claim
/// carries the payer's `same_day_modifier`, as an individual session on a
/// group day does. A claim already sent keeps what it was sent with
/// (`LastSent`): the first is then one sent without the modifier, and
/// every other not sent carries it. Two 90853 claims alike in patient, date, place, clinician
/// and charge, without a modifier, are denied by the payer's duplicate
/// edits as one billed twice (CARC 18).
struct RepeatedGroupServices: Sendable {
    private struct Day: Hashable {
        var member: String
        var date: LocalDate
        var cpt: String
    }

    private struct Place: Hashable {
        var session: String
        var member: String
    }

    /// Each later service, with the first of its day.
    private let earlier: [Place: BillableService]

    init(record: PracticeRecord) {
        var byDay: [Day: [BillableService]] = [:]
        for service in record.services where service.kind == .group {
            byDay[Day(member: service.member, date: service.date, cpt: service.cpt), default: []].append(service)
        }
        var earlier: [Place: BillableService] = [:]
        let repeated = byDay.values.filter { $0.count > 1 }
        // A claim already sent keeps what it was sent with: given the
        // modifier now (a morning group added before it) or losing it (a
        // start time corrected), it would go out again as a replacement.
        let sent = repeated.isEmpty ? nil : LastSent(record.billingHistory)
        for services in repeated {
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

    /// The first group service of the day of `service`, when `service` is a later one.
    func first(before service: BillableService) -> BillableService? {
        guard service.kind == .group, !earlier.isEmpty else { return nil }
        return earlier[Place(session: service.sessionID, member: service.member)]
    }
}
