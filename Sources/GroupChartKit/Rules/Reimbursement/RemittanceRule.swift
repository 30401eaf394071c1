/// `remittance`: an 835 that cannot be read as the guide says, or that
/// speaks of a claim the practice never built. GroupChart adds this rule to
/// the catalogue: the spec asks that odd files be read with a warning and an
/// unmatched claim be a warning, and every diagnostic names a rule.
struct RemittanceRule: Rule {
    let id = "remittance"
    let defaultSeverity = Severity.warning
    /// For the replacements the payer denied (`NextBatch.refusedCorrections`).
    let readsClaims = true
    let summary = """
        an 835 in remittances/ holds what cannot be read as 005010X221A1 says (delimiters, segments, amounts, dates, \
        codes, unbalanced claims or payments), pays another NPI than the practice's or a claim id (CLP01) the practice has no \
        claim for, reverses a payment no 835 shows, \
        takes a payment back with nothing paid since, decides only a part of a claim's charge, or denies a replacement \
        while the payment before it stands
        """
    let explanation = Explanation(
        checks: """
            Every .835 file in remittances/, read with the delimiters its ISA segment names: segments out of place \
            or unknown, amounts and dates that are none, CLP02 status and CAS group codes outside the guide, a \
            claim whose charge less its adjustments is not its payment, a patient responsibility (CLP05) that is \
            not the sum of its PR adjustments, a payment (BPR02) that is not its claims' payments less the \
            provider-level adjustments (PLB), a missing trace number, an SE count that does not match, a payee \
            (N1*PE, by NPI) that is not the practice's billing NPI (another practice's 835, posted here). Then each \
            claim the 835 pays: its CLP01 must be the id of a claim GroupChart builds (claims.csv), unless a void \
            of it was sent and answers it (a payment dated before the void, or a reversal), and a \
            reversal (CLP02 22) must take back a payment an 835 on file shows; a claim whose payment was taken \
            back and nothing paid since (its status `reversed`) is warned of at the reversal, until a corrected \
            payment is on file or the claim is voided. A claim whose 835s decide only parts of its charge (their \
            CLP03 adding up to less than the charge sent, none the whole) is warned of at the latest: it stays \
            `accepted` and outstanding until the payer decides the rest. A recovery at the provider's level (PLB \
            WO or 72), which reimbursement.csv posts to no claim, is warned of with the claim its reference \
            names (by claim id or payer claim number), unless the same 835 reverses that claim. A claim paid more than its charge \
            in all, and an 835 that read a charge (CLP03) above every version of the claim sent, are warned of: \
            money to give back, not to post. A replacement the payer denied (CLP02 4 for its charge) while \
            the payment of the version before it stands is warned of at the claim's note: the payer holds the \
            version it paid, the replacement's changes are unpaid, and the same replacement is not sent again \
            until what the denial names is corrected. The file is read on regardless: \
            what can be read counts in reimbursement.csv.
            """,
        why: """
            An 835 is the payer's word on what it paid, denied and left to the member. A payment the practice \
            cannot tie to a claim is money it cannot post (and may have to return); a file read wrong makes a \
            paid claim look pending, or a denied one look paid, and the follow-up never happens.
            """,
        example: """
            remittances/2026-04-02-aetna.835:
              CLP*20260312XXXXXXXXXXXX*1*65*45*20*12*E44810~
            where no claim of the practice has the id 20260312XXXXXXXXXXXX (its session folder was renamed).
            """,
        fix: """
            Keep in remittances/ only the 835s payers sent for this practice, unedited. For an unmatched claim, \
            compare CLP01 with claims.csv: a session folder renamed after billing changes its claims' ids. For \
            an unreadable file, ask the payer or clearinghouse for it again.
            """)

