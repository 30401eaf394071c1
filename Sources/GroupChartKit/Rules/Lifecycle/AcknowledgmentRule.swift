/// `acknowledgment`: a 999 or 277CA in acknowledgments/ that cannot be read
/// as its guide says, or answers a submission or claim the practice does not
/// have. GroupChart adds this rule, as it adds `remittance` for 835s.
struct AcknowledgmentRule: Rule {
    let id = "acknowledgment"
    let defaultSeverity = Severity.warning
    let summary = """
        a 999 or 277CA in acknowledgments/ cannot be read as 005010X231A1 or 005010X214 says, or answers a \
        submission (GS06, ST02) or claim id (TRN02) the practice does not have
        """
    let explanation = Explanation(
        checks: """
            Every .999 and .277 file in acknowledgments/, read with the delimiters its ISA segment names: \
            envelopes, acknowledgment codes (IK5, AK9), status category codes outside the 277CA's (A1, A2, A3...), \
            a claim status without its claim id. Then each answer is matched: a 999's AK102 must be the GS06 of \
            a submission in submissions/ (compared as numbers) and its AK202 the ST02 of one of its sets; a \
            277CA's TRN02 must be a claim id the practice sent or bills, and a 277CA that rejects a whole 837P \
            (loop 2200B) or the practice's claims in it (2200C) must name a submission by its receiver's TRN02 \
            (the 837P's BHT03: GroupChart writes its ISA13). And a 277CA that rejects a claim an 835 already answered since it \
            was sent, or rejects as a duplicate (STC status 54 or 78) one already accepted (A2): a copy of the \
            claim turned away (a file uploaded twice) or a late answer, not the claim, which stays with the payer \
            (taken as the claim's rejection, its correction would go out as a second original). Any other \
            rejection is the claim's (`claim-rejected`).
            """,
        why: """
            An answer that matches nothing tells the practice nothing about its claims: a rejection in it goes \
            unworked. It is usually a file of another practice, or the answer to a submission never saved.
            """,
        example: """
            acknowledgments/2026-03-13.999:
              AK1*HC*77*005010X222A1~   where no submission has GS06 77
            """,
        fix: """
            Save in submissions/ the 837P the answer is about (as it was sent), or remove a file that belongs \
            to another practice.
            """)

    func check(_ context: RuleContext) -> [Finding] {
        let ledger = context.analysis.claimLedger
        var copies: [Finding] = []
        // A rejection of a copy of a claim the payer had already taken in: the claim stands (`ClaimHistory`).
        for history in ledger.histories.values {
            for rejection in history.rejectionsOfACopy {
                let reasons = rejection.reasons.isEmpty ? "" : " (" + rejection.reasons.joined(separator: "; ") + ")"
                copies.append(Finding(rejection.location,
                                        "this 277CA rejects claim \"\(history.claimID)\"\(reasons), which was already accepted or "
                                            + "answered by an 835: a copy of it turned away (sent twice?), or a late answer, not the claim, "
                                            + "which stays with the payer",
                                        help: "nothing is sent again: a correction goes as a replacement naming the payer's claim number; "
                                            + "if the payer says the claim itself is rejected, call them before billing it again",
                                        related: history.lastSent.map { [RelatedLocation($0.claim.location, "the claim as sent")] } ?? []))
            }
        }
        return context.readFindings(of: id) + ledger.unmatched.map { Finding($0.location, $0.message, help: $0.help) }
            + copies.sorted { $0.location < $1.location }
    }
}
