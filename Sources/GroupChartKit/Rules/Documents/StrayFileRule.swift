/// `stray-file`: a Markdown file where the layout expects none, or billing
/// history a build does not read. GroupChart says so rather than skip it
/// silently.
struct StrayFileRule: Rule {
    let id = "stray-file"
    let isSessionLocal = true
    let defaultSeverity = Severity.warning
    let summary = "a Markdown file stands where the practice layout expects none, so it is not read"
    let explanation = Explanation(
        checks: """
            Every .md file under groups/, members/ and sessions/ against the layout of format.md: a file \
            that is no group, profile, plan, session note, progress note or individual note is a stray, and \
            so is Markdown by another name (.MD, .markdown, .mdown, .mkd), which is never read. \
            Files that are not Markdown (scans, PDFs) are attachments and are left alone. In remittances/, \
            submissions/ and acknowledgments/, an X12 file that is not read is a stray too: one in a folder \
            below (an archive), or one whose name does not end in the extension of its folder (.835; .837; \
            .999, .277 or .277ca), such as a 999 saved as .999.txt. So is a hidden copy that `sign` or `new` \
            left when stopped before it finished (`.<note>.groupchart-<id>`, `.groupchart-staging-<id>`).
            """,
        why: """
            A progress note saved in the wrong folder is a note the claim does not see: the member looks \
            undocumented, or is billed without the note GroupChart checked. An 835, 999 or 277CA not read \
            leaves a claim's payment or rejection unknown; a submission not read leaves its claims unsent in \
            GroupChart's eyes, so they are billed again.
            """,
        example: "members/okonkwo-david/notes/2026-03-12.md",
        fix: "Move the file to where the message says such a document belongs, or rename it.")

    func check(_ context: RuleContext) -> [Finding] {
        context.record.strays.compactMap { stray in
            guard case .stray(let expected) = stray.kind else { return nil }
            let name = stray.path.split(separator: "/").last.map(String.init) ?? stray.path
            if InterruptedWrite.isLeftover(name) {
                let what = name.hasPrefix(InterruptedWrite.stagingPrefix) ? "notes `new` was creating" : "a copy of a note `sign` was signing"
                return Finding(SourceLocation(file: stray.path, line: 1), "\"\(stray.path)\" holds \(what) when it was stopped; it is not read",
                               help: "delete it (it holds a member's record, and `git add .` would commit it): the note itself was "
                                   + "written whole or not at all; run the command again if it is not done")
            }
            return Finding(SourceLocation(file: stray.path, line: 1), "\"\(stray.path)\" is not a document of the practice layout and is not read",
                           help: "documents here are named \(expected)")
        }
    }
}
