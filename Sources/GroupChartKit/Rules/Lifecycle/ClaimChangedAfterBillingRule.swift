/// `claim-changed-after-billing`: what a billed claim says changed after it
/// went to the payer, so the next batch carries a replacement.
struct ClaimChangedAfterBillingRule: Rule {
    let id = "claim-changed-after-billing"
    let defaultSeverity = Severity.note
    let readsClaims = true
    let summary = "a billed claim's content changed: the batch carries a replacement"
    let explanation = Explanation(
        checks: """
            Every claim that was sent and not rejected whose billed content, as built today, differs from the \
            version last sent: the patient and subscriber, the payer, the diagnoses in order, or a line's date, \
            place of service, CPT, modifiers, units, charge, rendering NPI or prior authorization. A change of \
            wording in a note changes none of these and sends nothing. The message lists what changed.
            """,
        why: """
            A payer pays what it was billed. When an amended note adds interactive complexity or a reviewed plan \
            changes a diagnosis, the claim on file is wrong: a replacement (frequency 7, naming the payer's claim \
            number) corrects it, where a second original would be denied as a duplicate.
            """,
        example: """
            sessions/2026-03-12-dbt-skills/chen-lily.md gains `interactive_complexity` after the claim was paid:
            line 2 (90785) is new, so the batch carries a replacement of the claim.
            """,
        fix: "Nothing to fix: review the replacement in build/batch.csv and send it with `groupchart submit`.")

    func check(_ context: RuleContext) -> [Finding] {
        guard let billing = context.billing else { return [] }
        return billing.batch.corrections.filter { $0.frequency == .replacement }.compactMap { correction in
            guard let place = correction.note ?? correction.sent else { return nil }
            if let change = correction.payerChange {
                // A replacement names the payer's own claim number: it cannot move a claim to another payer.
                return Finding(place, "claim \"\(correction.claimID)\" \(correction.why): no replacement is sent, since a replacement "
                                   + "goes to the payer that holds the claim",
                               help: "if the new coverage began after this date of service, the claim went where it belonged: "
                                   + "leave it (a profile names one payer for every date, so this is said while it names the new "
                                   + "one); if the coverage change is a mistake, undo it; "
                                   + "if payer \(change.from) never covered this date, void the claim with it (its portal or a paper "
                                   + "void) and bill payer \(change.to) for the service outside GroupChart (docs/limits.md)",
                               related: correction.sent.map { [RelatedLocation($0, "the version last sent")] } ?? [],
                               severity: .warning)
            }
            // A fee raised for later services reprices every claim sent before it.
            let fee = correction.repriced.first.map { line in
                "; if the fee changed only for services from a date on, date its amounts in practice.yaml, "
                    + "\"\(line.code)\": {YYYY-MM-DD: \(line.was), YYYY-MM-DD: \(line.now)} (the first date of service billed, "
                    + "then the first at the new fee): the claims sent before keep their charge"
            } ?? ""
            let fromGroup = Self.placeFromGroup(correction, context)
            let files = correction.heldByErrorsIn
            let split = !correction.splitInto.isEmpty
            let next = !files.isEmpty ? "its replacement waits while \(correction.heldByErrorsInWords)"
                : correction.held ? "its replacement waits until the errors that hold the claim are fixed"
                : correction.inBatch ? "the next batch carries a replacement"
                : split ? "no replacement is sent: the payer split the claim into parts (claim-awaiting-payer names them)"
                : "a replacement waits for the payer's claim number"
            return Finding(place, "claim \"\(correction.claimID)\" \(correction.why); \(next)",
                           help: !files.isEmpty
                               ? "fix those errors: if the change was not meant, the replacement goes away; if it was, it goes out in the next batch"
                               : correction.held ? "fix the errors that hold the claim (groupchart check lists them); the replacement then goes out in the next batch"
                               : split ? "correct each part on the payer's portal or by calling the payer, each under its own number"
                               : "run groupchart build and review batch.csv in its output folder (build/ unless --out), then send it with groupchart submit" + fee + fromGroup,
                           related: correction.sent.map { [RelatedLocation($0, "the version last sent")] } ?? [])
        }
    }

    /// A group session whose note names no place of service takes the
    /// group's as the group reads today: a group gone to telehealth for
    /// later sessions replaced every claim sent before (a year-on review).
    /// How to keep the claims sent, when that is what was meant.
    private static func placeFromGroup(_ correction: NextBatch.Correction, _ context: RuleContext) -> String {
        let parts = correction.note?.file.split(separator: "/") ?? []
        guard parts.count == 3, parts[0] == "sessions", let note = context.record.session(String(parts[1]))?.note,
              note.placeOfService == nil,
              let sent = context.billing?.ledger.history(correction.claimID)?.payerVersion?.claim.billed.content.lines.first?.placeOfService,
              sent != (context.record.group(of: note)?.placeOfService?.value ?? "11") else { return "" }
        return "; \(note.attendanceLocation.file) names no place_of_service, so it takes the group's as it reads today: if the "
            + "group's changed only for later sessions, write place_of_service: \"\(sent)\" in it and sign it again, and the "
            + "claim sent stands"
    }
}
