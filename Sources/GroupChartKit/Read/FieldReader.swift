/// Reads the keys of one front-matter mapping into typed values, reporting
/// each missing, malformed or unknown key once, where it stands.
///
/// Readers ask for every key the format defines; whatever was never asked for
/// is an unknown key when `finish()` runs, with the nearest known key as help.
final class FieldReader {
    let file: SourceFile
    let log: FindingLog
    /// The dotted path of this mapping (`practice.address`), empty at the top.
    let path: String
    /// Where a missing key of this mapping is reported.
    let anchor: SourceLocation
    let pairs: [YAMLPair]
    private var asked: [String] = []
    /// The nested mappings read through `mapping`, by their keys: a key of
    /// one written out of its indentation stands here, unknown.
    private var children: [(key: String, reader: FieldReader)] = []
    /// The missing keys reported, with where their finding is in the log:
    /// `finish` tells, once every key was asked for, whether one was
    /// written under a misspelt name.
    private var missingReported: [(key: String, finding: Int)] = []

    init(_ node: YAMLNode?, file: SourceFile, log: FindingLog, path: String = "", anchor: SourceLocation? = nil) {
        self.file = file
        self.log = log
        self.path = path
        self.anchor = anchor ?? file.location(line: 1)
        self.pairs = node?.pairs ?? []
    }

