import GroupChartKit

/// A small generator of 835 remittances for tests: one interchange (ISA to
/// IEA, fixed-width ISA, one segment a line) with one payment and its
/// claims, laid out as 005010X221A1 asks (pyx12 accepts it), so that a test
/// states only what the payer decided.
public struct RemittanceFixture {
    public struct Claim {
        public var id: String
        /// CLP02: 1 processed as primary, 4 denied, 22 reversal.
        public var status: String
        public var billed: Money
        public var paid: Money
        /// CAS group, reason code and amount, on the service line.
        public var adjustments: [(group: String, reason: String, amount: Money)]
        /// CLP07, which a reversal repeats.
        public var payerClaimNumber: String
        public var patient: (last: String, first: String)
        public var dateOfService: LocalDate
        /// Remark codes of the claim (MOA03...) and of its service line (LQ*HE).
        public var claimRemarks: [String]
        public var lineRemarks: [String]
        /// NM1*TT: the payer a crossover (CLP02 19) forwarded the claim to.
        public var forwardedTo: String?
        /// CLP09: the frequency of the claim as the payer read it (1 original, 7 replacement).
        public var frequency: String

        public init(id: String, status: String = "1", billed: Money, paid: Money,
                    adjustments: [(group: String, reason: String, amount: Money)] = [], payerClaimNumber: String,
                    patient: (last: String, first: String) = ("DOE", "JANE"), dateOfService: LocalDate,
                    claimRemarks: [String] = [], lineRemarks: [String] = [], forwardedTo: String? = nil, frequency: String = "1") {
            self.id = id
            self.frequency = frequency
            self.forwardedTo = forwardedTo
            self.status = status
            self.billed = billed
            self.paid = paid
            self.adjustments = adjustments
            self.payerClaimNumber = payerClaimNumber
            self.patient = patient
            self.dateOfService = dateOfService
            self.claimRemarks = claimRemarks
            self.lineRemarks = lineRemarks
        }
    }

    public var payer: String
    /// TRN02: the EFT trace number.
    public var trace: String
    /// DTM*405, the production date.
    public var date: LocalDate
    /// BPR16, the payment's effective date; `date` when `nil`.
    public var paymentDate: LocalDate?
    public var claims: [Claim]
    /// TRN03: who paid (a payer's own id, 1 and its TIN).
    public var originator: String
    /// N1*PE's NPI: the provider paid.
    public var payeeNPI = "1234567893"

    public init(payer: String = "AETNA", trace: String, date: LocalDate, paymentDate: LocalDate? = nil, claims: [Claim],
                originator: String = "1060054000") {
        self.payer = payer
        self.paymentDate = paymentDate
        self.originator = originator
        self.trace = trace
        self.date = date
        self.claims = claims
    }

    /// The file's text.
    public var text: String {
        let day = date.description.replacingOccurrences(of: "-", with: "")
        let number = max(1, Int(String(trace.filter(\.isNumber).suffix(9))) ?? 1)
        let control = String(repeating: "0", count: 9 - String(number).count) + String(number)
        let total = claims.reduce(Money.zero) { $0 + $1.paid }
        let effective = (paymentDate ?? date).description.replacingOccurrences(of: "-", with: "")
        var body = [
            "BPR*I*\(total)*C*ACH*CCP*01*121000358*DA*0001234567*1060054000**01*121000248*DA*4455667788*\(effective)",
            "TRN*1*\(trace)*\(originator)", "DTM*405*\(day)", "N1*PR*\(payer)", "N3*PO BOX 14079", "N4*LEXINGTON*KY*405124079",
            "PER*BL*PROVIDER SERVICES*TE*8005550199", "N1*PE*FIXTURE COUNSELING*XX*\(payeeNPI)", "REF*TJ*123456789", "LX*1",
        ]
        for claim in claims {
            let service = claim.dateOfService.description.replacingOccurrences(of: "-", with: "")
            let owed = claim.adjustments.filter { $0.group == "PR" }.reduce(Money.zero) { $0 + $1.amount }
            body += [
                "CLP*\(claim.id)*\(claim.status)*\(claim.billed)*\(claim.paid)*\(owed == .zero ? "" : owed.description)*12*\(claim.payerClaimNumber)*11*\(claim.frequency)",
                "NM1*QC*1*\(claim.patient.last)*\(claim.patient.first)****MI*AET0001",
            ]
            if let next = claim.forwardedTo { body.append("NM1*TT*2*\(next)*****PI*610442") }
            if !claim.claimRemarks.isEmpty { body.append((["MOA", "", ""] + claim.claimRemarks.prefix(5)).joined(separator: "*")) }
            body += ["SVC*HC:90853*\(claim.billed)*\(claim.paid)**1", "DTM*472*\(service)"]
            body += claim.adjustments.map { "CAS*\($0.group)*\($0.reason)*\($0.amount)" }
            body += claim.lineRemarks.map { "LQ*HE*\($0)" }
        }
        let transaction = ["ST*835*0001"] + body + ["SE*\(body.count + 2)*0001"]
        let isa = "ISA*00*          *00*          *ZZ*AETNA60054     *ZZ*FIXTURE01      *\(day.dropFirst(2))*1200*^*00501*\(control)*0*T*:"
        let segments = [isa, "GS*HP*AETNA60054*FIXTURE01*\(day)*1200*\(number)*X*005010X221A1"] + transaction
            + ["GE*1*\(number)", "IEA*1*\(control)"]
        return segments.map { $0 + "~\n" }.joined()
    }
}
