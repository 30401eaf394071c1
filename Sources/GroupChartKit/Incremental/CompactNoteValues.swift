import Foundation

// MARK: - The values of every note, by hand

extension SourceLocation {
    func put(into encoder: CompactEncoder) {
        encoder.string(file)
        encoder.int(Int64(line))
        encoder.int(Int64(column))
    }
}

extension Located where Value == String {
    func put(into encoder: CompactEncoder) {
        encoder.string(value)
        location.put(into: encoder)
    }
}

extension TextRun {
    func put(into encoder: CompactEncoder) {
        encoder.int(Int64(offset))
        encoder.int(Int64(length))
        encoder.int(Int64(line))
        encoder.int(Int64(column))
        guard let columns else { encoder.bytes.append(0); return }
        encoder.bytes.append(1)
        encoder.list(columns) { encoder.int(Int64($0)) }
    }

    static func get(from decoder: CompactDecoder) throws -> TextRun {
        let offset = try decoder.integer(Int32.self), length = try decoder.integer(Int32.self)
        let line = try decoder.integer(Int32.self), column = try decoder.integer(Int32.self)
        let columns = try decoder.bool() ? try decoder.list { try decoder.integer(Int32.self) } : nil
        // The diagnostics index the block's text with these: out of range,
        // the entry is damage (`MarkdownBlock.get` checks the end).
        guard offset >= 0, length >= 0 else { throw decoder.failure("a text run out of its block") }
        return TextRun(offset: offset, length: length, line: line, column: column, columns: columns)
    }
}

extension MarkdownBlock {
    func put(into encoder: CompactEncoder) {
        switch kind {
        case .heading(let level): encoder.varint(UInt64(max(level, 0)) + 7)
        case .paragraph: encoder.varint(0)
        case .list: encoder.varint(1)
        case .quote: encoder.varint(2)
        case .code: encoder.varint(3)
        case .html: encoder.varint(4)
        case .thematicBreak: encoder.varint(5)
        }
        encoder.string(text)
        location.put(into: encoder)
        encoder.int(Int64(lastLine))
        encoder.list(items) { item in
            encoder.string(item.text)
            item.location.put(into: encoder)
        }
        encoder.list(runs) { $0.put(into: encoder) }
    }

    static func get(from decoder: CompactDecoder) throws -> MarkdownBlock {
        let kind: Kind
        switch try decoder.varint() {
        case 0: kind = .paragraph
        case 1: kind = .list
        case 2: kind = .quote
        case 3: kind = .code
        case 4: kind = .html
        case 5: kind = .thematicBreak
        case let level where level >= 7 && level < 7 + 1_000: kind = .heading(level: Int(level - 7))
        default: throw decoder.failure("a block of no known kind")
        }
        let text = try decoder.string(), location = try decoder.location(), lastLine = try decoder.integer(Int.self)
        let items = try decoder.list { MarkdownListItem(text: try decoder.string(), location: try decoder.location()) }
        let runs = try decoder.list { try TextRun.get(from: decoder) }
        let size = text.utf8.count
        guard runs.allSatisfy({ Int($0.offset) + Int($0.length) <= size }) else { throw decoder.failure("a text run out of its block") }
        return MarkdownBlock(kind: kind, text: text, location: location, lastLine: lastLine, items: items, runs: runs)
    }
}

extension CompactEncoder {
    /// A list as `ListWriter` writes it: its count in four bytes, then each element.
    func list<Element>(_ elements: [Element], _ element: (Element) throws -> Void) rethrows {
        let count = UInt32(truncatingIfNeeded: elements.count)
        for index in 0..<4 { bytes.append(UInt8(truncatingIfNeeded: count >> (8 * UInt32(index)))) }
        for value in elements { try element(value) }
    }
}

// MARK: - A progress note, by hand
//
// Nearly every document of a practice is a progress note: read through
// `Decoder`'s containers, its fields and their lists were 20 % of a check
// that took its documents from the cache (`perf`, 20,000 notes: most of it
// looking up generic container types). The rarer fields keep the generic path.

extension MarkdownBody {
    func put(into encoder: CompactEncoder) {
        encoder.list(blocks) { $0.put(into: encoder) }
        encoder.int(Int64(firstLine))
    }

    static func get(from decoder: CompactDecoder) throws -> MarkdownBody {
        MarkdownBody(blocks: try decoder.list { try MarkdownBlock.get(from: decoder) }, firstLine: try decoder.integer(Int.self))
    }
}

