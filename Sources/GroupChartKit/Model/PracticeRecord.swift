/// The whole practice as the model stage leaves it: every document read into
/// immutable values, and what reading found wrong with the text itself.
public struct PracticeRecord: Sendable {
    /// Every file read, sorted by path.
    public private(set) var files: [SourceFile]
    /// Markdown files that stand where the layout expects none.
    public let strays: [DiscoveredFile]
    /// `nil` when practice.yaml could not be read.
    public let practice: Practice?
    public let groups: [Group]
    public private(set) var members: [Member]
    public private(set) var sessions: [Session]
    /// What can be billed, derived once from sessions and individual notes.
    public private(set) var services: [BillableService]
    /// The payments of every `remittances/*.835`, in path then file order
    /// (none when the practice keeps no remittances/).
    public let remittances: [Remittance]
    /// What was sent and what came back before payment (lifecycle.md), in path order.
    public let billingHistory: BillingHistoryFiles
    /// Problems of the text found while reading (encoding, front-matter,
    /// missing, malformed and unknown keys), reported by their rules.
    public private(set) var readFindings: [ReadFinding]
    /// Where the files were read from, to read a note's text again
    /// (`source`); `nil` for a record made in memory.
    public let folder: PracticeFolder?

    // Lookups by id and path: rules ask for these once per note, so they
    // must not cost a scan of the record (20,000 notes make that quadratic).
    private let groupIndex: [String: Int]
    private let memberIndex: [String: Int]
    private let sessionIndex: [String: Int]
    private let fileIndex: [String: Int]

    public init(files: [SourceFile], strays: [DiscoveredFile], practice: Practice?, groups: [Group], members: [Member],
                sessions: [Session], services: [BillableService], remittances: [Remittance] = [],
                billingHistory: BillingHistoryFiles = BillingHistoryFiles(), readFindings: [ReadFinding],
                folder: PracticeFolder? = nil) {
        self.folder = folder
        self.files = files
        self.strays = strays
        self.practice = practice
        self.groups = groups
        self.members = members
        self.sessions = sessions
        self.services = services
        self.remittances = remittances
        self.billingHistory = billingHistory
        self.readFindings = readFindings
        groupIndex = Self.index(groups.map(\.id))
        memberIndex = Self.index(members.map(\.id))
        sessionIndex = Self.index(sessions.map(\.id))
        fileIndex = Self.index(files.map(\.path))
    }

    /// The file at `position` replaced by `file`, of the same path (the
    /// lookups still hold). Changed in place when the record is the only
    /// one holding its files: a long-running command splices a saved
    /// session into its last record so (`RecordReader.splice`).
    mutating func replaceFile(at position: Int, with file: SourceFile) {
        assert(files[position].path == file.path)
        files[position] = file
    }

    /// The session of the same id replaced by `session`, in place as `replaceFile`.
    mutating func replaceSession(_ session: Session) {
        sessions[sessionIndex[session.id]!] = session
    }

    mutating func replaceServices(_ services: [BillableService]) { self.services = services }

    /// The services, taken out to be changed in place and put back (`replaceServices`).
    mutating func takeServices() -> [BillableService] {
        defer { services = [] }
        return services
    }

    mutating func replaceReadFindings(_ findings: [ReadFinding]) { readFindings = findings }

    /// A practice of nothing: what the analysis holds while the record it
    /// read lets go of the notes' bodies (`Analysis.lettingGoOfNoteBodies`).
    static let empty = PracticeRecord(files: [], strays: [], practice: nil, groups: [], members: [], sessions: [],
                                      services: [], readFindings: [])

    /// Lets go of every note's parsed body in place, on every core
    /// (`NoteBodies`). Why in place: a new record without them, taking the
    /// old one's place, freed the bodies on one core as the old one was
    /// let go, after copying every member and session (90 ms of a cold
    /// build at 20,000 notes, `perf`). Freed here only when this record
    /// holds them alone (`Analysis.lettingGoOfNoteBodies`).
    mutating func letGoOfNoteBodies() {
        ParallelMap.update(&sessions) { Self.bareNotes(of: &$0, keepingCurrentDigests: true) }
        ParallelMap.update(&members) { Self.bareNotes(of: &$0, keepingCurrentDigests: true) }
    }

    public func group(_ id: String) -> Group? { groupIndex[id].map { groups[$0] } }
    public func member(_ id: String) -> Member? { memberIndex[id].map { members[$0] } }
    /// Whether the practice has the member `id`: asked of every attendance
    /// entry and note, where `member(_:) != nil` copied the member, profile,
    /// plans and all, to throw it away (1 % of a cold check at 20,000 notes).
    public func hasMember(_ id: String) -> Bool { memberIndex[id] != nil }
    /// The plan of member `id` in effect on `date`, read in place (`hasMember`).
    public func plan(of id: String, on date: LocalDate) -> TreatmentPlan? {
        memberIndex[id].flatMap { members[$0].plan(on: date) }
    }

