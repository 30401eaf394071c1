import Foundation

/// Finds the documents of a practice folder by the layout of format.md.
///
/// Only `practice.yaml` and the `groups/`, `members/` and `sessions/` folders
/// are records. Inside them every Markdown file is either a document of a known
/// kind or a stray (reported, so that nothing is skipped silently); other files
/// (scans, PDFs) are attachments and left alone. Hidden files are ignored.
/// `remittances/` holds the 835s payers send: each `.835` file directly in it
/// is read; anything else there (a PDF of the paper remittance, an archive
/// folder) is left alone. `submissions/` (`.837`) and `acknowledgments/`
/// (`.999`, `.277`) hold the rest of the billing history (lifecycle.md), read
/// the same way.
///
/// Links to folders are never followed (they could loop, or bring in records
/// from outside the practice); each is reported. A link standing for a
/// document is followed only to a regular file inside the practice
/// (`PracticeFile`).
public struct PracticeFolder: Sendable {
    public let root: URL
    /// The root as a path, to which relative paths are joined as strings.
    private let rootPath: String

    /// Why a folder cannot be read as a practice at all (exit status 2).
    public struct NotAPractice: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    public init(root: URL) throws(NotAPractice) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory) else {
            throw NotAPractice(description: "\(root.path) does not exist")
        }
        guard isDirectory.boolValue else {
            throw NotAPractice(description: "\(root.path) is a file, not a practice folder")
        }
        guard FileManager.default.fileExists(atPath: root.appendingPathComponent("practice.yaml").path) else {
            // Never advise `init` inside a practice: that nests a second one.
            let advice = PracticeLocation.enclosing(root.path).map { "the practice around it is \($0.path)" }
                ?? "create one with `groupchart init`"
            throw NotAPractice(description: """
                \(root.path) is not a GroupChart practice: a practice folder holds practice.yaml \
                (the practice, its clinicians, payers and fees), with groups/, members/ and sessions/ \
                beside it; \(advice)
                """)
        }
        self.root = root
        self.rootPath = PracticeFile.path(of: root)
    }

    /// The full path of `relative` (a discovered file's path).
    func fullPath(_ relative: String) -> String { rootPath + "/" + relative }

    /// Every document, sorted by path so that all later output is deterministic.
    public func discover() -> [DiscoveredFile] {
        var found = [DiscoveredFile(path: "practice.yaml", kind: .practice)]
        found += groupFiles()
        found += memberFiles()
        found += sessionFiles()
        found += remittanceFiles()
        found += billingHistoryFiles()
        // A link standing for a record folder; those below are found by the walks above,
        // in the listings they make anyway (walking every folder again for them was a
        // sixth of a build with nothing changed, at 20,000 notes).
        found += ["groups", "members", "sessions"].filter { PracticeFile.isLink(fullPath($0)) }.flatMap(linkedFolder)
        return found.sorted { $0.path.precedesInBytes($1.path) }
    }

    /// Reads one discovered file, or says why it was not read.
    public func read(_ file: DiscoveredFile) -> Result<[UInt8], PracticeFile.Problem> {
        PracticeFile.read(file.path, in: root)
    }

    private func groupFiles() -> [DiscoveredFile] {
        entries(in: "groups").flatMap { entry -> [DiscoveredFile] in
            if entry.isDirectory { return strays(in: entry.path, expected: "groups/<group-id>.md") }
            guard entry.isMarkdown else { return linked(entry) }
            return [DiscoveredFile(path: entry.path, kind: .group(id: entry.stem))]
        }
    }

    /// What `discover` finds in one session's or member's folder
    /// (`sessions/<id>` or `members/<id>`, with links to folders below it),
    /// in path order; `nil` for any other folder. `watch` looks again only
    /// where the system says a folder changed (`FolderState.rediscovering`).
    func discover(inRecordFolder folder: String) -> [DiscoveredFile]? {
        let parts = folder.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[1].isEmpty, !parts[1].hasPrefix("."), parts[0] == "sessions" || parts[0] == "members",
              PracticeFile.isFolder(fullPath(String(parts[0]))), !PracticeFile.isLink(fullPath(String(parts[0]))),
              PracticeFile.isFolder(fullPath(folder)) else { return nil }
        let found = parts[0] == "sessions" ? sessionFolderFiles(folder, session: String(parts[1]))
            : memberFolderFiles(folder, member: String(parts[1]))
        return found.sorted { $0.path.precedesInBytes($1.path) }
    }

    private func memberFiles() -> [DiscoveredFile] {
        entries(in: "members").flatMap { folder -> [DiscoveredFile] in
            guard folder.isDirectory else {
                return folder.isMarkdown ? [stray(folder.path, "members/<member-id>/profile.md")] : linked(folder)
            }
            return memberFolderFiles(folder.path, member: folder.name)
        }
    }

    private func memberFolderFiles(_ path: String, member: String) -> [DiscoveredFile] {
        entries(in: path).flatMap { entry -> [DiscoveredFile] in
            if entry.isDirectory, entry.name == "individual" {
                return entries(in: entry.path).flatMap { note -> [DiscoveredFile] in
                    if note.isDirectory { return strays(in: note.path, expected: "members/\(member)/individual/<YYYY-MM-DD>.md") }
                    return note.isMarkdown ? [DiscoveredFile(path: note.path, kind: .individualNote(member: member))] : linked(note)
                }
            }
            if entry.isDirectory { return strays(in: entry.path, expected: "members/\(member)/plan-<YYYY-MM-DD>.md") }
            guard entry.isMarkdown else { return linked(entry) }
            if entry.name == "profile.md" { return [DiscoveredFile(path: entry.path, kind: .profile(member: member))] }
            if entry.stem == "plan" || entry.stem.hasPrefix("plan-") {
                return [DiscoveredFile(path: entry.path, kind: .plan(member: member))]
            }
            return [stray(entry.path, "profile.md or plan-<YYYY-MM-DD>.md")]
        }
    }

    /// The session folders are listed on every core: at 20,000 notes,
    /// listing 2,000 folders one after the other (an open, a read of the
    /// entries and a close each) was 60 to 75 ms of every build and check.
    private func sessionFiles() -> [DiscoveredFile] {
        ParallelMap.map(entries(in: "sessions")) { folder -> [DiscoveredFile] in
            guard folder.isDirectory else {
                return folder.isMarkdown ? [stray(folder.path, "sessions/<session-id>/session.md")] : linked(folder)
            }
            return sessionFolderFiles(folder.path, session: folder.name, listedAsFolder: true)
        }.flatMap { $0 }
    }

    /// `listedAsFolder`: the folder's own listing said it is a folder, not a
    /// link, so it is not asked again.
    private func sessionFolderFiles(_ path: String, session: String, listedAsFolder: Bool = false) -> [DiscoveredFile] {
        entries(in: path, listedAsFolder: listedAsFolder).flatMap { entry -> [DiscoveredFile] in
            if entry.isDirectory { return strays(in: entry.path, expected: "sessions/\(session)/<member-id>.md") }
            guard entry.isMarkdown else { return linked(entry) }
            if entry.name == "session.md" { return [DiscoveredFile(path: entry.path, kind: .sessionNote(session: session))] }
            return [DiscoveredFile(path: entry.path, kind: .progressNote(session: session, member: entry.stem))]
        }
    }

    private func remittanceFiles() -> [DiscoveredFile] {
        entries(in: "remittances").filter { !$0.isDirectory && $0.name.lowercased().hasSuffix(".835") }
            .map { DiscoveredFile(path: $0.path, kind: .remittance) }
    }

    /// What was sent (`submissions/*.837`) and what came back before payment
    /// (`acknowledgments/*.999` and `*.277`); other files there are left alone.
    private func billingHistoryFiles() -> [DiscoveredFile] {
        let submissions = entries(in: "submissions").filter { !$0.isDirectory && $0.name.lowercased().hasSuffix(".837") }
            .map { DiscoveredFile(path: $0.path, kind: .submission) }
        let acknowledgments = entries(in: "acknowledgments").filter { !$0.isDirectory }.compactMap { entry -> DiscoveredFile? in
            let name = entry.name.lowercased()
            if name.hasSuffix(".999") { return DiscoveredFile(path: entry.path, kind: .implementationAcknowledgment) }
            if name.hasSuffix(".277") { return DiscoveredFile(path: entry.path, kind: .claimAcknowledgment) }
            return nil
        }
        return submissions + acknowledgments
    }

    private func stray(_ path: String, _ expected: String) -> DiscoveredFile {
        DiscoveredFile(path: path, kind: .stray(expected: expected))
    }

    /// Markdown files anywhere below a folder where none belongs.
    private func strays(in path: String, expected: String) -> [DiscoveredFile] {
        entries(in: path).flatMap { entry -> [DiscoveredFile] in
            if entry.isDirectory { return strays(in: entry.path, expected: expected) }
            return entry.isMarkdown ? [stray(entry.path, expected)] : linked(entry)
        }
    }

    /// The folder a listed link stands for (a link named like a document
    /// is read as one, and reported then); nothing for any other entry.
    private func linked(_ entry: Entry) -> [DiscoveredFile] {
        entry.isLink ? linkedFolder(entry.path) : []
    }

    /// The link at `path` when it stands for a folder. A link named like a
    /// document is reported when it is read instead.
    private func linkedFolder(_ path: String) -> [DiscoveredFile] {
        let isReported = path.lowercased().hasSuffix(".md") || !PracticeFile.isFolder(fullPath(path), followingLinks: true)
        return isReported ? [] : [DiscoveredFile(path: path, kind: .linkedFolder)]
    }

    private struct Entry {
        var path: String
        var name: String
        /// A folder itself, never a link to one.
        var isDirectory: Bool
        var isLink: Bool
        var stem: String { name.hasSuffix(".md") ? String(name.dropLast(3)) : name }
        var isMarkdown: Bool { !isDirectory && name.lowercased().hasSuffix(".md") }
    }

    /// The visible entries of a folder relative to the root, sorted by name;
    /// none when the folder is a link.
    private func entries(in relative: String, listedAsFolder: Bool = false) -> [Entry] {
        let full = rootPath + "/" + relative
        guard listedAsFolder || !PracticeFile.isLink(full) else { return [] }
        return FolderListing.entries(atPath: full).map { entry in
            Entry(path: relative + "/" + entry.name, name: entry.name, isDirectory: entry.kind == .folder, isLink: entry.kind == .link)
        }
    }
}
