/// `duplicate-submission`: one claim id sent as an original twice with no
/// rejection between: the folder itself shows double billing.
struct DuplicateSubmissionRule: Rule {
    let id = "duplicate-submission"
    let isSessionLocal = true
    let defaultSeverity = Severity.error
    let summary = "one claim id sent as an original in two submissions with no rejection between them"
    let explanation = Explanation(
        checks: """
            The submissions in submissions/, in date order: a claim id sent as an original (CLM05-3 1) while an \
            earlier original of it stands unrejected (no 999 or 277CA rejected it). Reported at the second \
            submission's CLM segment, naming the first.
            """,
        why: """
            The payer denies the second original as an exact duplicate (CARC 18), and a pattern of duplicates is \
            an audit finding of its own. A correction goes as a replacement (frequency 7), never as a new original.
            """,
        example: """
            submissions/2026-03-13-000000001.837 and submissions/2026-03-20-000000002.837 both hold
            CLM*20260312T44TH2LHCJVP*65***11:B:1~
            """,
        fix: """
            If the second file was never uploaded, remove it from submissions/ (git rm). If it was, expect a \
            CARC 18 denial of the copy; do not send it again.
            """)

    func check(_ context: RuleContext) -> [Finding] {
        let received = context.analysis.claimLedger.acknowledgedSubmissions
        return context.analysis.claimLedger.histories.values.flatMap { history in
            history.duplicates.map { pair in
                Finding(pair.second.claim.location,
                        "claim \"\(history.claimID)\" is sent as an original again; \(pair.first.file) sent it already",
                        // A 999 answered it: it was uploaded, and is the billing history now.
                        help: received.contains(pair.second.file)
                            ? "a 999 shows this file was received: keep it, as it is what was sent; expect the payer to deny the copy "
                                + "(CARC 18), and send nothing again"
                            : "a correction goes as a replacement; remove this submission if it was never uploaded",
                        related: [RelatedLocation(pair.first.claim.location, "the first original")])
            }
        }
    }
}
