/// Reads an 835 into remittances: the model stage of `remittances/*.835`.
///
/// It follows the 005010X221A1 layout as far as reimbursement needs it (the
/// payment in BPR and TRN, provider adjustments in PLB, each claim in CLP
/// with the CAS adjustments of the claim and of its service lines, their
/// remark codes in MOA and LQ, the patient's name in NM1*QC for messages)
/// and tolerates the rest. Real files are not always guide-perfect: a
/// segment out of place, an amount or date that is none, an unknown status or
/// group code, a claim that does not balance, a payment that is not the sum
/// of its claims, a wrong SE count are each a `remittance` warning where they
/// stand, and reading goes on. Nothing in an 835 stops a build.
struct RemittanceReader {
    static let rule = "remittance"
    /// The segments of the 835 guide; any other is named in a warning.
    static let knownSegments: Set<String> = [
        "ISA", "GS", "ST", "BPR", "TRN", "CUR", "REF", "DTM", "N1", "N2", "N3", "N4", "PER", "RDM", "LX", "TS3", "TS2",
        "CLP", "CAS", "NM1", "MIA", "MOA", "AMT", "QTY", "SVC", "LQ", "PLB", "SE", "GE", "IEA",
    ]
    /// CLP02 codes of the guide.
    static let statuses: Set<String> = ["1", "2", "3", "4", "19", "20", "21", "22", "23", "25"]
    static let groups: Set<String> = ["CO", "CR", "OA", "PI", "PR"]

    private let file: SourceFile
    private let values: X12Values
    private var remittances: [Remittance] = []
    /// The transaction being read, from its ST.
    private var current: Remittance?
    /// Inside a transaction that is no 835 (read past up to its SE).
    private var skipping = false
    private var segmentCount = 0
    private var transactionStart: SourceLocation?
    private var paymentDate: LocalDate?
    private var productionDate: LocalDate?
    /// Where the transaction's BPR stands, for a warning about its date.
    private var paymentSegment: SourceLocation?
    /// GS04 and ISA09: the date of a payment that gives none of its own.
    private var groupDate: LocalDate?
    private var interchangeDate: LocalDate?
    /// BPR02 as written, and the provider-level adjustments (PLB) it nets.
    private var payment: Located<Money>?
    private var providerAdjustments = Money.zero
    /// The claim being read, with CLP05 as written.
    private var claim: (value: RemittanceClaim, statedResponsibility: Located<Money>?)?
    /// After a CLP that could not be read, its CAS and NM1 are passed over quietly.
    private var inUnreadClaim = false
    /// The claim's service lines read so far (SVC, and the CAS after it):
    /// each must balance, and together pay what the claim pays.
    private var serviceLines: [ServiceLine] = []
    /// The claim's adjustments before its first SVC (claim level).
    private var claimLevelAdjusted = Money.zero

    private struct ServiceLine {
        var location: SourceLocation
        var code: String
        var charged: Money
        var paid: Money
        var adjusted = Money.zero
    }

    /// Every payment of `file`, in the order of the file.
    static func read(_ file: SourceFile, log: FindingLog) -> [Remittance] {
        let parsed = X12Parser.parse(file)
        for problem in parsed.problems { log.add(rule, at: problem.location, problem.message, help: problem.help) }
        var reader = RemittanceReader(file: file, log: log)
        for segment in parsed.segments { reader.read(segment) }
        if let start = reader.transactionStart, let last = parsed.segments.last {
            reader.values.warn(last.location, "the file ends inside the transaction that starts on line \(start.line), without its SE",
                               help: "the file may be cut short; ask the payer or clearinghouse to send it again")
            reader.closeTransaction()
        }
        return reader.remittances
    }

    private init(file: SourceFile, log: FindingLog) {
        self.file = file
        values = X12Values(log: log)
    }

