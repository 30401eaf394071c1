/// `submission`: an 837P in submissions/ that cannot be read as sent, or
/// shows signs of being changed after it was sent. GroupChart adds this rule
/// (lifecycle.md asks that odd files be a warning, never skipped), as it
/// adds `remittance` for 835s.
struct SubmissionRule: Rule {
    let id = "submission"
    let isSessionLocal = true
    let defaultSeverity = Severity.warning
    let summary = """
        an 837P in submissions/ cannot be read as 005010X222A1 says, shares its ISA13 with another, was changed \
        after it was sent (its total differs from its lines or from what the payer read), or is a test \
        interchange whose claims a practice now in production has not sent since
        """
    let explanation = Explanation(
        checks: """
            Every .837 file in submissions/, read with the delimiters its ISA segment names: envelopes (ST to SE, \
            segment counts), amounts and dates, claim frequency codes, a replacement or void without REF*F8, a \
            claim total (CLM02) that is not the sum of its lines, a file named for another ISA13 than it holds, \
            two submissions with one ISA13, and a claim whose charge differs from what a 277CA read of it. And, \
            once practice.yaml's `edi: usage:` is `production`, a test interchange (ISA15 T) holding claims that \
            no production submission holds and no production 277CA or 835 answered: it billed no payer, so those \
            claims count as never sent and the next batch sends them (while the practice is in test mode, test \
            interchanges count as sent: a rehearsal of the whole lifecycle with the clearinghouse's test system; \
            a batch written with `submit --through` is a production interchange whatever the mode).
            """,
        why: """
            submissions/ is the practice's record of what it billed: it decides what is never sent again. A file \
            edited after it was sent makes that record false, and two batches with one control number cannot \
            be told apart by the clearinghouse's answers.
            """,
        example: """
            submissions/2026-03-13-000000001.837 where CLM*20260312T44TH2LHCJVP*80 was edited from 65 after upload.
            """,
        fix: """
            Keep submissions exactly as sent: restore an edited file from git (`git log -p submissions/`). Never \
            rename or renumber one; `groupchart submit` names and numbers them.
            """)

    func check(_ context: RuleContext) -> [Finding] {
        var findings = context.readFindings(of: id)
        var firstByControl: [String: Submission] = [:]
        for submission in context.record.billingHistory.submissions {
            guard let control = submission.interchangeControl, !control.value.isEmpty else { continue }
            if let first = firstByControl[control.value] {
                findings.append(Finding(control.location, "interchange control number \(control.value) (ISA13) is also that of \(first.file)",
                                        help: "each batch has its own ISA13; keep only the file that was sent",
                                        related: first.interchangeControl.map { [RelatedLocation($0.location, "the same ISA13")] } ?? []))
            } else {
                firstByControl[control.value] = submission
            }
        }
        if context.record.practice?.edi?.usage?.value == .production {
            findings += Self.unsentTests(context.record.billingHistory, remittances: context.record.remittances)
        }
        for discrepancy in context.analysis.claimLedger.discrepancies {
            findings.append(Finding(discrepancy.location, discrepancy.message + "; the submission may have been edited after it was sent",
                                    help: "restore the submission from git (git log -p submissions/)",
                                    related: [RelatedLocation(discrepancy.related, "what the payer read")]))
        }
        return findings
    }

    /// A warning at the ISA15 of each test interchange with claims that no
    /// production submission holds and no production 277CA or 835
    /// answered: the clearinghouse's test system sent them to no payer, so
    /// the next batch does (`ClaimLedger`). Read from the billing folders
    /// alone (not from the claims the notes build), as the rule reads one
    /// session at a time.
    static func unsentTests(_ history: BillingHistoryFiles, remittances: [Remittance]) -> [Finding] {
        var inProduction: Set<String> = []
        for submission in history.submissions where submission.testIndicator == nil {
            for claim in submission.claims { inProduction.insert(claim.billed.id) }
        }
        for acknowledgment in history.claimAcknowledgments where !acknowledgment.isTest {
            for report in acknowledgment.claims { inProduction.insert(report.claimID.value) }
        }
        for remittance in remittances {
            for claim in remittance.claims { inProduction.insert(claim.claimID.value) }
        }
        let submissions = history.submissions
        return submissions.compactMap { submission in
            guard let test = submission.testIndicator else { return nil }
            let unsent = Set(submission.claims.map(\.billed.id)).subtracting(inProduction).count
            guard unsent > 0 else { return nil }
            return Finding(test, "this submission is a test interchange (ISA15 T), which a clearinghouse sends to no payer, and practice.yaml "
                               + "bills in production: \(unsent) of its claims \(unsent == 1 ? "is" : "are") in no production submission, so "
                               + "\(unsent == 1 ? "it counts" : "they count") as never sent and the next batch sends what is still billable",
                           help: "review build/batch.csv before groupchart submit; if this file records billing done by other means "
                               + "(submit --through), or the clearinghouse did send it to payers (some ignore ISA15), those claims were "
                               + "billed: change its ISA15 from T to P, so that they count as sent")
        }
    }
}
