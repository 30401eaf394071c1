/// Splits text into sentences of words (runs of letters and digits, accents
/// folded) and hashes each word as it goes, for the rules that compare notes
/// and names: 20,000 notes are compared as numbers, not as strings.
///
/// A sentence ends at a line break, or at `.`, `!` or `?` before white space,
/// except after a courtesy title ("Mr.") or a single letter ("e.g.", an
/// initial). ASCII takes a fast path; other scripts ask Unicode properties.
struct WordScanner {
    struct Word {
        /// 64-bit FNV-1a of the word's UTF-8.
        var hash: UInt64
        /// The word, when asked for (`keepText`).
        var text: String?
    }

    /// Lower-case words (for note similarity), or case kept (for names).
    var lowercased = true
    /// Keep each word's text as well as its hash (for tests and messages).
    var keepText = false

    static let offset: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01B3
    /// Hashes of the words after which a period does not end a sentence: a
    /// list of ten, looked through where a set hashed each word again with
    /// SipHash at every period of 20,000 notes.
    private static let abbreviations = ["mr", "ms", "mrs", "mx", "miss", "dr", "st", "vs", "approx", "no"].map(hash)

    func sentences(_ text: String) -> [[Word]] {
        if let ascii = asciiSentences(text) {
            guard keepText else { return ascii.hashes.map { $0.map { Word(hash: $0, text: nil) } } }
            return zip(ascii.hashes, ascii.texts).map { zip($0, $1).map { Word(hash: $0, text: $1) } }
        }
        return unicodeSentences(text)
    }

    private func unicodeSentences(_ text: String) -> [[Word]] {
        let folded = lowercased ? TextFolding.comparable(text) : TextFolding.withoutAccents(text)
        var sentences: [[Word]] = []
        var sentence: [Word] = []
        var hash = Self.offset
        var length = 0
        var word = String.UnicodeScalarView()
        var pendingEnd = false
        var lastLength = 0
        for original in folded.unicodeScalars {
            // Drawn as nothing (a soft hyphen Word pastes, a zero-width
            // space), so read as nothing: "Ch\u{AD}en" is Chen, and a copied
            // note with such characters inside its words is the copy it
            // reads as (an auditor's review: each one split a word in two).
            if Self.isDrawnAsNothing(original) { continue }
            let scalar = Self.latinLookalike[original.value].map { Unicode.Scalar($0) } ?? original
            if Self.isWordScalar(scalar) {
                pendingEnd = false
                if scalar.value < 0x80 {
                    hash = (hash ^ UInt64(scalar.value)) &* Self.prime
                } else {
                    for byte in UTF8.encode(scalar)! { hash = (hash ^ UInt64(byte)) &* Self.prime }
                }
                length += 1
                if keepText { word.append(scalar) }
                continue
            }
            if length > 0 {
                sentence.append(Word(hash: hash, text: keepText ? String(word) : nil))
                lastLength = length
                hash = Self.offset
                length = 0
                word = String.UnicodeScalarView()
            }
            switch scalar {
            case "\n":
                if !sentence.isEmpty { sentences.append(sentence); sentence = [] }
                pendingEnd = false
            case ".", "!", "?":
                let last = sentence.last?.hash
                pendingEnd = scalar != "." || !(lastLength == 1 || last.map(Self.abbreviations.contains) == true)
            case " ", "\t", "\r":
                if pendingEnd, !sentence.isEmpty { sentences.append(sentence); sentence = [] }
                pendingEnd = false
            default:
                break
            }
        }
        if length > 0 { sentence.append(Word(hash: hash, text: keepText ? String(word) : nil)) }
        if !sentence.isEmpty { sentences.append(sentence) }
        return sentences
    }

