/// `invalid-icd10`: a diagnosis that is not a billable ICD-10-CM code.
struct InvalidICD10Rule: Rule {
    let id = "invalid-icd10"
    let isSessionLocal = true
    let defaultSeverity = Severity.error
    let summary = "a diagnosis that is not a valid, billable ICD-10-CM code (a category such as `F32` instead of `F32.1` is not billable)"
    let explanation = Explanation(
        checks: """
            Every diagnosis of every plan against the billable ICD-10-CM code set shipped with GroupChart \
            (written with or without the dot). A category or subcategory is named as such, with its \
            billable codes. An insured member's plan whose primary (first) diagnosis is billable but no \
            mental or behavioral disorder (F01-F99) is a warning, unless the plan lists a disorder coded after \
            the physical condition it is due to (F01, F02, F04-F07, F09, F54: "code first").
            """,
        why: """
            Claims carry the member's own diagnosis codes; a code that is not billable (a category such as \
            F32 or F43.1) or does not exist is rejected by the payer's front end.
            """,
        example: "diagnoses: [F43.1]",
        fix: "Use the full billable code, here one of F43.10, F43.11, F43.12.")

    func check(_ context: RuleContext) -> [Finding] {
        codes(context) + primaryOutsideMentalHealth(context)
    }

    /// An insured member's plan whose first diagnosis (the claim's
    /// principal, HI ABK) is no mental or behavioral disorder (F01-F99): a
    /// payer reads it as what the psychotherapy treats, and E11.9 or Z00.00
    /// supports none (found by an auditor's review). A warning: a few
    /// payers take a Z code (Z63.0, relationship distress) as principal.
    /// Mental disorders that ICD-10-CM says to code after the physical
    /// condition they are due to ("code first the underlying physiological
    /// condition"): dementia in other diseases (G30.9, F02.80), a mood
    /// disorder due to hypothyroidism (E03.9, F06.31), psychological factors
    /// affecting a medical condition (F54). With one of them, a physical
    /// primary is the right order (found by a code review).
    static let codeFirst: Set<String> = ["F01", "F02", "F04", "F05", "F06", "F07", "F09", "F54"]

    private func primaryOutsideMentalHealth(_ context: RuleContext) -> [Finding] {
        context.record.members.filter { $0.insurance != nil }.flatMap(\.plans).compactMap { plan in
            guard let primary = plan.diagnoses.first, case .billable = ICD10CM.verdict(primary.value),
                  !primary.value.uppercased().hasPrefix("F"),
                  !plan.diagnoses.contains(where: { Self.codeFirst.contains(String($0.value.uppercased().prefix(3))) })
            else { return nil }
            return Finding(primary.location, "the primary diagnosis, \(primary.value), is not a mental or behavioral disorder "
                               + "(F01-F99): the payer reads it as what the psychotherapy treats",
                           help: "list first the diagnosis the treatment addresses (an F code); a medical condition may follow it",
                           severity: .warning)
        }
    }

    private func codes(_ context: RuleContext) -> [Finding] {
        context.record.members.flatMap(\.plans).flatMap(\.diagnoses).compactMap { code in
            switch ICD10CM.verdict(code.value) {
            case .billable:
                return nil
            case .category(let children):
                let shown = children.prefix(8).joined(separator: ", ") + (children.count > 8 ? ", ..." : "")
                return Finding(code.location, "\"\(code.value)\" is a category, not a billable ICD-10-CM code",
                               help: "use one of its billable codes: \(shown)")
            case .unknown:
                // Several codes in one value (diagnoses: "F60.3, F33.1"): a list written as text.
                let parts = code.value.split { $0 == "," || $0 == ";" || $0 == " " }
                if parts.count > 1 {
                    return Finding(code.location, "\"\(code.value)\" holds \(parts.count) codes in one value",
                                   help: "write them as a list, one code per item, primary first: diagnoses: [\(parts.joined(separator: ", "))]")
                }
                return Finding(code.location, "\"\(code.value)\" is not an ICD-10-CM code",
                               help: "check the code against the ICD-10-CM tabular list (\(ICD10CM.release))")
            }
        }
    }
}
