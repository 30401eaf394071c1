/// Reads practice.yaml into a `Practice`.
enum PracticeReader {
    static func read(_ file: SourceFile, log: FindingLog) -> Practice? {
        guard let parsed = DocumentParser.yamlFile(file, log: log) else { return nil }
        guard parsed.frontMatter != nil else {
            log.missing(at: file.location(line: 1), "practice.yaml is empty", help: """
                it needs practice: {name, npi, tax_id, address}, clinicians: and fees: (see format.md, or run groupchart init)
                """)
            return nil
        }
        let top = FieldReader(parsed.frontMatter, file: file, log: log)
        defer { top.finish() }
        let details = top.mapping("practice", required: true, hint: """
            practice.yaml starts with practice: {name, npi, tax_id, address}, then clinicians:, payers: and fees:
            """)
        var practice = Practice(
            name: nil, npi: nil, taxID: nil, taxonomy: nil, address: nil, phone: nil,
            location: details?.anchor ?? file.location(line: 1),
            edi: top.mapping("edi").map(edi), clinicians: clinicians(top), payers: payers(top),
            fees: fees(top), feesLocation: top.pairs.first { $0.name == "fees" }?.key.location ?? file.location(line: 1),
            ruleSettings: ruleSettings(top), regions: regions(top))
        if let details {
            practice.name = details.name("name", required: true, hint: "the practice's name as payers know it")
            practice.npi = details.text("npi", required: true, hint: "the billing NPI (CMS-1500 box 33a), ten digits in quotes")
            practice.taxID = details.parsed("tax_id", required: true, hint: "the practice's EIN (box 25), for example \"12-3456789\"") { text in
                // Written 123-45-6789 it is a Social Security number, which
                // the 837P would send as an EIN (REF*EI): a TIN mismatch.
                Identifier.isTaxID(text) && !Identifier.isSocialSecurityShaped(text) ? .success(text) : .failure(ScalarError(
                    Identifier.isSocialSecurityShaped(text)
                        ? "\"\(text)\" is written as a Social Security number; the 837P sends tax_id as the practice's EIN (REF*EI)"
                        : "\"\(text)\" is not an employer identification number",
                    help: "write the practice's EIN, for example \"12-3456789\""))
            }
            practice.taxonomy = details.text("taxonomy")
            practice.address = details.mapping("address", required: true, hint: "the billing address; the 837P needs its ZIP+4")
                .map(AddressReader.read)
            practice.phone = details.text("phone")
            details.finish()
        }
        StarterPlaceholders.check(practice, log: log)
        return practice
    }

    private static func edi(_ fields: FieldReader) -> EDISettings {
        defer { fields.finish() }
        return EDISettings(
            submitterID: fields.text("submitter_id", required: true, hint: "your submitter id at the clearinghouse (ISA06)"),
            receiverID: fields.text("receiver_id", required: true, hint: "the clearinghouse's receiver id (ISA08)"),
            receiverName: fields.name("receiver_name", required: true, hint: "the clearinghouse's name"),
            usage: fields.choice("usage", EDIUsage.self),
            submitterQualifier: fields.choice("submitter_qualifier", EDIQualifier.self),
            receiverQualifier: fields.choice("receiver_qualifier", EDIQualifier.self),
            location: fields.anchor)
    }

    private static func clinicians(_ top: FieldReader) -> [Clinician] {
        let hint = "list who treats: clinicians: {torres: {name: Angela Torres, credentials: LMFT, npi: \"1245319599\"}}"
        guard let all = top.mapping("clinicians", required: true, hint: hint) else { return [] }
        defer { all.finish() }
        if all.pairs.isEmpty { all.log.missing(at: all.anchor, "\"clinicians\" lists no clinician", help: hint) }
        return all.pairs.compactMap { pair in
            _ = all.value(pair.name)
            guard let id = identifier(pair, in: all), let fields = entry(pair, in: all) else { return nil }
            defer { fields.finish() }
            return Clinician(id: id, name: fields.name("name", required: true, hint: "the clinician's full name"),
                             credentials: fields.text("credentials"), npi: fields.text("npi"))
        }
    }

    private static func payers(_ top: FieldReader) -> [Payer] {
        guard let all = top.mapping("payers") else { return [] }
        defer { all.finish() }
        return all.pairs.compactMap { pair in
            _ = all.value(pair.name)
            guard let id = identifier(pair, in: all), let fields = entry(pair, in: all) else { return nil }
            defer { fields.finish() }
            return Payer(
                id: id,
                name: fields.name("name", required: true, hint: "the payer's name"),
                payerID: fields.text("payer_id", required: true, hint: "the payer id your clearinghouse lists, in quotes"),
                groupAuthorization: fields.choice("group_authorization", Requirement.self),
                individualAuthorization: fields.choice("individual_authorization", Requirement.self),
                timelyFilingDays: fields.integer("timely_filing_days", in: 1...3650),
                telehealthModifier: modifier("telehealth_modifier", fields),
                sameDayModifier: modifier("same_day_modifier", fields),
                claimFilingCode: fields.parsed("claim_filing_code", ClaimFilingCode.parse))
        }
    }

    private static func modifier(_ key: String, _ fields: FieldReader) -> Located<String>? {
        fields.parsed(key) { text in
            text.count == 2 && text.allSatisfy({ $0.isASCII && ($0.isNumber || $0.isUppercase) }) ? .success(text) : .failure(ScalarError(
                "\"\(text)\" is not a CPT modifier", help: "a modifier is two capital letters or digits, for example \"95\" or XE"))
        }
    }

