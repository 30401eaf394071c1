/// What a payer adjudicates of a claim (lifecycle.md, "billed content"): the
/// patient and subscriber, the payer, the diagnoses in order, and per line
/// the date, place of service, CPT, modifiers, units, charge, rendering NPI
/// and prior authorization. Two versions of a claim with equal content need
/// nothing sent; a change of wording in a note changes none of this.
///
/// Names are compared as X12 carries them (accents folded, upper case), by
/// last and first name (NM103, NM104: a middle initial and a suffix left
/// out, `MemberName`), so that a file another program wrote in capitals, or
/// with a middle name, reads as the same person.
public struct BilledContent: Sendable, Equatable {
    struct Person: Equatable {
        var lastName: String
        var firstName: String
        var dob: String
    }

    struct Line: Equatable {
        var date: LocalDate?
        var placeOfService: String
        var cpt: String
        var modifiers: [String]
        var units: String
        var charge: Money
        var renderingNPI: String
        var priorAuthorization: String
    }

    var patient: Person
    var subscriber: Person
    var memberID: String
    var payerID: String
    var diagnoses: [String]
    var lines: [Line]

    init(_ claim: BilledClaim) {
        patient = Person(claim.patient)
        // The 837P carries the subscriber's birth date only when the
        // subscriber is the patient: the subscriber is known by name and id.
        subscriber = Person(claim.subscriber, withBirthDate: false)
        memberID = claim.memberID.uppercased()
        payerID = claim.payerID.uppercased()
        diagnoses = claim.diagnoses.map { String($0.uppercased().filter { $0 != "." }) }
        lines = claim.lines.map { line in
            Line(date: line.date, placeOfService: line.placeOfService ?? claim.placeOfService, cpt: line.cpt.uppercased(),
                 modifiers: line.modifiers.map { $0.uppercased() }, units: line.units, charge: line.charge,
                 renderingNPI: line.renderingNPI ?? claim.renderingNPI,
                 priorAuthorization: (line.priorAuthorization ?? claim.priorAuthorization ?? "").uppercased())
        }
    }

    /// When only the lines' charges differ from `sent` (a fee changed in
    /// practice.yaml, most often for later services only), each code whose
    /// charge changed, with the charge sent and today's; otherwise empty.
    func repricing(since sent: BilledContent) -> [Repriced] {
        guard self != sent, lines.count == sent.lines.count else { return [] }
        var same = self
        for index in same.lines.indices { same.lines[index].charge = sent.lines[index].charge }
        guard same == sent else { return [] }
        return zip(sent.lines, lines).filter { $0.charge != $1.charge }.map { Repriced(code: $1.cpt, was: $0.charge, now: $1.charge) }
    }

    /// A code whose charge changed since it was sent.
    public struct Repriced: Sendable, Equatable {
        public var code: String
        public var was: Money
        public var now: Money
    }

    /// What differs from `sent`, in words (`diagnoses F4310 -> F4312`), for
    /// the biller who must see why a replacement goes out.
    public func changes(since sent: BilledContent) -> [String] {
        var changes: [String] = []
        func note(_ name: String, _ old: String, _ new: String) {
            if old != new { changes.append("\(name) \(old.isEmpty ? "none" : old) -> \(new.isEmpty ? "none" : new)") }
        }
        note("patient", sent.patient.description, patient.description)
        note("subscriber", sent.subscriber.description, subscriber.description)
        note("member id", sent.memberID, memberID)
        note("payer id", sent.payerID, payerID)
        note("diagnoses", sent.diagnoses.joined(separator: " "), diagnoses.joined(separator: " "))
        for (index, (old, new)) in zip(sent.lines, lines).enumerated() where old != new {
            let line = "line \(index + 1)"
            note("\(line) date", old.date?.description ?? "", new.date?.description ?? "")
            note("\(line) place of service", old.placeOfService, new.placeOfService)
            note("\(line) CPT", old.cpt, new.cpt)
            note("\(line) modifiers", old.modifiers.joined(separator: " "), new.modifiers.joined(separator: " "))
            note("\(line) units", old.units, new.units)
            note("\(line) charge", old.charge.description, new.charge.description)
            note("\(line) rendering NPI", old.renderingNPI, new.renderingNPI)
            note("\(line) prior authorization", old.priorAuthorization, new.priorAuthorization)
        }
        for (index, line) in lines.enumerated().dropFirst(sent.lines.count) {
            changes.append("line \(index + 1) added: \(line.cpt) at \(line.charge)")
        }
        for (index, line) in sent.lines.enumerated().dropFirst(lines.count) {
            changes.append("line \(index + 1) removed: \(line.cpt) at \(line.charge)")
        }
        return changes
    }
}

extension BilledContent.Person: CustomStringConvertible {
    init(_ person: BilledClaim.Person, withBirthDate: Bool = true) {
        let fold = { (text: String) in (X12Writer.ascii(text) ?? text).uppercased() }
        // The last and first names as NM103 and NM104 carry them, without a
        // middle initial or suffix (`MemberName`): "Ann M." sent before they
        // went apart, "Ann" sent since, and "Ann" with NM105 "Marie" sent by
        // other software are one name; read with NM105, every claim of the
        // latter went out again as a replacement (a code review).
        let name = MemberName(first: person.firstName, last: person.lastName)
        self.init(lastName: fold(name.last), firstName: fold(name.first), dob: withBirthDate ? person.dob : "")
    }

    var description: String { "\(firstName) \(lastName)" + (dob.isEmpty ? "" : " born \(dob)") }
}

extension BilledClaim {
    /// What else of the claim differs from `sent`, as an 837P carries it:
    /// the patient's sex and address, the relationship, the group number. Not billed content (a member who moves after a
    /// claim was paid needs no replacement), but what a 277CA rejects a
    /// claim for (A7:157 sex, A7:163 group number, an address): corrected,
    /// a rejected claim goes out again (`NextBatch`); unchanged, it stays out.
    public func correctionsBeyondContent(since sent: BilledClaim) -> [String] {
        var changes: [String] = []
        func fold(_ text: String) -> String {
            (X12Writer.ascii(text) ?? text).uppercased().trimmingCharacters(in: .whitespaces)
        }
        func note(_ name: String, _ old: String, _ new: String) {
            let (was, now) = (fold(old), fold(new))
            if was != now { changes.append("\(name) \(was.isEmpty ? "none" : was) -> \(now.isEmpty ? "none" : now)") }
        }
        // Only the patient's are written (2010BA when the patient is the
        // subscriber, 2010CA otherwise): a subscriber's own sex and address
        // are never sent, and compared they made every dependent's rejected
        // claim look corrected, sent again unchanged at every batch.
        note("patient sex", sent.patient.sex, patient.sex)
        note("patient address", [sent.patient.street, sent.patient.street2, sent.patient.city, sent.patient.state, sent.patient.zip]
                .filter { !$0.isEmpty }.joined(separator: ", "),
             [patient.street, patient.street2, patient.city, patient.state, patient.zip].filter { !$0.isEmpty }.joined(separator: ", "))
        note("relationship", sent.relationship.x12Code, relationship.x12Code)
        note("group number", sent.groupNumber ?? "", groupNumber ?? "")
        return changes
    }
}
