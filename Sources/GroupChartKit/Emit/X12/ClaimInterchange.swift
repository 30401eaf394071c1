/// `claims.837`: the next batch as one X12 837P 005010X222A1 interchange.
///
/// One 2000B subscriber loop per subscriber (with a 2000C patient loop when
/// the subscriber is someone else), one 2300 claim per member per session,
/// one 2400 line per CPT code. Originals carry frequency 1; replacements (7)
/// and voids (8) name the payer's claim number in REF*F8 and keep the
/// original's claim id. The control number is the batch's (one more than the
/// largest in submissions/), and dates come from `--today`, so a rebuild
/// gives the same file.
struct ClaimInterchange {
    let practice: Practice
    let edi: EDISettings
    let today: LocalDate

    /// The most 2300 claim loops one 2000B or 2000C loop holds (005010X222A1).
    static let claimsPerSubscriberLoop = 100
    /// The most claims one transaction set holds: 5,000, as the guide
    /// recommends (fewer in a test).
    var claimsPerTransaction = 5_000

    /// The interchange as the file's bytes.
    func bytes(_ entries: [NextBatch.Entry], control: Int) throws(X12Writer.UnsafeValue) -> [UInt8] {
        let date = today.compact
        let time = "1200"
        let submitter = edi.submitterID?.value ?? ""
        let receiver = edi.receiverID?.value ?? ""
        var x12 = X12Writer()
        let (submitterKind, receiverKind) = ((edi.submitterQualifier?.value ?? .mutuallyDefined).rawValue,
                                             (edi.receiverQualifier?.value ?? .mutuallyDefined).rawValue)
        x12.addRaw("ISA*00*" + pad("", 10) + "*00*" + pad("", 10) + "*" + submitterKind + "*" + pad(submitter, 15)
                   + "*" + receiverKind + "*" + pad(receiver, 15)
                   + "*" + String(date.dropFirst(2)) + "*" + time + "*^*00501*" + zeros(control, 9) + "*0*"
                   + (edi.usage?.value == .production ? "P" : "T") + "*:~")
        try x12.add("GS", ["HC", submitter, receiver, date, time, String(control), "X", "005010X222A1"])
        // Loop 2300 repeats at most 100 times under one subscriber (or
        // patient) loop: a member's 101st claim in a batch (a backlog billed
        // at once) starts the subscriber's loops again.
        let loops = subscribers(entries).flatMap { claims in
            stride(from: 0, to: claims.count, by: Self.claimsPerSubscriberLoop).map { Array(claims[$0..<min($0 + Self.claimsPerSubscriberLoop, claims.count)]) }
        }
        // The guide has a transaction set hold at most 5,000 claims, which
        // clearinghouses enforce: a larger batch is sent as several sets,
        // each whole (its own billing provider loop), in one interchange.
        var sets: [[[Int]]] = [[]]
        var claimsInSet = 0
        for loop in loops {
            if claimsInSet + loop.count > claimsPerTransaction, !sets[sets.count - 1].isEmpty {
                sets.append([])
                claimsInSet = 0
            }
            sets[sets.count - 1].append(loop)
            claimsInSet += loop.count
        }
        for (number, loops) in sets.enumerated() {
            try transaction(number + 1, loops, of: entries, control: control, into: &x12)
        }
        try x12.add("GE", [String(sets.count), String(control)])
        try x12.add("IEA", ["1", zeros(control, 9)])
        return x12.bytes
    }

