/// Reads typed values out of 835 segments, and warns (`remittance`) where a
/// value is not what the guide says, so that the reader stays about the
/// layout.
struct X12Values {
    let log: FindingLog

    /// An amount (data element type R), or `nil` with a warning.
    func amount(_ segment: X12Segment, _ position: Int) -> Money? {
        let text = segment[position]
        guard let money = Money.parseX12(text) else {
            warn(segment.location(of: position),
                 text.isEmpty ? "\(segment.name(position)) has no amount" : "\(segment.name(position)) \"\(text)\" is not an amount",
                 help: "X12 amounts are digits with at most two decimals and an optional leading minus, for example -65.00")
            return nil
        }
        return money
    }

    /// A date written CCYYMMDD; `nil` when absent, or with a warning when it is none.
    func date(_ segment: X12Segment, _ position: Int) -> LocalDate? {
        let text = segment[position]
        guard !text.isEmpty else { return nil }
        let digits = Array(text)
        guard digits.count == 8, digits.allSatisfy(\.isASCIIDigit),
              let date = LocalDate(year: Int(String(digits[0..<4]))!, month: Int(String(digits[4..<6]))!, day: Int(String(digits[6..<8]))!) else {
            warn(segment.location(of: position), "\(segment.name(position)) \"\(text)\" is not a date",
                 help: "X12 writes dates as CCYYMMDD, for example 20260327")
            return nil
        }
        return date
    }

    func warn(_ location: SourceLocation, _ message: String, help: String) {
        log.add(RemittanceReader.rule, at: location, message, help: help)
    }
}
