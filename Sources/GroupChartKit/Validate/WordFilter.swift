/// A 4,096-bit filter of word hashes (`WordScanner`): whether a word may be
/// one of a few looked for, in one bit test, where a set lookup hashed the
/// hash again. Most words of a note are none of them (7 million words in
/// 20,000 notes), so the few that pass are looked up exactly after.
struct WordFilter: Sendable {
    private var bits = [UInt64](repeating: 0, count: 64)

    mutating func insert(_ word: UInt64) {
        bits[Int(word & 4095) >> 6] |= 1 << (word & 63)
    }

    /// False: not one of the words inserted. True: perhaps.
    func mayHold(_ word: UInt64) -> Bool {
        bits[Int(word & 4095) >> 6] & (1 << (word & 63)) != 0
    }
}
