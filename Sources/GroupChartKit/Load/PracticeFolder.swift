import Foundation

/// Finds the documents of a practice folder by the layout of format.md.
///
/// Only `practice.yaml` and the `groups/`, `members/` and `sessions/` folders
/// are records. Inside them every Markdown file is either a document of a known
/// kind or a stray (reported, so that nothing is skipped silently); other files
/// (scans, PDFs) are attachments and left alone. Hidden files are ignored,
/// but for the copies an interrupted `sign` or `new` left (`InterruptedWrite`),
/// which are strays.
/// `remittances/` holds the 835s payers send: each `.835` file directly in it
/// is read. `submissions/` (`.837`) and `acknowledgments/` (`.999`, and
/// `.277` or `.277ca`) hold the rest of the billing history (lifecycle.md),
/// read the same way. Anything else there (a PDF of the paper remittance) is
/// left alone, except what holds billing history the build would then not
/// see: an X12 file under another name (`.999.txt`), or one in a folder
/// below (an archive of old 835s, or of submissions whose claims would be
/// billed again). Each of those is a stray, reported, never silently skipped.
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
        discover(stamping: false).map(\.file)
    }

    /// A document found, with its stamp when the listing was asked for them.
    struct Stamped: Sendable {
        var file: DiscoveredFile
        /// As `FileStamp.of` gives it: `nil` for a link.
        var stamp: FileStamp?
    }

    /// Every document, as `discover()` lists them; `stamping`: with the
    /// stamp of each, taken as it is listed (`FolderListing`).
    func discover(stamping: Bool) -> [Stamped] {
        var found = [Stamped(file: DiscoveredFile(path: "practice.yaml", kind: .practice),
                             stamp: stamping ? FileStamp.of(fullPath("practice.yaml")) : nil)]
        found += groupFiles(stamping)
        found += memberFiles(stamping)
        found += sessionFiles(stamping)
        found += remittanceFiles(stamping)
        found += billingHistoryFiles(stamping)
        // A link standing for a record folder; those below are found by the walks above,
        // in the listings they make anyway (walking every folder again for them was a
        // sixth of a build with nothing changed, at 20,000 notes).
        // The billing history's folders too: a linked submissions/ read as
        // empty sent every claim again as an original.
        found += ["groups", "members", "sessions", "remittances", "submissions", "acknowledgments"]
            .filter { PracticeFile.isLink(fullPath($0)) }.flatMap(linkedFolder)
        return found.sorted { $0.file.path.precedesInBytes($1.file.path) }
    }

    /// Reads one discovered file, or says why it was not read.
    public func read(_ file: DiscoveredFile) -> Result<[UInt8], PracticeFile.Problem> {
        PracticeFile.read(file.path, inFolder: rootPath, root: root)
    }

    private func groupFiles(_ stamping: Bool) -> [Stamped] {
        each(in: "groups", stamping: stamping) { entry -> [Stamped] in
            if entry.isDirectory { return folderStrays(entry, expected: "groups/<group-id>.md", stamping) }
            guard entry.isMarkdown else { return other(entry, "groups/<group-id>.md") }
            return [entry.found(as: .group(id: entry.stem))]
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
        let found = parts[0] == "sessions" ? sessionFolderFiles(folder, session: String(parts[1]), false)
            : memberFolderFiles(folder, member: String(parts[1]), false)
        return found.map(\.file).sorted { $0.path.precedesInBytes($1.path) }
    }

    private func memberFiles(_ stamping: Bool) -> [Stamped] {
        each(in: "members", stamping: stamping) { folder -> [Stamped] in
            guard folder.isDirectory else {
                return folder.isMarkdown || folder.isMisnamedMarkdown ? [stray(folder, "members/<member-id>/profile.md")] : linked(folder)
            }
            return memberFolderFiles(folder.path, member: folder.name, stamping)
        }
    }

    private func memberFolderFiles(_ path: String, member: String, _ stamping: Bool) -> [Stamped] {
        each(in: path, stamping: stamping) { entry -> [Stamped] in
            if entry.isDirectory, entry.name == "individual" {
                return each(in: entry.path, stamping: stamping) { note -> [Stamped] in
                    if note.isDirectory {
                        return folderStrays(note, expected: "members/\(member)/individual/<YYYY-MM-DD>.md", stamping)
                    }
                    return note.isMarkdown ? [note.found(as: .individualNote(member: member))]
                        : other(note, "members/\(member)/individual/<YYYY-MM-DD>.md")
                }
            }
            // A folder named profile.md is read as the profile, to be said a folder (not "no profile.md").
            if entry.isDirectory, entry.name == "profile.md" { return [entry.found(as: .profile(member: member))] }
            if entry.isDirectory { return folderStrays(entry, expected: "members/\(member)/plan-<YYYY-MM-DD>.md", stamping) }
            guard entry.isMarkdown else { return other(entry, "profile.md or plan-<YYYY-MM-DD>.md") }
            if entry.name == "profile.md" { return [entry.found(as: .profile(member: member))] }
            if entry.stem == "plan" || entry.stem.hasPrefix("plan-") {
                return [entry.found(as: .plan(member: member))]
            }
            return [stray(entry, "profile.md or plan-<YYYY-MM-DD>.md")]
        }
    }

    /// The session folders are listed on every core: at 20,000 notes,
    /// listing 2,000 folders one after the other (an open, a read of the
    /// entries and a close each) was 60 to 75 ms of every build and check.
    private func sessionFiles(_ stamping: Bool) -> [Stamped] {
        guard let folders = entries(in: "sessions", stamping: stamping) else {
            return [Stamped(file: DiscoveredFile(path: "sessions", kind: .unreadableFolder), stamp: nil)]
        }
        return ParallelMap.map(folders) { folder -> [Stamped] in
            if folder.isLeftover { return [leftover(folder)] }
            guard folder.isDirectory else {
                return folder.isMarkdown || folder.isMisnamedMarkdown ? [stray(folder, "sessions/<session-id>/session.md")] : linked(folder)
            }
            return sessionFolderFiles(folder.path, session: folder.name, stamping, listedAsFolder: true)
        }.flatMap { $0 }
    }

    /// `listedAsFolder`: the folder's own listing said it is a folder, not a
    /// link, so it is not asked again.
    ///
    /// The files are appended to one list, not joined from a list of one
    /// for each file (an array made and freed for each of 22,000 files of
    /// every build and check).
    private func sessionFolderFiles(_ path: String, session: String, _ stamping: Bool, listedAsFolder: Bool = false) -> [Stamped] {
        guard let entries = entries(in: path, listedAsFolder: listedAsFolder, stamping: stamping) else {
            return [Stamped(file: DiscoveredFile(path: path, kind: .unreadableFolder), stamp: nil)]
        }
        var found: [Stamped] = []
        found.reserveCapacity(entries.count)
        for entry in entries {
            if entry.isLeftover {
                found.append(leftover(entry))
            } else if entry.isDirectory, entry.name == "session.md" {
                found.append(entry.found(as: .sessionNote(session: session)))
            } else if entry.isDirectory {
                found += folderStrays(entry, expected: "sessions/\(session)/<member-id>.md", stamping)
            } else if !entry.isMarkdown {
                found += other(entry, "sessions/\(session)/<member-id>.md")
            } else if entry.name == "session.md" {
                found.append(entry.found(as: .sessionNote(session: session)))
            } else if !Identifier.isSlug(entry.stem), !entry.stem.unicodeScalars.contains("\u{FFFD}") {
                // (A name that is not UTF-8 is read, to be said as such: `encoding`.)
                found.append(stray(entry, Self.misnamedNote(entry.stem, session: session)))
            } else {
                found.append(entry.found(as: .progressNote(session: session, member: entry.stem)))
            }
        }
        return found
    }

    /// What a note of a session folder whose name is no id ("Session
    /// Note.md", "Roe-Sam.md") should be named. Read as a member's note, the
    /// session note saved as "Session Note.md" gave a dozen errors about a
    /// progress note of member "Session Note", the rename it needed said
    /// last (a clinician's review).
    static func misnamedNote(_ stem: String, session: String) -> String {
        if looksLikeSessionNote(stem) {
            return "sessions/\(session)/session.md for the group's session note: rename this file session.md"
        }
        return "sessions/\(session)/<member-id>.md, an id in lower case"
            + (Identifier.meant(stem).map { ": rename this file \($0).md if \($0) is the member" } ?? "")
    }

    /// Whether a file's name without its extension reads as the session
    /// note's ("Session Note", "group_note").
    static func looksLikeSessionNote(_ stem: String) -> Bool {
        let folded = String(stem.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic })
        return ["session", "sessionnote", "groupnote", "groupsessionnote", "sessionnotes", "groupsession"].contains(folded)
    }



    private func remittanceFiles(_ stamping: Bool) -> [Stamped] {
        each(in: "remittances", stamping: stamping) { entry -> [Stamped] in
            if !entry.isDirectory, entry.name.lowercased().hasSuffix(".835") { return [entry.found(as: .remittance)] }
            return unreadHistory(entry, expected: "remittances/<name>.835", stamping)
        }
    }

    /// What was sent (`submissions/*.837`) and what came back before payment
    /// (`acknowledgments/*.999`, `*.277` and `*.277ca`, as clearinghouses
    /// also name them).
    private func billingHistoryFiles(_ stamping: Bool) -> [Stamped] {
        let submissions = each(in: "submissions", stamping: stamping) { entry -> [Stamped] in
            if !entry.isDirectory, entry.name.lowercased().hasSuffix(".837") { return [entry.found(as: .submission)] }
            return unreadHistory(entry, expected: "submissions/<YYYY-MM-DD>-<ISA13>.837", stamping)
        }
        let acknowledgments = each(in: "acknowledgments", stamping: stamping) { entry -> [Stamped] in
            let name = entry.name.lowercased()
            if !entry.isDirectory, name.hasSuffix(".999") { return [entry.found(as: .implementationAcknowledgment)] }
            if !entry.isDirectory, name.hasSuffix(".277") || name.hasSuffix(".277ca") { return [entry.found(as: .claimAcknowledgment)] }
            return unreadHistory(entry, expected: "acknowledgments/<name>.999 or <name>.277", stamping)
        }
        return submissions + acknowledgments
    }

    /// A billing folder's entry that is not read, when it holds billing
    /// history: named as X12 (in a folder below), or starting as X12 does
    /// (under another name). Other files (a PDF, a note) are attachments.
    private func unreadHistory(_ entry: Entry, expected: String, _ stamping: Bool) -> [Stamped] {
        if entry.isDirectory {
            return each(in: entry.path, stamping: stamping) { unreadHistory($0, expected: expected, stamping) }
        }
        // A link to a folder of billing history is reported (and stops the batch): its files would go unread.
        guard !entry.isLink else { return linkedFolder(entry.path) }
        let name = entry.name.lowercased()
        let named = [".835", ".837", ".999", ".277", ".277ca"].contains { name.hasSuffix($0) }
        return named || PracticeFile.startsLikeX12(fullPath(entry.path)) ? [stray(entry, expected)] : []
    }

    private func stray(_ entry: Entry, _ expected: String) -> Stamped {
        entry.found(as: .stray(expected: expected))
    }

    /// A file where documents stand that is not named as one: a stray when
    /// it is Markdown by another name (`.MD`, `.markdown`), which would
    /// otherwise go unread without a word; else an attachment, left alone,
    /// or a link to a folder.
    private func other(_ entry: Entry, _ expected: String) -> [Stamped] {
        guard entry.isMisnamedMarkdown else { return linked(entry) }
        // The name it was meant to have: "lopez-maria.md.txt" (TextEdit,
        // Notepad, whose Explorer hides the .txt) and "lopez-maria.MD" are
        // lopez-maria.md; the help said only how documents are named (a
        // clinician's review).
        return [stray(entry, expected + ": rename this file \(entry.meantName)")]
    }

    /// A folder where documents stand: the Markdown below it is stray, and
    /// so is the folder itself when named as a document ("chen-lily.md/",
    /// made where a note was meant): empty, it was passed by without a
    /// word, where a file of that name is a stray (a fault-injection review).
    private func folderStrays(_ entry: Entry, expected: String, _ stamping: Bool) -> [Stamped] {
        let below = strays(in: entry.path, expected: expected, stamping)
        guard entry.name.hasSuffix(".md") || Entry.markdownStem(of: entry.name) != nil else { return below }
        return [stray(entry, expected + ", and \(entry.name) is a folder, not a document")] + below
    }

    /// Markdown files anywhere below a folder where none belongs.
    private func strays(in path: String, expected: String, _ stamping: Bool) -> [Stamped] {
        each(in: path, stamping: stamping) { entry -> [Stamped] in
            if entry.isDirectory { return strays(in: entry.path, expected: expected, stamping) }
            return entry.isMarkdown || entry.isMisnamedMarkdown ? [stray(entry, expected)] : linked(entry)
        }
    }

    /// The folder a listed link stands for (a link named like a document
    /// is read as one, and reported then); nothing for any other entry.
    private func linked(_ entry: Entry) -> [Stamped] {
        entry.isLink ? linkedFolder(entry.path) : []
    }

    /// The link at `path` when it stands for a folder (a link has no
    /// stamp). A link named like a document is reported when it is read instead.
    private func linkedFolder(_ path: String) -> [Stamped] {
        let isReported = path.lowercased().hasSuffix(".md") || !PracticeFile.isFolder(fullPath(path), followingLinks: true)
        return isReported ? [] : [Stamped(file: DiscoveredFile(path: path, kind: .linkedFolder), stamp: nil)]
    }

    private struct Entry {
        var path: String
        var name: String
        /// A folder itself, never a link to one.
        var isDirectory: Bool
        var isLink: Bool
        var stamp: FileStamp?
        var stem: String { name.hasSuffix(".md") ? String(name.dropLast(3)) : name }
        /// Hidden, so a copy an interrupted `sign` or `new` left: the only hidden entries listed.
        var isLeftover: Bool { name.hasPrefix(".") }
        /// Named as a document is: `.md`, in lower case, as the layout
        /// names every document (format.md).
        var isMarkdown: Bool { !isDirectory && name.hasSuffix(".md") }
        /// Markdown by another name: `.MD`, `.Md`, `.markdown`, `.mdown`,
        /// `.mkd`, `.mkdn`, `.mdwn`, `.mdtxt`, `.mdtext`.
        /// Markdown saved as text too: `.md.txt`, `.markdown.txt`.
        var isMisnamedMarkdown: Bool {
            guard !isDirectory, !isMarkdown else { return false }
            return Self.markdownStem(of: name) != nil
        }
        /// The name with its Markdown extension (and a `.txt` after it) as `.md`.
        var meantName: String { (Self.markdownStem(of: name) ?? stem) + ".md" }
        /// The name without a Markdown extension of any case, and a `.txt`
        /// after it; `nil` when it has none.
        static func markdownStem(of name: String) -> String? {
            var name = Substring(name)
            if name.lowercased().hasSuffix(".txt") { name = name.dropLast(4) }
            guard let dot = name.lastIndex(of: "."), dot != name.startIndex,
                  markdownExtensions.contains(name[name.index(after: dot)...].lowercased()) else { return nil }
            return String(name[..<dot])
        }
        static let markdownExtensions: Set<String> = ["md", "markdown", "mdown", "mkd", "mkdn", "mdwn", "mdtxt", "mdtext"]

        func found(as kind: DocumentKind) -> Stamped {
            Stamped(file: DiscoveredFile(path: path, kind: kind), stamp: stamp)
        }
    }

    /// The visible entries of a folder relative to the root, sorted by name;
    /// none when the folder is a link; `nil` when it cannot be listed.
    private func entries(in relative: String, listedAsFolder: Bool = false, stamping: Bool = false) -> [Entry]? {
        let full = rootPath + "/" + relative
        guard listedAsFolder || !PracticeFile.isLink(full) else { return [] }
        return FolderListing.listing(atPath: full, stamping: stamping, keepingLeftovers: true)?.map { entry in
            Entry(path: relative + "/" + entry.name, name: entry.name, isDirectory: entry.kind == .folder, isLink: entry.kind == .link,
                  stamp: entry.stamp)
        }
    }

    /// What `body` finds in each entry of a folder; a folder that cannot be
    /// listed is found itself, to be reported (`DocumentKind.unreadableFolder`).
    private func each(in relative: String, listedAsFolder: Bool = false, stamping: Bool,
                      _ body: (Entry) -> [Stamped]) -> [Stamped] {
        guard let listed = entries(in: relative, listedAsFolder: listedAsFolder, stamping: stamping) else {
            return [Stamped(file: DiscoveredFile(path: relative, kind: .unreadableFolder), stamp: nil)]
        }
        return listed.flatMap { $0.isLeftover ? [leftover($0)] : body($0) }
    }

    /// A copy an interrupted `sign` or `new` left (`InterruptedWrite`), reported as a stray.
    private func leftover(_ entry: Entry) -> Stamped {
        stray(entry, "")
    }
}
