import Foundation

/// A compact, positional binary form of `Codable` values: what the cache of
/// compiled documents (`CompiledDocuments`) keeps of each document, what
/// the rules derived (`DerivedCache`) and the last build's entry
/// (`LastBuildFile`).
///
/// Keys are not written (a value is read back by the same program, field by
/// field in the order it was written, and the cache is versioned with the
/// program), integers are variable-length, and each string is written once
/// per value and then named by its index, so that the path every location
/// of a note repeats costs a few bytes and is one string again when read.
/// An optional carries a byte that says whether it is there; a list carries
/// its count; an enum's case carries its name.
///
/// Reading never traps: every read is bounds-checked and anything out of
/// place throws, so a corrupt or foreign cache is a cache miss, not a crash.
/// Dictionaries are refused (their keys would be lost); no compiled
/// document holds one.
enum CompactCoding {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let encoder = CompactEncoder()
        try encoder.put(value)
        return encoder.bytes
    }

    static func decode<T: Decodable>(_ type: T.Type, from bytes: ArraySlice<UInt8>) throws -> T {
        let decoder = CompactDecoder(bytes)
        let value = try decoder.get(T.self)
        guard decoder.offset == bytes.endIndex, !decoder.damaged else { throw Failure(description: "bytes left over or damaged") }
        return value
    }
}

/// Lets the coders tell an optional apart, whatever it wraps.
private protocol CompactOptional {
    var isAbsent: Bool { get }
}

extension Optional: CompactOptional {
    fileprivate var isAbsent: Bool {
        if case .none = self { return true }
        return false
    }
}

private protocol CompactRefused {}
extension Dictionary: CompactRefused {}

// MARK: - Writing

/// A 64-bit hash of a string's UTF-8 bytes, sixteen at a time in two
/// lanes, by which the encoder finds the strings it named: only equal bytes
/// are named, so a collision costs a string written twice, never a wrong
/// one. Each word is xored into its lane and multiplied, and the lanes are
/// mixed once at the end: SplitMix's finalizer on every word, a chain of
/// two multiplications each, was 0.8 % of a cold build at 20,000 notes
/// (`perf`), most of it the paragraphs of the notes.
enum NameKey {
    static func of(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let raw = UnsafeRawBufferPointer(bytes)
        var first: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        var second: UInt64 = 0xC2B2_AE3D_27D4_EB4F
        var offset = 0
        while offset + 16 <= raw.count {
            first = (first ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
            second = (second ^ raw.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self)) &* 0x94D0_49BB_1331_11EB
            first ^= first >> 29
            second ^= second >> 31
            offset += 16
        }
        var tail: (UInt64, UInt64) = (0, 0)
        var shift: UInt64 = 0
        while offset < raw.count {
            if shift < 64 { tail.0 |= UInt64(raw[offset]) << shift } else { tail.1 |= UInt64(raw[offset]) << (shift - 64) }
            shift += 8
            offset += 1
        }
        return mixed(mixed(first ^ tail.0) ^ (second ^ tail.1))
    }

    /// The finalizer of SplitMix64.
    private static func mixed(_ value: UInt64) -> UInt64 {
        var value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}

final class CompactEncoder: Encoder {
    /// What is written so far, and the strings named in it, in one value:
    /// each string or number written is one access to it. Why: as four
    /// properties of this class, each string took seven accesses, each
    /// checked at run time for exclusivity, and the checks were 2.4 % of a
    /// cold build at 20,000 notes (`perf`), for the 60 MB of its compiled documents.
    private var written = Written()
    /// How a string's bytes are hashed for the names (a test makes every
    /// string collide).
    let nameKey: (UnsafeBufferPointer<UInt8>) -> UInt64

    init(nameKey: @escaping (UnsafeBufferPointer<UInt8>) -> UInt64 = NameKey.of) {
        self.nameKey = nameKey
    }