    func check(_ context: RuleContext) -> [Finding] {
        var findings = context.readFindings(of: id)
        let claimIDs = Set(context.record.services.compactMap(\.claimID))
        let practiceNPI = context.record.practice?.npi?.value
        for remittance in context.record.remittances {
            if let payee = remittance.payeeNPI, let practiceNPI, !practiceNPI.isEmpty, payee.value != practiceNPI {
                // An 835 is addressed to the provider paid; a billing service's other practice gets its own.
                findings.append(Finding(payee.location,
                                        "this 835 pays NPI \(payee.value) (N1*PE), not the practice's billing NPI \(practiceNPI): "
                                            + "it may be another practice's remittance, and its claims are posted here",
                                        help: "if it is another practice's, move it out of remittances/; if the practice's NPI in "
                                            + "practice.yaml is the one that is wrong, correct it there"))
            }
            for claim in remittance.claims {
                let patient = claim.patientName.map { " (patient \($0))" } ?? ""
                if !claimIDs.contains(claim.claimID.value), let history = context.analysis.claimLedger.history(claim.claimID.value),
                   Self.voidAnswered(claim, in: remittance, by: history) {
                    // The void sent is the record of it: the payment it takes back, and the reversal, say nothing more.
                    continue
                } else if !claimIDs.contains(claim.claimID.value), let history = context.analysis.claimLedger.history(claim.claimID.value),
                          history.isVoided, let void = history.lastSent {
                    // Paid after the void went: undoing the change builds nothing (a voided claim is never sent again).
                    findings.append(Finding(claim.claimID.location,
                                            "CLP01 \"\(claim.claimID.value)\"\(patient) pays \(claim.paid) for a claim whose void was sent in "
                                                + "\(void.file)\(void.date.map { " on \($0)" } ?? ""), after the void: the payer may not have "
                                                + "processed it",
                                            help: "ask the payer whether it received the void (its 277CA or 835 answers it); if it did, "
                                                + "this payment is money to return; if not, send the void again from the clearinghouse's portal",
                                            related: [RelatedLocation(void.claim.location, "the void as sent")]))
                } else if !claimIDs.contains(claim.claimID.value), let sent = context.analysis.claimLedger.history(claim.claimID.value)?.lastSent {
                    // Sent from here, and no longer built: the payment is the practice's, its claim gone from the record.
                    findings.append(Finding(claim.claimID.location,
                                            "CLP01 \"\(claim.claimID.value)\"\(patient) answers a claim sent in \(sent.file) that the practice no "
                                                + "longer builds (its session or member folder renamed or removed, or the service no longer billable)",
                                            help: "if that change was a mistake, undo it and the payment posts to the claim; if not, "
                                                + "claim-void-needed says where the claim's void stands",
                                            related: [RelatedLocation(sent.claim.location, "the claim as sent")]))
                } else if !claimIDs.contains(claim.claimID.value) {
                    findings.append(Finding(claim.claimID.location, "CLP01 \"\(claim.claimID.value)\"\(patient) matches no claim of the practice",
                                            help: "compare it with claim_id in claims.csv; renaming a session folder after billing changes its claims' ids"))
                } else if claim.isReversal, !context.record.remittanceClaims(for: claim.claimID.value).contains(where: { !$0.claim.isReversal }) {
                    findings.append(Finding(claim.claimID.location,
                                            "the reversal of claim \"\(claim.claimID.value)\" takes back a payment no 835 in remittances/ shows",
                                            help: "save the 835 of the original payment in remittances/, so that the reversal undoes it"))
                } else if claim.isReversal, let history = context.analysis.claimLedger.history(claim.claimID.value),
                          let taken = Self.paymentTakenBack(by: claim, in: history) {
                    findings.append(Finding(claim.claimID.location,
                                            "the payer took back its payment of \(Money(cents: abs(claim.paid.cents))) for claim "
                                                + "\"\(claim.claimID.value)\" (CLP02 22) and has paid nothing since: the claim's charge of "
                                                + "\(taken) is unpaid again, as reimbursement.csv shows it",
                                            help: "ask the payer why (the reversal's CAS and remark codes may say: coverage ended, another "
                                                + "payer is primary, a duplicate) and correct what it names; the 835 of the corrected "
                                                + "payment, saved in remittances/, ends this warning"))
                }
            }
        }
        return findings + Self.paidBeyondCharge(context) + Self.partlyDecided(context) + Self.recoveries(context)
            + Self.refusedCorrections(context)
    }

