/// Which diagnostics a served page shows at its top: a clinician looking at
/// one session's packet wants that session's problems, not the practice's.
///
/// A session packet shows those of its folder and of its group's file; a
/// member's chart those of the member's folder, of the member's progress
/// notes in every session, and of the member's rows in the attendance logs
/// (a late arrival without a time is the member's problem, though it stands
/// in session.md); the dashboard shows every one.
struct PageConcerns {
    /// What a page is the record of.
    enum Scope {
        case practice
        case session(Session)
        case member(Member)
    }

    let record: PracticeRecord
    /// Each member's progress notes, and the lines of session.md files that
    /// hold the member's attendance row.
    private let memberFiles: [String: Set<String>]
    private let memberRows: [String: Set<SourceLocation>]

    init(record: PracticeRecord) {
        self.record = record
        var files: [String: Set<String>] = [:]
        var rows: [String: Set<SourceLocation>] = [:]
        for session in record.sessions {
            for note in session.progressNotes { files[note.member, default: []].insert(note.file) }
            for entry in session.note?.attendance ?? [] {
                let location = entry.member.location
                rows[entry.member.value, default: []].insert(SourceLocation(file: location.file, line: location.line))
            }
        }
        memberFiles = files
        memberRows = rows
    }

    /// The scope of a served path (`index.html`, `sessions/<id>.html`,
    /// `members/<id>.html`).
    func scope(of page: String) -> Scope {
        let parts = page.split(separator: "/")
        guard parts.count == 2, parts[1].hasSuffix(".html") else { return .practice }
        let id = String(parts[1].dropLast(".html".count))
        switch parts[0] {
        case "sessions": return record.session(id).map(Scope.session) ?? .practice
        case "members": return record.member(id).map(Scope.member) ?? .practice
        default: return .practice
        }
    }

    /// The diagnostics of `report` that concern the page of `scope`, in the report's order.
    func diagnostics(_ report: CheckReport, for scope: Scope) -> [Diagnostic] {
        report.diagnostics.filter { concerns($0.location, scope) }
    }

    private func concerns(_ location: SourceLocation, _ scope: Scope) -> Bool {
        switch scope {
        case .practice:
            return true
        case .session(let session):
            let group = session.note.flatMap { record.group(of: $0) }?.file
            return location.file.hasPrefix("sessions/\(session.id)/") || location.file == group
        case .member(let member):
            return location.file.hasPrefix("members/\(member.id)/")
                || memberFiles[member.id]?.contains(location.file) == true
                || memberRows[member.id]?.contains(SourceLocation(file: location.file, line: location.line)) == true
        }
    }
}
