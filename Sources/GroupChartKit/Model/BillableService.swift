/// One service that can be billed: a member's attendance at a group
/// psychotherapy session, or an individual session. Claims are built from
/// these, and the rules about a claim's chain are judged for each.
public struct BillableService: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case group
        case individual
    }

    /// The fields, held once and shared by every copy until one is changed
    /// (`SharedFields`). Why: the services are read in loops by a dozen
    /// stages (the claims, the authorization ledger, the claim ids, the
    /// rules), and each copy of nine fields retained and released each of
    /// their strings: 3 to 4 % of a check after one edit (`perf`), where a
    /// shared copy is one retain.
    private var shared: SharedFields<Fields>

    struct Fields: Sendable, Hashable {
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
    }

    public init(kind: Kind, member: String, date: LocalDate, cpt: String, sessionID: String, noteFile: String? = nil,
                sessionNoteFile: String? = nil, group: String? = nil, groupFile: String? = nil, claimID: String? = nil) {
        shared = SharedFields(Fields(kind: kind, member: member, date: date, cpt: cpt, sessionID: sessionID, noteFile: noteFile,
                                     sessionNoteFile: sessionNoteFile, group: group, groupFile: groupFile, claimID: claimID))
    }

    public var kind: Kind {
        get { shared.fields.kind }
        _modify { yield &shared.fields.kind }
    }
    public var member: String {
        get { shared.fields.member }
        _modify { yield &shared.fields.member }
    }
    public var date: LocalDate {
        get { shared.fields.date }
        _modify { yield &shared.fields.date }
    }
    public var cpt: String {
        get { shared.fields.cpt }
        _modify { yield &shared.fields.cpt }
    }
    /// The session folder's name, or `individual-<date>`.
    public var sessionID: String {
        get { shared.fields.sessionID }
        _modify { yield &shared.fields.sessionID }
    }
    /// The member's own note for this service, when it exists.
    public var noteFile: String? {
        get { shared.fields.noteFile }
        _modify { yield &shared.fields.noteFile }
    }
    /// The group session note (group services only).
    public var sessionNoteFile: String? {
        get { shared.fields.sessionNoteFile }
        _modify { yield &shared.fields.sessionNoteFile }
    }
    /// The group's id, as the session note names it (group services only).
    public var group: String? {
        get { shared.fields.group }
        _modify { yield &shared.fields.group }
    }
    /// The group's file (group services only; `nil` when no such group exists).
    public var groupFile: String? {
        get { shared.fields.groupFile }
        _modify { yield &shared.fields.groupFile }
    }
    /// The id of its insurance claim (CLM01, which an 835 repeats in CLP01);
    /// `nil` for a member who pays for themselves.
    public var claimID: String? {
        get { shared.fields.claimID }
        _modify { yield &shared.fields.claimID }
    }

    public static func == (lhs: BillableService, rhs: BillableService) -> Bool {
        lhs.shared == rhs.shared
    }

    public func hash(into hasher: inout Hasher) {
        shared.fields.hash(into: &hasher)
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
