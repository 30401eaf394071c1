/// Reads a 277CA (005010X214) of `acknowledgments/`: each claim the payer or
/// clearinghouse answers in a patient loop (HL level PT, loop 2200D), by the
/// claim id it repeats in TRN02, with its statuses (STC), the payer's claim
/// control number (REF*1K) and the charge it read. A status of the
/// receiver's or provider's level (2200B, 2200C) describes the whole file or
/// that provider's part of it: one that rejects with no claim loop beneath
/// it is kept (`ClaimAcknowledgment.ScopeRejection`), any other is read past.
/// An unknown status category or a claim without its id is an
/// `acknowledgment` warning where it stands.
enum ClaimAcknowledgmentReader {
    static let rule = "acknowledgment"

    static func read(_ file: SourceFile, log: FindingLog) -> [ClaimAcknowledgment] {
        let parsed = X12Parser.parse(file, expecting: .claimAcknowledgment)
        for problem in parsed.problems { log.add(rule, at: problem.location, problem.message, help: problem.help) }
        let values = X12Values(log: log, rule: rule)
        let envelope = X12Envelope.read(parsed.segments, set: "277", noun: "a 277CA claim acknowledgment", values: values)
        return envelope.transactions.map { transaction in
            var date = transaction.groupDate ?? envelope.interchangeDate
            var claims: [ClaimStatusReport] = []
            var level = ""
            var claimID: Located<String>?
            /// The report of the claim loop being read, once its first STC is.
            var current: Int?
            var scopes: [(rejection: ClaimAcknowledgment.ScopeRejection, listsClaims: Bool)] = []
            /// The rejections of the receiver's and the provider's loops being read.
            var receiverScope: Int?, providerScope: Int?
            var receiverTrace: Located<String>?, provider: (qualifier: String, id: String)?
            for segment in transaction.segments {
                switch segment.id {
                case "BHT":
                    date = values.date(segment, 4) ?? date
                case "HL":
                    level = segment[3]
                    claimID = nil
                    current = nil
                    switch level {
                    case "21": (receiverScope, providerScope, receiverTrace, provider) = (nil, nil, nil, nil)
                    case "19": (providerScope, provider) = (nil, nil)
                    case "PT": for scope in [receiverScope, providerScope].compactMap({ $0 }) { scopes[scope].listsClaims = true }
                    default: break
                    }
                case "TRN" where level == "21":
                    receiverTrace = segment[2].isEmpty ? nil : Located(segment[2], at: segment.location(of: 2))
                case "NM1" where level == "19" && segment[1] == "85":
                    provider = segment[9].isEmpty ? nil : (segment[8].uppercased(), segment[9])
                case "STC" where level == "21" || level == "19":
                    let statuses = codes(segment)
                    guard statuses.contains(where: { StatusCodes.categories[$0.category]?.effect == .rejected }) else { continue }
                    let rejection = ClaimAcknowledgment.ScopeRejection(trace: receiverTrace, providerLevel: level == "19",
                                                                       providerQualifier: level == "19" ? provider?.qualifier : nil,
                                                                       providerID: level == "19" ? provider?.id : nil,
                                                                       statuses: statuses, date: values.date(segment, 2) ?? date,
                                                                       location: segment.location)
                    if level == "21" { receiverScope = scopes.count } else { providerScope = scopes.count }
                    scopes.append((rejection, false))
                case "TRN" where level == "PT":
                    claimID = segment[2].isEmpty ? nil : Located(segment[2].uppercased(), at: segment.location(of: 2))
                    current = nil
                    if claimID == nil {
                        values.warn(segment.location, "the claim's TRN has no claim id (TRN02)", help: "TRN02 of loop 2200D repeats CLM01, the claim id")
                    }
                case "STC" where level == "PT":
                    guard let report = status(segment, claimID: claimID, date: date, values: values) else { continue }
                    if let current {
                        claims[current].statuses += report.statuses
                    } else {
                        current = claims.count
                        claims.append(report)
                    }
                case "REF" where level == "PT" && segment[1] == "1K":
                    if let current { claims[current].payerClaimNumber = segment[2] }
                    if !segment[2].isEmpty, !PayerClaimNumber.isSendable(segment[2]) {
                        values.warn(segment.location(of: 2), "payer claim control number \"\(segment[2])\" (REF02) holds a character "
                                    + "an 837P cannot carry (a separator * : ^ ~, or no ASCII form)", help: PayerClaimNumber.unsendableHelp)
                    }
                default:
                    break
                }
            }
            return ClaimAcknowledgment(file: file.path, date: date, location: transaction.location, claims: claims,
                                       isTest: envelope.testIndicator != nil,
                                       scopeRejections: scopes.filter { !$0.listsClaims }.map(\.rejection))
        }
    }

    private static func status(_ segment: X12Segment, claimID: Located<String>?, date: LocalDate?,
                               values: X12Values) -> ClaimStatusReport? {
        guard let claimID else {
            values.warn(segment.location, "STC names no claim: no TRN with the claim id stands before it", help: "a 277CA gives TRN*2*<claim id> before the claim's STC")
            return nil
        }
        let statuses = codes(segment) { position, category in
            values.warn(segment.location(of: position), "\"\(category)\" in \(segment.name(position)) is not a claim status category this version knows",
                        help: "a 277CA answers with A1 (received), A2 (accepted), A3, A4, A6, A7 or A8 (rejected); the claim's status is left as it was")
        }
        return ClaimStatusReport(claimID: claimID, statuses: statuses, payerClaimNumber: nil,
                                 date: values.date(segment, 2) ?? date, amount: segment[4].isEmpty ? nil : values.amount(segment, 4),
                                 location: segment.location)
    }

    /// The status composites of an STC (STC01, then STC10 and STC11 when
    /// present); `unknown` is told of each category this version does not know.
    private static func codes(_ segment: X12Segment, unknown: (Int, String) -> Void = { _, _ in }) -> [ClaimStatusCode] {
        [1, 10, 11].compactMap { position -> ClaimStatusCode? in
            let parts = segment.components(position)
            guard let category = parts.first, !category.isEmpty else { return nil }
            if StatusCodes.categories[category] == nil { unknown(position, category) }
            return ClaimStatusCode(category: category, status: parts.count > 1 ? parts[1] : "", entity: parts.count > 2 ? parts[2] : "")
        }
    }
}
