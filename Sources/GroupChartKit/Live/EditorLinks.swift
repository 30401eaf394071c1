import Foundation

/// Links that open a practice file where a diagnostic points: a
/// `vscode://file/...:line:column` link (VS Code, and editors that borrow
/// its scheme, open the file at the place), and a plain `file://` link to
/// copy into any other editor.
struct EditorLinks {
    /// The practice folder as an absolute path, without a trailing slash.
    let root: String

    init(practice root: URL) {
        var path = root.standardizedFileURL.path
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        self.root = path
    }

    func editor(_ location: SourceLocation) -> String {
        "vscode://file" + encoded(absolute(location.file)) + ":\(location.line):\(location.column)"
    }

    func file(_ path: String) -> String {
        "file://" + encoded(absolute(path))
    }

    private func absolute(_ path: String) -> String {
        root == "/" ? "/" + path : root + "/" + path
    }

    /// Percent-encodes what a URL path cannot hold (spaces, `#`, `?`, accents).
    private func encoded(_ path: String) -> String {
        RecordLink.encoded(path)
    }
}
