/// What claims need beyond each document's own keys: a fee for every code
/// billed, and, when practice.yaml has `edi:` (an 837P is written), the
/// values the 837P requires in the form X12 can carry. Reported through
/// `missing-field` and `invalid-value`, so that the claims they touch are
/// held instead of written wrong.
enum ClaimRequirements {
    static func missingFields(_ context: RuleContext) -> [Finding] {
        guard let practice = context.record.practice else { return [] }
        var findings: [Finding] = []
        let billed = Set(context.record.services.map(\.cpt) + (interactiveComplexity(context) ? ["90785"] : []))
        for code in billed.sorted() where practice.fee(for: code) == nil {
            findings.append(Finding(practice.feesLocation, "no fee for CPT \(code), which sessions bill",
                                    help: "add \"\(code)\": <amount> under fees: in practice.yaml", scope: .code(code)))
        }
        guard practice.edi != nil else { return findings }
        if practice.phone == nil {
            findings.append(Finding(practice.location, "missing key \"practice.phone\", which the 837P needs (1000A PER)",
                                    help: "add phone: \"510-555-0100\" under practice:"))
        }
        let billedMembers = Set(context.record.services.map(\.member))
        for member in context.record.members where billedMembers.contains(member.id) {
            guard let profile = member.profile, profile.isReadable, member.insurance != nil, profile.address == nil else { continue }
            findings.append(Finding(SourceLocation(file: profile.file, line: 1),
                                    "missing key \"address\", which the 837P needs for an insured member",
                                    help: "add address: {street, city, state, zip} as on the insurance card"))
        }
        return findings
    }

    static func invalidValues(_ context: RuleContext) -> [Finding] {
        guard let practice = context.record.practice, let edi = practice.edi else { return [] }
        var findings: [Finding] = []
        if let zip = practice.address?.zip, zip.value.filter(\.isNumber).count != 9 {
            findings.append(Finding(zip.location, "the billing ZIP \"\(zip.value)\" has 5 digits; the 837P needs ZIP+4",
                                    help: "write the nine-digit ZIP, for example \"94607-3710\" (USPS ZIP code lookup)"))
        }
        for id in [edi.submitterID, edi.receiverID].compactMap({ $0 }) {
            if id.value.unicodeScalars.count > 15 {
                findings.append(Finding(id.location, "\"\(id.value)\" is longer than the 15 characters of its ISA field",
                                        help: "use the id the clearinghouse assigned (at most 15 characters)"))
            } else if let bad = id.value.unicodeScalars.first(where: { !isInterchangeScalar($0) }) ?? (id.value.isEmpty ? " " : nil) {
                // The ISA is fixed-width and written as is: no accent may be
                // folded away there, as it is from names.
                let what = bad.isASCII && bad.value >= 0x20 ? "\"\(bad)\"" : "U+" + String(bad.value, radix: 16, uppercase: true).leftPadded(to: 4)
                findings.append(Finding(id.location, "\"\(id.value)\" cannot stand in the 837P's ISA and GS segments: it holds \(what)",
                                        help: "an interchange id is ASCII letters, digits and spaces, without the X12 separators * : ^ ~; use the id the clearinghouse assigned"))
            }
        }
        for value in x12Values(context) where X12Writer.ascii(value.value) == nil {
            findings.append(Finding(value.location, "\"\(value.value)\" cannot be written into the 837P",
                                    help: "X12 separates values with * : ^ ~ and carries ASCII only; write the value as on the insurance card"))
        }
        return findings
    }

    /// Printable ASCII but the separators X12 reserves.
    static func isInterchangeScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x20 && scalar.value < 0x7F && !"*:^~".unicodeScalars.contains(scalar)
    }

    private static func interactiveComplexity(_ context: RuleContext) -> Bool {
        context.record.sessions.contains { session in session.progressNotes.contains { $0.interactiveComplexity != nil } }
    }

    /// Every value the 837P carries as text.
    private static func x12Values(_ context: RuleContext) -> [Located<String>] {
        guard let practice = context.record.practice else { return [] }
        var values = [practice.name, practice.phone, practice.taxonomy, practice.edi?.receiverName].compactMap { $0 }
        values += addressValues(practice.address)
        values += practice.clinicians.compactMap(\.name)
        values += practice.payers.flatMap { [$0.name, $0.payerID].compactMap { $0 } }
        for member in context.record.members {
            guard let profile = member.profile, let insurance = member.insurance else { continue }
            values += [profile.firstName, profile.lastName, insurance.memberID, insurance.groupNumber].compactMap { $0 }
            values += addressValues(profile.address) + insurance.authorizations.compactMap(\.number)
            if case .other(let holder)? = insurance.subscriber {
                values += [holder.firstName, holder.lastName].compactMap { $0 } + addressValues(holder.address)
            }
        }
        return values
    }

    private static func addressValues(_ address: Address?) -> [Located<String>] {
        [address?.street, address?.street2, address?.city].compactMap { $0 }
    }
}
