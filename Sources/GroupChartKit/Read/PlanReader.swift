/// Reads members/<member-id>/plan-<date>.md into a `TreatmentPlan`.
enum PlanReader {
    static func read(_ file: SourceFile, member: String, log: FindingLog) -> TreatmentPlan {
        var plan = TreatmentPlan(member: member, file: file.path, isReadable: false, effective: nil, reviewBy: nil,
                                 modalities: [], groups: [], frequency: nil, sessionMinutes: nil, duration: nil,
                                 diagnoses: [], goals: [], signedBy: nil, signedOn: nil, body: MarkdownBody(blocks: []))
        guard let parsed = DocumentParser.markdown(file, log: log) else { return plan }
        let fields = FieldReader(parsed.frontMatter, file: file, log: log)
        defer { fields.finish() }
        plan.isReadable = true
        plan.body = parsed.body
        plan.effective = fields.date("effective", required: true, hint: "the date the plan takes effect: effective: 2026-01-29")
        plan.reviewBy = fields.date("review_by", required: true, hint: "the date the plan must be reviewed by")
        // A review due before the plan takes effect is two dates swapped or
        // mistyped, not a plan overdue from its first day.
        if let effective = plan.effective, let review = plan.reviewBy, review.value < effective.value {
            log.invalid(at: review.location, "\"review_by\" \(review.value) is before \"effective\" \(effective.value)",
                        help: "review_by is the date the plan must be reviewed by, after it takes effect: check the two dates")
            plan.reviewBy = nil
        }
        plan.modalities = fields.list("modality", required: true, nonEmpty: true, hint: "modality: group psychotherapy")
            .compactMap { fields.scalar($0, named: "modality") }
        plan.groups = fields.list("group", required: true, nonEmpty: true, hint: "the id of the group this plan treats in, or a list: [dbt-skills, grief-support]")
            .compactMap { fields.reference($0, named: "group") }
        plan.frequency = fields.text("frequency")
        plan.sessionMinutes = fields.integer("session_minutes", in: 1...600)
        plan.duration = fields.text("duration")
        plan.unreadableKeys = fields.unreadable(["frequency": plan.frequency != nil, "session_minutes": plan.sessionMinutes != nil,
                                                 "duration": plan.duration != nil])
        plan.diagnoses = fields.list("diagnoses", required: true, nonEmpty: true, hint: "ICD-10-CM codes, primary first: diagnoses: [F60.3, F32.1]")
            .compactMap { fields.scalar($0, named: "diagnoses") }
        // A code listed twice would stand twice in the claim's HI, which
        // payers' edits reject.
        var listed: Set<String> = []
        for code in plan.diagnoses where !listed.insert(code.value.uppercased().replacingOccurrences(of: ".", with: "")).inserted {
            log.invalid(at: code.location, "\"\(code.value)\" is listed twice among the diagnoses",
                        help: "list each diagnosis once, the primary first")
        }
        plan.goals = goals(fields)
        plan.signedBy = fields.reference("signed_by", required: true, hint: "the id of the clinician who signed the plan")
        plan.signedOn = fields.date("signed_on", required: true, hint: "the date the plan was signed")
        return plan
    }

    private static func goals(_ fields: FieldReader) -> [PlanGoal] {
        let hint = "goals by id: goals: {G1: Reduce self-harm urges from daily to fewer than 2 per week}"
        guard let goals = fields.mapping("goals", required: true, hint: hint) else { return [] }
        // A plan with no goal but placeholders ("TBD", "N/A") states none: a
        // plan without measurable goals supports no service. One beside
        // real goals (a template's "G3: TBD") is `plan-incomplete`'s warning.
        let stated = goals.pairs.contains { pair in
            !pair.value.isNull && pair.value.scalar.map { !NoValue.isPlaceholder($0) } ?? true
        }
        return goals.pairs.compactMap { pair in
            guard Identifier.isGoalID(pair.name) else {
                goals.log.invalid(at: pair.key.location, "goal id \"\(pair.name)\" is not an id",
                                  help: "goal ids are letters, digits and hyphens, for example G1")
                return nil
            }
            guard let text = goals.scalar(pair.value, named: pair.name), !pair.value.isNull else {
                goals.log.missing(at: pair.key.location, "goal \"\(pair.name)\" has no text", help: "state the goal in measurable terms")
                return nil
            }
            // Found by an auditor's review, where notes' placeholders were
            // errors and the plan's passed. Kept, so that the notes naming it
            // are not each told it does not exist.
            if !stated, NoValue.isPlaceholder(text.value) {
                goals.log.missing(at: text.location, "goal \"\(pair.name)\" is \"\(text.value)\", and the plan states no other goal",
                                  help: "state the goal in measurable terms, for example \"Reduce panic attacks from 4 a week to 1\"")
            }
            return PlanGoal(id: Located(pair.name, at: pair.key.location), text: text.value)
        }
    }
}
