/// `claim-awaiting-payer`: a replacement or void is due, but the payer has
/// not yet given the claim number it must name.
struct ClaimAwaitingPayerRule: Rule {
    let id = "claim-awaiting-payer"
    let defaultSeverity = Severity.warning
    let readsClaims = true
    let summary = "a replacement or void is needed but no payer claim control number is known yet"
    let explanation = Explanation(
        checks: """
            Every claim that needs a replacement or a void while no 277CA (REF*1K) or 835 (CLP07) has given the \
            payer's claim control number, which a replacement or void must name in REF*F8, or while a \
            replacement already sent is unanswered (no 277CA A2, no 835): the payer may give the replacement a \
            number of its own, and a correction naming the one before is rejected or, for a void, leaves the \
            replacement standing. It stays out of the batch until an acknowledgment or remittance answers. A \
            claim the payer split into parts, each decided under its own number in one 835, waits too, and for \
            good: one replacement or void names one part.
            """,
        why: """
            A replacement or void without the payer's claim number is rejected, or worse, read as a new claim: \
            the change has to wait for the payer's answer.
            """,
        example: """
            A claim submitted on 2026-03-13, then changed on 2026-03-14, before any 277CA came back.
            """,
        fix: """
            Save the payer's 277CA in acknowledgments/ or its 835 in remittances/ when it comes; the next build \
            puts the replacement or void in the batch.
            """)

    func check(_ context: RuleContext) -> [Finding] {
        guard let billing = context.billing else { return [] }
        return billing.batch.corrections.filter { !$0.inBatch && !$0.noVersionOnFile && !$0.held && $0.unwritable == nil }.compactMap { correction in
            guard let place = correction.note ?? correction.sent else { return nil }
            let waiting = "the \(correction.frequency.word) of claim \"\(correction.claimID)\" waits: "
            // A number was given that an 837P cannot carry: the reader's warning stands where it is.
            if let unsendable = billing.ledger.history(correction.claimID)?.unsendablePayerClaimNumber {
                return Finding(place, waiting + "the payer's claim number \"\(unsendable)\" holds a character an 837P cannot carry",
                               help: "ask the payer for the claim's number as an 837P can carry it (a warning stands where the answer gives it), "
                                   + "or correct or void the claim on the payer's portal",
                               related: correction.sent.map { [RelatedLocation($0, "the version last sent")] } ?? [])
            }
            if case let split = correction.splitInto, !split.isEmpty {
                return Finding(place, waiting + "the payer split it into \(split.count) claims (\(split.joined(separator: ", "))), "
                                   + "and one \(correction.frequency.word) names one of them",
                               help: "\(correction.frequency == .void ? "void" : "correct") each part on the payer's portal or by calling "
                                   + "the payer, each under its own number, then file the 835 that answers",
                               related: correction.sent.map { [RelatedLocation($0, "the version last sent")] } ?? [])
            }
            if let history = billing.ledger.history(correction.claimID), history.awaitsAnswerToReplacement, let last = history.lastSent {
                return Finding(place, waiting + "no 277CA or 835 has answered the replacement sent in \(last.file) yet, "
                                   + "and the payer may give it a claim number of its own",
                               help: "save the payer's 277CA in acknowledgments/ or 835 in remittances/ when it comes; "
                                   + "the correction then names the number the payer gives the replacement",
                               related: correction.sent.map { [RelatedLocation($0, "the version last sent")] } ?? [])
            }
            return Finding(place, waiting + "no 277CA or 835 has given the payer's claim number yet",
                           help: "save the payer's 277CA in acknowledgments/ or 835 in remittances/ when it comes",
                           related: correction.sent.map { [RelatedLocation($0, "the version last sent")] } ?? [])
        }
    }
}
