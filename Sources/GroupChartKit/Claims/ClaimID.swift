import Crypto

/// Claim ids: the date of service and twelve letters and digits derived from
/// the member and the session, so that the same service keeps its id build
/// after build (remittances match it, nothing is billed twice) and two
/// services never share one.
public enum ClaimID {
    static let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789".utf8)

    /// `20260312` and twelve characters: 20 in all (CLM01 allows 38; payers often 20).
    /// The twelve are made as bytes: counting a String's characters at each
    /// one made this most of a rebuild's model stage in watch.
    public static func make(member: String, session: String, date: LocalDate, attempt: Int = 0) -> String {
        let seed = "\(member)|\(session)" + (attempt == 0 ? "" : "|\(attempt)")
        let hash = SHA256.hash(data: Array(seed.utf8))
        var bits = 0
        var value = 0
        var code: [UInt8] = []
        code.reserveCapacity(12)
        for byte in hash where code.count < 12 {
            value = (value << 8) | Int(byte)
            bits += 8
            while bits >= 5 && code.count < 12 {
                bits -= 5
                code.append(alphabet[(value >> bits) & 31])
            }
            value &= (1 << bits) - 1
        }
        return date.compact + String(decoding: code, as: UTF8.self)
    }

    /// Ids for every service, unique across the practice: a collision (one in
    /// about 10^18 per day) moves the later service to its next attempt.
    public static func assign(_ services: [BillableService]) -> [BillableService: String] {
        var ids: [BillableService: String] = [:]
        for (service, id) in zip(services, self.ids(services)) { ids[service] = id }
        return ids
    }

    /// `assign`'s ids in the order of `services`: keyed by the services
    /// themselves, each hashed its nine fields twice, which was two thirds
    /// of listing the billable services at 20,000 notes (`perf`).
    /// Each service's first id is made on every core (a SHA-256 each: 2 %
    /// of a check after one edit at 20,000 notes, on one core); whether it
    /// was taken, and the next attempts, are decided in order.
    static func ids(_ services: [BillableService]) -> [String] {
        let first = firstAttempts(services)
        var taken: Set<String> = []
        taken.reserveCapacity(services.count)
        return zip(services, first).map { service, first in
            var attempt = 0
            var id = first
            while taken.contains(id) {
                attempt += 1
                id = make(member: service.member, session: service.sessionID, date: service.date, attempt: attempt)
            }
            taken.insert(id)
            return id
        }
    }

    /// Whether every service's id is its first attempt: no two services
    /// shared one, so that the ids of any part of the practice, assigned on
    /// their own, are those of the whole (`TextOnlyEdits`). A SHA-256 per
    /// service, on every core.
    static func allFirstAttempts(_ services: [BillableService]) -> Bool {
        zip(services, firstAttempts(services)).allSatisfy { service, first in service.claimID.map { $0 == first } ?? true }
    }

    /// Each service's first attempt, made on every core for many services.
    private static func firstAttempts(_ services: [BillableService]) -> [String] {
        services.count < 1_000 ? services.map { make(member: $0.member, session: $0.sessionID, date: $0.date) }
            : ParallelMap.map(Array(stride(from: 0, to: services.count, by: 500))) { start in
                services[start..<min(start + 500, services.count)].map { make(member: $0.member, session: $0.sessionID, date: $0.date) }
            }.flatMap { $0 }
    }
}
