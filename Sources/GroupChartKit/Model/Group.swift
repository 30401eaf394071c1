/// A therapy group (groups/<group-id>.md).
public struct Group: Sendable, Codable, Equatable {
    /// The file's stem.
    public var id: String
    public var file: String
    public var isReadable: Bool
    public var name: Located<String>?
    public var cpt: Located<String>?
    public var facilitator: Located<String>?
    public var coFacilitator: Located<String>?
    public var placeOfService: Located<String>?
    /// The roster, as written: who is enrolled, and from when to when.
    public var roster: [RosterEntry]
    public var body: MarkdownBody
}

/// One entry of a group's roster (format.md, "groups/<group-id>.md"): a
/// member id, enrolled on every date, or `{id, joined, left}`, enrolled from
/// `joined` through `left` (both inclusive, both optional). A member who
/// leaves keeps the entry with a `left` date, so that the sessions they
/// attended stay documented as sessions of an enrolled member.
public struct RosterEntry: Sendable, Codable, Equatable {
    public var member: Located<String>
    public var joined: Located<LocalDate>?
    public var left: Located<LocalDate>?
    /// Where the entry stands in the list.
    public var location: SourceLocation
    /// A `joined` or `left` was written and could not be read (or they
    /// were swapped): on which dates the entry enrolls its member is
    /// unknown. The rules that compare the roster with a session's
    /// attendance say nothing of the member (`invalid-value` says why).
    public var datesUnread = false

    public init(member: Located<String>, joined: Located<LocalDate>? = nil, left: Located<LocalDate>? = nil,
                location: SourceLocation? = nil, datesUnread: Bool = false) {
        self.member = member
        self.joined = joined
        self.left = left
        self.location = location ?? member.location
        self.datesUnread = datesUnread
    }

    /// Whether the entry enrolls its member on `date`.
    public func covers(_ date: LocalDate) -> Bool {
        (joined.map { $0.value <= date } ?? true) && (left.map { date <= $0.value } ?? true)
    }

    /// Whether two entries share a date (two entries of one member must not).
    public func overlaps(_ other: RosterEntry) -> Bool {
        let starts = [joined?.value, other.joined?.value].compactMap { $0 }.max()
        let ends = [left?.value, other.left?.value].compactMap { $0 }.min()
        guard let starts, let ends else { return true }
        return starts <= ends
    }
}
