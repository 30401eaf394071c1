/// One member's line of a session's attendance log.
public struct AttendanceEntry: Sendable, Codable, Equatable {
    public var member: Located<String>
    /// `nil` when the status was missing or not one of the four.
    public var status: Located<AttendanceStatus>?
    public var arrived: Located<LocalTime>?
    public var left: Located<LocalTime>?
    public var reason: Located<String>?
    /// `arrived` or `left` written with a value that is no time (reported
    /// as `invalid-value`), which is not a missing time.
    public var unreadableKeys: Set<String> = []

    /// Present, late or left early: a member who can be billed.
    public var attended: Bool {
        guard let status else { return false }
        return status.value != .absent
    }

    /// The time the member was in a session from `start` to `end`: from the
    /// later of the start and the arrival to the earlier of the end and the
    /// departure (empty when the times cannot be true).
    public func stay(from start: LocalTime, to end: LocalTime) -> (from: LocalTime, to: LocalTime) {
        (max(start, arrived?.value ?? start), min(end, left?.value ?? end))
    }
}

public enum AttendanceStatus: String, Sendable, Codable, CaseIterable {
    case present
    case late
    case leftEarly = "left-early"
    case absent
}

extension AttendanceEntry {
    public init(member: Located<String>, status: Located<AttendanceStatus>? = nil) {
        self.init(member: member, status: status, arrived: nil, left: nil, reason: nil, unreadableKeys: [])
    }
}