    /// The file and goals of that plan, without a copy of the rest of it:
    /// asked of every note by the rules of goals, a copy of the whole plan
    /// (some twenty strings and lists, each retained and released) per note
    /// was 1 % of a cold check at 20,000 notes.
    func planGoals(of id: String, on date: LocalDate) -> (file: String, goals: [PlanGoal])? {
        guard let member = memberIndex[id], let index = members[member].planIndex(on: date) else { return nil }
        return (members[member].plans[index].file, members[member].plans[index].goals)
    }
    public func session(_ id: String) -> Session? { sessionIndex[id].map { sessions[$0] } }
    public func file(_ path: String) -> SourceFile? { fileIndex[path].map { files[$0] } }

    /// The SHA-256 of the file at `path` (`SourceFile.sha256`), "" when there
    /// is none: read where the file lies, not from a copy of it.
    func digest(of path: String) -> String {
        guard let index = fileIndex[path] else { return "" }
        return files[index].sha256
    }

    /// The file at `path` with its text: as held, or, for a note whose text
    /// was let go once parsed (`SourceFile.holdsText`), read again from the
    /// practice. `nil` when there is no such file, or when its bytes are no
    /// longer those that were checked (it was saved again since): a record
    /// or snippet made from them would show what was not checked.
    public func source(_ path: String) -> SourceFile? {
        guard let file = file(path) else { return nil }
        guard !file.holdsText else { return file }
        guard let folder, let bytes = PracticeFile.read(path, in: folder.root, asChecked: file.sha256) else { return nil }
        return SourceDecoder.decode(bytes, path: path)
    }

    /// The position of each key, the first when one repeats.
    private static func index(_ keys: [String]) -> [String: Int] {
        var index: [String: Int] = [:]
        for (position, key) in keys.enumerated() where index[key] == nil { index[key] = position }
        return index
    }

    /// `source(path)?.text(fromLine: line)`, for a record that shows a note
    /// as written: a note is read again without the checks and line table a
    /// first reading makes (those were half the cost of reading every note
    /// again at 20,000 notes).
    public func text(of path: String, fromLine line: Int) -> Substring? {
        guard let file = file(path) else { return nil }
        guard !file.holdsText else { return file.text(fromLine: line) }
        guard let folder, let bytes = PracticeFile.read(path, in: folder.root, asChecked: file.sha256) else { return nil }
        return SourceDecoder.text(bytes, fromLine: line)
    }

    /// Every readable Markdown document with the kind that decides its sections.
    public var markdownDocuments: [(kind: NoteKind, file: String, body: MarkdownBody)] {
        var documents: [(kind: NoteKind, file: String, body: MarkdownBody)] = []
        for member in members {
            for plan in member.plans where plan.isReadable { documents.append((.plan, plan.file, plan.body)) }
            for note in member.individualNotes where note.isReadable {
                documents.append((.individualNote, note.file, note.content.body))
            }
        }
        for session in sessions {
            if let note = session.note { documents.append((.sessionNote, note.file, note.body)) }
            for note in session.progressNotes where note.isReadable {
                documents.append((.progressNote, note.file, note.content.body))
            }
        }
        return documents.sorted { $0.file.precedesInBytes($1.file) }
    }
}

/// The kinds of document whose body has required sections.
public enum NoteKind: String, Sendable {
    case plan = "treatment plan"
    case sessionNote = "session note"
    case progressNote = "progress note"
    case individualNote = "individual note"
}

/// A problem of a file's text found by the reading stage, carried to the rule
/// that owns its id (`encoding`, `front-matter`, `missing-field`,
/// `invalid-value`, `unknown-key`).
public struct ReadFinding: Sendable, Codable, Equatable {
    public var rule: String
    public var location: SourceLocation
    public var message: String
    public var help: String
    /// The claims it holds, where its place alone does not tell (`Finding.scope`).
    public var scope: ClaimScope? = nil
}

/// The files of `submissions/` and `acknowledgments/`, read.
public struct BillingHistoryFiles: Sendable, Equatable {
    public var submissions: [Submission] = []
    public var implementationAcknowledgments: [ImplementationAcknowledgment] = []
    public var claimAcknowledgments: [ClaimAcknowledgment] = []

    public init(submissions: [Submission] = [], implementationAcknowledgments: [ImplementationAcknowledgment] = [],
                claimAcknowledgments: [ClaimAcknowledgment] = []) {
        self.submissions = submissions
        self.implementationAcknowledgments = implementationAcknowledgments
        self.claimAcknowledgments = claimAcknowledgments
    }
}
