/// `symlink`: a symbolic link in the record folders that GroupChart does not
/// follow. A practice travels by git; a link in it must not pull a file from
/// elsewhere on the machine into a record, nor loop.
struct SymlinkRule: Rule {
    let id = "symlink"
    let isSessionLocal = true
    let defaultSeverity = Severity.error
    let summary = "a symbolic link in the practice points outside it, to a folder, or nowhere, so it is not followed"
    let explanation = Explanation(
        checks: """
            Every symbolic link that stands for a document or a folder of the practice (practice.yaml, and \
            links under groups/, members/ and sessions/). A link to a regular file inside the practice \
            folder is followed and read like the file; a link that ends outside the practice, at nothing, \
            or at something that is not a file is not followed, and neither is any link to a folder \
            (inside or outside). Such a document counts as existing but unreadable, like a file that \
            cannot be opened, so it is reported once. Links to attachments (files that are not Markdown) \
            are left alone, as the attachments are.
            """,
        why: """
            A record must be made of the practice's own files: a link to a file elsewhere on the machine \
            would copy whatever it points at into a record that holds protected health information, and \
            a note GroupChart cannot read is a claim it cannot vouch for.
            """,
        example: "sessions/2026-03-12-dbt-skills/okonkwo-david.md -> /home/torres/drafts/okonkwo.md",
        fix: "Put the document itself in the practice folder, in place of the link (git mv the real file there).")

    func check(_ context: RuleContext) -> [Finding] {
        context.readFindings(of: id)
    }
}