    private mutating func read(_ segment: X12Segment) {
        if transactionStart != nil { segmentCount += 1 }
        switch segment.id {
        case "ST":
            open(segment)
        case "SE":
            close(segment)
        case "ISA", "GS", "GE", "IEA":
            if let start = transactionStart {
                values.warn(segment.location, "\(segment.id) before the SE of the transaction that starts on line \(start.line)",
                            help: "each transaction ends with SE; the file may have been cut or joined by hand")
                closeTransaction()
            }
            if segment.id == "ISA" { interchangeDate = X12Envelope.shortDate(segment[9]) }
            if segment.id == "GS" { groupDate = values.date(segment, 4) }
            if segment.id == "GS", segment[1] != "HP" {
                values.warn(segment.location(of: 1), "functional group \"\(segment[1])\" is not HP (health care claim payment): its transactions are no 835",
                            help: "keep only 835 remittances in remittances/")
            }
        default:
            guard !skipping else { return }
            guard current != nil else {
                values.warn(segment.location, "segment \(segment.id) stands outside a transaction (ST to SE) and is ignored",
                            help: "an 835 holds its segments between ST*835 and SE")
                return
            }
            readBody(segment)
        }
    }

    private mutating func readBody(_ segment: X12Segment) {
        switch segment.id {
        case "BPR":
            payment = values.amount(segment, 2).map { Located($0, at: segment.location(of: 2)) }
            paymentDate = values.date(segment, 16)
            paymentSegment = segment.location
        case "TRN" where current?.traceNumber == nil:
            if segment[2].isEmpty {
                values.warn(segment.location, "TRN has no trace number (TRN02)", help: "TRN02 is the check or EFT number that identifies the payment")
            } else {
                current?.traceNumber = segment[2]
                current?.originator = segment[3]
            }
        case "N1" where segment[1] == "PE" && segment[3] == "XX" && claim == nil && current?.payeeNPI == nil:
            current?.payeeNPI = Located(segment[4], at: segment.location(of: 4))
        case "DTM" where segment[1] == "405" && claim == nil:
            productionDate = values.date(segment, 2)
        case "PLB":
            closeClaim()
            for position in stride(from: 4, through: 14, by: 2) where !segment[position].isEmpty {
                let amount = values.amount(segment, position) ?? .zero
                providerAdjustments = providerAdjustments + amount
                // PLB03-1 the reason, PLB03-2 the reference (of the adjustment whose amount follows).
                let identifier = segment.components(position - 1)
                if let reason = identifier.first?.uppercased(), Remittance.Recovery.reasons.contains(reason), amount > .zero {
                    current?.recoveries.append(.init(reason: reason, reference: identifier.count > 1 ? identifier[1] : "",
                                                     amount: amount, location: segment.location(of: position)))
                }
            }
        case "CLP":
            closeClaim()
            openClaim(segment)
        case "CAS":
            adjust(segment)
        case "SVC" where claim != nil:
            // A line without amounts (a code bundled into another line) has nothing to balance.
            if !segment[2].isEmpty, !segment[3].isEmpty, let charged = values.amount(segment, 2), let paid = values.amount(segment, 3) {
                // SVC01 is a composite, HC:90853: the code after the qualifier, whatever separates them.
                let code = segment[1].split { !$0.isLetter && !$0.isNumber }.dropFirst().first.map(String.init) ?? segment[1]
                serviceLines.append(ServiceLine(location: segment.location, code: code, charged: charged, paid: paid))
            }
        case "MOA" where claim != nil:
            // MOA01 and MOA02 are amounts; MOA03 to MOA07 the claim's remark codes.
            for position in 3...7 { remark(segment[position]) }
        case "LQ" where claim != nil:
            // LQ01 HE: a remark code (RX is a pharmacy reject code, not one).
            if segment[1] == "HE" { remark(segment[2]) }
        case "NM1" where segment[1] == "QC":
            claim?.value.patientName = [segment[4], segment[3]].filter { !$0.isEmpty }.joined(separator: " ")
        case "NM1" where segment[1] == "TT":
            claim?.value.forwardedTo = segment[3].isEmpty ? nil : segment[3]
        default:
            if !Self.knownSegments.contains(segment.id) {
                values.warn(segment.location, "segment \(segment.id) is not part of an 835 (005010X221A1) and is ignored",
                            help: "check the file is the 835 the payer sent, unedited")
            }
        }
    }

    private mutating func open(_ segment: X12Segment) {
        if let start = transactionStart {
            values.warn(segment.location, "ST before the SE of the transaction that starts on line \(start.line)",
                        help: "each transaction ends with SE; the file may have been cut or joined by hand")
            closeTransaction()
        }
        transactionStart = segment.location
        segmentCount = 1
        guard segment[1] == "835" else {
            values.warn(segment.location(of: 1), "transaction set \"\(segment[1])\" is not an 835 remittance and is skipped",
                        help: "keep only 835 remittances in remittances/")
            skipping = true
            return
        }
        current = Remittance(file: file.path, location: segment.location, claims: [])
    }

