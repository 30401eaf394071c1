import Foundation

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