    /// Each recovery an 835 takes at the provider's level (PLB WO, FB, 72),
    /// once however often the 835 is saved, and but where the same 835
    /// reverses the claim it names (the reversal takes the payment back, the
    /// PLB balances it): reimbursement.csv and the dashboard post no PLB to
    /// a claim, so the claim still shows what the payer took back (a
    /// billing review: the dashboard showed 311.00 paid where 256.00 came).
    private static func recoveries(_ context: RuleContext) -> [Finding] {
        var byNumber: [String: String] = [:]
        for remittance in context.record.remittances {
            for claim in remittance.claims where !claim.payerClaimNumber.isEmpty && !claim.isReversal {
                byNumber[claim.payerClaimNumber.uppercased()] = claim.claimID.value
            }
        }
        var findings: [Finding] = []
        var seen: Set<[String]> = []
        for remittance in context.record.remittances {
            // Two alike in one 835 are two recoveries; the same in a copy of the 835 is one (as `AdjudicationHistory` counts payments).
            var alike: [[String]: Int] = [:]
            for recovery in remittance.recoveries {
                var key = [remittance.originator ?? "", remittance.traceNumber ?? "", recovery.reason, recovery.reference,
                           String(recovery.amount.cents)]
                alike[key, default: 0] += 1
                key.append(String(alike[key]!))
                guard seen.insert(key).inserted else { continue }
                let reference = recovery.reference.uppercased()
                let tokens = [reference] + reference.split(whereSeparator: \.isWhitespace).map(String.init)
                let id = tokens.lazy.compactMap { token in
                    context.analysis.claimLedger.history(token) != nil ? token : byNumber[token]
                }.first
                if let id, remittance.claims.contains(where: { $0.claimID.value == id && $0.isReversal }) { continue }
                let what = "this 835 takes back \(recovery.amount) (PLB \(recovery.reason), \(recovery.words))"
                let quoted = recovery.reference.quotedForMessage
                let named = recovery.reference.isEmpty ? "" : " (\(quoted))"
                if let id {
                    findings.append(Finding(recovery.location,
                                            "\(what) for claim \"\(id)\"\(named): reimbursement.csv and the dashboard post no recovery to "
                                                + "a claim, so they still show its payment",
                                            help: "post the recovery against the claim by hand and reconcile the deposit with BPR02; if the "
                                                + "payer sends the claim's reversal (CLP02 22), save that 835 in remittances/ and the payment "
                                                + "is taken back"))
                } else {
                    findings.append(Finding(recovery.location,
                                            "\(what) " + (recovery.reference.isEmpty ? "naming no claim (PLB03-2 is empty)" : "for \(quoted), which names no claim on file")
                                                + ": reimbursement.csv and the dashboard do not show it",
                                            help: "ask the payer which claim it recovers for, post the recovery by hand, and reconcile the "
                                                + "deposit with BPR02"))
                }
            }
        }
        return findings
    }

    /// Each claim whose 835s decided only parts of its charge
    /// (`ClaimHistory.undecidedCharge`), at the latest of them: the claim
    /// stays outstanding until the payer decides the rest.
    private static func partlyDecided(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        var said: Set<String> = []
        for remittance in context.record.remittances {
            for claim in remittance.claims where !claim.isReversal && !said.contains(claim.claimID.value) {
                guard let history = context.analysis.claimLedger.history(claim.claimID.value),
                      let undecided = history.undecidedCharge, !history.isVoided,
                      let latest = history.adjudication.standing.last(where: { !$0.claim.isReversal }),
                      let decided = history.decidedVersion else { continue }
                said.insert(claim.claimID.value)
                let charge = decided.claim.billed.total
                findings.append(Finding(latest.claim.claimID.location,
                                        "the 835s on file decide \(charge - undecided) of claim \"\(claim.claimID.value)\"'s \(charge) (CLP03): "
                                            + "\(undecided) of it is not decided yet, so the claim stays accepted and outstanding",
                                        help: "a payer that splits a claim (remark MA15) decides the rest in a later 835: save it in "
                                            + "remittances/. If none comes, ask the payer about the service lines this 835's SVC "
                                            + "segments do not list",
                                        related: [RelatedLocation(decided.claim.location, "the claim as sent")]))
            }
        }
        return findings
    }