    private mutating func close(_ segment: X12Segment) {
        guard transactionStart != nil else {
            values.warn(segment.location, "SE closes no transaction (no ST before it)", help: "each transaction starts with ST and ends with SE")
            return
        }
        closeClaim()
        if let count = Int(segment[1]), count != segmentCount {
            values.warn(segment.location(of: 1), "SE01 counts \(count) segments but the transaction has \(segmentCount)",
                        help: "the file may have been edited or cut; ask the payer or clearinghouse for the original")
        }
        closeTransaction()
    }

    private mutating func closeTransaction() {
        closeClaim()
        if var remittance = current {
            if remittance.traceNumber == nil {
                values.warn(remittance.location, "the payment has no trace number (TRN02), so a second copy of it cannot be told apart",
                            help: "an 835 names its check or EFT in TRN*1*<trace number>*<payer id>")
            }
            let claims = remittance.claims.reduce(Money.zero) { $0 + $1.paid }
            if let payment, payment.value != claims - providerAdjustments {
                let netted = providerAdjustments == .zero ? "" : " less \(providerAdjustments) of provider adjustments (PLB)"
                values.warn(payment.location, "the payment of \(payment.value) (BPR02) is not what its claims add up to: \(claims)\(netted)",
                            help: "the file may be cut short or hold a claim GroupChart could not read; check the warnings above it")
            }
            remittance.total = payment?.value
            // The production date first: when the payer issued the advice. The
            // effective date of its EFT (BPR16) may come days later, after a
            // correction was sent and rejected, and would put the payment after
            // that rejection, which it then seemed to end.
            remittance.date = productionDate ?? paymentDate ?? undated(remittance)
            remittances.append(remittance)
        }
        current = nil
        inUnreadClaim = false
        skipping = false
        transactionStart = nil
        paymentDate = nil
        productionDate = nil
        paymentSegment = nil
        payment = nil
        providerAdjustments = .zero
    }

    /// The date of a payment whose 835 gives none (no BPR16, no DTM*405):
    /// the file's own (GS04, else ISA09), with a warning. Without any, the
    /// payment would be taken as the earliest event of its claims, before
    /// the submission it answers, and leave them `submitted`.
    private func undated(_ remittance: Remittance) -> LocalDate? {
        let fallback = groupDate.map { ($0, "GS04") } ?? interchangeDate.map { ($0, "ISA09") }
        values.warn(paymentSegment ?? remittance.location,
                    "the payment has no date (BPR16, or DTM*405)" + (fallback.map { "; the file's date \($0.0) (\($0.1)) is used" }
                        ?? " and neither has the file (GS04, ISA09); it is taken as the earliest answer to its claims"),
                    help: "an 835 dates its payment in BPR16; check the file is the one the payer sent, unedited")
        return fallback?.0
    }

    private mutating func openClaim(_ segment: X12Segment) {
        inUnreadClaim = true
        let id = segment[1].uppercased()
        guard !id.isEmpty else {
            values.warn(segment.location, "CLP has no claim id (CLP01); the claim is skipped", help: "CLP01 repeats the claim id the practice sent (CLM01)")
            return
        }
        let status = Located(segment[2], at: segment.location(of: 2))
        if !Self.statuses.contains(status.value) {
            values.warn(status.location, "claim status \"\(status.value)\" is not a CLP02 code; the claim is read as processed",
                        help: "CLP02 is 1, 2 or 3 (processed as primary, secondary, tertiary), 4 (denied), 22 (reversal)...")
        }
        guard let billed = values.amount(segment, 3), let paid = values.amount(segment, 4) else { return }
        let stated = segment[5].isEmpty ? nil : values.amount(segment, 5).map { Located($0, at: segment.location(of: 5)) }
        if segment[7].isEmpty {
            values.warn(segment.location(of: 1), "claim \"\(id)\" has no payer claim control number (CLP07)",
                        help: "CLP07 tells a reversal which payment it takes back; without it the latest payment is reversed")
        } else if !PayerClaimNumber.isSendable(segment[7]) {
            values.warn(segment.location(of: 7), "payer claim control number \"\(segment[7])\" (CLP07) holds a character an 837P cannot carry "
                        + "(a separator * : ^ ~, or no ASCII form)", help: PayerClaimNumber.unsendableHelp)
        }
        inUnreadClaim = false
        claim = (RemittanceClaim(claimID: Located(id, at: segment.location(of: 1)), status: status, billed: billed, paid: paid,
                                 patientResponsibility: stated?.value ?? .zero, payerClaimNumber: segment[7],
                                 frequency: ["1", "7", "8"].contains(segment[9]) ? segment[9] : nil, adjustments: []), stated)
    }

