/// Reads typed values out of X12 segments, and warns (`remittance` for an
/// 835, `submission` for an 837P, `acknowledgment` for a 999 or 277CA) where
/// a value is not what the guide says, so that each reader stays about its
/// layout.
struct X12Values {
    let log: FindingLog
    var rule = RemittanceReader.rule

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
        date(segment[position], at: segment.location(of: position), name: segment.name(position))
    }

    /// A date written CCYYMMDD (the first day of a range `CCYYMMDD-CCYYMMDD`
    /// when `range`); `nil` when absent, or with a warning when it is none.
    func date(_ written: String, at location: SourceLocation, name: String, range: Bool = false) -> LocalDate? {
        let text = range ? String(written.split(separator: "-").first ?? "") : written
        guard !text.isEmpty else { return nil }
        let digits = Array(text)
        guard digits.count == 8, digits.allSatisfy(\.isASCIIDigit),
              let date = LocalDate(year: Int(String(digits[0..<4]))!, month: Int(String(digits[4..<6]))!, day: Int(String(digits[6..<8]))!) else {
            warn(location, "\(name) \"\(written)\" is not a date",
                 help: "X12 writes dates as CCYYMMDD, for example 20260327")
            return nil
        }
        return date
    }

    func warn(_ location: SourceLocation, _ message: String, help: String) {
        log.add(rule, at: location, message, help: help)
    }
}
