/// The whole practice as the model stage leaves it: every document read into
/// immutable values, and what reading found wrong with the text itself.
public struct PracticeRecord: Sendable {
    /// Every file read, sorted by path.
    public var files: [SourceFile]
    /// Markdown files that stand where the layout expects none.
    public var strays: [DiscoveredFile]
    /// `nil` when practice.yaml could not be read.
    public var practice: Practice?
    public var groups: [Group]
    public var members: [Member]
    public var sessions: [Session]
    /// What can be billed, derived once from sessions and individual notes.
    public var services: [BillableService]
    /// The payments of every `remittances/*.835`, in path then file order
    /// (none when the practice keeps no remittances/).
    public var remittances: [Remittance] = []
    /// Problems of the text found while reading (encoding, front-matter,
    /// missing, malformed and unknown keys), reported by their rules.
    public var readFindings: [ReadFinding]

    public func group(_ id: String) -> Group? { groups.first { $0.id == id } }
    public func member(_ id: String) -> Member? { members.first { $0.id == id } }
    public func file(_ path: String) -> SourceFile? { files.first { $0.path == path } }

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
        return documents.sorted { $0.file.utf8.lexicographicallyPrecedes($1.file.utf8) }
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
public struct ReadFinding: Sendable {
    public var rule: String
    public var location: SourceLocation
    public var message: String
    public var help: String
}