    /// The bytes written so far.
    var bytes: [UInt8] {
        get { written.bytes }
        set { written.bytes = newValue }
        _modify { yield &written.bytes }
    }

    /// The bytes, and the strings named so far: their bytes one after
    /// another (`namedBytes`), where each lies by its index (`named`), and
    /// the index of each by a hash of its bytes (`index`, `NameKey`). A name
    /// is given only to the same bytes, compared with `memcmp`. Keyed by the
    /// strings themselves, the table hashed every paragraph of every note
    /// with `String`'s hash and compared strings element by element (4 % of
    /// a cold build at 20,000 notes, `perf`), and it found them by canonical
    /// equivalence: "é" decomposed was named as the composed one written
    /// before it, and came back with the other's bytes.
    private struct Written {
        var bytes: [UInt8] = []
        private var namedBytes: [UInt8] = []
        private var named: [Range<Int>] = []
        private var index = NameIndex()

        mutating func varint(_ value: UInt64) {
            var value = value
            while value >= 0x80 {
                bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
                value >>= 7
            }
            bytes.append(UInt8(value))
        }

        /// Writes `utf8` the first time, names it by its index after. A
        /// string whose hash (`key`) an earlier one of other bytes took is
        /// written each time, and counted, as the decoder counts every string written.
        mutating func string(_ utf8: UnsafeBufferPointer<UInt8>, key: UInt64) {
            if let found = index.name(key) {
                if isNamed(found, utf8) {
                    varint(UInt64(found) << 1 | 1)
                    return
                }
            } else {
                index.add(key, name: named.count)
            }
            varint(UInt64(utf8.count) << 1)
            bytes.append(contentsOf: utf8)
            named.append(namedBytes.count..<(namedBytes.count + utf8.count))
            namedBytes.append(contentsOf: utf8)
        }

        /// Whether the string named `name` has the bytes `utf8`.
        private func isNamed(_ name: Int, _ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
            let place = named[name]
            guard place.count == utf8.count else { return false }
            guard let start = utf8.baseAddress, !place.isEmpty else { return true }
            return namedBytes.withUnsafeBufferPointer { memcmp($0.baseAddress! + place.lowerBound, start, place.count) == 0 }
        }
    }

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(KeyedWriter<Key>(encoder: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer { ListWriter(encoder: self) }
    func singleValueContainer() -> any SingleValueEncodingContainer { ValueWriter(encoder: self) }

    func varint(_ value: UInt64) { written.varint(value) }

    func int(_ value: Int64) { varint(UInt64(bitPattern: (value << 1) ^ (value >> 63))) }

    /// The name given to each hash of a string's bytes (`NameKey`): a table
    /// open by address, probed in line. Why not a dictionary: the keys are
    /// hashes already, and `Dictionary` hashed each again with SipHash
    /// (0.4 % of a cold build at 20,000 notes, `perf`, and as much again
    /// finding and growing).
    private struct NameIndex {
        private var keys = [UInt64](repeating: 0, count: 64)
        /// The name plus one; 0 for a free slot.
        private var names = [Int32](repeating: 0, count: 64)
        private var count = 0

        func name(_ key: UInt64) -> Int? {
            let mask = keys.count - 1
            var slot = Int(truncatingIfNeeded: key) & mask
            while names[slot] != 0 {
                if keys[slot] == key { return Int(names[slot] - 1) }
                slot = (slot + 1) & mask
            }
            return nil
        }

        /// Gives `key` the name `name`; `key` has none yet.
        mutating func add(_ key: UInt64, name: Int) {
            if 2 * (count + 1) > keys.count { grow() }
            let mask = keys.count - 1
            var slot = Int(truncatingIfNeeded: key) & mask
            while names[slot] != 0 { slot = (slot + 1) & mask }
            keys[slot] = key
            names[slot] = Int32(truncatingIfNeeded: name + 1)
            count += 1
        }

        private mutating func grow() {
            let (oldKeys, oldNames) = (keys, names)
            keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
            names = [Int32](repeating: 0, count: oldKeys.count * 2)
            count = 0
            for slot in oldKeys.indices where oldNames[slot] != 0 { add(oldKeys[slot], name: Int(oldNames[slot] - 1)) }
        }
    }

    /// Writes `value` the first time, names it by its index after (`Written.string`).
    func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in written.string(utf8, key: nameKey(utf8)) }
    }