    /// `key` with this mapping's path in front, for messages.
    func qualified(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// The value of `key`; `nil` when it is absent or empty.
    func value(_ key: String) -> YAMLNode? {
        asked.append(key)
        guard let pair = pairs.first(where: { $0.name == key }), !pair.value.isNull else { return nil }
        return pair.value
    }

    /// The value of `key`, reporting `missing-field` when it is absent or empty.
    func require(_ key: String, hint: String) -> YAMLNode? {
        if let node = value(key) { return node }
        if let pair = pairs.first(where: { $0.name == key }) {
            log.missing(at: pair.key.location, "\"\(qualified(key))\" has no value", help: hint)
        } else {
            missingReported.append((key, log.findings.count))
            log.missing(at: anchor, "missing key \"\(qualified(key))\"", help: hint)
        }
        return nil
    }

    /// The help of a missing key written under a misspelt name
    /// (`insurence:`): rename it. The key's own hint offered a value to add
    /// (`insurance: self-pay`), which, followed, voided the member's paid
    /// claims. Only a key no reader asked for is a misspelling (not
    /// `last_name` beside a missing `first_name`).
    private func renameMisspelt() {
        for (key, finding) in missingReported {
            let allowed = max(2, key.count / 3)
            guard let pair = pairs.first(where: { pair in
                !asked.contains(pair.name) && NearestName.distance(pair.name.lowercased(), key.lowercased()) <= allowed
            }) else { continue }
            log.replaceHelp(at: finding, with: "\"\(pair.name)\" (line \(pair.key.location.line)) looks like this key misspelt: rename it \"\(key)\"")
        }
    }

    /// The keys written with a value that could not be read, each of which
    /// `invalid-value` (or a shape error) already reports where it stands:
    /// `read` says which keys were read. Rules about a missing value stay
    /// silent on them, so that one mistake gets one message (issue 15).
    func unreadable(_ read: KeyValuePairs<String, Bool>) -> Set<String> {
        Set(read.filter { key, wasRead in
            !wasRead && pairs.contains { $0.name == key && !$0.value.isNull }
        }.map(\.key))
    }

    /// The optional keys whose default goes on a claim: misspelt (`fromat:
    /// psychoeducation`, `Place_of_service`), the claim was built from the
    /// default with only an `unknown-key` warning, billing psychoeducation
    /// as psychotherapy or an office visit for telehealth.
    static let billingKeys: Set<String> = [
        "format", "place_of_service", "facilitator", "interactive_complexity", "subscriber",
        "group_authorization", "individual_authorization", "telehealth_modifier", "same_day_modifier", "claim_filing_code",
    ]

    /// Each key no reader asked for whose nearest key of all those asked
    /// for is a billing key left out (`billingKeys`), with that key: a
    /// nearer key that is not one (`cofacilitator:` is `co_facilitator`
    /// misspelt, not `facilitator`) leaves it an unknown key.
    private func misspeltBillingKeys() -> [String: String] {
        var found: [String: String] = [:]
        // Nearly every mapping has no unknown key: nothing to compare.
        guard pairs.contains(where: { !asked.contains($0.name) }) else { return found }
        let keys = Array(Set(asked))
        for pair in pairs where !asked.contains(pair.name) {
            let name = pair.name.lowercased()
            let near = keys.map { (key: $0, distance: NearestName.distance(name, $0.lowercased())) }
                .filter { $0.distance <= max(2, $0.key.count / 3) }
            guard let nearest = near.min(by: { ($0.distance, $0.key) < ($1.distance, $1.key) }),
                  Self.billingKeys.contains(nearest.key), !pairs.contains(where: { $0.name == nearest.key }) else { continue }
            found[pair.name] = nearest.key
        }
        return found
    }

    /// Reports every key that no reader asked for: as `missing-field` (an
    /// error, holding the claims) when it looks like a billing key left out.
    func finish() {
        renameMisspelt()
        let misspelt = misspeltBillingKeys()
        for pair in pairs where !asked.contains(pair.name) {
            if let key = misspelt[pair.name] {
                log.missing(at: pair.key.location, "\"\(qualified(pair.name))\" looks like \"\(key)\" misspelt: the claims would be "
                                + "built as if \(key) were not written", help: "rename it \"\(key)\"")
                continue
            }
            var keys: [String] = []
            for key in asked where !keys.contains(key) { keys.append(key) }
            let help = outdented(pair) ?? NearestName.to(pair.name, in: keys).map { "did you mean \"\($0)\"?" }
                ?? "the keys here are \(keys.map { "\"\($0)\"" }.joined(separator: ", "))"
            log.add("unknown-key", at: pair.key.location, "unknown key \"\(qualified(pair.name))\"", help: help)
        }
    }

    /// The help for a key of a nested mapping written after it without its
    /// indentation (`benefits:` at the margin under `insurance:`): YAML
    /// takes it for a key of this mapping, and "unknown key" read as a
    /// misspelling (a clinician's review).
    private func outdented(_ pair: YAMLPair) -> String? {
        let line = pair.key.location.line
        guard let parent = children.last(where: { child in
            child.reader.anchor.line < line && child.reader.asked.contains(pair.name) && !child.reader.pairs.contains { $0.name == pair.name }
        }) else { return nil }
        let spaces = (parent.reader.pairs.first?.key.location.column).map { $0 - 1 } ?? parent.reader.anchor.column + 1
        return "\"\(pair.name)\" is a key of \"\(qualified(parent.key))\": indent it under \(parent.key): "
            + "(\(spaces) spaces in front, as its other keys)"
    }

    // MARK: typed values

    func node(_ key: String, required: Bool, hint: String) -> YAMLNode? {
        required ? require(key, hint: hint) : value(key)
    }

    func text(_ key: String, required: Bool = false, hint: String = "") -> Located<String>? {
        node(key, required: required, hint: hint).flatMap { scalar($0, named: key) }
    }

    /// A payer's identifier (an authorization number, a member id): text
    /// that is no placeholder (`NoValue.isPlaceholderIdentifier`), else
    /// `invalid-value` and no value, so that the claims it would go out on
    /// are held rather than sent with "pending" in them.
    func identifier(_ key: String, required: Bool = false, hint: String, until: String) -> Located<String>? {
        guard let value = text(key, required: required, hint: hint) else { return nil }
        guard NoValue.isPlaceholderIdentifier(value.value) else { return value }
        log.invalid(at: value.location, "\"\(qualified(key))\" reads \"\(value.value)\", which is no number the payer gave",
                    help: "write \(hint) as the payer gave it; \(until)")
        return nil
    }

    /// The scalar text of `node`, or `invalid-value` when it is a list or
    /// mapping, or cut short by a comment glued to what followed it.
    func scalar(_ node: YAMLNode, named key: String) -> Located<String>? {
        guard let text = node.scalar else {
            log.invalid(at: node.location, "\"\(qualified(key))\" should be a single value, not \(node.shapeName)",
                        help: "write it on the same line as the key: \(key): value")
            return nil
        }
        if case .scalar(_, isPlain: true) = node.content, Self.claimValueKeys.contains(key),
           let glued = gluedComment(after: text, at: node.location) {
            log.invalid(at: SourceLocation(file: file.path, line: node.location.line, column: glued.column),
                        "\"\(qualified(key))\" reads \"\(text)\": YAML takes \"\(glued.text)\" after it for a comment",
                        help: "quote the whole value (\(key): \"\(text) \(glued.text)\"), or put a space after # if it is a comment")
            return nil
        }
        return Located(text, at: node.location)
    }

    /// The keys whose values a claim carries as written (names, addresses,
    /// ids): cut short by a glued comment, they go out wrong. Elsewhere (a
    /// topic, a reason) the record shows the value as read, and a note
    /// already signed would have to be signed again to quote it.
    static let claimValueKeys: Set<String> = [
        "street", "street2", "city", "member_id", "group_number", "first_name", "last_name", "name", "number",
        "payer_id", "npi", "tax_id", "taxonomy", "phone", "submitter_id", "receiver_id", "receiver_name",
    ]

    /// What follows an unquoted one-line value as a comment glued to its #
    /// (`street: 18 Alder St #4`, `topic: Session #5`): YAML ends the value
    /// at " #", and the apartment number never reached the claim. A comment
    /// has a space after its # (`# from the new card`), and is left alone.
    private func gluedComment(after text: String, at location: SourceLocation) -> (text: String, column: Int)? {
        guard !text.isEmpty, let line = file.line(location.line) else { return nil }
        let scalars = Array(line.unicodeScalars)
        let isBlank = { (index: Int) in index >= scalars.count || scalars[index] == " " || scalars[index] == "\t" }
        let start = location.column - 1, end = start + text.unicodeScalars.count
        guard start >= 0, end < scalars.count, String(String.UnicodeScalarView(scalars[start..<end])) == text else { return nil }
        var index = end
        while index < scalars.count, isBlank(index) { index += 1 }
        guard index > end, index + 1 < scalars.count, scalars[index] == "#", !isBlank(index + 1), scalars[index + 1] != "#" else { return nil }
        // Up to a comment of its own (" # apartment"), which stays one.
        var stop = index + 1
        while stop < scalars.count, !(isBlank(stop) && stop + 1 < scalars.count && scalars[stop + 1] == "#" && isBlank(stop + 2)) {
            stop += 1
        }
        let glued = String(String.UnicodeScalarView(scalars[index..<stop])).trimmingCharacters(in: .whitespaces)
        return (glued, index + 1)
    }

    /// A name that records and claims show (`DisplayName`).
    func name(_ key: String, required: Bool = false, hint: String = "") -> Located<String>? {
        parsed(key, required: required, hint: hint, DisplayName.parse)
    }

    func parsed<T>(_ key: String, required: Bool = false, hint: String = "",
                   _ parse: (String) -> Result<T, ScalarError>) -> Located<T>? {
        node(key, required: required, hint: hint).flatMap { parsed($0, named: key, parse) }
    }

    func parsed<T>(_ node: YAMLNode, named key: String, _ parse: (String) -> Result<T, ScalarError>) -> Located<T>? {
        guard let text = scalar(node, named: key) else { return nil }
        switch parse(text.value) {
        case .success(let value): return Located(value, at: text.location)
        case .failure(let error):
            log.invalid(at: text.location, "\"\(qualified(key))\": \(error.message)", help: Self.curlyQuotesHelp(text.value) ?? error.help)
            return nil
        }
    }

    /// Quotes a word processor types (“14:00”, ‘low’), which YAML reads as
    /// part of the value: a time in them looked right and was refused as
    /// "not a time" (a clinician's review). `nil` when there are none.
    static func curlyQuotesHelp(_ value: String) -> String? {
        let curly: Set<Character> = ["\u{201C}", "\u{201D}", "\u{2018}", "\u{2019}", "\u{201E}", "\u{00AB}", "\u{00BB}"]
        guard let first = value.first, let last = value.last, curly.contains(first) || curly.contains(last) else { return nil }
        return "the value is in curly quotes (\(first)...\(last)), as a word processor types them, and YAML reads them as part of it: "
            + "write straight quotes (\"\") or none"
    }

    func date(_ key: String, required: Bool = false, hint: String = "") -> Located<LocalDate>? {
        parsed(key, required: required, hint: hint, LocalDate.parse)
    }

    func time(_ key: String, required: Bool = false, hint: String = "") -> Located<LocalTime>? {
        parsed(key, required: required, hint: hint, LocalTime.parse)
    }

    func timestamp(_ key: String) -> Located<Timestamp>? {
        parsed(key, Timestamp.parse)
    }

    func money(_ key: String) -> Located<Money>? {
        parsed(key, Money.parse)
    }

    func integer(_ key: String, required: Bool = false, hint: String = "", in range: ClosedRange<Int>) -> Located<Int>? {
        parsed(key, required: required, hint: hint) { text in
            guard text.allSatisfy(\.isASCIIDigit), !text.isEmpty, let number = Int(text), range.contains(number) else {
                return .failure(ScalarError("\"\(text)\" is not a whole number from \(range.lowerBound) to \(range.upperBound)",
                                            help: "write digits only, for example \(range.lowerBound + 1)"))
            }
            return .success(number)
        }
    }

    func boolean(_ key: String, required: Bool = false, hint: String = "") -> Located<Bool>? {
        parsed(key, required: required, hint: hint) { text in
            switch text.lowercased() {
            case "true", "yes": return .success(true)
            case "false", "no": return .success(false)
            default: return .failure(ScalarError("\"\(text)\" is not true or false", help: "write true or false"))
            }
        }
    }

    func choice<Choice: RawRepresentable & CaseIterable>(_ key: String, required: Bool = false, hint: String = "",
                                                          _ type: Choice.Type) -> Located<Choice>? where Choice.RawValue == String {
        node(key, required: required, hint: hint).flatMap { choice($0, named: key, type) }
    }

    func choice<Choice: RawRepresentable & CaseIterable>(_ node: YAMLNode, named key: String,
                                                          _ type: Choice.Type) -> Located<Choice>? where Choice.RawValue == String {
        parsed(node, named: key) { text in
            if let value = Choice(rawValue: text) { return .success(value) }
            let names = Choice.allCases.map(\.rawValue)
            let help = NearestName.to(text, in: names).map { "did you mean \"\($0)\"?" } ?? ""
            return .failure(ScalarError("\"\(text)\" is not one of \(names.map { "\"\($0)\"" }.joined(separator: ", "))",
                                        help: help.isEmpty ? "write one of \(names.joined(separator: ", "))" : help))
        }
    }

    /// An id that names something else (a clinician, group, payer or member).
    func reference(_ key: String, required: Bool = false, hint: String = "") -> Located<String>? {
        node(key, required: required, hint: hint).flatMap { reference($0, named: key) }
    }

    func reference(_ node: YAMLNode, named key: String) -> Located<String>? {
        parsed(node, named: key) { text in
            Identifier.isSlug(text) ? .success(text) : .failure(ScalarError(
                "\"\(text)\" is not an id",
                help: Identifier.meant(text).map { "write \"\($0)\": ids are lower-case letters, digits and hyphens" }
                    ?? "ids are lower-case letters, digits and hyphens, for example \"okonkwo-david\""))
        }
    }

    func cpt(_ key: String, required: Bool = false, hint: String = "") -> Located<String>? {
        node(key, required: required, hint: hint).flatMap { cpt($0, named: key) }
    }

    func cpt(_ node: YAMLNode, named key: String) -> Located<String>? {
        parsed(node, named: key) { text in
            Identifier.isCPT(text) ? .success(text) : .failure(ScalarError(
                "\"\(text)\" is not a CPT code", help: "a CPT code is five digits, for example \"90853\""))
        }
    }

    func placeOfService(_ key: String) -> Located<String>? {
        parsed(key) { text in
            Identifier.isPlaceOfService(text) ? .success(text) : .failure(ScalarError(
                "\"\(text)\" is not a place-of-service code CMS has assigned",
                help: "write the two-digit CMS code in quotes: \"11\" office, \"02\" or \"10\" telehealth, \"53\" community mental "
                    + "health center, \"57\" non-residential substance use treatment (the list: cms.gov, Place of Service Code Set)"))
        }
    }

    /// A nested mapping; its missing keys are reported at `key`.
    func mapping(_ key: String, required: Bool = false, hint: String = "") -> FieldReader? {
        guard let node = node(key, required: required, hint: hint) else { return nil }
        guard node.pairs != nil else {
            log.invalid(at: node.location, "\"\(qualified(key))\" should be a mapping of keys, not \(node.shapeName)", help: hint)
            return nil
        }
        let keyLocation = pairs.first { $0.name == key }?.key.location ?? node.location
        let child = FieldReader(node, file: file, log: log, path: qualified(key), anchor: keyLocation)
        children.append((key, child))
        return child
    }

    /// A list; a single value is read as a list of one.
    /// The items of the list at `key` (a single value is a list of one);
    /// a list that must hold one item at least (`nonEmpty`, a plan's
    /// diagnoses) written empty (`[]`) is reported as missing: the claim has
    /// nothing to carry (an 837P with an empty HI is rejected whole).
    func list(_ key: String, required: Bool = false, nonEmpty: Bool = false, hint: String = "") -> [YAMLNode] {
        guard let node = node(key, required: required, hint: hint) else { return [] }
        if let items = node.items {
            let written = items.filter { !$0.isNull }
            if nonEmpty, written.isEmpty {
                log.missing(at: node.location, "\"\(qualified(key))\" lists nothing", help: hint)
            }
            return written
        }
        if node.scalar != nil { return [node] }
        log.invalid(at: node.location, "\"\(qualified(key))\" should be a list, not a mapping", help: hint)
        return []
    }
}
