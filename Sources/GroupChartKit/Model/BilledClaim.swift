/// A claim as an 837P carries it: patient and subscriber, payer, diagnoses
/// and service lines. Claims built from the record are written as these, and
/// the submissions in `submissions/` are read back into them, so that what
/// was sent and what would be sent today compare field by field
/// (`BilledContent`), whichever program wrote the file.
public struct BilledClaim: Sendable, Codable, Equatable {
    /// A person as the 837P names them (2010BA subscriber, 2010CA patient).
    public struct Person: Sendable, Codable, Equatable {
        public var lastName: String
        public var firstName: String
        /// DMG02 as CCYYMMDD; empty when not sent.
        public var dob: String
        public var sex: String
        public var street: String = ""
        public var street2: String = ""
        public var city: String = ""
        public var state: String = ""
        public var zip: String = ""
        /// The name as an 837P sent it (NM103 to NM107), when read from
        /// one: a void repeats it so. Nil for a claim built from the
        /// record, whose name is split from the profile's (`MemberName`).
        public var sentName: SentName? = nil
    }

    /// A person's name as an 837P's NM1 carried it: last (NM103), first
    /// (NM104), middle (NM105) and suffix (NM107), each as written. Read
    /// back as "first last" and split again, a void sent "Mary Smith Jones"
    /// as Jones, Mary Smith, and dropped a middle initial and suffix (a
    /// clearinghouse analyst's review): a payer matching a void to the
    /// claim by name may not find it.
    public struct SentName: Sendable, Codable, Equatable {
        public var last: String
        public var first: String
        public var middle: String
        public var suffix: String
    }

    /// One 2400 service line.
    public struct Line: Sendable, Codable, Equatable {
        /// DTP*472 (the first day of a range).
        public var date: LocalDate?
        public var cpt: String
        public var modifiers: [String]
        /// SV104 as written, without trailing zeros (`1`).
        public var units: String
        public var charge: Money
        /// SV107: 1-based positions in the diagnoses.
        public var pointers: [Int]
        /// SV105, when the line names a place of service of its own.
        public var placeOfService: String?
        /// 2420A, when the line names a rendering provider of its own.
        public var renderingNPI: String?
        /// REF*G1 of the line, when it names an authorization of its own.
        public var priorAuthorization: String?
    }

    /// CLM01: the claim id.
    public var id: String
    public var patient: Person
    public var subscriber: Person
    public var relationship: Claim.Relationship
    /// NM109 of 2010BA: the member id on the insurance card.
    public var memberID: String
    public var groupNumber: String?
    public var payerName: String
    public var payerID: String
    /// REF*G1 of the claim.
    public var priorAuthorization: String?
    /// HI: ICD-10-CM codes without the dot, primary first.
    public var diagnoses: [String]
    /// CLM05-1.
    public var placeOfService: String
    public var lines: [Line]
    /// 2310B; empty when the billing provider rendered the service.
    public var renderingNPI: String
    public var renderingName: String
    /// 2310B's name as sent, when read from an 837P (a void repeats it).
    public var renderingSentName: SentName? = nil

    /// CLM02 as the 837P must state it: the sum of the lines.
    public var total: Money { lines.reduce(Money.zero) { $0 + $1.charge } }

    /// What a payer adjudicates, for comparison with another version.
    public var content: BilledContent { BilledContent(self) }
}

extension Claim {
    /// The claim as claims.837 writes it.
    public var billed: BilledClaim {
        let date = service.date
        return BilledClaim(
            id: id, patient: BilledClaim.Person(patient), subscriber: BilledClaim.Person(subscriber), relationship: relationship,
            memberID: memberID, groupNumber: groupNumber, payerName: payerName, payerID: payerID,
            priorAuthorization: priorAuthorization, diagnoses: diagnoses, placeOfService: placeOfService,
            lines: lines.map { line in
                BilledClaim.Line(date: date, cpt: line.cpt, modifiers: line.modifiers, units: String(line.units), charge: line.charge,
                                 pointers: line.pointers)
            },
            renderingNPI: renderingNPI, renderingName: renderingName)
    }
}

extension BilledClaim.Person {
    init(_ person: Claim.Person) {
        self.init(lastName: person.lastName, firstName: person.firstName,
                  dob: person.dob?.compact ?? "", sex: person.sex,
                  street: person.address?.street?.value ?? "", street2: person.address?.street2?.value ?? "",
                  city: person.address?.city?.value ?? "", state: person.address?.state?.value ?? "",
                  zip: Self.digits(of: person.address?.zip?.value ?? ""))
    }

    /// The digits of a ZIP code as written (`12345-6789` -> `123456789`):
    /// an ASCII one byte by byte, where filtering its Characters for
    /// numbers cost 1 % of a check (twice per claim); any other as before.
    static func digits(of zip: String) -> String {
        var zip = zip
        return zip.withUTF8 { bytes in
            bytes.allSatisfy { $0 < 0x80 } ? String(decoding: bytes.filter { (0x30...0x39).contains($0) }, as: UTF8.self) : nil
        } ?? zip.filter(\.isNumber)
    }
}

extension BilledClaim {
    /// The first value the 837P writes from this claim that X12 cannot
    /// carry (a separator, or a character with no ASCII form), if any. A
    /// claim built from the record never has one (`invalid-value` holds it
    /// first); one read from a submission may: another program sent it,
    /// under other separators or in another character set. A void repeats
    /// that version, and stopped the build where `check` said nothing (a
    /// clearinghouse analyst's review): `NextBatch` keeps such a void out
    /// of the batch, and `claim-void-needed` says to void it on the portal.
    var unwritableValue: String? {
        textsWritten.first { X12Writer.ascii($0) == nil }
    }

    /// Every text `ClaimInterchange` writes from the claim, its subscriber
    /// and patient loops included (the rendering clinician's, whether or not
    /// the billing provider rendered it).
    private var textsWritten: [String] {
        func name(_ person: Person) -> [String] {
            let name = MemberName(person)
            return [name.last, name.first, name.middle, name.suffix]
        }
        let rendering = renderingSentName.map { [$0.last, $0.first, $0.middle, $0.suffix] }
            ?? { let person = PersonName(renderingName); return [person.last, person.first, person.suffix] }()
        var texts = [id, memberID, groupNumber ?? "", payerName, payerID, priorAuthorization ?? "", placeOfService, renderingNPI]
            + name(subscriber) + (relationship == .insured ? [] : name(patient)) + rendering + diagnoses.prefix(12)
            + [patient.street, patient.street2, patient.city, patient.state, patient.zip, patient.dob, patient.sex]
        for line in lines {
            texts += [line.cpt, line.units, line.placeOfService ?? "", line.priorAuthorization ?? ""] + line.modifiers
        }
        return texts
    }
}
