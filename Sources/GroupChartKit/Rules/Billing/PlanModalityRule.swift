/// `plan-modality`: a plan in effect that does not name the modality billed.
struct PlanModalityRule: Rule {
    let id = "plan-modality"
    let defaultSeverity = Severity.error
    let summary = "the plan in effect does not name group psychotherapy (individual psychotherapy for an individual session)"
    let explanation = Explanation(
        checks: """
            That the plan in effect on the date of service names the modality billed in `modality`: group \
            psychotherapy (or group therapy) for a group session, individual psychotherapy for an individual \
            one. `modality` may be a list.
            """,
        why: """
            The billing guide's step 2: "Each group member must have a treatment plan that identifies group \
            psychotherapy as the treatment modality." A plan for individual therapy does not support a \
            group claim.
            """,
        example: "modality: individual psychotherapy   (and the member attends the DBT skills group)",
        fix: "Update the plan: modality: [group psychotherapy, individual psychotherapy], with the rationale for each.")

    func check(_ context: RuleContext) -> [Finding] {
        context.claimChains.compactMap { chain in
            guard let plan = chain.plan else { return nil }
            let wanted = chain.service.kind == .group ? "group" : "individual"
            let names = plan.modalities.map { $0.value.lowercased() }
            guard !names.contains(where: { $0.contains(wanted) && $0.contains("therapy") }) else { return nil }
            let written = names.isEmpty ? "no modality" : names.joined(separator: ", ")
            return chain.finding("the plan in effect names \(written), not \(chain.modality)",
                                 help: "add \(chain.modality) to the plan's modality, with its rationale",
                                 related: [RelatedLocation(plan.modalities.first?.location ?? SourceLocation(file: plan.file, line: 1), "the plan's modality")])
        }
    }
}
