/// Reads `signed_by`, `signed_at` and `digest`, which every note may carry,
/// and the note's Addendum headings, which amend what was signed.
enum SignatureReader {
    static func read(_ fields: FieldReader, _ parsed: DocumentParser.Parsed) -> Signature {
        var signature = Signature(
            signedBy: fields.reference("signed_by"),
            signedAt: fields.timestamp("signed_at"),
            digest: fields.parsed("digest") { text in
                let hex = text.dropFirst("sha256:".count)
                return text.hasPrefix("sha256:") && hex.count == 64 && hex.allSatisfy({ $0.isHexDigit && !$0.isUppercase })
                    ? .success(text)
                    : .failure(ScalarError("\"\(text)\" is not a signature digest",
                                           help: "let `groupchart sign` write the digest; remove the line to sign again"))
            },
            addenda: addenda(parsed.body, log: fields.log))
        signature.unreadableKeys = fields.unreadable(["signed_by": signature.signedBy != nil, "signed_at": signature.signedAt != nil])
        if signature.digest != nil {
            signature.currentDigest = SignedText.digest(of: SignedText.text(of: fields.file, body: parsed.body))
        }
        return signature
    }

    static let addendumForm = "write the heading as \"## Addendum YYYY-MM-DD clinician\", for example \"## Addendum 2026-03-13 torres\""

    /// Each heading that opens an addendum, with the date and clinician it
    /// names; a heading that does not name both is `invalid-value` there
    /// (once, for its first problem). Whether the date is after the
    /// signature and not after today, and the clinician one of
    /// practice.yaml's, the rules judge.
    static func addenda(_ body: MarkdownBody, log: FindingLog) -> [Addendum] {
        body.sections.filter { SectionCatalogue.isAddendum($0.name) }.map { section in
            let words = section.name.dropFirst("addendum".count).split(whereSeparator: \.isWhitespace).map(String.init)
            var addendum = Addendum(location: section.heading.location, date: nil, clinician: nil)
            if let (problem, word) = problem(words, heading: section.name) {
                log.invalid(at: place(ofWord: word, in: section.heading), problem, help: addendumForm)
            }
            addendum.date = words.first.flatMap { try? LocalDate.parse($0).get() }
            addendum.dateLocation = place(ofWord: 0, in: section.heading)
            if words.count == 2, Identifier.isSlug(words[1]) {
                addendum.clinician = Located(words[1], at: place(ofWord: 1, in: section.heading))
            }
            return addendum
        }
    }

    /// What is wrong with an addendum heading's words after "Addendum", and
    /// which of them the caret goes under (`nil`: the heading).
    private static func problem(_ words: [String], heading: String) -> (String, Int?)? {
        guard let first = words.first else { return ("the addendum heading names no date and no clinician", nil) }
        if case .failure(let error) = LocalDate.parse(first) {
            return words.count == 1 && Identifier.isSlug(first)
                ? ("the addendum heading names no date", 0) : ("addendum heading: \(error.message)", 0)
        }
        guard words.count >= 2 else { return ("the addendum heading names no clinician", nil) }
        guard words.count == 2, Identifier.isSlug(words[1]) else {
            return ("the addendum heading \"\(heading)\" should name a date and a clinician's id only", 1)
        }
        return nil
    }

    /// Where the heading's `word`th word after "Addendum" stands in the file
    /// (its first character), or the heading's own place.
    private static func place(ofWord word: Int?, in heading: MarkdownBlock) -> SourceLocation {
        guard let word else { return heading.location }
        let bytes = Array(heading.text.utf8)
        let isSpace = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        var index = 0
        while index < bytes.count, isSpace(bytes[index]) { index += 1 }
        index += "addendum".utf8.count
        var starts: [Int] = []
        while index < bytes.count {
            if isSpace(bytes[index]) { index += 1; continue }
            starts.append(index)
            while index < bytes.count, !isSpace(bytes[index]) { index += 1 }
        }
        if starts.indices.contains(word) { return heading.location(ofTextOffset: starts[word]) }
        return heading.location
    }
}
