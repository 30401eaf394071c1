/// A 4,096-bit filter of word hashes (`WordScanner`): whether a word may be
/// one of a few looked for, in two bit tests, where a set lookup hashed the
/// hash again. Most words of a note are none of them (7 million words in
/// 20,000 notes), so the few that pass are looked up exactly after.
///
/// Each word sets two bits, one from the hash's low twelve bits and one from
/// its high twelve (FNV-1a mixes its high bits best). With one bit, the 220
/// names, titles and pronouns of a 100-member practice let one word in 19
/// through, and a block of 60 words with none of the session's names in it
/// was listed word by word one time in four (`other-member-named`); with
/// two, about one word in 100 and one block in 175.
struct WordFilter: Sendable {
    private var bits = [UInt64](repeating: 0, count: 64)

    mutating func insert(_ word: UInt64) {
        bits[Int(word & 4095) >> 6] |= 1 << (word & 63)
        bits[Int(word >> 58)] |= 1 << ((word >> 52) & 63)
    }

    /// False: not one of the words inserted. True: perhaps.
    func mayHold(_ word: UInt64) -> Bool {
        bits[Int(word & 4095) >> 6] & (1 << (word & 63)) != 0 && bits[Int(word >> 58)] & (1 << ((word >> 52) & 63)) != 0
    }
}
