import Foundation

/// The git pre-commit hook `groupchart init --git-hook` installs: it checks
/// the practice as it will be committed (the staged files, not the working
/// folder) and refuses the commit when `groupchart check` reports an error,
/// so that a note with an error is never committed unnoticed. Warnings do
/// not stop a commit; `git commit --no-verify` skips the hook once.
///
/// The hook runs `$GROUPCHART` when set, else `groupchart` from PATH. When
/// neither can be found it refuses the commit too: a hook that silently
/// passes would give the false assurance it exists to prevent.
enum PreCommitHook {
    static let script = """
        #!/bin/sh
        # Written by `groupchart init --git-hook`: refuses a commit while `groupchart check`
        # reports an error in the practice as staged. Skip it once: git commit --no-verify
        groupchart="${GROUPCHART:-groupchart}"
        if ! command -v "$groupchart" >/dev/null 2>&1; then
            echo "pre-commit: $groupchart is not installed or not on PATH; install it (or set GROUPCHART), or commit with --no-verify" >&2
            exit 1
        fi
        staged=$(mktemp -d) || exit 1
        trap 'rm -rf "$staged"' EXIT
        git checkout-index --all --prefix="$staged/" || exit 1
        if ! "$groupchart" check "$staged"; then
            echo "pre-commit: commit refused: groupchart check reports errors (above); fix them, or commit with --no-verify" >&2
            exit 1
        fi

        """

    /// The hooks folder of the repository whose top is `root`, or why the
    /// hook cannot go there.
    static func hooksFolder(in root: URL) throws(Refusal) -> URL {
        var isDirectory: ObjCBool = false
        let git = root.appendingPathComponent(".git")
        guard FileManager.default.fileExists(atPath: git.path, isDirectory: &isDirectory) else {
            throw Refusal("""
                \(root.path) is not a git repository, so there is nowhere to install the pre-commit hook: \
                run `git init` there first, or leave out --git-hook
                """)
        }
        guard isDirectory.boolValue else {
            throw Refusal("""
                \(root.path)/.git is a file (a worktree or submodule), not the repository's own folder: \
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
        return hook.deletingLastPathComponent()
    }
}
