import Foundation

/// Where a note given to `sign` stands: its practice (the nearest folder
/// above it holding practice.yaml) and its path there, which must be a
/// session note, progress note or individual note of the layout.
struct NoteLocation {
    var folder: PracticeFolder
    var path: String
    var kind: DocumentKind

    init(_ note: URL) throws(Refusal) {
        let file = note.standardizedFileURL.resolvingSymlinksInPath()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file.path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw Refusal("\(note.path) is not a file; give the path of the note to sign")
        }
        var root = file.deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: root.appendingPathComponent("practice.yaml").path) {
            guard root.pathComponents.count > 1 else {
                throw Refusal("\(note.path) is not inside a practice folder (no folder above it holds practice.yaml)")
            }
            root = root.deletingLastPathComponent()
        }
        do {
            folder = try PracticeFolder(root: root)
        } catch {
            throw Refusal(error.description)
        }
        let path = String(file.path.dropFirst(root.path.count).drop { $0 == "/" })
        guard let found = folder.discover().first(where: { $0.path == path }) else {
            throw Refusal("\(path) is not a document of the practice at \(root.path)")
        }
        self.path = path
        kind = found.kind
        switch kind {
        case .sessionNote, .progressNote, .individualNote: break
        case .plan: throw Refusal("\(path) is a treatment plan: a plan is signed with signed_by and signed_on, written by hand")
        default: throw Refusal("\(path) is not a note: sign session notes, progress notes and individual notes")
        }
    }
}

/// A note as `check` read it, with what signing needs to know about it.
struct SignableNote {
    var path: String
    var signature: Signature
    var body: MarkdownBody
    /// The text the digest covers (`SignedText`).
    var signedText: String
    /// When the session it documents ended, when its date and end are known.
    var sessionEnd: Timestamp?
    /// The file that states the session's date and end.
    var timesFile: String

    /// `nil` when the note could not be read (its errors say why).
    init?(_ location: NoteLocation, in record: PracticeRecord) {
        path = location.path
        switch location.kind {
        case .sessionNote(let id):
            guard let note = record.sessions.first(where: { $0.id == id })?.note else { return nil }
            signature = note.signature
            body = note.body
            sessionEnd = Self.timestamp(note.date?.value, note.end?.value)
            timesFile = note.file
        case .progressNote(let id, let member):
            guard let session = record.sessions.first(where: { $0.id == id }),
                  let note = session.progressNote(for: member), note.isReadable else { return nil }
            signature = note.signature
            body = note.content.body
            sessionEnd = Self.timestamp(session.note?.date?.value, session.note?.end?.value)
            timesFile = session.noteFile
        case .individualNote(let member):
            guard let note = record.member(member)?.individualNotes.first(where: { $0.file == location.path }), note.isReadable
            else { return nil }
            signature = note.signature
            body = note.content.body
            sessionEnd = Self.timestamp(note.date?.value, note.end?.value)
            timesFile = note.file
        default:
            return nil
        }
        guard let file = record.file(location.path), case .success = FrontMatter.split(file) else { return nil }
        signedText = SignedText.text(of: file, body: body)
    }

    var isSigned: Bool {
        signature.signedBy != nil || signature.signedAt != nil || signature.digest != nil
    }

    /// The first heading that opens an addendum.
    var addendum: MarkdownBlock? {
        body.blocks.first { block in
            if case .heading = block.kind { return SectionCatalogue.isAddendum(block.text) }
            return false
        }
    }

    private static func timestamp(_ date: LocalDate?, _ time: LocalTime?) -> Timestamp? {
        guard let date, let time else { return nil }
        return Timestamp(date: date, time: time)
    }
}