    private static func fees(_ top: FieldReader) -> [Fee] {
        let hint = "the practice's charge for group psychotherapy: fees: {\"90853\": 65.00}"
        guard let all = top.mapping("fees", required: true, hint: hint) else { return [] }
        defer { all.finish() }
        let fees = all.pairs.compactMap { pair -> Fee? in
            _ = all.value(pair.name)
            guard let code = all.cpt(pair.key, named: pair.name) else { return nil }
            if pair.value.pairs != nil { return datedFee(code, pair, in: all) }
            guard let amount = all.parsed(pair.value, named: pair.name, feeAmount) else { return nil }
            return Fee(code: code, amounts: [Fee.Dated(from: nil, amount: amount)])
        }
        if !all.pairs.contains(where: { $0.name == "90853" }) {
            all.log.missing(at: all.anchor, "missing key \"fees.\\\"90853\\\"\"", help: hint, scope: .code("90853"))
        }
        return fees
    }

    /// A fee's amount: money, and more than nothing. A fee of 0.00 went out
    /// as a claim of 0.00 (CLM02 and SV102 0), which payers' front ends
    /// refuse or pay nothing on (found by a clearinghouse analyst's review).
    private static func feeAmount(_ text: String) -> Result<Money, ScalarError> {
        Money.parse(text).flatMap { amount in
            amount.cents > 0 ? .success(amount) : .failure(ScalarError(
                "a fee of \(amount) bills nothing: payers refuse a claim of 0.00",
                help: "write the practice's charge for the code; a service not billed needs no fee"))
        }
    }

    /// A fee written as amounts each from a date on (`"90853": {2025-01-01:
    /// 65.00, 2027-01-01: 70.00}`); `nil`, with each mistake reported where
    /// it stands, when one of them cannot be read: a claim priced from half
    /// a schedule would be billed wrong.
    private static func datedFee(_ code: Located<String>, _ pair: YAMLPair, in all: FieldReader) -> Fee? {
        let example = "\"\(code.value)\": {2025-01-01: 65.00, 2027-01-01: 70.00}"
        let dated = FieldReader(pair.value, file: all.file, log: all.log, path: "fees.\\\"\(code.value)\\\"", anchor: pair.key.location)
        guard !dated.pairs.isEmpty else {
            all.log.missing(at: pair.value.location, "\"fees.\\\"\(code.value)\\\"\" has no amount",
                            help: "write one amount (\"\(code.value)\": 65.00) or amounts from dates on (\(example))", scope: .code(code.value))
            return nil
        }
        var amounts: [Fee.Dated] = []
        var unreadable = false
        for entry in dated.pairs {
            _ = dated.value(entry.name)
            let from = dated.parsed(entry.key, named: entry.name) { text in
                LocalDate.parse(text).mapError { error in
                    ScalarError(error.message, help: "each key under \"\(code.value)\" is the first date of service its amount "
                                    + "applies to, as YYYY-MM-DD: \(example)")
                }
            }
            let amount = dated.parsed(entry.value, named: entry.name, feeAmount)
            guard let from, let amount else {
                unreadable = true
                continue
            }
            amounts.append(Fee.Dated(from: from, amount: amount))
        }
        return unreadable ? nil : Fee(code: code, amounts: amounts.sorted { $0.from!.value < $1.from!.value })
    }

    /// Each payer's entry, each fee and `edi:`, where they stand.
    private static func regions(_ top: FieldReader) -> [ScopedRegion] {
        var regions: [ScopedRegion] = []
        func add(_ pair: YAMLPair, _ scope: ClaimScope) {
            regions.append(ScopedRegion(start: pair.key.location, lastLine: max(pair.key.location.line, pair.value.lastLine), scope: scope))
        }
        for pair in top.pairs {
            switch pair.name {
            case "edi": add(pair, .interchange)
            case "payers": pair.value.pairs?.forEach { add($0, .payer($0.name)) }
            case "fees": pair.value.pairs?.filter { Identifier.isCPT($0.name) }.forEach { add($0, .code($0.name)) }
            default: break
            }
        }
        return regions
    }

    private static func ruleSettings(_ top: FieldReader) -> [RuleSetting] {
        guard let all = top.mapping("rules") else { return [] }
        return all.pairs.compactMap { pair in
            let rule = Located(pair.name, at: pair.key.location)
            if let word = pair.value.scalar { return RuleSetting(rule: rule, value: .word(Located(word, at: pair.value.location))) }
            guard let parameters = pair.value.pairs else {
                all.log.invalid(at: pair.value.location, "rule setting \"\(pair.name)\" should be off, warning, error or a mapping of parameters",
                                help: "for example group-size: {max: 10} or cloned-note: off")
                return nil
            }
            let values = parameters.compactMap { parameter -> (name: Located<String>, value: Located<String>)? in
                guard let value = all.scalar(parameter.value, named: "\(pair.name).\(parameter.name)") else { return nil }
                return (Located(parameter.name, at: parameter.key.location), value)
            }
            return RuleSetting(rule: rule, value: .parameters(values))
        }
    }

    /// The id of a clinician or payer entry, which must be a slug.
    private static func identifier(_ pair: YAMLPair, in all: FieldReader) -> Located<String>? {
        all.reference(pair.key, named: pair.name)
    }

    /// The entry's mapping, or `invalid-value` when it is not one.
    private static func entry(_ pair: YAMLPair, in all: FieldReader) -> FieldReader? {
        guard pair.value.pairs != nil else {
            all.log.invalid(at: pair.value.location, "\"\(all.qualified(pair.name))\" should be a mapping of keys, not \(pair.value.shapeName)",
                            help: "write {name: ..., ...} after the id")
            return nil
        }
        return FieldReader(pair.value, file: all.file, log: all.log, path: all.qualified(pair.name), anchor: pair.key.location)
    }
}