    /// One transaction set (ST to SE), numbered `number`, of the subscriber loops `loops`.
    private func transaction(_ number: Int, _ loops: [[Int]], of entries: [NextBatch.Entry], control: Int,
                             into x12: inout X12Writer) throws(X12Writer.UnsafeValue) {
        let date = today.compact
        let time = "1200"
        let submitter = edi.submitterID?.value ?? ""
        let receiver = edi.receiverID?.value ?? ""
        let start = x12.count
        let setControl = zeros(number, 4)
        try x12.add("ST", ["837", setControl, "005010X222A1"])
        try x12.add("BHT", ["0019", "00", number == 1 ? String(control) : "\(control)-\(number)", date, time, "CH"])
        let name = practice.name?.value ?? ""
        try x12.add("NM1", ["41", "2", name, "", "", "", "", "46", submitter])
        try x12.add("PER", ["IC", name, "TE", (practice.phone?.value ?? "").filter(\.isNumber)])
        try x12.add("NM1", ["40", "2", edi.receiverName?.value ?? "", "", "", "", "", "46", receiver])
        try x12.add("HL", ["1", "", "20", "1"])
        if let taxonomy = practice.taxonomy?.value { try x12.add("PRV", ["BI", "PXC", taxonomy]) }
        // A solo clinician billing under their own (type 1) NPI is a person
        // to NPPES, and to the payers that check 2010AA against it: NM102 1,
        // with the clinician's name, where an organisation's NPI is NM102 2.
        if let npi = practice.npi?.value, let solo = practice.clinicians.first(where: { $0.npi?.value == npi }),
           let clinician = solo.name?.value {
            let person = PersonName(clinician)
            try x12.add("NM1", ["85", "1", person.last, person.first, "", "", person.suffix, "XX", npi])
        } else {
            try x12.add("NM1", ["85", "2", name, "", "", "", "", "XX", practice.npi?.value ?? ""])
        }
        try address(practice.address, into: &x12)
        try x12.add("REF", ["EI", (practice.taxID?.value ?? "").filter(\.isNumber)])
        var hl = 1
        for subscriber in loops {
            let first = entries[subscriber[0]].claim
            let patientIsSubscriber = first.relationship == .insured
            hl += 1
            let subscriberHL = hl
            try x12.add("HL", [String(subscriberHL), "1", "22", patientIsSubscriber ? "0" : "1"])
            // SBR09: the kind of plan, as the payer's entry says (CI, commercial, when it says nothing).
            let filing = practice.payer(withPayerID: first.payerID)?.claimFilingCode?.value ?? ClaimFilingCode.standard
            try x12.add("SBR", ["P", patientIsSubscriber ? "18" : "", first.groupNumber ?? "", "", "", "", "", "", filing])
            let insured = MemberName(first.subscriber)
            try x12.add("NM1", ["IL", "1", insured.last, insured.first, insured.middle, "", insured.suffix, "MI", first.memberID])
            if patientIsSubscriber { try demographics(first.patient, into: &x12) }
            try x12.add("NM1", ["PR", "2", first.payerName, "", "", "", "", "PI", first.payerID])
            if !patientIsSubscriber {
                hl += 1
                try x12.add("HL", [String(hl), String(subscriberHL), "23", "0"])
                try x12.add("PAT", [first.relationship.x12Code])
                let patient = MemberName(first.patient)
                try x12.add("NM1", ["QC", "1", patient.last, patient.first, patient.middle, "", patient.suffix])
                try demographics(first.patient, into: &x12)
            }
            for index in subscriber { try claim(entries[index], into: &x12) }
        }
        try x12.add("SE", [String(x12.count - start + 1), setControl])
    }