    /// What `put` does with a type that is not one of those it names:
    /// found once per type and encoder, since asking the runtime whether a
    /// type is an optional or a dictionary at every value was most of the
    /// time of encoding (`perf`: 6 % of a cold build).
    private enum Handling { case optional, refused, plain }
    private var handling: [ObjectIdentifier: Handling] = [:]

    /// Writes a `T`; the values every note holds by the dozen are written
    /// by hand (`put(into:)` below), found by their type alone.
    func put<T: Encodable>(_ value: T) throws {
        if T.self == String.self { string(unsafeBitCast(value, to: String.self)); return }
        if T.self == SourceLocation.self { unsafeBitCast(value, to: SourceLocation.self).put(into: self); return }
        if T.self == TextRun.self { unsafeBitCast(value, to: TextRun.self).put(into: self); return }
        if T.self == MarkdownBlock.self { unsafeBitCast(value, to: MarkdownBlock.self).put(into: self); return }
        if T.self == Located<String>.self { unsafeBitCast(value, to: Located<String>.self).put(into: self); return }
        if T.self == DocumentReading.self { try unsafeBitCast(value, to: DocumentReading.self).put(into: self); return }
        if T.self == ProgressNote.self { try unsafeBitCast(value, to: ProgressNote.self).put(into: self); return }
        if T.self == ClinicalContent.self { unsafeBitCast(value, to: ClinicalContent.self).put(into: self); return }
        if T.self == MarkdownBody.self { unsafeBitCast(value, to: MarkdownBody.self).put(into: self); return }
        if T.self == Signature.self { try unsafeBitCast(value, to: Signature.self).put(into: self); return }
        if T.self == Int.self { int(Int64(unsafeBitCast(value, to: Int.self))); return }
        if T.self == Bool.self { bytes.append(unsafeBitCast(value, to: Bool.self) ? 1 : 0); return }
        if T.self == [UInt64].self { words(unsafeBitCast(value, to: [UInt64].self)); return }
        if T.self == [NoteTexts.Note].self { list(unsafeBitCast(value, to: [NoteTexts.Note].self)) { $0.put(into: self) }; return }
        // In order: a set's own order changes with each process's hash seed,
        // and the same practice must give the same cache.
        if T.self == Set<String>.self { list(unsafeBitCast(value, to: Set<String>.self).sorted()) { string($0) }; return }
        let identity = ObjectIdentifier(T.self)
        let how: Handling
        if let known = handling[identity] {
            how = known
        } else {
            how = T.self is any CompactOptional.Type ? .optional : T.self is any CompactRefused.Type ? .refused : .plain
            handling[identity] = how
        }
        switch how {
        case .refused:
            throw CompactCoding.Failure(description: "a dictionary cannot be kept")
        case .optional:
            let optional = value as! any CompactOptional
            bytes.append(optional.isAbsent ? 0 : 1)
            if optional.isAbsent { return }
        case .plain:
            break
        }
        try value.encode(to: self)
    }

    func putIfPresent<T: Encodable>(_ value: T?) throws {
        try optional(value) { try put($0) }
    }

    /// A list of 64-bit words (a note's 3-grams), its count then its bytes as they lie.
    func words(_ values: [UInt64]) {
        let count = UInt32(truncatingIfNeeded: values.count)
        for index in 0..<4 { bytes.append(UInt8(truncatingIfNeeded: count >> (8 * UInt32(index)))) }
        for value in values { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
    }

    func put(_ value: Double) { withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) } }

    func refuseNil() throws -> Never { throw CompactCoding.Failure(description: "a nil outside an optional") }
}