    /// Each replacement the payer denied while the payment of the version
    /// before it stands, unchanged since (`NextBatch.refusedCorrections`).
    private static func refusedCorrections(_ context: RuleContext) -> [Finding] {
        (context.billing?.batch.refusedCorrections ?? []).map { refused in
            // Each code once: a denial repeats its claim-level CAS on each line.
            var seen: Set<String> = []
            let reasons = (refused.denial.adjustments.map { "\($0.group)-\($0.reason)" } + refused.denial.remarks).filter { seen.insert($0).inserted }
            let why = reasons.isEmpty ? "" : " (" + reasons.joined(separator: ", ") + ")"
            let number = refused.payerClaimNumber.map { " under \($0)" } ?? ""
            return Finding(refused.note ?? refused.denial.claimID.location,
                           "the payer denied the replacement of claim \"\(refused.claimID)\" sent in \(refused.sent.file)\(why); "
                               + "the payment of the version before it stands (\(refused.paid)\(number)), and what the replacement "
                               + "changed is unpaid",
                           help: "correct what the denial names (its codes in words are on the dashboard); the next build sends the "
                               + "corrected claim again as a replacement. If what it changed is not to be billed, undo the change "
                               + "and nothing more is sent",
                           related: [RelatedLocation(refused.denial.claimID.location, "the denial"),
                                     RelatedLocation(refused.sent, "the replacement as sent")])
        }
    }

    /// The charge owed again when `reversal` is the latest reversal of a
    /// claim left `reversed` (a payment on file taken back, none standing
    /// since): a biller reads `reversed` in reimbursement.csv only if she
    /// looks, and the money is owed until someone asks the payer. A payer
    /// that reverses and pays again in one 835 (a corrected payment) leaves
    /// the claim paid, and says nothing here.
    private static func paymentTakenBack(by reversal: RemittanceClaim, in history: ClaimHistory) -> Money? {
        guard history.status == .reversed,
              history.adjudication.received.last(where: { $0.claim.isReversal })?.claim.claimID.location == reversal.claimID.location,
              history.adjudication.received.contains(where: { !$0.claim.isReversal }) else { return nil }
        return history.versions.last(where: { $0.claim.frequency != .void })?.claim.billed.total ?? Money(cents: abs(reversal.billed.cents))
    }

    /// Whether `claim`, of a claim no longer built, is what its void sent
    /// (and not rejected) answers: a payment dated on or before the void,
    /// or a reversal. A payment after the void is warned of: money to return.
    private static func voidAnswered(_ claim: RemittanceClaim, in remittance: Remittance, by history: ClaimHistory) -> Bool {
        guard history.isVoided, let void = history.lastSent else { return false }
        guard !claim.isReversal else { return true }
        guard let paid = remittance.date, let voided = void.date else { return false }
        return paid <= voided
    }

    /// Money to give back, not to post: an 835 that read a charge (CLP03)
    /// above every version of the claim sent (it pays another claim, or one
    /// keyed wrong; a payer that splits a claim reads each part's share,
    /// never more than the whole), and a claim paid more than its charge in
    /// all (one payment read under two trace numbers, or two payers each
    /// paying as primary). Both were posted without a word.
    private static func paidBeyondCharge(_ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        var overpaid: Set<String> = []
        for remittance in context.record.remittances {
            for claim in remittance.claims where !claim.isReversal {
                let id = claim.claimID.value
                guard let history = context.analysis.claimLedger.history(id),
                      let charge = history.versions.last(where: { $0.claim.frequency != .void })?.claim.billed.total else { continue }
                let charges = history.versions.filter { $0.claim.frequency != .void }.map(\.claim.billed.total)
                if let highest = charges.max(), claim.billed > highest {
                    findings.append(Finding(claim.claimID.location,
                                            "this 835 read a charge of \(claim.billed) (CLP03) for claim \"\(id)\", which was billed "
                                                + "\(charge): it may pay another claim",
                                            help: "compare CLP01 and the service lines (SVC) with the claim in submissions/, and ask the payer "
                                                + "to reprocess it before posting the payment",
                                            related: [RelatedLocation(history.versions.last!.claim.location, "the claim as sent")]))
                }
                // What the charge less the adjustments leaves: a contract that
                // pays above a low charge says so with a negative adjustment.
                let paid = history.adjudication.paid
                let adjusted = history.adjudication.adjustments.reduce(Money.zero) { $0 + $1.amount }
                guard paid > charge, paid.cents > charge.cents - adjusted.cents, overpaid.insert(id).inserted,
                      let latest = history.adjudication.standing.last(where: { !$0.claim.isReversal && $0.claim.paid > .zero }) else { continue }
                findings.append(Finding(latest.claim.claimID.location,
                                        "claim \"\(id)\" was paid \(paid) in all, more than its charge of \(charge): an overpayment",
                                        help: "compare the 835s in remittances/ that pay it (one payment saved twice under two trace "
                                            + "numbers is counted twice); the payer will recover the excess (PLB WO), or refund it"))
            }
        }
        return findings
    }
}
