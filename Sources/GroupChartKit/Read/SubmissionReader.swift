/// Reads an 837P (005010X222A1) of `submissions/` back into the claims it
/// billed: the model stage of what was sent.
///
/// It follows the hierarchy of the guide rather than the layout GroupChart
/// writes, so that an 837P another program wrote reads as well: subscriber
/// (2000B) and patient (2000C) loops, rendering providers of the claim
/// (2310B) or of a line (2420A), authorizations of the claim or of a line,
/// dates of service as a day or a range, any separators. What is odd is a
/// `submission` warning where it stands: a claim whose total is not the sum
/// of its lines, a replacement or void without the payer's claim number, a
/// file whose name and ISA13 disagree (renamed or edited after it was sent).
/// A submission is never rewritten.
struct SubmissionReader {
    static let rule = "submission"

    private let values: X12Values
    private var claims: [SubmittedClaim] = []
    private var billingNPI = ""
    private var subscriber = BilledClaim.Person(lastName: "", firstName: "", dob: "", sex: "")
    private var patient: BilledClaim.Person?
    private var relationship = Claim.Relationship.insured
    private var memberID = ""
    private var groupNumber: String?
    private var payer = (name: "", id: "")
    /// Which person N3, N4 and DMG describe now.
    private var describing: Describing = .nobody
    private var claim: SubmittedClaim?
    /// CLM02 as written, to check against the lines.
    private var statedTotal: Located<Money>?
    private var transaction = (group: "", control: "")

    private enum Describing { case nobody, subscriber, patient }

    static func read(_ file: SourceFile, log: FindingLog) -> Submission {
        let parsed = X12Parser.parse(file, expecting: .submission)
        for problem in parsed.problems { log.add(rule, at: problem.location, problem.message, help: problem.help) }
        let values = X12Values(log: log, rule: rule)
        let envelope = X12Envelope.read(parsed.segments, set: "837", noun: "an 837 claim", values: values)
        var reader = SubmissionReader(values: values)
        for transaction in envelope.transactions {
            reader.transaction = (transaction.groupControl, transaction.control)
            for segment in transaction.segments { reader.read(segment) }
            reader.closeClaim()
        }
        let start = parsed.segments.first?.location ?? file.location(line: 1)
        if parsed.delimiters != nil, reader.claims.isEmpty {
            values.warn(start, "this submission holds no claim (CLM)", help: "keep in submissions/ only the 837P files as they were sent")
        }
        checkName(file.path, envelope: envelope, values: values)
        let date = X12Envelope.dateOfName(file.path) ?? envelope.transactions.first?.groupDate ?? envelope.interchangeDate
        return Submission(file: file.path, date: date, interchangeControl: envelope.interchangeControl,
                          groupControls: envelope.groupControls, claims: reader.claims, location: start,
                          testIndicator: envelope.testIndicator)
    }

    /// `submit` names a submission `<date>-<ISA13>.837`; another ISA13
    /// inside means the file was renamed or edited after it was written.
    private static func checkName(_ path: String, envelope: X12Envelope, values: X12Values) {
        let name = (path.split(separator: "/").last.map(String.init) ?? path).lowercased()
        guard name.count == 24, name.hasSuffix(".837"), X12Envelope.dateOfName(path) != nil,
              let control = envelope.interchangeControl else { return }
        let named = String(name.dropFirst(11).prefix(9))
        if named.allSatisfy(\.isASCIIDigit), named != control.value {
            values.warn(control.location, "the file is named for interchange \(named) but its ISA13 is \"\(control.value)\"",
                        help: "a submission is kept exactly as it was sent; restore it from git (git log -p \(path))")
        }
    }

    private init(values: X12Values) {
        self.values = values
    }

    private mutating func read(_ segment: X12Segment) {
        switch segment.id {
        case "HL":
            closeClaim()
            switch segment[3] {
            case "22":
                subscriber = BilledClaim.Person(lastName: "", firstName: "", dob: "", sex: "")
                patient = nil
                relationship = .insured
                memberID = ""
                groupNumber = nil
                payer = ("", "")
            case "23":
                patient = BilledClaim.Person(lastName: "", firstName: "", dob: "", sex: "")
            default:
                break
            }
            describing = .nobody
        case "SBR":
            groupNumber = segment[3].isEmpty ? nil : segment[3]
            if segment[2] == "18" { relationship = .insured }
        case "PAT":
            relationship = Self.relationship(segment[1])
        case "NM1":
            name(segment)
        case "N3":
            describe { $0.street = segment[1]; $0.street2 = segment[2] }
        case "N4":
            describe { $0.city = segment[1]; $0.state = segment[2]; $0.zip = segment[3] }
        case "DMG":
            describe { $0.dob = segment[2]; $0.sex = segment[3] }
        case "CLM":
            closeClaim()
            openClaim(segment)
        case "REF":
            reference(segment)
        case "HI":
            for position in 1...12 where !segment[position].isEmpty {
                let parts = segment.components(position)
                if parts.count > 1, ["ABK", "ABF", "BK", "BF"].contains(parts[0]) { claim?.billed.diagnoses.append(parts[1]) }
            }
        case "LX":
            claim?.billed.lines.append(BilledClaim.Line(date: nil, cpt: "", modifiers: [], units: "", charge: .zero, pointers: []))
        case "SV1":
            serviceLine(segment)
        case "DTP" where segment[1] == "472":
            let date = values.date(segment[3], at: segment.location(of: 3), name: segment.name(3), range: segment[2] == "RD8")
            updateLine { $0.date = date }
        default:
            break
        }
    }

