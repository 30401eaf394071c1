/// Reads groups/<group-id>.md into a `Group`.
enum GroupReader {
    /// Codes of one patient's psychotherapy, crisis care, family therapy
    /// or evaluation: billed for a group's session, each member is billed
    /// as if seen alone, which no group note supports.
    static let individualCodes: Set<String> = [
        "90791", "90792", "90832", "90833", "90834", "90836", "90837", "90838", "90839", "90840", "90846", "90847",
    ]

    /// Why `cpt` cannot be a group's code, or `nil`. Beside one patient's
    /// codes: an evaluation and management visit (99202 to 99499), which
    /// bills each member as seen by a physician, and interactive complexity
    /// (90785), an add-on that a member's note adds beside the group's code
    /// and that no payer pays alone. Both went out on every member's claim
    /// (found by an auditor's review). Other group codes (the health
    /// behavior groups 96164, 96165, say) are the practice's to choose.
    static func refusal(of cpt: String) -> String? {
        if individualCodes.contains(cpt) { return "\"\(cpt)\" bills one patient's psychotherapy or evaluation, not a group's session" }
        if cpt == "90785" {
            return "\"90785\" (interactive complexity) is an add-on billed beside the group's code, never alone: a member's note "
                + "adds it with interactive_complexity"
        }
        // 99411 and 99412 are preventive counseling given to a group: not an
        // evaluation and management visit, and the practice's to choose.
        if let code = Int(cpt), (99202...99499).contains(code), ![99411, 99412].contains(code) {
            return "\"\(cpt)\" is an evaluation and management visit, which bills each member as seen alone, not a group's session"
        }
        return nil
    }

    static func read(_ file: SourceFile, id: String, log: FindingLog) -> Group {
        var group = Group(id: id, file: file.path, isReadable: false, name: nil, cpt: nil, facilitator: nil,
                          coFacilitator: nil, placeOfService: nil, roster: [], body: MarkdownBody(blocks: []))
        guard let parsed = DocumentParser.markdown(file, log: log) else { return group }
        if !Identifier.isSlug(id) {
            log.invalid(at: file.location(line: 1), "group file name \"\(id)\" is not an id",
                        help: "rename the file to lower-case letters, digits and hyphens, for example groups/dbt-skills.md")
        }
        let fields = FieldReader(parsed.frontMatter, file: file, log: log)
        defer { fields.finish() }
        group.isReadable = true
        group.body = parsed.body
        group.name = fields.name("name", required: true, hint: "the group's name, for example \"DBT Skills Training Group\"")
        group.cpt = fields.cpt("cpt", required: true, hint: "the group's CPT code: cpt: \"90853\"")
        if let cpt = group.cpt, let refusal = Self.refusal(of: cpt.value) {
            log.invalid(at: cpt.location, refusal,
                        help: "a group is billed as \"90853\" (group psychotherapy) or \"90849\" (multiple-family group); "
                            + "an individual session is written in members/<member-id>/individual/ with its own code")
            group.cpt = nil
        }
        group.facilitator = fields.reference("facilitator", required: true, hint: "the id of the clinician who leads the group")
        group.coFacilitator = fields.reference("co_facilitator")
        CoFacilitator.refuseSameAsFacilitator(group.facilitator, group.coFacilitator, log: log)
        group.placeOfService = fields.placeOfService("place_of_service")
        group.roster = fields.list("members", required: true, hint: RosterReader.hint).compactMap { RosterReader.entry($0, in: fields) }
        return group
    }
}

/// Reads one roster entry: a member id, or `{id, joined, left}`.
enum RosterReader {
    static let hint = "the roster: members: [okonkwo-david, {id: chen-lily, joined: 2026-02-05, left: 2026-04-30}]"

    static func entry(_ node: YAMLNode, in fields: FieldReader) -> RosterEntry? {
        if node.scalar != nil {
            return fields.reference(node, named: "members").map { RosterEntry(member: $0) }
        }
        guard node.pairs != nil else {
            fields.log.invalid(at: node.location, "a roster entry should be a member id or {id, joined, left}, not \(node.shapeName)",
                               help: "write the member's id, or {id: chen-lily, joined: 2026-02-05} for a member who joined later")
            return nil
        }
        let entry = FieldReader(node, file: fields.file, log: fields.log, path: "members", anchor: node.location)
        defer { entry.finish() }
        let member = entry.reference("id", required: true, hint: "the member's id: {id: chen-lily, joined: 2026-02-05}")
        let joined = entry.date("joined")
        var left = entry.date("left")
        // A date written that could not be read (`invalid-value`, said
        // there): the entry's enrollment is unknown, not every date (read
        // as no date, it enrolled the member since ever, and every past
        // session said they were missing: a clinician's review).
        var datesUnread = (joined == nil && entry.value("joined") != nil) || (left == nil && entry.value("left") != nil)
        if let joined, let end = left, end.value < joined.value {
            // Read as an invalid value is: reported, then left out.
            fields.log.invalid(at: end.location, "\"members.left\" \(end.value) is before \"joined\" \(joined.value)",
                               help: "a member is enrolled from joined through left, both inclusive: correct either date")
            left = nil
            datesUnread = true
        }
        return member.map { RosterEntry(member: $0, joined: joined, left: left, location: node.location, datesUnread: datesUnread) }
    }
}
