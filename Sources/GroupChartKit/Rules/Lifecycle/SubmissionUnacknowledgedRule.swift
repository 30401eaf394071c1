import Foundation

/// `submission-unacknowledged`: a submission that nobody has answered.
struct SubmissionUnacknowledgedRule: Rule {
    let id = "submission-unacknowledged"
    let isSessionLocal = true
    let defaultSeverity = Severity.warning
    static let days = RuleParameter("days", default: 7, range: 0...365)
    var parameters: [RuleParameter] { [Self.days] }
    let summary = "a submission older than `days` (default 7) has no 999"
    let explanation = Explanation(
        checks: """
            Every submission in submissions/ sent more than `days` days before today (7 unless practice.yaml \
            sets `submission-unacknowledged: {days: N}`) without a 999 in acknowledgments/ naming its group \
            control number (AK102 = GS06).
            """,
        why: """
            A clearinghouse answers every file with a 999 within a day or two. No answer means the file was \
            never uploaded, was lost, or its answer was never saved: each leaves claims unbilled while the \
            timely-filing limit runs.
            """,
        example: "submissions/2026-03-13-000000001.837, checked on 2026-03-31, and no 999 in acknowledgments/",
        fix: """
            Find the 999 in the clearinghouse's portal and save it in acknowledgments/; if the file was never \
            uploaded, upload it now, unless it records claims billed by other means (`submit --through`, when a \
            practice starts with GroupChart): such a file is never uploaded, or its claims are billed twice.
            """)

    func check(_ context: RuleContext) -> [Finding] {
        let ledger = context.analysis.claimLedger
        let days = Int(context.parameter(Self.days))
        return context.record.billingHistory.submissions.compactMap { submission in
            guard let date = submission.date, date.days(to: context.today) > days,
                  !ledger.acknowledgedSubmissions.contains(submission.file) else { return nil }
            return Finding(submission.location,
                           "this submission of \(date) has no 999 after \(date.days(to: context.today)) days",
                           help: "save the clearinghouse's 999 for it in acknowledgments/, or upload the file if it never was, "
                               + "unless it records claims billed by other means (submit --through): never upload those")
        }
    }
}