extension GoalItem {
    func put(into encoder: CompactEncoder) {
        encoder.optional(goal) { $0.put(into: encoder) }
        encoder.optional(status) { encoder.string($0.rawValue) }
        encoder.string(text)
        location.put(into: encoder)
        encoder.bytes.append(colonMissing ? 1 : 0)
    }

    static func get(from decoder: CompactDecoder) throws -> GoalItem {
        let goal = try decoder.optional { Located(try decoder.string(), at: try decoder.location()) }
        let status = try decoder.optional { () throws -> GoalStatus in
            guard let status = GoalStatus(rawValue: try decoder.string()) else { throw decoder.failure("a goal status of no known kind") }
            return status
        }
        var item = GoalItem(goal: goal, status: status, text: try decoder.string(), location: try decoder.location())
        item.colonMissing = try decoder.bool()
        return item
    }
}

extension RiskStatement {
    func put(into encoder: CompactEncoder) {
        encoder.optional(level) { encoder.string($0.rawValue) }
        encoder.optional(statedWord) { encoder.string($0) }
        location.put(into: encoder)
        encoder.string(text)
    }

    static func get(from decoder: CompactDecoder) throws -> RiskStatement {
        let level = try decoder.optional { () throws -> RiskLevel in
            guard let level = RiskLevel(rawValue: try decoder.string()) else { throw decoder.failure("a risk level of no known kind") }
            return level
        }
        let statedWord = try decoder.optional { try decoder.string() }
        return RiskStatement(level: level, statedWord: statedWord, location: try decoder.location(), text: try decoder.string())
    }
}

extension ClinicalContent {
    func put(into encoder: CompactEncoder) {
        body.put(into: encoder)
        encoder.list(goalItems) { $0.put(into: encoder) }
        encoder.optional(risk) { $0.put(into: encoder) }
    }

    static func get(from decoder: CompactDecoder) throws -> ClinicalContent {
        ClinicalContent(body: try MarkdownBody.get(from: decoder), goalItems: try decoder.list { try GoalItem.get(from: decoder) },
                        risk: try decoder.optional { try RiskStatement.get(from: decoder) })
    }
}

extension Signature {
    func put(into encoder: CompactEncoder) throws {
        encoder.optional(signedBy) { $0.put(into: encoder) }
        encoder.located(signedAt) { $0.put(into: encoder) }
        encoder.optional(digest) { $0.put(into: encoder) }
        encoder.optional(currentDigest) { encoder.string($0) }
        encoder.list(addenda) { $0.put(into: encoder) }
        encoder.list(unreadableKeys.sorted()) { encoder.string($0) }
    }

    static func get(from decoder: CompactDecoder) throws -> Signature {
        let signedBy = try decoder.optional { Located(try decoder.string(), at: try decoder.location()) }
        let signedAt = try decoder.located { try Timestamp.get(from: decoder) }
        let digest = try decoder.optional { Located(try decoder.string(), at: try decoder.location()) }
        let currentDigest = try decoder.optional { try decoder.string() }
        var signature = Signature(signedBy: signedBy, signedAt: signedAt, digest: digest, currentDigest: currentDigest,
                                  addenda: try decoder.list { try Addendum.get(from: decoder) })
        signature.unreadableKeys = Set(try decoder.list { try decoder.string() })
        return signature
    }
}

extension ProgressNote {
    func put(into encoder: CompactEncoder) throws {
        encoder.string(file)
        encoder.string(session)
        encoder.string(member)
        encoder.bytes.append(isReadable ? 1 : 0)
        try signature.put(into: encoder)
        encoder.optional(interactiveComplexity) { $0.put(into: encoder) }
        content.put(into: encoder)
    }

    static func get(from decoder: CompactDecoder) throws -> ProgressNote {
        let file = try decoder.string(), session = try decoder.string(), member = try decoder.string()
        let isReadable = try decoder.bool()
        let signature = try Signature.get(from: decoder)
        let interactiveComplexity = try decoder.optional { Located(try decoder.string(), at: try decoder.location()) }
        return ProgressNote(file: file, session: session, member: member, isReadable: isReadable, signature: signature,
                            interactiveComplexity: interactiveComplexity, content: try ClinicalContent.get(from: decoder))
    }
}

extension CompactEncoder {
    /// A presence byte, then the value when there is one.
    func optional<Value>(_ value: Value?, _ put: (Value) throws -> Void) rethrows {
        guard let value else { bytes.append(0); return }
        bytes.append(1)
        try put(value)
    }
}

extension CompactDecoder {
    /// A value written by `CompactEncoder.optional`.
    func optional<Value>(_ get: () throws -> Value) throws -> Value? {
        try bool() ? try get() : nil
    }
}
