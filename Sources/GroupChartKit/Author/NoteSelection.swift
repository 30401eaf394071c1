import Foundation

/// The notes `sign` was given: each argument a note, or a folder whose
/// session notes, progress notes and individual notes are all meant (a
/// session's folder, a member's `individual/`, the whole practice), every
/// one in the same practice, found as `check` finds it (`PracticeLocation`).
///
/// Anything that names no note is refused before a note is read, so that a
/// mistyped argument never leaves a command half done.
struct NoteSelection {
    struct Note {
        /// Relative to the practice folder.
        var path: String
        var kind: DocumentKind
        /// Named on the command line itself, not found in a folder given.
        var isNamed: Bool
    }

    var location: PracticeLocation
    var folder: PracticeFolder
    /// In path order, each once.
    var notes: [Note]

    init(_ arguments: [String]) throws(Refusal) {
        guard let first = arguments.first else { throw Refusal("give the notes to sign, or their folders") }
        let locations = try arguments.map { argument throws(Refusal) in try Self.locate(argument) }
        location = locations[0]
        if let other = zip(arguments, locations).first(where: { $0.1.root != locations[0].root }) {
            throw Refusal("""
                \(other.0) is in the practice at \(other.1.root.path) and \(first) in the one at \
                \(locations[0].root.path): sign each practice's notes with a command of its own
                """)
        }
        do {
            folder = try PracticeFolder(root: location.root)
        } catch {
            throw Refusal(error.description)
        }
        let documents = folder.discover()
        var chosen: [String: Note] = [:]
        for (argument, here) in zip(arguments, locations) {
            for note in try Self.notes(named: argument, at: here, among: documents) where chosen[note.path]?.isNamed != true {
                chosen[note.path] = note
            }
        }
        notes = chosen.values.sorted { $0.path.precedesInBytes($1.path) }
    }

    private static func locate(_ argument: String) throws(Refusal) -> PracticeLocation {
        do {
            return try PracticeLocation(argument)
        } catch {
            throw Refusal("\(error.description); give the notes to sign, or their folders")
        }
    }

    /// The note `argument` names, or the notes in the folder it names.
    private static func notes(named argument: String, at location: PracticeLocation,
                              among documents: [DiscoveredFile]) throws(Refusal) -> [Note] {
        var isDirectory: ObjCBool = false
        _ = FileManager.default.fileExists(atPath: location.root.appendingPathComponent(location.inside).path, isDirectory: &isDirectory)
        guard isDirectory.boolValue else {
            guard let found = documents.first(where: { $0.path == location.inside }) else {
                throw Refusal("\(argument) is not a document of the practice at \(location.root.path): give a note, or its folder")
            }
            switch found.kind {
            case .sessionNote, .progressNote, .individualNote:
                return [Note(path: found.path, kind: found.kind, isNamed: true)]
            case .plan:
                throw Refusal("\(argument) is a treatment plan: a plan is signed with signed_by and signed_on, written by hand")
            default:
                throw Refusal("\(argument) is not a note: sign session notes, progress notes and individual notes")
            }
        }
        let prefix = location.inside.isEmpty ? "" : location.inside + "/"
        let found = documents.filter { $0.path.hasPrefix(prefix) && $0.kind.isSignedNote }
            .map { Note(path: $0.path, kind: $0.kind, isNamed: false) }
        guard !found.isEmpty else {
            throw Refusal("\(argument) holds no note to sign: give a session's folder, a note, or a member's individual/ folder")
        }
        return found
    }
}

extension DocumentKind {
    /// A session note, progress note or individual note: what `sign` signs.
    var isSignedNote: Bool {
        switch self {
        case .sessionNote, .progressNote, .individualNote: return true
        default: return false
        }
    }
}
