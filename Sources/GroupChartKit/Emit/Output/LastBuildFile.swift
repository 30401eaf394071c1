import Crypto

/// The bytes of `last-build.bin`, the last build's `BuildCache.Entry`.
///
/// It was JSON: encoding and decoding its 4.7 MB (10,600 diagnostics, the
/// keys, digests and stamps of 2,100 outputs at 20,000 notes) was 7 % of a
/// build after one edit (`perf`). It is now the compact form of the cache
/// of compiled documents (`CompactCoding`), field by field: a line naming
/// the format, the program's identity, the entry, then the SHA-256 of all
/// that comes before. A file of another program, cut short, or changed on
/// disk is no entry (the next build is a full one), never a wrong one.
/// Dictionaries are written as their pairs in key order, so that the same
/// build gives the same bytes.
enum LastBuildFile {
    static let name = "last-build.bin"
    private static let magic = Array("groupchart-last-build 5\n".utf8)
    private static let trailer = SHA256.byteCount

    static func bytes(of entry: BuildCache.Entry, program: String = CompiledDocuments.program) -> [UInt8] {
        let encoder = CompactEncoder()
        encoder.bytes = magic
        encoder.string(program)
        entry.put(into: encoder)
        encoder.bytes.append(contentsOf: SHA256.hash(data: encoder.bytes))
        return encoder.bytes
    }

    static func entry(of bytes: [UInt8], program: String = CompiledDocuments.program) -> BuildCache.Entry? {
        guard bytes.count >= magic.count + trailer, bytes.starts(with: magic) else { return nil }
        let end = bytes.count - trailer
        guard Array(SHA256.hash(data: bytes[..<end])) == Array(bytes[end...]) else { return nil }
        let decoder = CompactDecoder(bytes[magic.count..<end])
        guard (try? decoder.string()) == program, let entry = try? BuildCache.Entry.get(from: decoder),
              decoder.offset == end, !decoder.damaged else { return nil }
        return entry
    }
}

extension BuildCache.Entry {
    func put(into encoder: CompactEncoder) {
        encoder.string(fingerprint)
        encoder.list(diagnostics) { $0.put(into: encoder) }
        encoder.int(Int64(fileCount))
        encoder.pairs(outputs) { encoder.string($0) }
        encoder.pairs(stamps) { stamp in
            for number in [stamp.size, stamp.seconds, stamp.nanoseconds] { encoder.int(number) }
            encoder.varint(stamp.inode)
            encoder.int(stamp.changed)
        }
        encoder.pairs(keys) { encoder.string($0) }
        for skipped in [skippedSessions, skippedMembers] {
            encoder.list(skipped) { skipped in
                encoder.string(skipped.id)
                encoder.list(skipped.rules) { encoder.string($0) }
            }
        }
        for number in [batch.originals, batch.replacements, batch.voids, batch.controlNumber] { encoder.int(Int64(number)) }
        encoder.bytes.append(batch.written ? 1 : 0)
        encoder.bytes.append(withoutEDI ? 1 : 0)
        encoder.bytes.append(claimIDsFirstAttempts ? 1 : 0)
        encoder.pairs(unbuiltClaims) { encoder.string($0) }
        encoder.pairs(quotedLines) { quoted in
            encoder.string(quoted.digest)
            encoder.list(quoted.lines.sorted { $0.key < $1.key }) { line in
                encoder.int(Int64(line.key))
                encoder.string(line.value)
            }
        }
    }