    /// Keeps a remark code of the open claim once, upper-cased.
    private mutating func remark(_ code: String) {
        let code = code.uppercased()
        guard !code.isEmpty, claim?.value.remarks.contains(code) == false else { return }
        claim?.value.remarks.append(code)
    }

    private mutating func adjust(_ segment: X12Segment) {
        guard claim != nil else {
            if !inUnreadClaim {
                values.warn(segment.location, "CAS before any CLP belongs to no claim and is ignored", help: "adjustments follow the CLP or SVC they adjust")
            }
            return
        }
        let group = segment[1]
        if !Self.groups.contains(group) {
            values.warn(segment.location(of: 1), "adjustment group \"\(group)\" is not CO, PR, OA, PI or CR",
                        help: "CAS01 says who bears the adjustment: CO the practice, PR the member, OA and PI other adjustments by the payer")
        }
        for position in stride(from: 2, through: 17, by: 3) where !segment[position].isEmpty {
            guard let amount = values.amount(segment, position + 1) else { continue }
            claim?.value.adjustments.append(ClaimAdjustment(group: group, reason: segment[position], amount: amount))
            if serviceLines.isEmpty {
                claimLevelAdjusted = claimLevelAdjusted + amount
            } else {
                serviceLines[serviceLines.count - 1].adjusted = serviceLines[serviceLines.count - 1].adjusted + amount
            }
        }
    }

    /// Keeps the claim read, after checking that it balances (what the
    /// guide requires: the charge less every adjustment is the payment).
    private mutating func closeClaim() {
        guard let open = claim else { return }
        claim = nil
        defer { serviceLines = []; claimLevelAdjusted = .zero }
        var value = open.value
        let stated = open.statedResponsibility
        let responsibility = value.adjustments.filter { $0.group == "PR" }.reduce(Money.zero) { $0 + $1.amount }
        if let stated, stated.value != responsibility {
            values.warn(stated.location, "patient responsibility \(stated.value) (CLP05) differs from the PR adjustments, \(responsibility); \(stated.value) is used",
                        help: "the 835 may lack a CAS*PR segment; check the payer's paper remittance")
        } else if stated == nil {
            value.patientResponsibility = responsibility
        }
        let adjusted = value.adjustments.reduce(Money.zero) { $0 + $1.amount }
        if value.billed - adjusted != value.paid {
            values.warn(value.claimID.location, "claim \"\(value.claimID.value)\" does not balance: \(value.billed) charged less \(adjusted) adjusted is \(value.billed - adjusted), but \(value.paid) was paid",
                        help: "the 835 may lack a CAS segment; check the payer's paper remittance")
        }
        // The lines say what each code was paid; a line that does not
        // balance, or lines that pay other than the claim, leave what was
        // paid for which service in doubt.
        for line in serviceLines where line.charged - line.adjusted != line.paid {
            values.warn(line.location, "service line \(line.code) does not balance: \(line.charged) charged less \(line.adjusted) adjusted "
                            + "is \(line.charged - line.adjusted), but \(line.paid) was paid",
                        help: "the 835 may lack a CAS segment for the line; check the payer's paper remittance")
        }
        // CLP04 is what the lines pay less the claim-level adjustments.
        let linesPaid = serviceLines.reduce(Money.zero) { $0 + $1.paid }
        if !serviceLines.isEmpty, linesPaid - claimLevelAdjusted != value.paid {
            let less = claimLevelAdjusted == .zero ? "" : " (\(linesPaid - claimLevelAdjusted) less the claim's own adjustments)"
            values.warn(value.claimID.location, "the service lines of claim \"\(value.claimID.value)\" pay \(linesPaid) in all\(less), but the claim "
                            + "(CLP04) pays \(value.paid); \(value.paid) is used",
                        help: "ask the payer which is right; check its paper remittance")
        }
        current?.claims.append(value)
    }
}