private struct KeyedWriter<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: CompactEncoder
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) throws { try encoder.refuseNil() }
    mutating func encode(_ value: Bool, forKey key: Key) throws { try encoder.put(value) }
    mutating func encode(_ value: String, forKey key: Key) throws { encoder.string(value) }
    mutating func encode(_ value: Double, forKey key: Key) throws { encoder.put(value) }
    mutating func encode(_ value: Float, forKey key: Key) throws { encoder.put(Double(value)) }
    mutating func encode(_ value: Int, forKey key: Key) throws { encoder.int(Int64(value)) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { encoder.int(Int64(value)) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { encoder.int(Int64(value)) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { encoder.int(Int64(value)) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { encoder.int(value) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { encoder.varint(UInt64(value)) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { encoder.varint(UInt64(value)) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { encoder.varint(UInt64(value)) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { encoder.varint(UInt64(value)) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { encoder.varint(value) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try encoder.put(value) }

    // The synthesized coders call these for optional properties: each writes
    // the byte that says whether the value is there.
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { try encoder.putIfPresent(value) }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { try encoder.putIfPresent(value) }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { try encoder.putIfPresent(value) }
    mutating func encodeIfPresent(_ value: Float?, forKey key: Key) throws { try encoder.putIfPresent(value) }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { try encoder.putIfPresent(value) }
    mutating func encodeIfPresent(_ value: Int8?, forKey key: Key) throws { try encoder.putIfPresent(value) }
    mutating func encodeIfPresent(_ value: Int16?, forKey key: Key) throws { try encoder.putIfPresent(value) }
    mutating func encodeIfPresent(_ value: Int32?, forKey key: Key) throws { try encoder.putIfPresent(value) }
    mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws { try encoder.putIfPresent(value) }
    mutating func encodeIfPresent(_ value: UInt?, forKey key: Key) throws { try encoder.putIfPresent(value) }
    mutating func encodeIfPresent(_ value: UInt8?, forKey key: Key) throws { try encoder.putIfPresent(value) }
    mutating func encodeIfPresent(_ value: UInt16?, forKey key: Key) throws { try encoder.putIfPresent(value) }
    mutating func encodeIfPresent(_ value: UInt32?, forKey key: Key) throws { try encoder.putIfPresent(value) }
    mutating func encodeIfPresent(_ value: UInt64?, forKey key: Key) throws { try encoder.putIfPresent(value) }
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws { try encoder.putIfPresent(value) }

    /// Only an enum's case opens a nested container: its name is written.
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type,
                                                        forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        encoder.string(key.stringValue)
        return KeyedEncodingContainer(KeyedWriter<NestedKey>(encoder: encoder))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer { ListWriter(encoder: encoder) }
    mutating func superEncoder() -> any Encoder { encoder }
    mutating func superEncoder(forKey key: Key) -> any Encoder { encoder }
}

/// A list: a four-byte count, raised as each element is written.
private struct ListWriter: UnkeyedEncodingContainer {
    let encoder: CompactEncoder
    private let countOffset: Int
    private(set) var count = 0
    var codingPath: [any CodingKey] { [] }

    init(encoder: CompactEncoder) {
        self.encoder = encoder
        countOffset = encoder.bytes.count
        encoder.bytes.append(contentsOf: [0, 0, 0, 0])
    }

    private mutating func counted() {
        count += 1
        let value = UInt32(truncatingIfNeeded: count)
        for index in 0..<4 { encoder.bytes[countOffset + index] = UInt8(truncatingIfNeeded: value >> (8 * UInt32(index))) }
    }

    mutating func encodeNil() throws { try encoder.refuseNil() }
    mutating func encode(_ value: Bool) throws { encoder.bytes.append(value ? 1 : 0); counted() }
    mutating func encode(_ value: String) throws { encoder.string(value); counted() }
    mutating func encode(_ value: Double) throws { encoder.put(value); counted() }
    mutating func encode(_ value: Float) throws { encoder.put(Double(value)); counted() }
    mutating func encode(_ value: Int) throws { encoder.int(Int64(value)); counted() }
    mutating func encode(_ value: Int8) throws { encoder.int(Int64(value)); counted() }
    mutating func encode(_ value: Int16) throws { encoder.int(Int64(value)); counted() }
    mutating func encode(_ value: Int32) throws { encoder.int(Int64(value)); counted() }
    mutating func encode(_ value: Int64) throws { encoder.int(Int64(value)); counted() }
    mutating func encode(_ value: UInt) throws { encoder.varint(UInt64(value)); counted() }
    mutating func encode(_ value: UInt8) throws { encoder.varint(UInt64(value)); counted() }
    mutating func encode(_ value: UInt16) throws { encoder.varint(UInt64(value)); counted() }
    mutating func encode(_ value: UInt32) throws { encoder.varint(UInt64(value)); counted() }
    mutating func encode(_ value: UInt64) throws { encoder.varint(UInt64(value)); counted() }
    mutating func encode<T: Encodable>(_ value: T) throws {
        try encoder.put(value)
        counted()
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        counted()
        return KeyedEncodingContainer(KeyedWriter<NestedKey>(encoder: encoder))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        counted()
        return ListWriter(encoder: encoder)
    }

    mutating func superEncoder() -> any Encoder { encoder }
}

private struct ValueWriter: SingleValueEncodingContainer {
    let encoder: CompactEncoder
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws { try encoder.refuseNil() }
    mutating func encode(_ value: Double) throws { encoder.put(value) }
    mutating func encode(_ value: Float) throws { encoder.put(Double(value)) }
    mutating func encode(_ value: Bool) throws { encoder.bytes.append(value ? 1 : 0) }
    mutating func encode(_ value: String) throws { encoder.string(value) }
    mutating func encode(_ value: Int) throws { encoder.int(Int64(value)) }
    mutating func encode(_ value: Int8) throws { encoder.int(Int64(value)) }
    mutating func encode(_ value: Int16) throws { encoder.int(Int64(value)) }
    mutating func encode(_ value: Int32) throws { encoder.int(Int64(value)) }
    mutating func encode(_ value: Int64) throws { encoder.int(Int64(value)) }
    mutating func encode(_ value: UInt) throws { encoder.varint(UInt64(value)) }
    mutating func encode(_ value: UInt8) throws { encoder.varint(UInt64(value)) }
    mutating func encode(_ value: UInt16) throws { encoder.varint(UInt64(value)) }
    mutating func encode(_ value: UInt32) throws { encoder.varint(UInt64(value)) }
    mutating func encode(_ value: UInt64) throws { encoder.varint(UInt64(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws { try encoder.put(value) }
}

// MARK: - Reading

final class CompactDecoder: Decoder {
    private let bytes: ArraySlice<UInt8>
    private(set) var offset: Int
    private var strings: [String] = []
    /// An enum's case name read by `allKeys`, which its nested container takes.
    var pendingKey: String?
    /// Set where a damaged byte could not be thrown (`ValueReader.decodeNil`).
    var damaged = false
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        offset = bytes.startIndex
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(KeyedReader<Key>(decoder: self))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer { try ListReader(decoder: self) }
    func singleValueContainer() throws -> any SingleValueDecodingContainer { ValueReader(decoder: self) }

    func failure(_ what: String) -> CompactCoding.Failure {
        CompactCoding.Failure(description: "\(what) at byte \(offset - bytes.startIndex)")
    }

    func byte() throws -> UInt8 {
        guard offset < bytes.endIndex else { throw failure("end of the bytes") }
        defer { offset += 1 }
        return bytes[offset]
    }

    func varint() throws -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let next = try byte()
            guard shift < 64 else { throw failure("a number too long") }
            value |= UInt64(next & 0x7F) << shift
            if next & 0x80 == 0 { return value }
            shift += 7
        }
    }

    func int() throws -> Int64 {
        let raw = try varint()
        return Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1)
    }

    func integer<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
        let value: T?
        if T.isSigned { value = T(exactly: try int()) } else { value = T(exactly: try varint()) }
        guard let value else { throw failure("a number out of range") }
        return value
    }

    func string() throws -> String {
        let tag = try varint()
        if tag & 1 == 1 {
            let index = tag >> 1
            guard index < strings.count else { throw failure("a string that was never written") }
            return strings[Int(index)]
        }
        let length = tag >> 1
        guard length <= UInt64(bytes.endIndex - offset) else { throw failure("a string past the end") }
        let end = offset + Int(length)
        let text = String(decoding: bytes[offset..<end], as: UTF8.self)
        offset = end
        strings.append(text)
        return text
    }

    func double() throws -> Double {
        guard bytes.endIndex - offset >= 8 else { throw failure("end of the bytes") }
        var pattern: UInt64 = 0
        for index in 0..<8 { pattern |= UInt64(bytes[offset + index]) << (8 * UInt64(index)) }
        offset += 8
        return Double(bitPattern: pattern)
    }

    func bool() throws -> Bool {
        switch try byte() {
        case 0: return false
        case 1: return true
        default: throw failure("a flag that is neither 0 nor 1")
        }
    }

    /// Reads a `T`. The values every note holds by the dozen are read by
    /// hand (`get(from:)` below): through `Decoder`'s containers each cost
    /// the lookup of a generic container type, and reading the cache took
    /// as long as parsing the notes. An optional's byte is read by
    /// `Optional`'s own decoding, through `ValueReader.decodeNil`.
    func get<T: Decodable>(_ type: T.Type) throws -> T {
        if T.self == SourceLocation.self { return unsafeBitCast(try location(), to: T.self) }
        if T.self == String.self { return unsafeBitCast(try string(), to: T.self) }
        if T.self == TextRun.self { return unsafeBitCast(try TextRun.get(from: self), to: T.self) }
        if T.self == MarkdownBlock.self { return unsafeBitCast(try MarkdownBlock.get(from: self), to: T.self) }
        if T.self == Located<String>.self { return unsafeBitCast(Located(try string(), at: try location()), to: T.self) }
        if T.self == DocumentReading.self { return unsafeBitCast(try DocumentReading.get(from: self), to: T.self) }
        if T.self == ProgressNote.self { return unsafeBitCast(try ProgressNote.get(from: self), to: T.self) }
        if T.self == ClinicalContent.self { return unsafeBitCast(try ClinicalContent.get(from: self), to: T.self) }
        if T.self == MarkdownBody.self { return unsafeBitCast(try MarkdownBody.get(from: self), to: T.self) }
        if T.self == Signature.self { return unsafeBitCast(try Signature.get(from: self), to: T.self) }
        if T.self == Int.self { return unsafeBitCast(try integer(Int.self), to: T.self) }
        if T.self == Bool.self { return unsafeBitCast(try bool(), to: T.self) }
        if T.self == [UInt64].self { return unsafeBitCast(try words(), to: T.self) }
        if T.self == [NoteTexts.Note].self { return unsafeBitCast(try list { try NoteTexts.Note.get(from: self) }, to: T.self) }
        if T.self == Set<String>.self { return unsafeBitCast(Set(try list { try string() }), to: T.self) }
        return try T(from: self)
    }

    func words() throws -> [UInt64] {
        var count = 0
        for index in 0..<4 { count |= Int(try byte()) << (8 * index) }
        guard count <= (bytes.endIndex - offset) / 8 else { throw failure("words past the end") }
        let start = offset
        offset += count * 8
        return bytes[start..<offset].withUnsafeBytes { raw in
            (0..<count).map { UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 8, as: UInt64.self)) }
        }
    }

    func location() throws -> SourceLocation {
        SourceLocation(file: try string(), line: try integer(Int.self), column: try integer(Int.self))
    }

    /// A list written by `ListWriter`, each element read by `element`.
    func list<Element>(_ element: () throws -> Element) throws -> [Element] {
        var count = 0
        for index in 0..<4 { count |= Int(try byte()) << (8 * index) }
        // Each element takes a byte at least: a count past the end is damage.
        guard count <= bytes.endIndex - offset else { throw failure("a list longer than the bytes") }
        var elements: [Element] = []
        // Exactly its room when it is a list of a note (a few dozen); a
        // count forged into the millions grows as it is read instead.
        elements.reserveCapacity(min(count, 4_096))
        for _ in 0..<count { elements.append(try element()) }
        return elements
    }

    func getIfPresent<T: Decodable>(_ type: T.Type) throws -> T? {
        try optional { try get(T.self) }
    }

    func caseName() throws -> String {
        if let pendingKey {
            self.pendingKey = nil
            return pendingKey
        }
        return try string()
    }
}

private struct KeyedReader<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: CompactDecoder
    var codingPath: [any CodingKey] { [] }

    /// Asked only by an enum, for its case: the name written before its values.
    var allKeys: [Key] {
        guard let name = try? decoder.caseName(), let key = Key(stringValue: name) else { return [] }
        decoder.pendingKey = name
        return [key]
    }

    func contains(_ key: Key) -> Bool { true }
    func decodeNil(forKey key: Key) throws -> Bool { false }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try decoder.bool() }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try decoder.string() }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try decoder.double() }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { Float(try decoder.double()) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try decoder.integer(Int.self) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try decoder.integer(Int8.self) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try decoder.integer(Int16.self) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try decoder.integer(Int32.self) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try decoder.integer(Int64.self) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try decoder.integer(UInt.self) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try decoder.integer(UInt8.self) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try decoder.integer(UInt16.self) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try decoder.integer(UInt32.self) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try decoder.integer(UInt64.self) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try decoder.get(T.self) }

    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try decoder.getIfPresent(type) }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try decoder.getIfPresent(type) }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { try decoder.getIfPresent(type) }
    func decodeIfPresent(_ type: Float.Type, forKey key: Key) throws -> Float? { try decoder.getIfPresent(type) }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try decoder.getIfPresent(type) }
    func decodeIfPresent(_ type: Int8.Type, forKey key: Key) throws -> Int8? { try decoder.getIfPresent(type) }
    func decodeIfPresent(_ type: Int16.Type, forKey key: Key) throws -> Int16? { try decoder.getIfPresent(type) }
    func decodeIfPresent(_ type: Int32.Type, forKey key: Key) throws -> Int32? { try decoder.getIfPresent(type) }
    func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? { try decoder.getIfPresent(type) }
    func decodeIfPresent(_ type: UInt.Type, forKey key: Key) throws -> UInt? { try decoder.getIfPresent(type) }
    func decodeIfPresent(_ type: UInt8.Type, forKey key: Key) throws -> UInt8? { try decoder.getIfPresent(type) }
    func decodeIfPresent(_ type: UInt16.Type, forKey key: Key) throws -> UInt16? { try decoder.getIfPresent(type) }
    func decodeIfPresent(_ type: UInt32.Type, forKey key: Key) throws -> UInt32? { try decoder.getIfPresent(type) }
    func decodeIfPresent(_ type: UInt64.Type, forKey key: Key) throws -> UInt64? { try decoder.getIfPresent(type) }
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? { try decoder.getIfPresent(type) }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        guard try decoder.caseName() == key.stringValue else { throw decoder.failure("another case than \(key.stringValue)") }
        return KeyedDecodingContainer(KeyedReader<NestedKey>(decoder: decoder))
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer { try ListReader(decoder: decoder) }
    func superDecoder() throws -> any Decoder { decoder }
    func superDecoder(forKey key: Key) throws -> any Decoder { decoder }
}

