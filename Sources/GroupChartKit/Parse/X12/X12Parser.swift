/// Splits an X12 file into segments by the delimiters its ISA segment names.
///
/// Real files are not always guide-perfect, so the parser reads what is
/// there and says what is odd: line breaks after terminators (many files
/// keep one segment a line) are skipped, a file without its ISA envelope is
/// read with the delimiters its first segment shows, a last segment without
/// its terminator is kept, a segment whose id is no id is dropped. Each
/// oddity is a problem at its line and column; only a file whose delimiters
/// cannot be known yields no segments at all.
enum X12Parser {
    struct Problem: Sendable {
        var location: SourceLocation
        var message: String
        var help: String
    }

    struct Parsed {
        var segments: [X12Segment] = []
        var problems: [Problem] = []
        /// The delimiters the file was read with; `nil` when none could be known.
        var delimiters: X12Delimiters?
    }

    /// What the folder a file stands in should hold, for the help of a problem.
    struct Expectation: Sendable {
        /// `an 835`, `a 999`...
        var noun: String
        /// Where such files are kept, and what they are.
        var keep: String

        static let remittance = Expectation(noun: "an 835", keep: "keep only the 835 files payers send in remittances/ (ERA, X12 005010X221A1)")
        static let submission = Expectation(noun: "an 837P", keep: "keep in submissions/ only the 837P files as they were sent (X12 005010X222A1)")
        static let implementationAcknowledgment = Expectation(
            noun: "a 999", keep: "keep in acknowledgments/ only the 999 and 277CA files the clearinghouse and payers send")
        static let claimAcknowledgment = Expectation(
            noun: "a 277CA", keep: "keep in acknowledgments/ only the 999 and 277CA files the clearinghouse and payers send")
    }

    static func parse(_ file: SourceFile, expecting expectation: Expectation = .remittance) -> Parsed {
        var parsed = Parsed()
        if let problem = file.encodingProblem {
            parsed.problems.append(Problem(
                location: file.location(line: problem.line, column: problem.column),
                message: "byte 0x\(String(problem.byte, radix: 16, uppercase: true)) is not text; it is read as \"\u{FFFD}\"",
                help: "\(expectation.noun) holds ASCII text only; ask for a clean copy of the file"))
        }
        let scalars = Array(file.text.unicodeScalars)
        guard let start = scalars.firstIndex(where: { !isBlank($0) }) else {
            parsed.problems.append(Problem(location: file.location(line: 1), message: "the file is empty",
                                           help: "remove it, or save \(expectation.noun) file in its place"))
            return parsed
        }
        let first = location(of: start, in: scalars, file: file)
        switch delimiters(scalars, from: start, expecting: expectation) {
        case .failure(let problem):
            parsed.problems.append(Problem(location: first, message: problem.message, help: problem.help))
            return parsed
        case .success(let found):
            if let problem = found.problem { parsed.problems.append(Problem(location: first, message: problem.message, help: problem.help)) }
            parsed.delimiters = found.delimiters
            var scanner = Scanner(delimiters: found.delimiters, file: file, expectation: expectation)
            for index in start..<scalars.count {
                // Each interchange names its own delimiters: files joined
                // from two senders (or two of one sender's settings) are read
                // interchange by interchange, not all by the first one's.
                if index > start, scanner.isBetweenSegments, scalars[index] == "I", scalars[index...].starts(with: "ISA".unicodeScalars),
                   case .success(let named) = X12Delimiters.fromISA(scalars, at: index) {
                    scanner.delimiters = named
                }
                scanner.read(scalars[index])
            }
            scanner.finish()
            parsed.segments = scanner.segments
            parsed.problems += scanner.problems
        }
        return parsed
    }

    private struct Found {
        var delimiters: X12Delimiters
        /// Set when the delimiters were guessed rather than read from ISA.
        var problem: (message: String, help: String)?
    }

    private struct Refusal: Error {
        var message: String
        var help: String
    }

