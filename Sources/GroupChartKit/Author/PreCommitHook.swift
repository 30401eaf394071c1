import Foundation

/// The git pre-commit hook `groupchart init --git-hook` installs: it checks
/// the practice as it will be committed (the staged files, not the working
/// folder) and refuses the commit when `groupchart check` reports an error,
/// so that a note with an error is never committed unnoticed. Warnings do
/// not stop a commit; `git commit --no-verify` skips the hook once.
///
/// The practice may be a folder of a bigger repository (a clinic's
/// repository with the practice in `records/`): the hook is installed at
/// the repository's top, where git looks for it, and checks the practice's
/// folder only. A commit that stages no practice.yaml there (nothing of the
/// practice committed yet) is not checked.
///
/// The hook runs `$GROUPCHART` when set, else `groupchart` from PATH. When
/// neither can be found it refuses the commit too: a hook that silently
/// passes would give the false assurance it exists to prevent.
struct PreCommitHook {
    /// The practice folder relative to the repository's top (`.` when it is the top).
    var practice: String

    var script: String {
        """
        #!/bin/sh
        # Written by `groupchart init --git-hook`: refuses a commit while `groupchart check`
        # reports an error in the practice as staged. Skip it once: git commit --no-verify
        practice=\(Self.quoted(practice))
        groupchart="${GROUPCHART:-groupchart}"
        if ! git ls-files --error-unmatch -- "$practice/practice.yaml" >/dev/null 2>&1; then
            exit 0
        fi
        if ! command -v "$groupchart" >/dev/null 2>&1; then
            echo "pre-commit: $groupchart is not installed or not on PATH; install it (or set GROUPCHART), or commit with --no-verify" >&2
            exit 1
        fi
        staged=$(mktemp -d) || exit 1
        trap 'rm -rf "$staged"' EXIT
        git ls-files -z -- "$practice" | xargs -0 git checkout-index --prefix="$staged/" -- || exit 1
        # The staged files are new copies: check takes those unchanged since the last
        # build from that build's cache of compiled documents, by their bytes.
        cache="$(git rev-parse --show-toplevel)/$practice/build"
        if ! (cd "$staged" && "$groupchart" check "$practice" --cache-from "$cache"); then
            echo "pre-commit: commit refused: groupchart check reports errors (above); fix them, or commit with --no-verify" >&2
            exit 1
        fi

        """
    }

    /// Where the hook goes for a practice at `root` (which may not exist
    /// yet): the hooks folder of the repository that holds it, and the
    /// practice's folder relative to the repository's top; or why it cannot.
    static func place(for root: URL) throws(Refusal) -> (hooks: URL, hook: PreCommitHook) {
        var top = PracticeLocation.absolute(root.path)
        let practice = top
        while !FileManager.default.fileExists(atPath: (top == "/" ? "" : top) + "/.git") {
            guard top != "/" else {
                throw Refusal("""
                    \(root.path) is not in a git repository, so there is nowhere to install the pre-commit hook: \
                    run `git init` there first, or leave out --git-hook
                    """)
            }
            top = URL(fileURLWithPath: top).deletingLastPathComponent().path
        }
        var isDirectory: ObjCBool = false
        let git = URL(fileURLWithPath: top).appendingPathComponent(".git")
        _ = FileManager.default.fileExists(atPath: git.path, isDirectory: &isDirectory)
        guard isDirectory.boolValue else {
            throw Refusal("""
                \(git.path) is a file (a worktree or submodule), not the repository's own folder: \
                install the hook from the main working tree, or leave out --git-hook
                """)
        }
        let hook = git.appendingPathComponent("hooks/pre-commit")
        guard !FileManager.default.fileExists(atPath: hook.path) else {
            throw Refusal("""
                \(hook.path) already exists and is left as it is: add the line `groupchart check` \
                to it yourself, or leave out --git-hook
                """)
        }
        let inside = practice == top ? "." : String(practice.dropFirst(top == "/" ? 1 : top.count + 1))
        return (hook.deletingLastPathComponent(), PreCommitHook(practice: inside))
    }

    /// `text` in single quotes for sh, a quote in it closed, escaped and reopened.
    private static func quoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
