/// Reads a whole practice folder into a `PracticeRecord`: the load, split,
/// parse and model stages, in that order, for every file.
public enum RecordReader {
    public static func read(_ folder: PracticeFolder) -> PracticeRecord {
        let log = FindingLog()
        var documents = Documents()
        var files: [SourceFile] = []
        for discovered in folder.discover() {
            switch discovered.kind {
            case .stray:
                documents.strays.append(discovered)
                continue
            case .linkedFolder:
                log.add("symlink", at: SourceLocation(file: discovered.path, line: 1),
                        "\"\(discovered.path)\" is a symbolic link to a folder, which GroupChart does not follow",
                        help: "keep the folder itself in the practice, in place of the link")
                continue
            default:
                break
            }
            switch folder.read(discovered) {
            case .success(let bytes):
                let file = SourceDecoder.decode(bytes, path: discovered.path)
                files.append(file)
                documents.read(file, as: discovered.kind, log: log)
            case .failure(let problem):
                UnreadFile.report(problem, at: discovered.path, log: log)
                documents.unreadable(discovered)
            }
        }
        let members = documents.members(log: log)
        let sessions = documents.sessions(log: log)
        let services = PracticeRecord.services(sessions: sessions, members: members, groups: documents.groups)
        return PracticeRecord(files: files, strays: documents.strays, practice: documents.practice,
                              groups: documents.groups, members: members, sessions: sessions,
                              services: services, readFindings: log.findings)
    }

    /// The documents read so far, by kind, until they are assembled.
    private struct Documents {
        var practice: Practice?
        var groups: [Group] = []
        var strays: [DiscoveredFile] = []
        var profiles: [String: Profile] = [:]
        var membersWithProfileFile: Set<String> = []
        var memberIDs: Set<String> = []
        var plans: [String: [TreatmentPlan]] = [:]
        var individualNotes: [String: [IndividualNote]] = [:]
        var sessionIDs: Set<String> = []
        var sessionNotes: [String: SessionNote] = [:]
        var sessionsWithNoteFile: Set<String> = []
        var progressNotes: [String: [ProgressNote]] = [:]

        mutating func read(_ file: SourceFile, as kind: DocumentKind, log: FindingLog) {
            switch kind {
            case .practice:
                practice = PracticeReader.read(file, log: log)
            case .group(let id):
                groups.append(GroupReader.read(file, id: id, log: log))
            case .profile(let member):
                memberIDs.insert(member)
                membersWithProfileFile.insert(member)
                profiles[member] = ProfileReader.read(file, log: log)
            case .plan(let member):
                memberIDs.insert(member)
                plans[member, default: []].append(PlanReader.read(file, member: member, log: log))
            case .individualNote(let member):
                memberIDs.insert(member)
                individualNotes[member, default: []].append(IndividualNoteReader.read(file, member: member, log: log))
            case .sessionNote(let session):
                sessionIDs.insert(session)
                sessionsWithNoteFile.insert(session)
                sessionNotes[session] = SessionNoteReader.read(file, log: log)
            case .progressNote(let session, let member):
                sessionIDs.insert(session)
                progressNotes[session, default: []].append(ProgressNoteReader.read(file, session: session, member: member, log: log))
            case .stray, .linkedFolder:
                break
            }
        }

        /// A file that exists but cannot be read still counts as existing.
        mutating func unreadable(_ file: DiscoveredFile) {
            switch file.kind {
            case .profile(let member):
                memberIDs.insert(member)
                membersWithProfileFile.insert(member)
            case .plan(let member), .individualNote(let member): memberIDs.insert(member)
            case .sessionNote(let session):
                sessionIDs.insert(session)
                sessionsWithNoteFile.insert(session)
            case .progressNote(let session, let member):
                sessionIDs.insert(session)
                progressNotes[session, default: []].append(ProgressNoteReader.unreadable(file.path, session: session, member: member))
            default: break
            }
        }

        func members(log: FindingLog) -> [Member] {
            memberIDs.sorted().map { id in
                let profileFile = "members/\(id)/profile.md"
                if !Identifier.isSlug(id) {
                    log.invalid(at: SourceLocation(file: profileFile, line: 1), "member folder name \"\(id)\" is not an id",
                                help: "rename the folder to lower-case letters, digits and hyphens, for example members/okonkwo-david")
                }
                if !membersWithProfileFile.contains(id) {
                    log.missing(at: SourceLocation(file: profileFile, line: 1), "member \"\(id)\" has no profile.md",
                                help: "create \(profileFile) with the member's name, date of birth, sex and insurance")
                }
                let plans = (plans[id] ?? []).sorted { lhs, rhs in
                    switch (lhs.effective?.value, rhs.effective?.value) {
                    case let (left?, right?) where left != right: return left < right
                    case (nil, _?): return true
                    case (_?, nil): return false
                    default: return lhs.file < rhs.file
                    }
                }
                return Member(id: id, profileFile: profileFile, profile: profiles[id], plans: plans,
                              individualNotes: individualNotes[id] ?? [])
            }
        }

        func sessions(log: FindingLog) -> [Session] {
            sessionIDs.sorted().map { id in
                let noteFile = "sessions/\(id)/session.md"
                if !sessionsWithNoteFile.contains(id) {
                    log.missing(at: SourceLocation(file: noteFile, line: 1), "session folder \"\(id)\" has no session.md",
                                help: "create \(noteFile) with the group note and the attendance log (groupchart new session writes one)")
                }
                return Session(id: id, noteFile: noteFile, note: sessionNotes[id], progressNotes: progressNotes[id] ?? [])
            }
        }
    }
}
