/// The sentences of one session's notes, as their hashes, with how many of
/// its notes hold each: what `NoteSimilarity.sharedSentences` counts and
/// `shingles` leaves out.
///
/// The hashes are already mixed over all 64 bits, so their low bits pick a
/// slot as they are, in one table sized up front and probed in order. A
/// `Set` and a `Dictionary` hashed each of them again with SipHash, made a
/// set of each note's sentences, and grew as they filled: 3 % of a cold
/// check at 20,000 notes (`perf`).
struct SentenceTable: Sendable, ExpressibleByArrayLiteral {
    /// Each slot's hash; a slot is taken when its count is not 0.
    private var keys: [UInt64]
    /// How many notes hold the slot's sentence.
    private var counts: [Int32]
    /// The last note that counted the slot's sentence, so that a note holding
    /// a sentence twice counts it once.
    private var lastNote: [Int32]
    private let mask: Int
    /// How many different sentences the table holds.
    private(set) var count = 0

    /// A table with room for `capacity` different sentences.
    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        keys = [UInt64](repeating: 0, count: size)
        counts = [Int32](repeating: 0, count: size)
        lastNote = [Int32](repeating: -1, count: size)
        mask = size - 1
    }

    init(arrayLiteral hashes: UInt64...) {
        self.init(capacity: hashes.count)
        for (note, hash) in hashes.enumerated() { add(hash, note: note) }
    }

    /// The slot holding `hash`, or the empty slot where it would go.
    private func slot(of hash: UInt64) -> Int {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while counts[slot] != 0 && keys[slot] != hash { slot = (slot + 1) & mask }
        return slot
    }

    /// Counts `hash` once for note `note` (any number that tells the notes apart).
    mutating func add(_ hash: UInt64, note: Int) {
        let slot = slot(of: hash)
        if counts[slot] == 0 {
            keys[slot] = hash
            count += 1
        } else if lastNote[slot] == Int32(truncatingIfNeeded: note) {
            return
        }
        counts[slot] += 1
        lastNote[slot] = Int32(truncatingIfNeeded: note)
    }

    func contains(_ hash: UInt64) -> Bool {
        counts[slot(of: hash)] != 0
    }

    /// Calls `body` with each sentence and the number of notes holding it.
    func forEach(_ body: (_ hash: UInt64, _ notes: Int) -> Void) {
        for slot in keys.indices where counts[slot] != 0 { body(keys[slot], Int(counts[slot])) }
    }
}
