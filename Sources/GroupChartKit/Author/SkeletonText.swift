import Foundation

/// The text of the notes `groupchart new session` and `new individual` write.
///
/// Everything the clinician must write is left empty or holds only an HTML
/// comment (a hint), which `check` counts as empty: an unfilled skeleton
/// fails with `empty-section`, `goal-status` and `unsigned-note`, and
/// `start` and `end` are left without a value (`missing-field`), so that no
/// skeleton is ever billed as if it were a note. What the records already
/// know is filled in: group, date, facilitators, the enrolled members and
/// each member's goals.
struct SkeletonText {
    /// Whether the practice has the schemas, so the modeline resolves.
    var namesSchema: Bool

    func sessionNote(group: Group, date: LocalDate, members: [String]) -> String {
        var lines = frontMatterStart(.sessionNote(session: ""))
        lines += [
            "group: \(group.id)",
            "date: \(date)",
            aligned("start:", "fill in: when the session started, 24-hour, in quotes: \"14:00\""),
            aligned("end:", "fill in: when it ended: \"15:30\""),
        ]
        if let facilitator = group.facilitator?.value { lines.append(aligned("facilitator: \(facilitator)", "from the group; correct it if someone else led")) }
        if let coFacilitator = group.coFacilitator?.value { lines.append(aligned("co_facilitator: \(coFacilitator)", "or none, when there was none")) }
        // Written in, so that the signed note keeps where it was held: a
        // session taking the group's place of service changes with the group
        // (a group gone to telehealth replaced every claim already paid).
        let place = group.placeOfService?.value ?? "11"
        lines.append(aligned("place_of_service: \"\(place)\"", "from the group: where this session was held"))
        lines += [
            aligned("topic:", "what the session was about"),
            aligned("format: psychotherapy", "or psychoeducation, which CPT 90853 does not pay for"),
            "# Every enrolled member is written as present: correct the log. The other forms are",
            "#   {status: late, arrived: \"14:20\"}   {status: left-early, left: \"15:05\"}",
            "#   {status: absent, reason: illness}   (and delete an absent member's progress note)",
            "attendance:",
        ]
        lines += members.map { "  \($0): present" }
        lines += [
            "---",
            "## Summary",
            "<!-- What the session covered and how the group engaged with it. -->",
            "",
            "## Interventions",
            "<!-- The therapeutic techniques used: teaching, rehearsal, feedback, processing. -->",
            "",
            "## Group process",
            "<!-- The group's dynamics: cohesion, conflict, how members responded to one another. -->",
            "",
            "## Incidents",
            "<!-- Optional: anything out of the ordinary, such as a crisis or a member leaving upset. -->",
            "",
            "## Homework",
            "<!-- Optional: what members are to practise before the next session. -->",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// A member's note; `plan` is the plan in effect on the date, if any.
    func progressNote(path: String, date: LocalDate, plan: TreatmentPlan?) -> String {
        var lines = frontMatterStart(.progressNote(session: "", member: ""))
        lines += [
            "# Sign it once written, from the practice folder: groupchart sign \(path) --by CLINICIAN",
            "# (which adds signed_by, signed_at and digest here).",
            "# interactive_complexity: \"\"   # optional: why the session was interactively complex (adds CPT 90785)",
            "---",
            "## Participation",
            "<!-- What this member did and said in this session, in words that fit no other member. -->",
            "",
        ]
        lines += goalsRiskAndPlan(date: date, plan: plan)
        return lines.joined(separator: "\n") + "\n"
    }

    /// An individual session's note (format.md): the keys it requires, the
    /// clinician and CPT code when known, and the sections of a progress
    /// note with Interventions in place of Participation.
    func individualNote(path: String, date: LocalDate, clinician: String?, cpt: String?, plan: TreatmentPlan?) -> String {
        var lines = frontMatterStart(.individualNote(member: ""))
        lines += [
            "date: \(date)",
            aligned("start:", "fill in: when the session started, 24-hour, in quotes: \"10:00\""),
            aligned("end:", "fill in: when it ended: \"10:55\""),
            clinician.map { aligned("clinician: \($0)", "who saw the member; correct it if someone else did") }
                ?? aligned("clinician:", "fill in: the id of the clinician who saw the member (practice.yaml)"),
            cpt.map { aligned("cpt: \"\($0)\"", "90832 (16-37 minutes), 90834 (38-52) or 90837 (53 or more)") }
                ?? aligned("cpt:", "fill in: \"90832\" (16-37 minutes), \"90834\" (38-52) or \"90837\" (53 or more)"),
            "# place_of_service: \"02\"  # optional: \"02\" or \"10\" for telehealth (default \"11\", office)",
            "# Sign it once written, from the practice folder: groupchart sign \(path) --by CLINICIAN",
            "# (which adds signed_by, signed_at and digest here).",
            "---",
            "## Interventions",
            "<!-- The therapeutic techniques used: skills coaching, chain analysis, exposure, and how the member responded. -->",
            "",
        ]
        lines += goalsRiskAndPlan(date: date, plan: plan)
        return lines.joined(separator: "\n") + "\n"
    }

    /// The Goals, Risk and Plan sections every member's note shares.
    private func goalsRiskAndPlan(date: LocalDate, plan: TreatmentPlan?) -> [String] {
        var lines = ["## Goals"]
        if let plan, !plan.goals.isEmpty {
            lines += [
                "<!-- One item per goal of \(plan.file): replace <status> with Met, In progress,",
                "No change, Regressed or Not addressed, then the measurable evidence. -->",
            ]
            lines += plan.goals.map { "- \($0.id.value): <status>. <!-- \(commentSafe($0.text)) -->" }
        } else {
            lines.append("<!-- No treatment plan with goals is in effect on \(date): write the plan, then one item per goal. -->")
        }
        return lines + [
            "",
            "## Risk",
            "<!-- Ideation, self-harm, safety; end with \"Risk level: low\", \"moderate\" or \"high\". -->",
            "",
            "## Plan",
            "<!-- What comes next for this member: homework, the next session, referrals. -->",
        ]
    }

    private func frontMatterStart(_ kind: DocumentKind) -> [String] {
        namesSchema ? ["---", SchemaCatalogue.modeline(for: kind)] : ["---"]
    }

    /// `key: value` with its comment in the column the other keys use.
    private func aligned(_ line: String, _ comment: String) -> String {
        line.padding(toLength: max(line.count + 1, 26), withPad: " ", startingAt: 0) + "# " + comment
    }

    /// Goal text inside an HTML comment, which `--` would end or break.
    private func commentSafe(_ text: String) -> String {
        var text = text
        while text.contains("--") { text = text.replacingOccurrences(of: "--", with: "-") }
        return text.replacingOccurrences(of: "\n", with: " ")
    }
}