private struct ListReader: UnkeyedDecodingContainer {
    let decoder: CompactDecoder
    let count: Int?
    private(set) var currentIndex = 0
    var codingPath: [any CodingKey] { [] }
    var isAtEnd: Bool { currentIndex >= (count ?? 0) }

    init(decoder: CompactDecoder) throws {
        self.decoder = decoder
        var count = 0
        for index in 0..<4 { count |= Int(try decoder.byte()) << (8 * index) }
        self.count = count
    }

    private mutating func next() throws {
        guard !isAtEnd else { throw decoder.failure("a list read past its count") }
        currentIndex += 1
    }

    mutating func decodeNil() throws -> Bool { false }
    mutating func decode(_ type: Bool.Type) throws -> Bool { try next(); return try decoder.bool() }
    mutating func decode(_ type: String.Type) throws -> String { try next(); return try decoder.string() }
    mutating func decode(_ type: Double.Type) throws -> Double { try next(); return try decoder.double() }
    mutating func decode(_ type: Float.Type) throws -> Float { try next(); return Float(try decoder.double()) }
    mutating func decode(_ type: Int.Type) throws -> Int { try next(); return try decoder.integer(Int.self) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try next(); return try decoder.integer(Int8.self) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try next(); return try decoder.integer(Int16.self) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try next(); return try decoder.integer(Int32.self) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try next(); return try decoder.integer(Int64.self) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try next(); return try decoder.integer(UInt.self) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try next(); return try decoder.integer(UInt8.self) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try next(); return try decoder.integer(UInt16.self) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try next(); return try decoder.integer(UInt32.self) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try next(); return try decoder.integer(UInt64.self) }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try next()
        return try decoder.get(T.self)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try next()
        return KeyedDecodingContainer(KeyedReader<NestedKey>(decoder: decoder))
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try next()
        return try ListReader(decoder: decoder)
    }

    mutating func superDecoder() throws -> any Decoder { decoder }
}

