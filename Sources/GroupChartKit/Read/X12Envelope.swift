/// The envelopes of an X12 file (ISA, GS, ST to SE) around the transaction
/// sets a reader wants: each set of the expected kind with its segments and
/// the control numbers and dates around it. What is odd about the envelopes
/// (a segment outside any set, a set cut short, a wrong segment count, a set
/// of another kind) is a warning where it stands, and reading goes on.
struct X12Envelope {
    struct Transaction {
        /// ST02.
        var control: String
        /// From ST to SE, both included.
        var segments: [X12Segment]
        /// The ST segment.
        var location: SourceLocation
        /// GS06 and GS04 of the group around it.
        var groupControl: String
        var groupDate: LocalDate?
    }

    /// ISA13 as written, with its place.
    var interchangeControl: Located<String>?
    /// ISA09 (YYMMDD, read as 20YY).
    var interchangeDate: LocalDate?
    /// Where ISA15 says `T`: a test interchange, which a clearinghouse
    /// checks and sends to no payer.
    var testIndicator: SourceLocation?
    /// The GS06 of every group, in order.
    var groupControls: [String] = []
    /// The sets of the expected kind.
    var transactions: [Transaction] = []

    /// Reads the envelopes of `segments`, keeping the sets whose ST01 is
    /// `set` and warning, through `values`, of the rest.
    static func read(_ segments: [X12Segment], set: String, noun: String, values: X12Values) -> X12Envelope {
        var envelope = X12Envelope()
        var open: Transaction?
        var skipping: SourceLocation?
        var groupControl = ""
        var groupDate: LocalDate?
        for segment in segments {
            switch segment.id {
            case "ISA":
                // The first interchange's test indicator, as its control number: a file joined from several goes by its first.
                if envelope.interchangeControl == nil, segment[15] == "T" { envelope.testIndicator = segment.location(of: 15) }
                envelope.interchangeControl = envelope.interchangeControl ?? Located(segment[13], at: segment.location(of: 13))
                envelope.interchangeDate = envelope.interchangeDate ?? shortDate(segment[9])
            case "GS":
                groupControl = segment[6]
                groupDate = values.date(segment, 4)
                envelope.groupControls.append(groupControl)
            case "ST":
                if let start = open?.location ?? skipping {
                    values.warn(segment.location, "ST before the SE of the transaction that starts on line \(start.line)",
                                help: "each transaction ends with SE; the file may have been cut or joined by hand")
                    if let transaction = open { envelope.transactions.append(transaction) }
                }
                open = nil
                skipping = nil
                if segment[1] == set {
                    open = Transaction(control: segment[2], segments: [segment], location: segment.location,
                                       groupControl: groupControl, groupDate: groupDate)
                } else {
                    values.warn(segment.location(of: 1), "transaction set \"\(segment[1])\" is not \(noun) and is skipped",
                                help: "keep each kind of X12 file in its own folder: 837P in submissions/, 999 and 277CA in acknowledgments/, 835 in remittances/")
                    skipping = segment.location
                }
            case "SE":
                if var transaction = open {
                    transaction.segments.append(segment)
                    if let count = Int(segment[1]), count != transaction.segments.count {
                        values.warn(segment.location(of: 1), "SE01 counts \(count) segments but the transaction has \(transaction.segments.count)",
                                    help: "the file may have been edited or cut; keep it exactly as it was sent or received")
                    }
                    envelope.transactions.append(transaction)
                } else if skipping == nil {
                    values.warn(segment.location, "SE closes no transaction (no ST before it)", help: "each transaction starts with ST and ends with SE")
                }
                open = nil
                skipping = nil
            case "GE", "IEA":
                if let transaction = open {
                    values.warn(segment.location, "\(segment.id) before the SE of the transaction that starts on line \(transaction.location.line)",
                                help: "each transaction ends with SE; the file may have been cut or joined by hand")
                    envelope.transactions.append(transaction)
                    open = nil
                }
            default:
                if open != nil {
                    open?.segments.append(segment)
                } else if skipping == nil {
                    values.warn(segment.location, "segment \(segment.id) stands outside a transaction (ST to SE) and is ignored",
                                help: "an X12 file holds its segments between ST and SE")
                }
            }
        }
        if let transaction = open {
            values.warn(transaction.segments.last?.location ?? transaction.location,
                        "the file ends inside the transaction that starts on line \(transaction.location.line), without its SE",
                        help: "the file may be cut short; find the whole file")
            envelope.transactions.append(transaction)
        }
        return envelope
    }

    /// ISA09 `YYMMDD` as 20YY-MM-DD; `nil` when it is no date.
    static func shortDate(_ text: String) -> LocalDate? {
        let digits = Array(text)
        guard digits.count == 6, digits.allSatisfy(\.isASCIIDigit) else { return nil }
        return LocalDate(year: 2000 + Int(String(digits[0..<2]))!, month: Int(String(digits[2..<4]))!, day: Int(String(digits[4..<6]))!)
    }

    /// The date a file's name begins with (`2026-03-13-000000001.837`), as
    /// `submit` names submissions and billers often name what they save.
    static func dateOfName(_ path: String) -> LocalDate? {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard name.count >= 10, case .success(let date) = LocalDate.parse(String(name.prefix(10))) else { return nil }
        return date
    }
}
