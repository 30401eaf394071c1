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
    /// Hashes of the words after which a period does not end a sentence.
    private static let abbreviations = Set(["mr", "ms", "mrs", "mx", "miss", "dr", "st", "vs", "approx", "no"].map(hash))

    func sentences(_ text: String) -> [[Word]] {
        if let ascii = asciiSentences(text) {
            guard keepText else { return ascii.hashes.map { $0.map { Word(hash: $0, text: nil) } } }
            return zip(ascii.hashes, ascii.texts).map { zip($0, $1).map { Word(hash: $0, text: $1) } }
        }
        return unicodeSentences(text)
    }

    /// `sentences` as their words' hashes alone: what the notes' 3-grams
    /// are made of, without a word's place for its text (a note's words were
    /// made twice, as words and then as hashes: 3 % of a cold check).
    func hashes(_ text: String) -> [[UInt64]] {
        asciiSentences(text)?.hashes ?? unicodeSentences(text).map { $0.map(\.hash) }
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
        for scalar in folded.unicodeScalars {
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
            var sentences: [[UInt64]] = []
            var sentence: [UInt64] = []
            // The words' texts, kept beside the hashes when asked for.
            var texts: [[String]] = []
            var sentenceTexts: [String] = []
            func endSentence() {
                sentences.append(sentence)
                sentence = []
                if keepText {
                    texts.append(sentenceTexts)
                    sentenceTexts = []
                }
            }
            var hash = Self.offset
            var length = 0
            var word: [UInt8] = []
            var pendingEnd = false
            var lastLength = 0
            for byte in bytes {
                guard byte < 0x80 else { return nil }
                let isUpper = byte >= 0x41 && byte <= 0x5A
                if isUpper || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) {
                    pendingEnd = false
                    let folded = isUpper && lowercased ? byte + 0x20 : byte
                    hash = (hash ^ UInt64(folded)) &* Self.prime
                    length += 1
                    if keepText { word.append(folded) }
                    continue
                }
                if length > 0 {
                    sentence.append(hash)
                    if keepText { sentenceTexts.append(String(decoding: word, as: UTF8.self)) }
                    lastLength = length
                    hash = Self.offset
                    length = 0
                    word.removeAll(keepingCapacity: true)
                }
                switch byte {
                case 0x0A:
                    if !sentence.isEmpty { endSentence() }
                    pendingEnd = false
                case 0x2E, 0x21, 0x3F:
                    let last = sentence.last
                    pendingEnd = byte != 0x2E || !(lastLength == 1 || last.map(Self.abbreviations.contains) == true)
                case 0x20, 0x09, 0x0D:
                    if pendingEnd, !sentence.isEmpty { endSentence() }
                    pendingEnd = false
                default:
                    break
                }
            }
            if length > 0 {
                sentence.append(hash)
                if keepText { sentenceTexts.append(String(decoding: word, as: UTF8.self)) }
            }
            if !sentence.isEmpty { endSentence() }
            return (sentences, texts)
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
                if (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) {
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

    /// `placedWords` over plain ASCII text, byte by byte; `nil` for other text.
    private static func asciiPlacedWords(_ text: String) -> [(hash: UInt64, offset: Int)]? {
        var text = text
        return text.withUTF8 { bytes -> [(hash: UInt64, offset: Int)]? in
            var words: [(hash: UInt64, offset: Int)] = []
            var hash = offset
            var start = -1
            for (position, byte) in bytes.enumerated() {
                guard byte < 0x80 else { return nil }
                if (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) {
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

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            return (value >= 0x61 && value <= 0x7A) || (value >= 0x41 && value <= 0x5A) || (value >= 0x30 && value <= 0x39)
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
}
