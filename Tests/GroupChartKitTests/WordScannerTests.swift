import Foundation
@testable import GroupChartKit
import Testing

/// The word scanner's quick tests of whether a block may name a member,
/// held to the list of the block's words they stand in for.
@Suite struct WordScannerTests {
    /// With names that start with a capital, the eight-bytes-at-a-time test
    /// says yes wherever one of the names stands in the text as a word
    /// (and for any text beyond ASCII), and never where the byte-by-byte
    /// test says no.
    @Test func capitalizedNamesAreFoundEightBytesAtATime() {
        var random = IncrementalEquivalenceTests.Random(state: 42)
        let names = ["Maria", "Okonkwo", "Lee", "Al", "X", "Ng", "McDonald", "Jo3"]
        let other = ["maria", "the", "and", "MARIA", "Mariam", "aMaria", "group", "a", "7", "skills", "Dbt", "Okonk", "I"]
        let between = [" ", ". ", ", ", "\n", "-", "'", "(", ")", "  ", "", "\t", "/", "é", "—"]
        var found = 0, passed = 0
        for round in 0..<4_000 {
            let chosen = Array(names.shuffled(using: &random).prefix(Int(random.next() % 3) + 1))
            var filter = WordFilter()
            for name in chosen { filter.insert(WordScanner.placedWords(name)[0].hash) }
            var text = ""
            for _ in 0..<Int(random.next() % 24) {
                let pool = random.next() % 6 == 0 ? names : other
                text += random.pick(pool)! + random.pick(round % 3 == 0 ? between : Array(between.prefix(12)))!
            }
            let words = WordScanner.placedWords(text).map(\.hash)
            let names = Set(chosen.map { WordScanner.placedWords($0)[0].hash })
            let stands = words.contains(where: names.contains) || !text.utf8.allSatisfy { $0 < 0x80 }
            let quick = WordScanner.mayHoldCapitalizedWord(text, filter: filter)
            #expect(quick == stands || (quick && !stands && WordScanner.mayHoldWord(text, filter: filter)),
                    "\(text.debugDescription) with \(chosen)")
            if stands { #expect(quick, "\(text.debugDescription) names \(chosen)") }
            if quick { #expect(WordScanner.mayHoldWord(text, filter: filter), "never where the byte walk says no: \(text.debugDescription)") }
            found += stands ? 1 : 0
            passed += quick ? 0 : 1
        }
        #expect(found > 500 && passed > 500, "both answers given: \(found) named, \(passed) passed over")
    }

    /// A character drawn as nothing inside a word (a soft hyphen Word
    /// pastes, a zero-width space) is read as nothing, and a Cyrillic or
    /// Greek letter drawn as a Latin one as that letter: a copied note so
    /// written compared as a different note, and a name so written was no
    /// name (an auditor's review).
    @Test func wordsReadAsTheyAreDrawn() {
        let hashes = { (text: String, lowercased: Bool) in
            WordScanner(lowercased: lowercased).sentences(text).map { $0.map(\.hash) }
        }
        for lowercased in [true, false] {
            #expect(hashes("Ms. Ch\u{AD}en went h\u{200B}ome to\u{2060}day.", lowercased) == hashes("Ms. Chen went home today.", lowercased))
            #expect(hashes("\u{421}hen w\u{435}nt h\u{43E}me t\u{3BF}day.", lowercased) == hashes("Chen went home today.", lowercased))
            #expect(hashes("one\u{2028}two", lowercased) == hashes("one two", lowercased), "a line separator still parts words")
        }
        #expect(WordScanner.placedWords("Mr. Ro\u{AD}e left").map(\.hash) == WordScanner.placedWords("Mr. Roe left").map(\.hash))
        #expect(WordScanner.placedWords("Mr. Ro\u{AD}e left").map(\.offset) == [0, 4, 10], "each word where it stands in the text")
    }
}
