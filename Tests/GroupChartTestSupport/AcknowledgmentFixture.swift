import GroupChartKit

/// A small generator of the answers a clearinghouse and payers send about a
/// submission, for tests: a 999 implementation acknowledgment (005010X231A1)
/// and a 277CA claim acknowledgment (005010X214), one segment a line, laid
/// out as their guides ask (pyx12 accepts both), so that a test states only
/// what was answered.
public enum AcknowledgmentFixture {
    /// A 999 answering the group `groupControl` (GS06 of the submission) and
    /// its set `setControl`: `code` A accepts, R rejects (with an IK3 error).
    public static func implementation(groupControl: String, setControl: String = "0001", code: String = "A",
                                      date: LocalDate, control: Int) -> String {
        var body = ["AK1*HC*\(groupControl)*005010X222A1", "AK2*837*\(setControl)*005010X222A1"]
        if code == "R" { body += ["IK3*NM1*16*2010*8", "IK4*9*67*7*X"] }
        body += ["IK5*\(code)" + (code == "R" ? "*5" : ""), "AK9*\(code)*1*1*\(code == "R" ? 0 : 1)"]
        return interchange(functional: "FA", version: "005010X231A1", set: "999", body: body, date: date, control: control)
    }

    /// What a 277CA says of one claim.
    public struct Answer {
        public var claimID: String
        public var patient: (last: String, first: String)
        public var memberID: String
        /// STC01: `A2:20:PR` accepts, `A7:164:IL` rejects for an invalid member id.
        public var status: String
        /// Further STC segments of the claim's loop, after the first
        /// (`A7:33:IL` after an `A1:19:PR`).
        public var then: [String]
        /// REF*1K, the payer's claim control number (accepted claims).
        public var payerClaimNumber: String?
        public var dateOfService: LocalDate
        public var charge: Money

        public init(claimID: String, patient: (last: String, first: String) = ("DOE", "JANE"), memberID: String = "X1",
                    status: String = "A2:20:PR", then: [String] = [], payerClaimNumber: String? = nil, dateOfService: LocalDate,
                    charge: Money) {
            self.claimID = claimID
            self.then = then
            self.patient = patient
            self.memberID = memberID
            self.status = status
            self.payerClaimNumber = payerClaimNumber
            self.dateOfService = dateOfService
            self.charge = charge
        }
    }

    /// A 277CA answering `answers`, from the clearinghouse on `date`.
    public static func claims(_ answers: [Answer], date: LocalDate, control: Int, batch: String = "1") -> String {
        let day = compact(date)
        let total = answers.reduce(Money.zero) { $0 + $1.charge }
        var body = [
            "BHT*0085*08*CA\(control)*\(day)*0900*TH", "HL*1**20*1", "NM1*AY*2*EXAMPLE CLEARINGHOUSE*****46*CLEARHOUSE",
            "TRN*1*CA\(control)", "DTP*050*D8*\(day)", "DTP*009*D8*\(day)", "HL*2*1*21*1", "NM1*41*2*PRACTICE*****46*SUBMITTER",
            "TRN*2*\(batch)", "STC*A1:19:PR*\(day)*WQ*\(total)", "HL*3*2*19*1", "NM1*85*2*PRACTICE*****XX*1234567893",
            "TRN*1*SUBMITTER", "STC*A1:19:PR**WQ*\(total)",
        ]
        for (index, answer) in answers.enumerated() {
            body += ["HL*\(index + 4)*3*PT", "NM1*QC*1*\(answer.patient.last)*\(answer.patient.first)****MI*\(answer.memberID)",
                     "TRN*2*\(answer.claimID)"]
            for status in [answer.status] + answer.then {
                let rejected = ["A3", "A4", "A6", "A7", "A8"].contains(where: status.hasPrefix)
                body.append("STC*\(status)*\(day)*\(rejected ? "U" : "WQ")*\(answer.charge)")
            }
            if let number = answer.payerClaimNumber { body.append("REF*1K*\(number)") }
            body.append("DTP*472*D8*\(compact(answer.dateOfService))")
        }
        return interchange(functional: "HN", version: "005010X214", set: "277", body: body, date: date, control: control)
    }

    private static func interchange(functional: String, version: String, set: String, body: [String], date: LocalDate,
                                    control: Int) -> String {
        let day = compact(date)
        let padded = String(repeating: "0", count: max(0, 9 - String(control).count)) + String(control)
        let transaction = ["ST*\(set)*0001*\(version)"] + body + ["SE*\(body.count + 2)*0001"]
        let segments = ["ISA*00*          *00*          *ZZ*CLEARHOUSE     *ZZ*SUBMITTER      *\(day.dropFirst(2))*0900*^*00501*\(padded)*0*T*:",
                        "GS*\(functional)*CLEARHOUSE*SUBMITTER*\(day)*0900*\(control)*X*\(version)"]
            + transaction + ["GE*1*\(control)", "IEA*1*\(padded)"]
        return segments.map { $0 + "~\n" }.joined()
    }

    private static func compact(_ date: LocalDate) -> String {
        date.description.replacingOccurrences(of: "-", with: "")
    }
}
