import Crypto

/// A SHA-256 over parts: each part's UTF-8, hashed where it lies (no array
/// per part: a rebuild at 20,000 notes hashes a few hundred thousand), then
/// an ending byte (NUL unless said) so that parts cannot run together. The
/// build's fingerprint and environment (`BuildCache`) and the records' keys
/// (`OutputKeys`) are made of it.
struct PartsHash {
    private var hash = SHA256()

    mutating func add(_ part: String, ending: UInt8 = 0) {
        var part = part
        part.withUTF8 { hash.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        withUnsafeBytes(of: ending) { hash.update(bufferPointer: $0) }
    }

    /// Bytes as they are, with no ending: parts laid out already.
    mutating func add(bytes: [UInt8]) {
        bytes.withUnsafeBytes { hash.update(bufferPointer: $0) }
    }

    /// A number as its eight bytes, little-endian.
    mutating func add(number: Int) {
        withUnsafeBytes(of: Int64(number).littleEndian) { hash.update(bufferPointer: $0) }
    }

    /// The digest in lower-case hex.
    var hex: String {
        SignedText.hex(hash.finalize())
    }
}
