/// `unknown-key`: a key the format does not define, usually a misspelling.
struct UnknownKeyRule: Rule {
    let id = "unknown-key"
    let isSessionLocal = true
    let defaultSeverity = Severity.warning
    let summary = "a key the format does not define; suggests the nearest known key"
    let explanation = Explanation(
        checks: """
            Every front-matter key and every practice.yaml key (rule names and rule parameters included) \
            against the keys format.md defines for that place. One that looks like an optional key whose \
            default goes on a claim (`fromat:`) is reported as `missing-field`, an error, instead.
            """,
        why: """
            A misspelt key is a silently missing value: `co_facilitater: park` leaves the co-facilitator out \
            of the session record, which the billing guide names as a common audit finding.
            """,
        example: "co_facilitater: park",
        fix: "Correct the key to the one suggested, or remove it.")

    func check(_ context: RuleContext) -> [Finding] {
        context.readFindings(of: id)
    }
}
