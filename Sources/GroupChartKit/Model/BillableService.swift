/// One service that can be billed: a member's attendance at a group
/// psychotherapy session, or an individual session. Claims are built from
/// these, and the rules about a claim's chain are judged for each.
public struct BillableService: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case group
        case individual
    }

    /// The fields, held once and shared by every copy until one is changed.
    /// Why: the services are read in loops by a dozen stages (the claims,
    /// the authorization ledger, the claim ids, the rules), and each copy of
    /// nine fields retained and released each of their strings: 3 to 4 % of
    /// a check after one edit (`perf`), where a shared copy is one retain.
    private final class Fields: @unchecked Sendable {
        var kind: Kind
        var member: String
        var date: LocalDate
        var cpt: String
        var sessionID: String
        var noteFile: String?
        var sessionNoteFile: String?
        var group: String?
        var groupFile: String?
        var claimID: String?

        init(kind: Kind, member: String, date: LocalDate, cpt: String, sessionID: String, noteFile: String?,
             sessionNoteFile: String?, group: String?, groupFile: String?, claimID: String?) {
            self.kind = kind
            self.member = member
            self.date = date
            self.cpt = cpt
            self.sessionID = sessionID
            self.noteFile = noteFile
            self.sessionNoteFile = sessionNoteFile
            self.group = group
            self.groupFile = groupFile
            self.claimID = claimID
        }

        func copy() -> Fields {
            Fields(kind: kind, member: member, date: date, cpt: cpt, sessionID: sessionID, noteFile: noteFile,
                   sessionNoteFile: sessionNoteFile, group: group, groupFile: groupFile, claimID: claimID)
        }
    }

    private var fields: Fields

    public init(kind: Kind, member: String, date: LocalDate, cpt: String, sessionID: String, noteFile: String? = nil,
                sessionNoteFile: String? = nil, group: String? = nil, groupFile: String? = nil, claimID: String? = nil) {
        fields = Fields(kind: kind, member: member, date: date, cpt: cpt, sessionID: sessionID, noteFile: noteFile,
                        sessionNoteFile: sessionNoteFile, group: group, groupFile: groupFile, claimID: claimID)
    }

    /// The fields to change: this copy's own from here on.
    private var changing: Fields {
        mutating get {
            if !isKnownUniquelyReferenced(&fields) { fields = fields.copy() }
            return fields
        }
    }

    public var kind: Kind {
        get { fields.kind }
        set { changing.kind = newValue }
    }
    public var member: String {
        get { fields.member }
        set { changing.member = newValue }
    }
    public var date: LocalDate {
        get { fields.date }
        set { changing.date = newValue }
    }
    public var cpt: String {
        get { fields.cpt }
        set { changing.cpt = newValue }
    }
    /// The session folder's name, or `individual-<date>`.
    public var sessionID: String {
        get { fields.sessionID }
        set { changing.sessionID = newValue }
    }
    /// The member's own note for this service, when it exists.
    public var noteFile: String? {
        get { fields.noteFile }
        set { changing.noteFile = newValue }
    }
    /// The group session note (group services only).
    public var sessionNoteFile: String? {
        get { fields.sessionNoteFile }
        set { changing.sessionNoteFile = newValue }
    }
    /// The group's id, as the session note names it (group services only).
    public var group: String? {
        get { fields.group }
        set { changing.group = newValue }
    }
    /// The group's file (group services only; `nil` when no such group exists).
    public var groupFile: String? {
        get { fields.groupFile }
        set { changing.groupFile = newValue }
    }
    /// The id of its insurance claim (CLM01, which an 835 repeats in CLP01);
    /// `nil` for a member who pays for themselves.
    public var claimID: String? {
        get { fields.claimID }
        set { changing.claimID = newValue }
    }

    public static func == (lhs: BillableService, rhs: BillableService) -> Bool {
        if lhs.fields === rhs.fields { return true }
        let (l, r) = (lhs.fields, rhs.fields)
        return l.kind == r.kind && l.member == r.member && l.date == r.date && l.cpt == r.cpt && l.sessionID == r.sessionID
            && l.noteFile == r.noteFile && l.sessionNoteFile == r.sessionNoteFile && l.group == r.group
            && l.groupFile == r.groupFile && l.claimID == r.claimID
    }

    public func hash(into hasher: inout Hasher) {
        let f = fields
        hasher.combine(f.kind)
        hasher.combine(f.member)
        hasher.combine(f.date)
        hasher.combine(f.cpt)
        hasher.combine(f.sessionID)
        hasher.combine(f.noteFile)
        hasher.combine(f.sessionNoteFile)
        hasher.combine(f.group)
        hasher.combine(f.groupFile)
        hasher.combine(f.claimID)
    }

    /// Where the rules about the claim's chain report: line 1 of the member's note.
    public var chainLocation: SourceLocation? {
        noteFile.map { SourceLocation(file: $0, line: 1) }
    }
}

extension PracticeRecord {
    /// Every billable service, in date, session and member order: each member
    /// who attended a psychotherapy session (never an absent member, never a
    /// psychoeducation session), and each individual session. Claim ids are
    /// given here, once, so that the rules can match remittances to claims
    /// before any claim is built.
    static func services(sessions: [Session], members: [Member], groups: [Group]) -> [BillableService] {
        let memberIDs = Set(members.map(\.id))
        var services: [BillableService] = []
        for session in sessions {
            services += groupServices(of: session, memberIDs: memberIDs, groups: groups)
        }
        for member in members {
            for note in member.individualNotes {
                guard let date = note.date?.value, let cpt = note.cpt?.value else { continue }
                services.append(BillableService(
                    kind: .individual, member: member.id, date: date, cpt: cpt, sessionID: "individual-\(date)",
                    noteFile: note.file, sessionNoteFile: nil, group: nil, groupFile: nil))
            }
        }
        services.sort(by: BillableService.precedes)
        let insured = Set(members.filter { $0.insurance != nil }.map(\.id))
        let billed = services.indices.filter { insured.contains(services[$0].member) }
        for (index, id) in zip(billed, ClaimID.ids(billed.map { services[$0] })) { services[index].claimID = id }
        return services
    }

    /// The services of one group session: each member of the practice who
    /// attended it, unless it was psychoeducation. Without claim ids.
    static func groupServices(of session: Session, memberIDs: Set<String>, groups: [Group]) -> [BillableService] {
        guard let note = session.note, let date = note.date?.value, note.format?.value != .psychoeducation else { return [] }
        let group = note.group.flatMap { id in groups.first { $0.id == id.value } }
        return note.attendance.filter { $0.attended && memberIDs.contains($0.member.value) }.map { entry in
            BillableService(
                kind: .group, member: entry.member.value, date: date, cpt: group?.cpt?.value ?? "90853",
                sessionID: session.id, noteFile: session.progressNoteFile(for: entry.member.value),
                sessionNoteFile: note.file, group: note.group?.value, groupFile: group?.file)
        }
    }
}

extension BillableService {
    /// The order services are listed in: by date, session and member.
    static func precedes(_ lhs: BillableService, _ rhs: BillableService) -> Bool {
        (lhs.date, lhs.sessionID, lhs.member) < (rhs.date, rhs.sessionID, rhs.member)
    }
}
