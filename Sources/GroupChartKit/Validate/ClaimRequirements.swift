import Foundation

/// What claims need beyond each document's own keys: a fee for every code
/// billed, and, when practice.yaml has `edi:` (an 837P is written), the
/// values the 837P requires in the form X12 can carry. Reported through
/// `missing-field` and `invalid-value`, so that the claims they touch are
/// held instead of written wrong.
enum ClaimRequirements {
    static func missingFields(_ context: RuleContext) -> [Finding] {
        guard let practice = context.record.practice else { return [] }
        var findings: [Finding] = []
        // A self-pay member's sessions are never claimed: no fee is needed for them.
        let selfPay = Set(context.record.members.lazy.filter(\.isSelfPay).map(\.id))
        let claimed = context.record.services.filter { !selfPay.contains($0.member) }
        let billed = Set(claimed.map(\.cpt) + (interactiveComplexity(context, besides: selfPay) ? ["90785"] : []))
        // A fee already reported where it stands (missing 90853, an amount
        // that cannot be read) is one mistake, said once (decisions.md).
        let reported = Set(context.readFindings.lazy.filter { $0.location.file == "practice.yaml" }.compactMap { finding -> String? in
            if case .code(let code) = finding.scope ?? ScopedRegion.scope(of: finding.location, in: practice.regions) { return code }
            return nil
        })
        for code in billed.sorted() where practice.fee(for: code) == nil && !reported.contains(code) {
            findings.append(Finding(practice.feesLocation, "no fee for CPT \(code), which sessions bill",
                                    help: "add \"\(code)\": <amount> under fees: in practice.yaml", scope: .code(code)))
        }
        // A fee whose amounts all start after a service billed under it.
        for (code, date) in earliestDates(context, claimed: claimed, besides: selfPay).sorted(by: { $0.key < $1.key }) {
            guard !reported.contains(code), let fee = practice.fee(for: code), fee.amount(on: date) == nil,
                  let first = fee.firstDate else { continue }
            findings.append(Finding(fee.code.location, "no fee for CPT \(code) on \(date), a date of service before its first amount "
                                        + "(from \(first))",
                                    help: "add the amount charged then, such as \(date): 65.00 under \"\(code)\":, "
                                        + "or move the first date back to \(date)", scope: .code(code)))
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
                findings.append(Finding(id.location, "\(id.value.quotedForMessage) is longer than the 15 characters of its ISA field",
                                        help: "use the id the clearinghouse assigned (at most 15 characters)"))
            } else if id.value.unicodeScalars.count == 1 {
                // GS02, GS03 and the NM109 of 1000A and 1000B are 2 to 15
                // characters: one letter passed here and pyx12 refused the file.
                findings.append(Finding(id.location, "\(id.value.quotedForMessage) is shorter than the 2 characters its GS and NM1 fields need",
                                        help: "use the id the clearinghouse assigned (2 to 15 characters)"))
            } else if let bad = id.value.unicodeScalars.first(where: { !X12Scalar.isPlain($0) }) ?? (id.value.isEmpty ? " " : nil) {
                // The ISA is fixed-width and written as is: no accent may be
                // folded away there, as it is from names.
                let what = bad.isASCII && bad.value >= 0x20 ? "\"\(bad)\"" : bad.codePoint
                findings.append(Finding(id.location, "\(id.value.quotedForMessage) cannot stand in the 837P's ISA and GS segments: it holds \(what)",
                                        help: "an interchange id is ASCII letters, digits and spaces, without the X12 separators * : ^ ~; use the id the clearinghouse assigned"))
            }
        }
        // HI holds twelve codes: those after would be left off the claim without a word.
        for member in context.record.members where member.insurance != nil {
            for plan in member.plans where plan.diagnoses.count > 12 {
                let thirteenth = plan.diagnoses[12]
                findings.append(Finding(thirteenth.location, "the 837P carries 12 diagnoses: \"\(thirteenth.value)\" and those after it "
                                            + "would not be sent",
                                        help: "keep the 12 that bear on the services billed, the primary first"))
            }
        }
        // 2010AA N301 is where the practice sees patients; payers refuse a
        // post office box there (it belongs in a pay-to address, 2010AB,
        // which GroupChart does not send).
        if let street = [practice.address?.street, practice.address?.street2].compactMap({ $0 }).first(where: { isPostOfficeBox($0.value) }) {
            findings.append(Finding(street.location, "\"\(street.value)\" is a post office box; the 837P's billing provider "
                                        + "address (2010AA N301) must be a street address",
                                    help: "write the street address of the practice, as enrolled with the payers"))
        }
        if let taxonomy = practice.taxonomy, !taxonomy.value.allSatisfy(\.isWhitespace), !isTaxonomyCode(taxonomy.value) {
            findings.append(Finding(taxonomy.location, "\"\(taxonomy.value)\" is not a provider taxonomy code: the 837P's PRV03 "
                                        + "carries the ten-character code of the NUCC list",
                                    help: "write the practice's code as enrolled with the payers, such as 106H00000X "
                                        + "(marriage and family therapist) or 1041C0700X (clinical social worker), or remove taxonomy:"))
        }
        if let phone = practice.phone, !phone.value.allSatisfy(\.isWhitespace), phone.value.unicodeScalars.filter({ ("0"..."9").contains($0) }).count != 10
            || phone.value.contains(where: \.isLetter) {
            findings.append(Finding(phone.location, "\"\(phone.value)\" is not a ten-digit phone number, which the 837P's PER04 "
                                        + "carries as digits alone",
                                    help: "write the practice's number as \"510-555-0100\", without +1 or an extension"))
        }
        for clinician in practice.clinicians {
            guard let name = clinician.name, let credential = PersonName.credential(in: name.value) else { continue }
            findings.append(Finding(name.location, "\"\(name.value)\" holds \"\(credential)\", which the 837P would send "
                                        + "as part of the clinician's name",
                                    help: "write the name alone, as the clinician enrolled with the payer, and credentials under credentials:"))
        }
        for (value, limit) in x12Values(context) {
            // Sent as written: spaces would stand in the payer's match of a
            // name or member id, and an empty element breaks the segment.
            if value.value.allSatisfy(\.isWhitespace) {
                findings.append(Finding(value.location, "the value is empty; the 837P's \(limit.element) needs it",
                                        help: "write it as on the insurance card or the payer's enrollment, or remove the key"))
                continue
            }
            if value.value.first!.isWhitespace || value.value.last!.isWhitespace {
                findings.append(Finding(value.location, "\(value.value.quotedForMessage) begins or ends with a space, which the 837P would send "
                                            + "as written",
                                        help: "remove the spaces around it"))
                continue
            }
            guard let written = X12Writer.ascii(value.value) else {
                findings.append(Finding(value.location, "\(value.value.quotedForMessage) cannot be written into the 837P: \(X12Writer.refusal(value.value))",
                                        help: "X12 separates values with * : ^ ~ and carries ASCII only; write the value as on the insurance card"))
                continue
            }
            // A longer value is a syntax error the clearinghouse's 999 rejects the whole file for.
            // A clinician's name is written split (`PersonName`): last name as NM103, the rest as NM104.
            let name = PersonName(written)
            let (last, first) = (name.last, name.first)
            if limit.isPersonName, last.count > Limit.lastName.length || first.count > Limit.firstName.length {
                let part = last.count > Limit.lastName.length ? Limit.lastName : Limit.firstName
                findings.append(Finding(value.location, "\(value.value.quotedForMessage) is too long for the 837P: its \(part.element) would be "
                                            + "\(max(last.count, first.count)) characters, over \(part.length)",
                                        help: "shorten the name as the payer has it"))
            } else if written.count < limit.minimum {
                findings.append(Finding(value.location, "\(value.value.quotedForMessage) is \(written.count) character\(written.count == 1 ? "" : "s"), "
                                            + "shorter than the \(limit.minimum) the 837P's \(limit.element) needs",
                                        help: "write it in full, as on the insurance card or the payer's list"))
            } else if !limit.isPersonName, written.count > limit.length {
                findings.append(Finding(value.location, "\(value.value.quotedForMessage) is \(written.count) characters, longer than the \(limit.length) "
                                            + "the 837P's \(limit.element) holds",
                                        help: "shorten it to \(limit.length) characters, as the payer has it (an address line may go on street2)"))
            }
        }
        return findings
    }

    /// The longest value an 837P element takes (005010X222A1).
    struct Limit {
        var element: String
        var length: Int
        /// The shortest value it takes.
        var minimum = 1
        /// A whole name the 837P splits into last and first (a clinician's).
        var isPersonName = false
        static let personName = Limit(element: "NM103 and NM104 (a name)", length: 95, isPersonName: true)
        static let organisation = Limit(element: "NM103 (a name)", length: 60)
        static let lastName = Limit(element: "NM103 (a last name)", length: 60)
        static let firstName = Limit(element: "NM104 (a first name)", length: 35)
        static let addressLine = Limit(element: "N301 (an address line)", length: 55)
        static let city = Limit(element: "N401 (a city)", length: 30, minimum: 2)
        static let identifier = Limit(element: "NM109 (an id)", length: 80, minimum: 2)
        static let groupNumber = Limit(element: "SBR03 (a group number)", length: 50)
        static let reference = Limit(element: "REF02 (a reference)", length: 50)
        static let phone = Limit(element: "PER04 (a phone number)", length: 256)
        static let taxonomy = Limit(element: "PRV03 (a taxonomy code)", length: 50)
    }

    /// Whether `street` names a post office or lock box with its number
    /// (`PO Box 12`, `P.O. Box 12`, `Post Office Box 12`, `POB 12`, `Lock
    /// Box 12`, `Box 12`, or `200 Harbor Way, PO Box 12`); a street named
    /// with the words (`1 Post Office Square`, `Lockbox Road`) is a street.
    static func isPostOfficeBox(_ street: String) -> Bool {
        postOfficeBox.firstMatch(in: street, range: NSRange(street.startIndex..., in: street)) != nil
    }

    private nonisolated(unsafe) static let postOfficeBox = try! NSRegularExpression(
        pattern: #"(?:^|[\s,])(?:p\.?\s*o\.?\s*box|post\s+office\s+box|pob|lock\s*box)\s*#?\s*\d|^\s*box\s*#?\s*\d"#,
        options: [.caseInsensitive])

    /// Whether `code` has the form of a code of the NUCC provider taxonomy:
    /// ten capital letters and digits, the last an X (106H00000X).
    static func isTaxonomyCode(_ code: String) -> Bool {
        let scalars = Array(code.unicodeScalars)
        return scalars.count == 10 && scalars.last == "X"
            && scalars.allSatisfy { ("0"..."9").contains($0) || ("A"..."Z").contains($0) }
    }

    /// The earliest date of service of each code billed: a dated fee must
    /// price every service from it on.
    private static func earliestDates(_ context: RuleContext, claimed: [BillableService],
                                      besides selfPay: Set<String>) -> [String: LocalDate] {
        var earliest: [String: LocalDate] = [:]
        func add(_ code: String, _ date: LocalDate) { earliest[code] = min(earliest[code] ?? date, date) }
        for service in claimed { add(service.cpt, service.date) }
        for session in context.record.sessions {
            guard let date = session.note?.date?.value,
                  session.progressNotes.contains(where: { $0.interactiveComplexity != nil && !selfPay.contains($0.member) }) else { continue }
            add("90785", date)
        }
        return earliest
    }

    private static func interactiveComplexity(_ context: RuleContext, besides selfPay: Set<String>) -> Bool {
        context.record.sessions.contains { session in
            session.progressNotes.contains { $0.interactiveComplexity != nil && !selfPay.contains($0.member) }
        }
    }

    /// Every value the 837P carries as text, with the longest its element takes.
    private static func x12Values(_ context: RuleContext) -> [(Located<String>, Limit)] {
        guard let practice = context.record.practice else { return [] }
        var values: [(Located<String>?, Limit)] = [(practice.name, .organisation), (practice.phone, .phone), (practice.taxonomy, .taxonomy),
                                                   (practice.edi?.receiverName, .organisation)]
        values += addressValues(practice.address)
        values += practice.clinicians.map { ($0.name, .personName) }
        values += practice.payers.flatMap { [($0.name, Limit.organisation), ($0.payerID, Limit.identifier)] }
        for member in context.record.members {
            guard let profile = member.profile, let insurance = member.insurance else { continue }
            values += [(profile.firstName, .firstName), (profile.lastName, .lastName), (insurance.memberID, .identifier),
                       (insurance.groupNumber, .groupNumber)]
            values += addressValues(profile.address) + insurance.authorizations.map { ($0.number, .reference) }
            if case .other(let holder)? = insurance.subscriber {
                values += [(holder.firstName, .firstName), (holder.lastName, .lastName)] + addressValues(holder.address)
            }
        }
        return values.compactMap { value, limit in value.map { ($0, limit) } }
    }

    private static func addressValues(_ address: Address?) -> [(Located<String>?, Limit)] {
        [(address?.street, .addressLine), (address?.street2, .addressLine), (address?.city, .city)]
    }
}
