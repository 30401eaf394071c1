import Crypto

/// A SHA-256 over parts: each part's UTF-8, then an ending byte (NUL unless
/// said) so that parts cannot run together. The build's fingerprint and
/// environment (`BuildCache`) and the records' keys (`OutputKeys`) are made
/// of it.
///
/// The parts are laid end to end in a buffer and hashed a block at a time:
/// a rebuild at 20,000 notes adds about a million parts of a few dozen
/// bytes each, and handing each to the hash on its own (two calls into
/// swift-crypto per part, the part and its ending) cost more than hashing
/// the bytes. The digest is that of the same bytes either way.
struct PartsHash {
    private var hash = SHA256()
    private var buffer: [UInt8] = []
    /// How much is gathered before it is hashed. The buffer grows as parts
    /// come, nothing reserved: the session-scoped rules keep a hash per
    /// session at once, 2,000 at 20,000 notes.
    private static let block = 16 * 1024

    mutating func add(_ part: String, ending: UInt8 = 0) {
        Self.lay(part, ending: ending, onto: &buffer)
        if buffer.count >= Self.block { flush() }
    }

    /// A part as `add` hashes it, laid onto `bytes`: for a caller that keeps
    /// the bytes to hash them later (`FingerprintedFiles`).
    static func lay(_ part: String, ending: UInt8 = 0, onto bytes: inout [UInt8]) {
        bytes += part.utf8
        bytes.append(ending)
    }

    /// A number as its eight bytes, little-endian.
    mutating func add(number: Int) {
        withUnsafeBytes(of: Int64(number).littleEndian) { buffer += $0 }
        if buffer.count >= Self.block { flush() }
    }

    /// Bytes as they are, with no ending: parts laid out already.
    mutating func add(bytes: [UInt8]) {
        flush()
        bytes.withUnsafeBytes { hash.update(bufferPointer: $0) }
    }

    /// The digest in lower-case hex.
    var hex: String {
        var finished = hash
        buffer.withUnsafeBytes { finished.update(bufferPointer: $0) }
        return SignedText.hex(finished.finalize())
    }

    private mutating func flush() {
        guard !buffer.isEmpty else { return }
        buffer.withUnsafeBytes { hash.update(bufferPointer: $0) }
        buffer.removeAll(keepingCapacity: true)
    }
}
