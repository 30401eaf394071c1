/// `claim-void-needed`: a billed claim is no longer billable, so the payer
/// must be told to take it back.
struct ClaimVoidNeededRule: Rule {
    let id = "claim-void-needed"
    let defaultSeverity = Severity.warning
    let readsClaims = true
    let summary = "a billed claim is no longer billable: the batch carries a void"
    let explanation = Explanation(
        checks: """
            Every claim that was sent and not rejected and that the record no longer bills: the member is now \
            marked absent, the note or session was removed, the session became psychoeducation, the member is \
            now self-pay. The batch carries a void (frequency 8, naming the payer's claim number, repeating the \
            claim as last sent); it waits while the payer's claim number is unknown. A version sent by other \
            software with a value an 837P cannot carry (a separator of its own, a character with no ASCII form) \
            cannot be repeated: the rule says so, and the claim is voided with the payer directly. A claim \
            voided that the record bills again (the member found present after all) is never sent again: \
            the rule says so, for the service to be billed with the payer directly. A new claim for a service \
            that a claim no longer built was sent for (a folder renamed, a date corrected: the same payer, \
            member id, date and code) is held, and said here, until that claim is voided. A claim that no longer \
            builds because its member's coverage cannot be read (the profile's `insurance` missing, misspelt or \
            invalid: an error there) is not voided: the rule says so, and the void goes out only once the \
            profile says `insurance: self-pay`. Nor is any void sent while an error stands in practice.yaml, \
            the member's folder or a session folder of the claim's date: the edits that stop a claim building by \
            mistake (a member id misspelt in the attendance log, a note changed after signing, a folder renamed) \
            leave such errors, and a void takes a payment back.
            """,
        why: """
            A claim for a service the record no longer supports is an overpayment waiting to be found: billing \
            an absent member is the first thing auditors look for. Voiding it is how the practice returns it \
            before an audit does.
            """,
        example: """
            sessions/2026-03-12-dbt-skills/session.md, after billing:
              attendance:
                bell-marcus: {status: absent, reason: "signed in by mistake"}
            """,
        fix: """
            Review the void in build/batch.csv and send it with `groupchart submit`. If the change was a mistake, \
            undo it and the void leaves the batch.
            """)

    func check(_ context: RuleContext) -> [Finding] {
        guard let billing = context.billing else { return [] }
        return voids(billing) + waiting(billing) + billedAgain(billing)
    }

    /// Claims voided that the record bills again: never sent again (a
    /// claim id voided is done with the payer), so the service is billed
    /// by hand, or the edit undone.
    private func billedAgain(_ billing: Billing) -> [Finding] {
        billing.batch.billedAfterVoid.compactMap { voided in
            guard let place = voided.note ?? voided.void else { return nil }
            return Finding(place, "claim \"\(voided.claimID)\" was voided, and the record bills it again; a voided claim is never sent "
                               + "again, so this service is not billed",
                           help: "if the member did attend, bill the service with the payer directly (a new claim on its portal or on "
                               + "paper, naming the void if it asks); if not, undo the change that made it billable",
                           related: voided.void.map { [RelatedLocation($0, "the void sent")] } ?? [])
        }
    }

    /// New originals held back while the claim sent for the same service
    /// stands: each goes once that claim is voided.
    private func waiting(_ billing: Billing) -> [Finding] {
        billing.batch.waitingOriginals.compactMap { original in
            guard let place = original.note ?? original.twinSent else { return nil }
            return Finding(place, "claim \"\(original.claimID)\" is not sent: claim \"\(original.twinID)\", sent for the same service "
                               + "(payer, member id, date and code), no longer builds but still stands with the payer; it goes out once "
                               + "\"\(original.twinID)\" is voided",
                           help: "if a folder was renamed or a date changed by mistake, undo it and the first claim builds again; if not, "
                               + "send the void of \"\(original.twinID)\" first (groupchart submit), and this claim goes in the batch after it",
                           related: original.twinSent.map { [RelatedLocation($0, "the claim sent for the same service")] } ?? [])
        }
    }

    private func voids(_ billing: Billing) -> [Finding] {
        billing.batch.corrections.filter { $0.frequency == .void }.compactMap { correction in
            guard let place = correction.note ?? correction.sent else { return nil }
            if !correction.heldByErrorsIn.isEmpty {
                return Finding(place, "claim \"\(correction.claimID)\" was billed but is \(correction.why); no void is sent while "
                                   + correction.heldByErrorsInWords,
                               help: "fix those errors: if the claim is still billable (a misspelt id, an edit not meant), the void goes away; "
                                   + "if not, it goes out in the next batch",
                               related: correction.sent.map { [RelatedLocation($0, "the version last sent")] } ?? [])
            }
            if correction.held {
                return Finding(place, "claim \"\(correction.claimID)\" was billed and is \(correction.why); no void is sent",
                               help: "fix the profile's error; if the member now pays for themselves, write insurance: self-pay, and the next batch voids the claim",
                               related: correction.sent.map { [RelatedLocation($0, "the version last sent")] } ?? [])
            }
            if let unwritable = correction.unwritable {
                return Finding(place, "claim \"\(correction.claimID)\" was billed but is \(correction.why); no void is sent: the version "
                                   + "sent holds \(unwritable.quotedForMessage), which a void repeats and an 837P cannot carry (\(X12Writer.refusal(unwritable)))",
                               help: "void the claim with the payer directly, on its portal or by calling it; a submission is never edited",
                               related: correction.sent.map { [RelatedLocation($0, "the version last sent")] } ?? [])
            }
            let split = !correction.splitInto.isEmpty
            let next = correction.noVersionOnFile
                ? "no submission in submissions/ holds it, so void it on the payer's portal"
                : correction.inBatch ? "the next batch carries a void"
                : split ? "no void is sent: the payer split the claim into parts (claim-awaiting-payer names them)"
                : "a void waits for the payer's claim number"
            return Finding(place, "claim \"\(correction.claimID)\" was billed but is \(correction.why); \(next)",
                           help: correction.noVersionOnFile ? "void the claim with the payer directly"
                               : correction.inBatch ? "review the void in build/batch.csv, then send it with groupchart submit"
                               : split ? "void each part on the payer's portal or by calling the payer, each under its own number"
                               : "save the payer's 277CA or 835 for it in acknowledgments/ or remittances/: the void goes out once its claim number is known",
                           related: correction.sent.map { [RelatedLocation($0, "the version last sent")] } ?? [])
        }
    }
}
