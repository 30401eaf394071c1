import Foundation

/// `groupchart init`: writes the starter practice (`StarterDocuments`), its
/// copy of the schemas and, when asked, the git pre-commit hook.
public enum StarterPractice {
    /// What `init` wrote, relative to the practice folder.
    public struct Written: Sendable {
        public var paths: [String]
        /// The git pre-commit hook, when one was installed (at the top of
        /// the repository, which may hold more than the practice).
        public var hook: URL?
        /// The folder had a .gitignore of its own (a repository made first),
        /// left as it was: it should keep build/ out of git.
        public var keptGitignore = false
    }

    /// Creates the practice at `root`, which must be missing or hold none of
    /// the files `init` writes (a fresh `git init` folder is fine, and one
    /// with a .gitignore of its own, which is left as it is); refuses
    /// before writing anything otherwise.
    public static func create(at root: URL, today: LocalDate, gitHook: Bool) throws(Refusal) -> Written {
        var files = StarterDocuments(today: today).files + SchemaCatalogue.practiceFiles
        let keptGitignore = FileManager.default.fileExists(atPath: root.appendingPathComponent(".gitignore").path)
        if keptGitignore { files.removeAll { $0.path == ".gitignore" } }
        try refuseExisting(files, in: root)
        let hook = gitHook ? try PreCommitHook.place(for: root) : nil
        do {
            try AtomicWrite.create(files, in: root)
        } catch {
            throw Refusal("cannot write the practice at \(root.path): \(error.localizedDescription)")
        }
        guard let hook else { return Written(paths: files.map(\.path), keptGitignore: keptGitignore) }
        do {
            try AtomicWrite.create([NewFile(path: "pre-commit", text: hook.hook.script, isExecutable: true)], in: hook.hooks)
        } catch {
            throw Refusal("the practice was written, but not the hook \(hook.hooks.path)/pre-commit: \(error.localizedDescription)")
        }
        return Written(paths: files.map(\.path), hook: hook.hooks.appendingPathComponent("pre-commit"), keptGitignore: keptGitignore)
    }

    /// Refuses when `root` is a file, or holds a file or folder `init` would
    /// write (compared by its top-level entry: `groups/`, `practice.yaml`...).
    private static func refuseExisting(_ files: [NewFile], in root: URL) throws(Refusal) {
        if let enclosing = PracticeLocation.enclosing(root.path), enclosing.path != PracticeLocation.absolute(root.path) {
            throw Refusal("""
                \(root.path) is inside the practice at \(enclosing.path), and a practice inside a practice would be \
                read as part of neither: give groupchart init a folder outside it
                """)
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else {
            throw Refusal("\(root.path) is a file; give groupchart init a folder that is empty or does not exist yet")
        }
        let entries = Set(files.compactMap { $0.path.split(separator: "/").first.map(String.init) })
        let present = entries.filter { FileManager.default.fileExists(atPath: root.appendingPathComponent($0).path) }.sorted()
        guard present.isEmpty else {
            throw Refusal("""
                \(root.path) already holds \(present.joined(separator: ", ")), and groupchart init never overwrites: \
                give it a folder without them (an empty one, or one that does not exist yet)
                """)
        }
    }
}
