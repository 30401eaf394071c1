/// `stray-file`: a Markdown file where the layout expects none. GroupChart
/// does not read it, and says so rather than skip it silently.
struct StrayFileRule: Rule {
    let id = "stray-file"
    let isSessionLocal = true
    let defaultSeverity = Severity.warning
    let summary = "a Markdown file stands where the practice layout expects none, so it is not read"
    let explanation = Explanation(
        checks: """
            Every .md file under groups/, members/ and sessions/ against the layout of format.md: a file \
            that is no group, profile, plan, session note, progress note or individual note is a stray. \
            Files that are not Markdown (scans, PDFs) are attachments and are left alone.
            """,
        why: """
            A progress note saved in the wrong folder is a note the claim does not see: the member looks \
            undocumented, or is billed without the note GroupChart checked.
            """,
        example: "members/okonkwo-david/notes/2026-03-12.md",
        fix: "Move the file to where the message says such a document belongs, or rename it.")

    func check(_ context: RuleContext) -> [Finding] {
        context.record.strays.compactMap { stray in
            guard case .stray(let expected) = stray.kind else { return nil }
            return Finding(SourceLocation(file: stray.path, line: 1), "\"\(stray.path)\" is not a document of the practice layout and is not read",
                           help: "documents here are named \(expected)")
        }
    }
}