    static func get(from decoder: CompactDecoder) throws -> BuildCache.Entry {
        let fingerprint = try decoder.string()
        let diagnostics = try decoder.list { try Diagnostic.get(from: decoder) }
        let fileCount = try decoder.integer(Int.self)
        let outputs = try decoder.pairs { try decoder.string() }
        let stamps = try decoder.pairs {
            FileStamp(size: try decoder.integer(Int64.self), seconds: try decoder.integer(Int64.self),
                      nanoseconds: try decoder.integer(Int64.self), inode: try decoder.varint(), changed: try decoder.integer(Int64.self))
        }
        let keys = try decoder.pairs { try decoder.string() }
        let skipped = try (0..<2).map { _ in
            try decoder.list { BuildCache.Skipped(id: try decoder.string(), rules: try decoder.list { try decoder.string() }) }
        }
        var batch = BatchSummary()
        batch.originals = try decoder.integer(Int.self)
        batch.replacements = try decoder.integer(Int.self)
        batch.voids = try decoder.integer(Int.self)
        batch.controlNumber = try decoder.integer(Int.self)
        batch.written = try decoder.bool()
        let withoutEDI = try decoder.bool()
        let claimIDsFirstAttempts = try decoder.bool()
        let unbuiltClaims = try decoder.pairs { try decoder.string() }
        let quotedLines = try decoder.pairs {
            BuildCache.QuotedLines(digest: try decoder.string(), lines: Dictionary(
                try decoder.list { (try decoder.integer(Int.self), try decoder.string()) }) { first, _ in first })
        }
        return BuildCache.Entry(fingerprint: fingerprint, diagnostics: diagnostics, fileCount: fileCount, outputs: outputs,
                                stamps: stamps, keys: keys, skippedSessions: skipped[0], skippedMembers: skipped[1],
                                batch: batch, withoutEDI: withoutEDI, quotedLines: quotedLines,
                                claimIDsFirstAttempts: claimIDsFirstAttempts, unbuiltClaims: unbuiltClaims)
    }
}

extension Diagnostic {
    func put(into encoder: CompactEncoder) {
        encoder.string(rule)
        encoder.string(severity.rawValue)
        location.put(into: encoder)
        encoder.string(message)
        encoder.string(help)
        encoder.list(related) { related in
            related.location.put(into: encoder)
            encoder.string(related.message)
        }
        scope.put(into: encoder)
    }

    static func get(from decoder: CompactDecoder) throws -> Diagnostic {
        let rule = try decoder.string()
        guard let severity = Severity(rawValue: try decoder.string()) else { throw decoder.failure("a severity of no known kind") }
        return Diagnostic(rule: rule, severity: severity, location: try decoder.location(), message: try decoder.string(),
                          help: try decoder.string(),
                          related: try decoder.list { RelatedLocation(try decoder.location(), try decoder.string()) },
                          scope: try ClaimScope.get(from: decoder))
    }
}

extension ClaimScope {
    func put(into encoder: CompactEncoder) {
        switch self {
        case .chain: encoder.varint(0)
        case .code(let code): encoder.varint(1); encoder.string(code)
        case .payer(let payer): encoder.varint(2); encoder.string(payer)
        case .interchange: encoder.varint(3)
        case .member(let member): encoder.varint(4); encoder.string(member)
        }
    }

    static func get(from decoder: CompactDecoder) throws -> ClaimScope {
        switch try decoder.varint() {
        case 0: return .chain
        case 1: return .code(try decoder.string())
        case 2: return .payer(try decoder.string())
        case 3: return .interchange
        case 4: return .member(try decoder.string())
        default: throw decoder.failure("a claim scope of no known kind")
        }
    }
}

extension CompactEncoder {
    /// A dictionary as the list of its keys and values, in key order.
    func pairs<Value>(_ dictionary: [String: Value], _ value: (Value) -> Void) {
        list(dictionary.sorted { $0.key < $1.key }) { pair in
            string(pair.key)
            value(pair.value)
        }
    }
}

extension CompactDecoder {
    /// A dictionary written by `CompactEncoder.pairs`; a key twice is damage.
    func pairs<Value>(_ value: () throws -> Value) throws -> [String: Value] {
        var dictionary: [String: Value] = [:]
        for (key, element) in try list({ (try string(), try value()) }) {
            guard dictionary.updateValue(element, forKey: key) == nil else { throw failure("a key written twice") }
        }
        return dictionary
    }
}
