/// Reads members/<member-id>/profile.md into a `Profile`.
enum ProfileReader {
    static func read(_ file: SourceFile, log: FindingLog) -> Profile {
        var profile = Profile(file: file.path, isReadable: false, firstName: nil, lastName: nil, dob: nil, sex: nil,
                              address: nil, coverage: nil, body: MarkdownBody(blocks: []))
        guard let parsed = DocumentParser.markdown(file, log: log) else { return profile }
        let fields = FieldReader(parsed.frontMatter, file: file, log: log)
        defer { fields.finish() }
        profile.isReadable = true
        profile.body = parsed.body
        profile.firstName = fields.name("first_name", required: true, hint: "the member's first name as on the insurance card")
        profile.lastName = fields.name("last_name", required: true, hint: "the member's last name as on the insurance card")
        profile.dob = fields.date("dob", required: true, hint: "the date of birth: dob: 1991-06-14")
        profile.sex = fields.parsed("sex", required: true, hint: "sex: M, F or U", Sex.parse)
        profile.address = fields.mapping("address").map(AddressReader.read)
        profile.coverage = coverage(fields)
        return profile
    }

    private static func coverage(_ fields: FieldReader) -> Coverage? {
        let hint = "insurance: self-pay, or {payer, member_id, subscriber: self, benefits, authorizations}"
        guard let node = fields.require("insurance", hint: hint) else { return nil }
        if let word = node.scalar {
            if word == "self-pay" { return .selfPay(node.location) }
            fields.log.invalid(at: node.location, "\"insurance\": \"\(word)\" is not self-pay or a mapping", help: hint)
            return nil
        }
        guard let insurance = fields.mapping("insurance", hint: hint) else { return nil }
        defer { insurance.finish() }
        return .insured(Insurance(
            payer: insurance.reference("payer", required: true, hint: "the id of a payer of practice.yaml"),
            memberID: insurance.identifier("member_id", required: true, hint: "the member id on the insurance card",
                                           until: "until the card is at hand, the member's claims wait"),
            groupNumber: insurance.text("group_number"),
            subscriber: subscriber(insurance),
            benefits: verifications(insurance),
            authorizations: insurance.list("authorizations").compactMap { authorization($0, in: insurance) },
            location: insurance.anchor))
    }

    private static func subscriber(_ insurance: FieldReader) -> Subscriber? {
        let hint = "subscriber: self, or {relationship: spouse, first_name, last_name, dob, sex} for the policy holder"
        guard let node = insurance.require("subscriber", hint: hint) else { return nil }
        if let word = node.scalar {
            if word == "self" { return .member(node.location) }
            insurance.log.invalid(at: node.location, "\"insurance.subscriber\": \"\(word)\" is not self or a mapping", help: hint)
            return nil
        }
        guard let fields = insurance.mapping("subscriber", hint: hint) else { return nil }
        defer { fields.finish() }
        return .other(SubscriberPerson(
            relationship: fields.choice("relationship", required: true, hint: "spouse, child or other", Relationship.self),
            firstName: fields.name("first_name", required: true, hint: "the policy holder's first name"),
            lastName: fields.name("last_name", required: true, hint: "the policy holder's last name"),
            dob: fields.date("dob", required: true, hint: "the policy holder's date of birth"),
            sex: fields.parsed("sex", required: true, hint: "M, F or U", Sex.parse),
            address: fields.mapping("address").map(AddressReader.read),
            location: fields.anchor))
    }

    /// `benefits:` as one verification (a mapping) or a list of them.
    private static func verifications(_ insurance: FieldReader) -> [BenefitVerification] {
        guard let node = insurance.value("benefits"), node.items != nil else {
            return insurance.mapping("benefits", hint: benefitsHint).map { [benefits($0)] } ?? []
        }
        return insurance.list("benefits", hint: benefitsHint).compactMap { item in
            guard item.pairs != nil else {
                insurance.log.invalid(at: item.location, "a benefit verification should be a mapping of keys, not \(item.shapeName)",
                                      help: benefitsHint)
                return nil
            }
            return benefits(FieldReader(item, file: insurance.file, log: insurance.log, path: "insurance.benefits", anchor: item.location))
        }
    }

    static let benefitsHint = "benefits: {verified_on, verified_by, group_therapy_covered, copay, reference}, or a list of them, "
        + "one per verification"

    private static func benefits(_ fields: FieldReader) -> BenefitVerification {
        defer { fields.finish() }
        return BenefitVerification(
            verifiedOn: fields.date("verified_on", required: true, hint: "the date group benefits were verified"),
            verifiedBy: fields.reference("verified_by"),
            groupTherapyCovered: fields.boolean("group_therapy_covered", required: true,
                                                hint: "group_therapy_covered: true or false, as the payer said"),
            copay: fields.money("copay"),
            reference: fields.text("reference"),
            location: fields.anchor)
    }

    private static func authorization(_ node: YAMLNode, in insurance: FieldReader) -> Authorization? {
        guard node.pairs != nil else {
            insurance.log.invalid(at: node.location, "an authorization should be a mapping of keys, not \(node.shapeName)",
                                  help: "- {number: \"A7731004\", cpt: \"90853\", from: 2026-01-15, to: 2026-07-15, sessions: 24}")
            return nil
        }
        let fields = FieldReader(node, file: insurance.file, log: insurance.log, path: "insurance.authorizations", anchor: node.location)
        defer { fields.finish() }
        let from = fields.date("from", required: true, hint: "the first date the authorization covers")
        var to = fields.date("to", required: true, hint: "the last date the authorization covers")
        // Dates swapped cover nothing: said where they stand, once (the
        // authorization rule is silent on an authorization it cannot read),
        // rather than as "no authorization covers" at every note.
        if let first = from, let last = to, last.value < first.value {
            fields.log.invalid(at: last.location, "\"to\" \(last.value) is before \"from\" \(first.value)",
                               help: "the authorization covers from its first date to its last, both included: check the two dates")
            to = nil
        }
        return Authorization(
            number: fields.identifier("number", required: true, hint: "the authorization number (box 23)",
                                      until: "an authorization not yet approved covers no session, so leave it out until it is"),
            cpt: fields.cpt("cpt", required: true, hint: "the CPT code authorized, for example \"90853\""),
            from: from, to: to,
            sessions: fields.integer("sessions", required: true, hint: "the number of sessions authorized", in: 1...1000),
            location: node.location)
    }
}
