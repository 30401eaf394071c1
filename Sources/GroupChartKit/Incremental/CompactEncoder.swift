import Foundation

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