    private mutating func name(_ segment: X12Segment) {
        describing = .nobody
        switch segment[1] {
        case "85":
            billingNPI = segment[9]
        case "IL":
            // A claim is compared by last and first name (`BilledContent`),
            // so that one sent by other software with a middle name is no
            // change of name; the whole name is kept for a void to repeat.
            subscriber.lastName = segment[3]
            subscriber.firstName = segment[4]
            subscriber.sentName = Self.sentName(segment)
            memberID = segment[9]
            describing = .subscriber
        case "QC":
            patient = patient ?? BilledClaim.Person(lastName: "", firstName: "", dob: "", sex: "")
            patient?.lastName = segment[3]
            patient?.firstName = segment[4]
            patient?.sentName = Self.sentName(segment)
            describing = .patient
        case "PR":
            payer = (segment[3], segment[9])
        case "82":
            let name = [segment[4], segment[3]].filter { !$0.isEmpty }.joined(separator: " ")
            if claim?.billed.lines.isEmpty == false {
                updateLine { $0.renderingNPI = segment[9] }
            } else {
                claim?.billed.renderingNPI = segment[9]
                claim?.billed.renderingName = name
                claim?.billed.renderingSentName = Self.sentName(segment)
            }
        default:
            break
        }
    }

    private mutating func describe(_ change: (inout BilledClaim.Person) -> Void) {
        switch describing {
        case .subscriber: change(&subscriber)
        case .patient: if patient != nil { change(&patient!) }
        case .nobody: break
        }
    }

    private mutating func openClaim(_ segment: X12Segment) {
        let id = segment[1].uppercased()
        guard !id.isEmpty else {
            values.warn(segment.location, "CLM has no claim id (CLM01); the claim is skipped", help: "CLM01 is the claim id (claim_id in claims.csv)")
            return
        }
        let parts = segment.components(5)
        let code = parts.count > 2 ? parts[2] : ""
        var frequency = SubmittedClaim.Frequency(rawValue: code) ?? .original
        if SubmittedClaim.Frequency(rawValue: code) == nil {
            values.warn(segment.location(of: 5), "claim frequency \"\(code)\" (CLM05-3) is not 1, 7 or 8; the claim is read as an original",
                        help: "CLM05-3 is 1 for an original claim, 7 for a replacement, 8 for a void")
            frequency = .original
        }
        statedTotal = values.amount(segment, 2).map { Located($0, at: segment.location(of: 2)) }
        let billed = BilledClaim(
            id: id, patient: patient ?? subscriber, subscriber: subscriber, relationship: patient == nil ? .insured : relationship,
            memberID: memberID, groupNumber: groupNumber, payerName: payer.name, payerID: payer.id, priorAuthorization: nil,
            diagnoses: [], placeOfService: parts.first ?? "", lines: [], renderingNPI: billingNPI, renderingName: "")
        claim = SubmittedClaim(billed: billed, frequency: frequency, payerClaimNumber: nil, location: segment.location,
                               groupControl: transaction.group, transactionControl: transaction.control)
    }

    private mutating func reference(_ segment: X12Segment) {
        switch segment[1] {
        case "F8": claim?.payerClaimNumber = segment[2]
        case "G1" where claim?.billed.lines.isEmpty == false: updateLine { $0.priorAuthorization = segment[2] }
        case "G1": claim?.billed.priorAuthorization = segment[2]
        default: break
        }
    }

    private mutating func serviceLine(_ segment: X12Segment) {
        let procedure = segment.components(1)
        let charge = values.amount(segment, 2) ?? .zero
        let pointers = segment.components(7).compactMap { Int($0) }
        let units = Self.units(segment[4])
        let place = segment[5].isEmpty ? nil : segment[5]
        updateLine { line in
            line.cpt = procedure.count > 1 ? procedure[1] : ""
            line.modifiers = Array(procedure.dropFirst(2)).filter { !$0.isEmpty }
            line.charge = charge
            line.units = units
            line.pointers = pointers
            line.placeOfService = place
        }
    }

    private mutating func updateLine(_ change: (inout BilledClaim.Line) -> Void) {
        guard var last = claim?.billed.lines.popLast() else { return }
        change(&last)
        claim?.billed.lines.append(last)
    }

    private mutating func closeClaim() {
        guard let open = claim else { return }
        claim = nil
        if let stated = statedTotal, stated.value != open.billed.total {
            values.warn(stated.location, "claim \"\(open.billed.id)\" states a total of \(stated.value) (CLM02) but its lines add up to \(open.billed.total)",
                        help: "a submission is kept exactly as it was sent; if it was edited, restore it from git")
        }
        if open.frequency != .original, (open.payerClaimNumber ?? "").isEmpty {
            values.warn(open.location, "the \(open.frequency.word) of claim \"\(open.billed.id)\" names no payer claim number (REF*F8)",
                        help: "a replacement or void must name the payer's claim control number; the payer rejects it otherwise")
        }
        claims.append(open)
    }

    /// NM103 to NM107 as written.
    private static func sentName(_ segment: X12Segment) -> BilledClaim.SentName {
        BilledClaim.SentName(last: segment[3], first: segment[4], middle: segment[5], suffix: segment[7])
    }

    /// SV104 without trailing zeros: `1.0` is `1`.
    static func units(_ text: String) -> String {
        guard text.contains(".") else { return text }
        var trimmed = text
        while trimmed.hasSuffix("0") { trimmed.removeLast() }
        if trimmed.hasSuffix(".") { trimmed.removeLast() }
        return trimmed
    }

    static func relationship(_ code: String) -> Claim.Relationship {
        switch code {
        case "18": return .insured
        case "01": return .spouse
        case "19": return .child
        default: return .other
        }
    }
}
