/// Reads groups/<group-id>.md into a `Group`.
enum GroupReader {
    static func read(_ file: SourceFile, id: String, log: FindingLog) -> Group {
        var group = Group(id: id, file: file.path, isReadable: false, name: nil, cpt: nil, facilitator: nil,
                          coFacilitator: nil, placeOfService: nil, members: [], body: MarkdownBody(blocks: []))
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
        group.facilitator = fields.reference("facilitator", required: true, hint: "the id of the clinician who leads the group")
        group.coFacilitator = fields.reference("co_facilitator")
        group.placeOfService = fields.placeOfService("place_of_service")
        group.members = fields.list("members", required: true, hint: "the enrolled members' ids: members: [okonkwo-david, reyes-maria]")
            .compactMap { fields.reference($0, named: "members") }
        return group
    }
}
