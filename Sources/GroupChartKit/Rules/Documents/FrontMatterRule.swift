/// `front-matter`: a document whose front-matter is missing, never closed or
/// not valid YAML cannot be read at all, so it is reported once, here.
struct FrontMatterRule: Rule {
    let id = "front-matter"
    let isSessionLocal = true
    let defaultSeverity = Severity.error
    let summary = "front-matter missing, unterminated, or not valid YAML (at the YAML error's line)"
    let explanation = Explanation(
        checks: """
            That every Markdown document starts with YAML front-matter between two "---" lines, that the \
            front-matter is closed, and that it is valid YAML with each key once per mapping (practice.yaml \
            is YAML throughout and is held to the same). A no-break space or a zero-width character in a \
            line's indentation, in a key or right after its colon (which YAML does not read as a space) is \
            reported where it stands, and so is a YAML merge key (<<), which GroupChart does not read.
            """,
        why: """
            The front-matter carries what a claim is built from: dates, times, attendance, signatures. A note \
            GroupChart cannot read is a note nobody has checked; every other rule skips it until it is fixed.
            """,
        example: """
            ---
            signed_by: torres
            signed_at: 2026-03-12T17:05
            ## Participation
            """,
        fix: "Close the front-matter with a line \"---\" before the body; quote values that hold \": \" or \"#\".")

    func check(_ context: RuleContext) -> [Finding] {
        context.readFindings(of: id)
    }
}
