/// Signatures and addenda dated when they cannot have been written: after
/// today, or an addendum before the signature it amends (format.md,
/// "Signature digest"). Reported through `invalid-value`, since the value is
/// wrong in form for what it records; the reader cannot judge them, as
/// "today" is the checker's (`--today`).
enum SignatureDates {
    /// Treatment plans signed after today: a plan no clinician had signed
    /// when its services were given supports none of them.
    static func planDates(_ context: RuleContext) -> [Finding] {
        context.record.members.flatMap { member in
            member.plans.compactMap { plan -> Finding? in
                guard let signed = plan.signedOn, signed.value > context.today else { return nil }
                return Finding(signed.location, "signed_on \(signed.value) is after today (\(context.today))",
                               help: "correct signed_on to the date the plan was signed")
            }
        }
    }

    static func invalidValues(_ context: RuleContext) -> [Finding] {
        // Each document's signature read where it lies: a loop over the
        // documents copied each whole (`perf`, 0.1 % of a cold check).
        let documents = context.signedDocuments
        return documents.indices.flatMap { index -> [Finding] in
            var findings: [Finding] = []
            let signedAt = documents[index].signature.signedAt
            if let signedAt, signedAt.value.date > context.today {
                findings.append(Finding(signedAt.location, "signed_at \(signedAt.value) is after today (\(context.today))",
                                        help: "correct signed_at to when the note was signed; `groupchart sign` writes the present time"))
            }
            for addendum in documents[index].signature.addenda {
                guard let date = addendum.date else { continue }
                if let signed = signedAt?.value.date, date < signed {
                    findings.append(Finding(addendum.dateLocation, "the addendum is dated \(date), before the note was signed on \(signed)",
                                            help: "an addendum amends a signed note: date it when it was written, on or after \(signed)"))
                } else if date > context.today {
                    findings.append(Finding(addendum.dateLocation, "the addendum is dated \(date), after today (\(context.today))",
                                            help: "date the addendum when it was written"))
                }
            }
            return findings
        }
    }
}