    /// `sentences` over plain ASCII text, byte by byte: most notes are ASCII,
    /// and they need neither folding nor Unicode properties. `nil` for text
    /// with any other character, which takes the general path.
    private func asciiSentences(_ text: String) -> (hashes: [[UInt64]], texts: [[String]])? {
        var text = text
        return text.withUTF8 { bytes -> (hashes: [[UInt64]], texts: [[String]])? in
            guard UnsafeRawBufferPointer(bytes).isASCII() else { return nil }
            var sentences: [[UInt64]] = []
            var sentence: [UInt64] = []
            // The words' texts, kept beside the hashes when asked for.
            var texts: [[String]] = []
            var sentenceTexts: [String] = []
            let lowercased = self.lowercased, keepText = self.keepText
            Self.scanASCII(bytes, lowercased: lowercased, word: { hash, range in
                sentence.append(hash)
                if keepText {
                    let word = bytes[range].map { lowercased && $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
                    sentenceTexts.append(String(decoding: word, as: UTF8.self))
                }
            }, end: {
                sentences.append(sentence)
                sentence = []
                if keepText {
                    texts.append(sentenceTexts)
                    sentenceTexts = []
                }
            })
            return (sentences, texts)
        }
    }

    /// Calls `word` with the hash of each word of `text`, and `end` at the
    /// end of each sentence that has a word: the sentences `sentences`
    /// gives, in order, without a list made of them. The 3-grams lay the
    /// words straight into a note's one list (`NoteSimilarity.Sentences`):
    /// each sentence copied into a buffer first and handed over was 1.8 %
    /// of a cold check at 20,000 notes (`perf`).
    func eachWord(_ text: String, word: (UInt64) -> Void, end: () -> Void) {
        var text = text
        let scanned = text.withUTF8 { bytes -> Bool in
            guard UnsafeRawBufferPointer(bytes).isASCII() else { return false }
            Self.scanASCII(bytes, lowercased: lowercased, word: { hash, _ in word(hash) }, end: end)
            return true
        }
        guard !scanned else { return }
        for sentence in unicodeSentences(text) {
            for each in sentence { word(each.hash) }
            end()
        }
    }

    /// An ASCII letter or digit: a byte of a word, in every ASCII walk here.
    @inline(__always)
    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
    }

    /// What each byte is to a word: 0 for a byte that is not a letter or a
    /// digit, else the byte as hashed (A to Z folded to a to z in
    /// `folding`, kept in `keeping`). One load per byte where the walk
    /// compared each byte with three ranges and then folded it.
    private static let folding: [UInt8] = (0...255).map { byte in
        let byte = UInt8(byte)
        guard isWordByte(byte) else { return 0 }
        return byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }
    private static let keeping: [UInt8] = (0...255).map { isWordByte(UInt8($0)) ? UInt8($0) : 0 }

    /// The walk of ASCII text: `word` with each word's hash and where it
    /// stands, `end` at the end of each sentence that has a word.
    ///
    /// Each byte is looked up in a table rather than compared with three
    /// ranges and folded, and the counts go unchecked (they count bytes of
    /// one buffer, so cannot overflow): the walk, with its overflow checks
    /// and three compares per byte, was a tenth of a cold `check` at 20,000
    /// notes (`perf`). The hashes are the same FNV-1a.
    @inline(__always)
    private static func scanASCII(_ bytes: UnsafeBufferPointer<UInt8>, lowercased: Bool,
                                  word: (UInt64, Range<Int>) -> Void, end: () -> Void) {
        (lowercased ? folding : keeping).withUnsafeBufferPointer { table in
            var hash = offset
            var length = 0
            var pendingEnd = false
            var lastLength = 0
            // The last word of the sentence so far, and how many it has.
            var last: UInt64 = 0
            var words = 0
            var index = 0
            let count = bytes.count
            while index < count {
                let byte = bytes[index]
                let hashed = table[Int(byte)]
                index &+= 1
                if hashed != 0 {
                    pendingEnd = false
                    hash = (hash ^ UInt64(hashed)) &* prime
                    length &+= 1
                    continue
                }
                if length > 0 {
                    word(hash, (index &- 1 &- length)..<(index &- 1))
                    last = hash
                    words &+= 1
                    lastLength = length
                    hash = offset
                    length = 0
                }
                switch byte {
                case 0x0A:
                    if words > 0 { end(); words = 0 }
                    pendingEnd = false
                case 0x2E, 0x21, 0x3F:
                    pendingEnd = byte != 0x2E || !(lastLength == 1 || (words > 0 && abbreviations.contains(last)))
                case 0x20, 0x09, 0x0D:
                    if pendingEnd, words > 0 { end(); words = 0 }
                    pendingEnd = false
                default:
                    break
                }
            }
            if length > 0 {
                word(hash, (count - length)..<count)
                words += 1
            }
            if words > 0 { end() }
        }
    }

