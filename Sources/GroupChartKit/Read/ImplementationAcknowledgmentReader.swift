/// Reads a 999 (005010X231A1) of `acknowledgments/`: for each functional
/// group acknowledged (AK1) and each of its transaction sets (AK2), whether
/// it was accepted or rejected (IK5, AK9), with the segment and element
/// errors (IK3, IK4) in words. Matching it to a submission is the ledger's
/// work; what cannot be read is an `acknowledgment` warning where it stands.
enum ImplementationAcknowledgmentReader {
    static let rule = "acknowledgment"

    static func read(_ file: SourceFile, log: FindingLog) -> [ImplementationAcknowledgment] {
        let parsed = X12Parser.parse(file, expecting: .implementationAcknowledgment)
        for problem in parsed.problems { log.add(rule, at: problem.location, problem.message, help: problem.help) }
        let values = X12Values(log: log, rule: rule)
        let envelope = X12Envelope.read(parsed.segments, set: "999", noun: "a 999 implementation acknowledgment", values: values)
        return envelope.transactions.map { transaction in
            var acknowledgment = ImplementationAcknowledgment(file: file.path, date: transaction.groupDate ?? envelope.interchangeDate,
                                                              location: transaction.location, groups: [])
            for segment in transaction.segments { read(segment, into: &acknowledgment, values: values) }
            if acknowledgment.groups.isEmpty {
                values.warn(transaction.location, "this 999 acknowledges no functional group (AK1)",
                            help: "a 999 names the submission it answers in AK1*HC*<GS06 of the submission>")
            }
            return acknowledgment
        }
    }

    private static func read(_ segment: X12Segment, into acknowledgment: inout ImplementationAcknowledgment, values: X12Values) {
        switch segment.id {
        case "AK1":
            acknowledgment.groups.append(.init(groupControl: Located(segment[2], at: segment.location(of: 2)), code: nil, sets: []))
        case "AK2":
            guard !acknowledgment.groups.isEmpty else { return outside(segment, values) }
            acknowledgment.groups[acknowledgment.groups.count - 1].sets.append(
                .init(transactionControl: Located(segment[2], at: segment.location(of: 2)), code: nil, errors: []))
        case "IK3":
            let code = segment[4]
            let place = [segment[1].isEmpty ? nil : "segment \(segment[1])", segment[2].isEmpty ? nil : "at position \(segment[2])",
                         segment[3].isEmpty ? nil : "in loop \(segment[3])"].compactMap { $0 }.joined(separator: " ")
            addError("\(place): \(StatusCodes.word(code, in: StatusCodes.segmentErrors, list: "implementation segment syntax error"))",
                     to: &acknowledgment, segment: segment, values: values)
        case "IK4":
            let element = segment.components(1).joined(separator: "-")
            let value = segment[4].isEmpty ? "" : " (\"\(segment[4])\")"
            addError("element \(element)\(value): \(StatusCodes.word(segment[3], in: StatusCodes.elementErrors, list: "implementation data element syntax error"))",
                     to: &acknowledgment, segment: segment, values: values)
        case "IK5":
            guard var group = acknowledgment.groups.popLast(), !group.sets.isEmpty else { return outside(segment, values) }
            group.sets[group.sets.count - 1].code = Located(segment[1], at: segment.location(of: 1))
            for position in 2...6 where !segment[position].isEmpty {
                group.sets[group.sets.count - 1].errors.append(
                    StatusCodes.word(segment[position], in: StatusCodes.setErrors, list: "transaction set syntax error"))
            }
            acknowledgment.groups.append(group)
            checkCode(segment, values: values)
        case "AK9":
            guard !acknowledgment.groups.isEmpty else { return outside(segment, values) }
            acknowledgment.groups[acknowledgment.groups.count - 1].code = Located(segment[1], at: segment.location(of: 1))
            checkCode(segment, values: values)
        default:
            break
        }
    }

    private static func addError(_ text: String, to acknowledgment: inout ImplementationAcknowledgment, segment: X12Segment, values: X12Values) {
        guard var group = acknowledgment.groups.popLast(), !group.sets.isEmpty else { return outside(segment, values) }
        group.sets[group.sets.count - 1].errors.append(text)
        acknowledgment.groups.append(group)
    }

    private static func checkCode(_ segment: X12Segment, values: X12Values) {
        if StatusCodes.acknowledgmentCodes[segment[1]] == nil {
            values.warn(segment.location(of: 1), "\(segment.name(1)) \"\(segment[1])\" is not an acknowledgment code",
                        help: "\(segment.name(1)) is A (accepted), E (accepted with errors), P (partially accepted) or R, M, W, X (rejected)")
        }
    }

    private static func outside(_ segment: X12Segment, _ values: X12Values) {
        values.warn(segment.location, "\(segment.id) stands before the AK1 or AK2 it belongs to and is ignored",
                    help: "a 999 lists AK1 (the group), then for each set AK2, its IK3 and IK4 errors and IK5, then AK9")
    }
}