private struct ValueReader: SingleValueDecodingContainer {
    let decoder: CompactDecoder
    var codingPath: [any CodingKey] { [] }

    /// Asked by `Optional` alone: the byte that says whether it is there.
    /// It cannot throw: a byte other than 0 or 1 marks the value damaged,
    /// and `CompactCoding.decode` then throws.
    func decodeNil() -> Bool {
        switch try? decoder.byte() {
        case 0: return true
        case 1: return false
        default:
            decoder.damaged = true
            return true
        }
    }
    func decode(_ type: Bool.Type) throws -> Bool { try decoder.bool() }
    func decode(_ type: String.Type) throws -> String { try decoder.string() }
    func decode(_ type: Double.Type) throws -> Double { try decoder.double() }
    func decode(_ type: Float.Type) throws -> Float { Float(try decoder.double()) }
    func decode(_ type: Int.Type) throws -> Int { try decoder.integer(Int.self) }
    func decode(_ type: Int8.Type) throws -> Int8 { try decoder.integer(Int8.self) }
    func decode(_ type: Int16.Type) throws -> Int16 { try decoder.integer(Int16.self) }
    func decode(_ type: Int32.Type) throws -> Int32 { try decoder.integer(Int32.self) }
    func decode(_ type: Int64.Type) throws -> Int64 { try decoder.integer(Int64.self) }
    func decode(_ type: UInt.Type) throws -> UInt { try decoder.integer(UInt.self) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try decoder.integer(UInt8.self) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try decoder.integer(UInt16.self) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try decoder.integer(UInt32.self) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try decoder.integer(UInt64.self) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoder.get(T.self) }
}

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
    }

    static func get(from decoder: CompactDecoder) throws -> GoalItem {
        let goal = try decoder.optional { Located(try decoder.string(), at: try decoder.location()) }
        let status = try decoder.optional { () throws -> GoalStatus in
            guard let status = GoalStatus(rawValue: try decoder.string()) else { throw decoder.failure("a goal status of no known kind") }
            return status
        }
        return GoalItem(goal: goal, status: status, text: try decoder.string(), location: try decoder.location())
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