    private static func delimiters(_ scalars: [Unicode.Scalar], from start: Int, expecting expectation: Expectation) -> Result<Found, Refusal> {
        if scalars[start...].starts(with: "ISA".unicodeScalars) {
            switch X12Delimiters.fromISA(scalars, at: start) {
            case .success(let delimiters):
                return .success(Found(delimiters: delimiters))
            case .failure(.truncated):
                return .failure(Refusal(message: "the ISA segment ends before its delimiters (ISA16 and the terminator after it)",
                                        help: "the file is cut short; ask the payer or clearinghouse to send it again"))
            case .failure(.clash(let why)):
                return .failure(Refusal(message: "the ISA segment names delimiters that cannot be read: \(why)",
                                        help: "ISA position 4 separates elements, ISA16 components, and the character after ISA16 ends segments"))
            }
        }
        let id = scalars[start...].prefix(while: isIDCharacter)
        let after = start + id.count
        var guessed = X12Delimiters.common
        if (2...3).contains(id.count), after < scalars.count {
            guessed.element = scalars[after]
            if !scalars.contains("~") { guessed.segment = "\n" }
            if guessed.clash == nil {
                let segment = guessed.segment == "\n" ? "a line break" : "\"\(guessed.segment)\""
                return .success(Found(delimiters: guessed, problem: (
                    "no ISA envelope: read with \"\(guessed.element)\" between elements and \(segment) after segments",
                    "\(expectation.noun) starts with its ISA segment, which names its delimiters; ask for the whole file if this is an excerpt")))
            }
        }
        return .failure(Refusal(message: "this is not an X12 file: it starts with no segment id",
                                help: expectation.keep))
    }

    /// A capital letter or digit, as segment ids are written.
    static func isIDCharacter(_ scalar: Unicode.Scalar) -> Bool {
        ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }

    static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r"
    }

    static func location(of index: Int, in scalars: [Unicode.Scalar], file: SourceFile) -> SourceLocation {
        let before = scalars[..<index]
        let line = before.filter { $0 == "\n" }.count + 1
        let lineStart = before.lastIndex(of: "\n").map { $0 + 1 } ?? 0
        return file.location(line: line, column: index - lineStart + 1)
    }
}

/// Reads scalars one by one into segments, keeping the line and column of
/// every segment and element.
private struct Scanner {
    var delimiters: X12Delimiters
    let file: SourceFile
    let expectation: X12Parser.Expectation
    var segments: [X12Segment] = []
    var problems: [X12Parser.Problem] = []
    private var line = 1
    private var column = 1
    /// The values and their places of the segment being read, the id first.
    private var values: [String] = []
    private var places: [SourceLocation] = []

    init(delimiters: X12Delimiters, file: SourceFile, expectation: X12Parser.Expectation) {
        self.delimiters = delimiters
        self.file = file
        self.expectation = expectation
    }

    /// Whether the last segment ended and the next has not begun.
    var isBetweenSegments: Bool { values.isEmpty }

    mutating func read(_ scalar: Unicode.Scalar) {
        defer {
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        if scalar == delimiters.segment {
            close()
        } else if scalar == "\n" || scalar == "\r" {
            return
        } else if values.isEmpty {
            guard !X12Parser.isBlank(scalar) else { return }
            values = [""]
            places = [file.location(line: line, column: column)]
            if scalar == delimiters.element { open() } else { values[0].unicodeScalars.append(scalar) }
        } else if scalar == delimiters.element {
            open()
        } else {
            values[values.count - 1].unicodeScalars.append(scalar)
        }
    }

    /// A new element starts after the separator just read.
    private mutating func open() {
        values.append("")
        places.append(file.location(line: line, column: column + 1))
    }

    /// The segment ends: kept when its id is an id. Blank segments (two
    /// terminators in a row, blank lines when a line break ends segments)
    /// are skipped.
    private mutating func close() {
        defer { values = []; places = [] }
        guard let id = values.first, let start = places.first else { return }
        let isID = (2...3).contains(id.unicodeScalars.count) && ("A"..."Z").contains(id.unicodeScalars.first!)
            && id.unicodeScalars.allSatisfy(X12Parser.isIDCharacter)
        guard isID else {
            problems.append(X12Parser.Problem(location: start, message: "\"\(id.prefix(20))\" is not a segment id; the segment is skipped",
                                              help: "an X12 segment starts with an id of two or three capital letters and digits (CLP, CAS, SVC)"))
            return
        }
        segments.append(X12Segment(id: id, elements: Array(values.dropFirst()), location: start, elementLocations: Array(places.dropFirst()),
                                   component: delimiters.component))
    }

    /// Keeps the last segment when the file ends without its terminator,
    /// and says so unless a line break ends segments (the last line of a
    /// file often has none).
    mutating func finish() {
        guard let id = values.first, let start = places.first else { return }
        close()
        guard delimiters.segment != "\n" else { return }
        problems.append(X12Parser.Problem(
            location: start, message: "the file ends inside segment \"\(id.prefix(20))\", without its terminator \"\(delimiters.segment)\"",
            help: expectation.noun == X12Parser.Expectation.remittance.noun
                ? "the file may be cut short; check that the payer's total (BPR02) matches its claims"
                : "the file may be cut short; ask the sender for the whole file again"))
    }
}
