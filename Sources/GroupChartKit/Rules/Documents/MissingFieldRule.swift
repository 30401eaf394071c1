/// `missing-field`: a key format.md requires is absent or empty.
struct MissingFieldRule: Rule {
    let id = "missing-field"
    let defaultSeverity = Severity.error
    let summary = "a required key is absent"
    let explanation = Explanation(
        checks: """
            The required keys of each document (format.md, "Required keys"): the practice's name, NPI, tax id \
            and address; a group's name, CPT code, facilitator and members; a member's name, date of birth, \
            sex and insurance; a plan's dates, modality, group, diagnoses, goals and signature (a list of \
            modalities, groups or diagnoses written empty, `[]`, is missing too); a session's \
            group, date, times and attendance; an individual note's date, times, clinician and CPT code. Also \
            a member folder without profile.md, a session folder without session.md, a fee for every CPT \
            code billed to a member who is not self-pay, and, when practice.yaml has `edi:`, the practice's phone and each insured member's \
            address, which the 837P requires. An unknown key whose nearest known key is an optional one that \
            goes on a claim, left out (misspelt or in another case: `fromat:`, `Place_of_service:`, \
            `facilitater:`, `same_day_modifer:`, `subscriber`, `interactive_complexity`, a payer's \
            authorization settings or claim filing code), is missing-field where it stands, not only \
            `unknown-key`: the claim would be built without it, billing psychoeducation as psychotherapy or an \
            office visit for telehealth.
            """,
        why: """
            Each of these ends up on the claim or in the audit file: a claim without a date of birth is \
            rejected, a session without times cannot show that a member attended, a plan without diagnoses \
            cannot support a claim.
            """,
        example: """
            ---
            group: dbt-skills
            date: 2026-03-12
            start: "14:00"
            attendance: {okonkwo-david: present}
            ---
            """,
        fix: "Add the key the message names (here `end: \"15:30\"`).")

    func check(_ context: RuleContext) -> [Finding] {
        context.readFindings(of: id) + ClaimRequirements.missingFields(context)
    }
}
