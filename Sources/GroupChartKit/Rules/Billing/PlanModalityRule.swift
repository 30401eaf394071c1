/// `plan-modality`: a plan in effect that does not name the modality billed,
/// or, for a group session, the group billed.
struct PlanModalityRule: Rule {
    let id = "plan-modality"
    let isSessionLocal = true
    let defaultSeverity = Severity.error
    let summary = """
        the plan in effect does not name group psychotherapy (individual psychotherapy for an individual session), \
        or does not name the group billed (its `group`, one id or a list)
        """
    let explanation = Explanation(
        checks: """
            That the plan in effect on the date of service names the modality billed in `modality`: group \
            psychotherapy (or group therapy) for a group session, individual psychotherapy for an individual \
            one. `modality` may be a list. For a group session, the plan's `group` (one id or a list) must \
            also name the session's group.
            """,
        why: """
            The billing guide's step 2: "Each group member must have a treatment plan that identifies group \
            psychotherapy as the treatment modality." A plan for individual therapy does not support a \
            group claim, and a plan for the grief group does not support a claim for the DBT skills group.
            """,
        example: """
            modality: individual psychotherapy   (and the member attends the DBT skills group)
            group: grief-support                 (and the session billed is one of dbt-skills)
            """,
        fix: """
            Update the plan: modality: [group psychotherapy, individual psychotherapy], and group: the groups \
            it treats in ([dbt-skills, grief-support]), with the rationale for each.
            """)

    func check(_ context: RuleContext) -> [Finding] {
        // Whether a plan names the modality, asked once per plan and kind:
        // asked of each of 20,000 claims, Foundation's substring search was
        // 1.2 % of a cold check.
        var named: [String: (group: Bool, individual: Bool)] = [:]
        return context.claimChains.compactMap { chain in
            guard let plan = chain.plan else { return nil }
            let isGroup = chain.service.kind == .group
            let answers = named[plan.file] ?? (Self.names("group", in: plan), Self.names("individual", in: plan))
            named[plan.file] = answers
            guard isGroup ? answers.group : answers.individual else {
                let names = plan.modalities.map { $0.value.lowercased() }
                let written = names.isEmpty ? "no modality" : names.joined(separator: ", ")
                return chain.finding("the plan in effect names \(written), not \(chain.modality)",
                                     help: "add \(chain.modality) to the plan's modality, with its rationale",
                                     related: [RelatedLocation(plan.modalities.first?.location ?? SourceLocation(file: plan.file, line: 1), "the plan's modality")])
            }
            guard let group = chain.service.group, !plan.groups.isEmpty, !plan.names(group: group) else { return nil }
            let written = plan.groups.map { "\"\($0.value)\"" }.joined(separator: ", ")
            return chain.finding("the plan in effect treats in group \(written), not \"\(group)\", the group billed",
                                 help: "add \(group) to the plan's group (group: [\((plan.groups.map(\.value) + [group]).joined(separator: ", "))]), with its rationale, or correct the session's group",
                                 related: [RelatedLocation(plan.groups[0].location, "the plan's group")])
        }
    }

    /// Whether one of the plan's modalities names `wanted` ("group" or "individual") therapy.
    static func names(_ wanted: String, in plan: TreatmentPlan) -> Bool {
        plan.modalities.contains { modality in
            let name = modality.value.lowercased()
            return name.contains(wanted) && name.contains("therapy")
        }
    }
}