    private func claim(_ entry: NextBatch.Entry, into x12: inout X12Writer) throws(X12Writer.UnsafeValue) {
        let claim = entry.claim
        try x12.add("CLM", [claim.id, Self.amount(claim.total), "", "", [claim.placeOfService, "B", entry.frequency.rawValue],
                            "Y", "A", "Y", "Y"])
        if let authorization = claim.priorAuthorization { try x12.add("REF", ["G1", authorization]) }
        if entry.frequency != .original, let number = entry.payerClaimNumber { try x12.add("REF", ["F8", number]) }
        let codes = claim.diagnoses.prefix(12).enumerated().map { index, code in [index == 0 ? "ABK" : "ABF", code] }
        try x12.add("HI", codes)
        // 2310B only when the clinician is not the billing provider (an
        // individual practice billing under the clinician's own NPI).
        if !claim.renderingName.isEmpty, claim.renderingNPI != practice.npi?.value {
            if let sent = claim.renderingSentName {
                try x12.add("NM1", ["82", "1", sent.last, sent.first, sent.middle, "", sent.suffix, "XX", claim.renderingNPI])
            } else {
                let name = PersonName(claim.renderingName)
                try x12.add("NM1", ["82", "1", name.last, name.first, "", "", name.suffix, "XX", claim.renderingNPI])
            }
        }
        for (index, line) in claim.lines.enumerated() {
            try x12.add("LX", [String(index + 1)])
            try x12.add("SV1", [["HC", line.cpt] + line.modifiers, Self.amount(line.charge), "UN", line.units, line.placeOfService ?? "", "",
                                line.pointers.map(String.init)])
            if let day = line.date?.compact { try x12.add("DTP", ["472", "D8", day]) }
            if let authorization = line.priorAuthorization { try x12.add("REF", ["G1", authorization]) }
        }
    }

    private func demographics(_ person: BilledClaim.Person, into x12: inout X12Writer) throws(X12Writer.UnsafeValue) {
        try x12.add("N3", [person.street, person.street2])
        try x12.add("N4", [person.city, person.state, person.zip])
        try x12.add("DMG", ["D8", person.dob, person.sex])
    }

    private func address(_ address: Address?, into x12: inout X12Writer) throws(X12Writer.UnsafeValue) {
        try x12.add("N3", [address?.street?.value ?? "", address?.street2?.value ?? ""])
        try x12.add("N4", [address?.city?.value ?? "", address?.state?.value ?? "", (address?.zip?.value ?? "").filter(\.isNumber)])
    }

    /// Claims grouped by subscriber and patient, in the order of each one's
    /// first claim, as indices into `entries` (grouped as copies, the
    /// entries of 20,000 claims were held twice while the 837 was written).
    /// The key is everything the 2000B and 2000C loops write (SBR, NM1,
    /// N3, N4, DMG, PAT, the payer): a void repeats the claim as sent, and
    /// keyed without the group number, address and sex it went out under
    /// the member's new card and address.
    private func subscribers(_ entries: [NextBatch.Entry]) -> [[Int]] {
        var order: [String] = []
        var grouped: [String: [Int]] = [:]
        for (index, entry) in entries.enumerated() {
            let claim = entry.claim
            let patient = claim.patient
            // Names as the loops write them, field by field ("Ann M." and "Ann M" are one: NM104 "Ann", NM105 "M"):
            // a void repeats NM103 "Chen Jr" as sent, which joined is the profile's "Chen" and "Jr" (a code review).
            let (insured, named) = (MemberName(claim.subscriber), MemberName(patient))
            let key = [claim.memberID, claim.groupNumber ?? "", claim.payerID, claim.payerName, insured.last, insured.first,
                       insured.middle, insured.suffix, named.last, named.first, named.middle, named.suffix,
                       patient.dob, patient.sex, patient.street,
                       patient.street2, patient.city, patient.state, patient.zip, claim.relationship.rawValue].joined(separator: "|")
            if grouped[key] == nil { order.append(key) }
            grouped[key, default: []].append(index)
        }
        return order.map { grouped[$0]! }
    }

    /// X12 decimal: no trailing zeros (65, 65.5, 65.05).
    static func amount(_ money: Money) -> String {
        // Over the UTF-8 bytes: `contains(".")` on a String went through
        // Foundation's string search (CFStringFind), 30 % of writing a
        // claim's segments in claims.837 (perf, 20,000 claims).
        var text = Array(money.description.utf8)
        guard text.contains(UInt8(ascii: ".")) else { return String(decoding: text, as: UTF8.self) }
        while text.last == UInt8(ascii: "0") { text.removeLast() }
        if text.last == UInt8(ascii: ".") { text.removeLast() }
        return String(decoding: text, as: UTF8.self)
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? String(text.prefix(width)) : text + String(repeating: " ", count: width - text.count)
    }

    private func zeros(_ number: Int, _ width: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
