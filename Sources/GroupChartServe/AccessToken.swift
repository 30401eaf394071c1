/// The secret in every served URL (`http://127.0.0.1:PORT/TOKEN/`), as
/// Jupyter has one: the records hold protected health information, and any
/// program or user on the machine can reach a loopback port. Without the
/// token a request gets 403 and learns nothing.
///
/// It stands as the first segment of the path rather than in a query, so
/// that the records' relative links keep it without being rewritten, and no
/// cookie is needed. A new one is drawn at every start.
struct AccessToken: Sendable {
    let value: String

    /// 24 bytes (192 bits) from the system's secure generator, in hex.
    static func random() -> AccessToken {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<24).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return AccessToken(value: bytes.map { byte in
            let hex = String(byte, radix: 16)
            return hex.count == 1 ? "0" + hex : hex
        }.joined())
    }

    /// Compares in time that does not depend on where `candidate` first
    /// differs, so that the token cannot be guessed byte by byte.
    func matches(_ candidate: Substring) -> Bool {
        let expected = Array(value.utf8)
        let given = Array(candidate.utf8)
        var difference = UInt8(truncatingIfNeeded: expected.count ^ given.count)
        for index in expected.indices {
            difference |= expected[index] ^ (index < given.count ? given[index] : 0)
        }
        return difference == 0 && expected.count == given.count
    }
}
