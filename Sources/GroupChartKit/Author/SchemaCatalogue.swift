import Foundation

/// The JSON Schemas (draft-07) of every kind of front-matter, which an editor
/// running yaml-language-server uses to complete, describe and check keys as
/// they are typed. `groupchart check` stays the judge; the schemas only
/// bring part of it into the editor.
///
/// The repository's `schemas/` folder holds them and is their source; the
/// program carries a copy (`BundledSchemas`) so that `groupchart init` can
/// put them into a practice. A relative path from a practice to a clone of
/// the repository would not resolve, so the practice gets its own copy in
/// `.groupchart/schemas/` (hidden: `check` ignores it) and every document
/// `init` and `new` write names its schema by a path relative to itself.
public enum SchemaCatalogue {
    /// Where the schemas stand inside a practice.
    public static let folder = ".groupchart/schemas"

    /// Each shipped schema: its file name and text.
    public static var files: [(name: String, text: String)] { BundledSchemas.files }

    /// The schema file of a document kind; `nil` for a stray file or a
    /// remittance (X12, not YAML).
    public static func fileName(for kind: DocumentKind) -> String? {
        switch kind {
        case .practice: return "practice.schema.json"
        case .group: return "group.schema.json"
        case .profile: return "profile.schema.json"
        case .plan: return "plan.schema.json"
        case .sessionNote: return "session-note.schema.json"
        case .progressNote: return "progress-note.schema.json"
        case .individualNote: return "individual-note.schema.json"
        case .stray, .remittance, .submission, .implementationAcknowledgment, .claimAcknowledgment, .linkedFolder, .unreadableFolder:
            return nil
        }
    }

    /// The comment that points yaml-language-server at the schema, for the
    /// first line of a document's front-matter (practice.yaml: of the file).
    /// The path is relative to the document, as the language server reads it.
    public static func modeline(for kind: DocumentKind) -> String {
        let up = String(repeating: "../", count: depth(of: kind))
        return "# yaml-language-server: $schema=\(up)\(folder)/\(fileName(for: kind) ?? "")"
    }

    /// Whether the practice at `root` has the schemas `init` copies; `new`
    /// names a schema only then, so that no comment points at a missing file.
    static func isInstalled(in root: URL) -> Bool {
        FileManager.default.fileExists(atPath: root.appendingPathComponent(folder).path)
    }

    /// How many folders below the practice a document of `kind` stands.
    private static func depth(of kind: DocumentKind) -> Int {
        switch kind {
        case .practice, .stray, .linkedFolder, .unreadableFolder: return 0
        case .remittance, .submission, .implementationAcknowledgment, .claimAcknowledgment: return 1
        case .group: return 1
        case .profile, .plan, .sessionNote, .progressNote: return 2
        case .individualNote: return 3
        }
    }

    /// The schemas as files of a practice, for `init`.
    static var practiceFiles: [NewFile] {
        files.map { NewFile(path: "\(folder)/\($0.name)", text: $0.text) }
    }
}