    /// The words of `text` with where each starts (its UTF-8 offset in
    /// `text`), accents removed and case kept: for rules that find a name and
    /// point at it. Each word is folded on its own, so that offsets stay
    /// those of the text as written.
    static func placedWords(_ text: String) -> [(hash: UInt64, offset: Int)] {
        if let ascii = asciiPlacedWords(text) { return ascii }
        var words: [(hash: UInt64, offset: Int)] = []
        var word = String.UnicodeScalarView()
        var hash = offset
        var isASCII = true
        var start = 0
        var position = 0
        func flush() {
            guard !word.isEmpty else { return }
            if isASCII {
                words.append((hash, start))
            } else {
                // Most words are ASCII and hashed as they go; the others are
                // folded ("Nguyễn" to "Nguyen") before they are hashed.
                for folded in WordScanner(lowercased: false).sentences(TextFolding.withoutAccents(String(word))).joined() {
                    words.append((folded.hash, start))
                }
            }
            word = String.UnicodeScalarView()
            hash = offset
            isASCII = true
        }
        for scalar in text.unicodeScalars {
            if isDrawnAsNothing(scalar) {
                // Inside a word, read as nothing when it is folded (`sentences`), as a check reads it.
                if !word.isEmpty { word.append(scalar); isASCII = false }
                position += UTF8.width(scalar)
                continue
            }
            if isWordScalar(scalar) || (!word.isEmpty && isMark(scalar)) {
                if word.isEmpty { start = position }
                word.append(scalar)
                if scalar.value < 0x80 { hash = (hash ^ UInt64(scalar.value)) &* prime } else { isASCII = false }
            } else {
                flush()
            }
            position += UTF8.width(scalar)
        }
        flush()
        return words
    }

    /// Whether a word of `text` may be one of those `filter` holds (words
    /// hashed as `placedWords` hashes them): plain
    /// ASCII text is scanned without a list of its words, which most blocks
    /// never need; any other text is said to, and is listed.
    static func mayHoldWord(_ text: String, filter: WordFilter) -> Bool {
        var text = text
        return text.withUTF8 { bytes -> Bool in
            var hash = offset
            var inWord = false
            for byte in bytes {
                guard byte < 0x80 else { return true }
                if isWordByte(byte) {
                    inWord = true
                    hash = (hash ^ UInt64(byte)) &* prime
                } else if inWord {
                    if filter.mayHold(hash) { return true }
                    hash = offset
                    inWord = false
                }
            }
            return inWord && filter.mayHold(hash)
        }
    }

    /// `mayHoldWord` for a filter of words that each start with a capital
    /// A to Z (members' names, as nearly every practice writes them): only
    /// words that start with one are hashed, and they are found eight
    /// bytes at a time, where most bytes of a note are lower case (the
    /// byte-by-byte walk was 3 % of a cold check at 20,000 notes, `perf`).
    /// It says true wherever `mayHoldWord` finds such a word, and for any
    /// text that is not plain ASCII; it says false for some blocks that
    /// `mayHoldWord` lets through only because a lower-case word's hash
    /// falls on the filter's bits, which then held no name anyway.
    static func mayHoldCapitalizedWord(_ text: String, filter: WordFilter) -> Bool {
        var text = text
        return text.withUTF8 { bytes -> Bool in
            guard let base = bytes.baseAddress else { return false }
            // Whether the capital at `start` begins a word the filter may
            // hold. A word cut short by a byte beyond ASCII may be hashed
            // wrong, but the walk answers true at that byte anyway: it only
            // says false once every byte has been seen to be ASCII.
            func wordMayBeHeld(at start: Int) -> Bool {
                guard start == 0 || !isWordByte(bytes[start - 1]) else { return false }
                var hash = offset
                var index = start
                while index < bytes.count, isWordByte(bytes[index]) {
                    hash = (hash ^ UInt64(bytes[index])) &* prime
                    index += 1
                }
                return filter.mayHold(hash)
            }
            var index = 0
            while index + 8 <= bytes.count {
                let word = UInt64(littleEndian: UnsafeRawPointer(base).loadUnaligned(fromByteOffset: index, as: UInt64.self))
                if word & 0x8080_8080_8080_8080 != 0 { return true }
                // The high bit of each byte from 0x41 to 0x5A: all bytes are below 0x80, so no sum carries into the next.
                var capitals = (word &+ 0x3F3F_3F3F_3F3F_3F3F) & ~(word &+ 0x2525_2525_2525_2525) & 0x8080_8080_8080_8080
                while capitals != 0 {
                    if wordMayBeHeld(at: index + capitals.trailingZeroBitCount / 8) { return true }
                    capitals &= capitals - 1
                }
                index += 8
            }
            while index < bytes.count {
                let byte = bytes[index]
                if byte >= 0x80 { return true }
                if byte >= 0x41, byte <= 0x5A, wordMayBeHeld(at: index) { return true }
                index += 1
            }
            return false
        }
    }

