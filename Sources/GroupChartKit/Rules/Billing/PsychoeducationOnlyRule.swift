/// `psychoeducation-only`: a session recorded as psychoeducation, which CPT
/// 90853 does not pay for.
struct PsychoeducationOnlyRule: Rule {
    let id = "psychoeducation-only"
    let isSessionLocal = true
    let defaultSeverity = Severity.error
    let summary = "the session's `format` is `psychoeducation`: CPT 90853 needs psychotherapy"
    let explanation = Explanation(
        checks: "Every session note's `format`: a session recorded as `psychoeducation` cannot be billed as group psychotherapy.",
        why: """
            "CPT 90853 is specifically for group psychotherapy, which involves therapeutic interaction and \
            clinical intervention. A purely didactic psychoeducation class without therapeutic processing \
            does not qualify." Billing one as the other is recouped on audit.
            """,
        example: "format: psychoeducation",
        fix: """
            If the session included substantive psychotherapy, record `format: psychotherapy` and document \
            the therapeutic interventions and group process. If it was psychoeducation, the record is true: \
            GroupChart builds no claim for it, whatever this rule's severity, and a practice that keeps such sessions \
            can make the rule a warning in practice.yaml (`rules: {psychoeducation-only: warning}`), so that \
            `check` and the git hook pass while the claims stay unsent.
            """)

    func check(_ context: RuleContext) -> [Finding] {
        context.record.sessions.compactMap(\.note).compactMap { note in
            guard let format = note.format, format.value == .psychoeducation else { return nil }
            return Finding(format.location, "the session is recorded as psychoeducation, which CPT 90853 does not cover",
                           help: "if the session included psychotherapy, record format: psychotherapy and document it; if it was "
                               + "psychoeducation, the record is true and GroupChart bills nothing for it, whatever this rule's severity; a "
                               + "practice that keeps such sessions in its folder can lower the rule in practice.yaml (rules: {psychoeducation-only: warning})")
        }
    }
}
