/// The practice cut into its "shell" (every file outside `sessions/`:
/// practice.yaml, groups, members with their plans and individual notes,
/// the billing history) and one part per session folder
/// (`sessions/<id>/`: session.md, the members' progress notes, the
/// services billed for it). A rule whose findings in a session's folder
/// depend on that session and the shell alone (`Rule.isSessionLocal`) can
/// be run again on the shell and the sessions an edit touched
/// (`keepingSessionFolders`), and its findings elsewhere taken from the
/// last check (`SessionScopedFindings`).
extension PracticeRecord {
    /// `sessions/<id>` or `members/<id>` for a path inside one of those
    /// folders, `nil` otherwise: found in the path's UTF-8 (as Characters,
    /// for every file of a practice, this was most of the records' keys'
    /// one-core part at 20,000 notes).
    static func recordFolder(containing path: String) -> Substring? {
        let utf8 = path.utf8
        let slash = UInt8(ascii: "/")
        guard let first = utf8.firstIndex(of: slash), path[..<first] == "sessions" || path[..<first] == "members" else { return nil }
        let id = utf8.index(after: first)
        guard let second = utf8[id...].firstIndex(of: slash), second > id else { return nil }
        return path[..<second]
    }

    /// `sessions/<id>` for a path in a session's folder, `nil` outside one.
    static func sessionFolder(of path: String) -> Substring? {
        path.hasPrefix("sessions/") ? recordFolder(containing: path) : nil
    }

    /// The record with the shell whole and, of the sessions, only those
    /// whose folder is in `folders`: their files, read findings, strays
    /// and services (claim ids as given for the whole practice, since an
    /// id is unique across it).
    func keepingSessionFolders(_ folders: Set<Substring>) -> PracticeRecord {
        func kept(_ path: String) -> Bool { Self.sessionFolder(of: path).map(folders.contains) ?? true }
        let sessions = sessions.filter { kept($0.noteFile) }
        let sessionIDs = Set(sessions.map(\.id))
        return PracticeRecord(files: files.filter { kept($0.path) }, strays: strays.filter { kept($0.path) },
                              practice: practice, groups: groups, members: members, sessions: sessions,
                              services: services.filter { $0.kind == .individual || sessionIDs.contains($0.sessionID) },
                              remittances: remittances, billingHistory: billingHistory,
                              readFindings: readFindings.filter { kept($0.location.file) }, folder: folder)
    }
}