    /// `placedWords` over plain ASCII text, byte by byte; `nil` for other text.
    private static func asciiPlacedWords(_ text: String) -> [(hash: UInt64, offset: Int)]? {
        var text = text
        return text.withUTF8 { bytes -> [(hash: UInt64, offset: Int)]? in
            var words: [(hash: UInt64, offset: Int)] = []
            var hash = offset
            var start = -1
            for (position, byte) in bytes.enumerated() {
                guard byte < 0x80 else { return nil }
                if isWordByte(byte) {
                    if start < 0 { start = position }
                    hash = (hash ^ UInt64(byte)) &* prime
                } else if start >= 0 {
                    words.append((hash, start))
                    hash = offset
                    start = -1
                }
            }
            if start >= 0 { words.append((hash, start)) }
            return words
        }
    }

    /// A combining mark, which belongs to the word before it (a decomposed "ễ").
    private static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// 64-bit FNV-1a of `word`'s UTF-8, as the scanner hashes words.
    static func hash(_ word: String) -> UInt64 {
        var hash = offset
        for byte in word.utf8 { hash = (hash ^ UInt64(byte)) &* prime }
        return hash
    }

    /// A character beyond ASCII drawn as nothing (`DisplayName.isHidden`)
    /// but for the line and paragraph separators (U+2028, U+2029), which
    /// break between words: read as nothing inside a word, here and in the
    /// audit packet (`AuditPacket.asDrawn`).
    static func isDrawnAsNothing(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x80 && scalar.value != 0x2028 && scalar.value != 0x2029 && DisplayName.isHidden(scalar)
    }

    /// Cyrillic and Greek letters drawn as Latin ones, read as those: a
    /// note copied with "о" for "o" in its words, or another member's name
    /// written so, reads as what it shows (an auditor's review found both
    /// passing `similar-notes` and `other-member-named`). Notes written in
    /// those scripts fold alike on both sides of a comparison.
    static let latinLookalike: [UInt32: UInt8] = [
        0x0430: 0x61, 0x0435: 0x65, 0x043E: 0x6F, 0x0440: 0x70, 0x0441: 0x63, 0x0443: 0x79, 0x0445: 0x78, 0x0456: 0x69,
        0x0458: 0x6A, 0x0455: 0x73, 0x0501: 0x64, 0x04CF: 0x6C, 0x0410: 0x41, 0x0412: 0x42, 0x0415: 0x45, 0x041A: 0x4B,
        0x041C: 0x4D, 0x041D: 0x48, 0x041E: 0x4F, 0x0420: 0x50, 0x0421: 0x43, 0x0422: 0x54, 0x0425: 0x58, 0x0423: 0x59,
        0x0406: 0x49, 0x0408: 0x4A, 0x0405: 0x53, 0x03BF: 0x6F, 0x03B1: 0x61, 0x03BD: 0x76, 0x03C1: 0x70, 0x039F: 0x4F,
        0x0391: 0x41, 0x0392: 0x42, 0x0395: 0x45, 0x0397: 0x48, 0x0399: 0x49, 0x039A: 0x4B, 0x039C: 0x4D, 0x039D: 0x4E,
        0x03A1: 0x50, 0x03A4: 0x54, 0x03A7: 0x58, 0x03A5: 0x59, 0x0396: 0x5A,
    ]

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            return (value >= 0x61 && value <= 0x7A) || (value >= 0x41 && value <= 0x5A) || (value >= 0x30 && value <= 0x39)
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
}
