/// A member's or subscriber's name as the 837P carries it: last name
/// (NM103), first name (NM104), middle initial (NM105) and suffix (NM107),
/// from the profile's `first_name` and `last_name`. A middle initial written
/// after the first name ("Ann M.") and a generational suffix after the last
/// name ("One Jr.", "Reyes, III") went out in NM104 and NM103, where a payer
/// matching the card's name ("ANN" "M", "ONE" "JR") may not find the member
/// (a clearinghouse analyst's review). Only an initial (one letter, a period
/// or not) and the suffixes of `PersonName` are moved: "Mary Ann" and
/// "St. John" stay as written.
///
/// A claim is compared with what was sent by its last and first names
/// alone (`BilledContent`): a claim sent before names were split (NM104
/// "Ann M.") is no change of name, nor is a middle initial added or
/// changed (payers match on the last and first names, the birth date and
/// the member id).
struct MemberName: Equatable {
    var last: String
    var first: String
    var middle: String
    var suffix: String

    init(last: String, first: String, middle: String, suffix: String) {
        (self.last, self.first, self.middle, self.suffix) = (last, first, middle, suffix)
    }

    init(first: String, last: String) {
        // Most names are one word each: nothing to split (asked for each of
        // a batch's claims, twice, for its subscriber loops).
        if !first.utf8.contains(0x20), !last.utf8.contains(0x20) {
            (self.last, self.first, self.middle, self.suffix) = (last, first, "", "")
            return
        }
        var firstWords = first.split(separator: " ")
        var middle = ""
        if firstWords.count > 1, let word = firstWords.last, Self.isInitial(word) {
            middle = word.filter { $0 != "." }
            firstWords.removeLast()
        }
        var lastWords = last.split(separator: " ")
        var suffix = ""
        if lastWords.count > 1, let word = lastWords.last, PersonName.suffixes.contains(PersonName.bare(String(word))) {
            suffix = word.filter { $0 != "." && $0 != "," }
            lastWords.removeLast()
            if let end = lastWords.last, end.hasSuffix(",") { lastWords[lastWords.count - 1] = end.dropLast() }
        }
        self.first = middle.isEmpty ? first : firstWords.joined(separator: " ")
        self.middle = middle
        self.last = suffix.isEmpty ? last : lastWords.joined(separator: " ")
        self.suffix = suffix
    }

    /// `person`'s name as its NM1 writes it: as sent, when read from an
    /// 837P (a void repeats the claim as it went), or split from the profile's.
    init(_ person: BilledClaim.Person) {
        if let sent = person.sentName {
            self.init(last: sent.last, first: sent.first, middle: sent.middle, suffix: sent.suffix)
        } else {
            self.init(first: person.firstName, last: person.lastName)
        }
    }

    /// The first name and middle initial, then the last name and suffix,
    /// each joined by a space: the name as NM103 to NM107 write it.
    var joined: (first: String, last: String) {
        ([first, middle].filter { !$0.isEmpty }.joined(separator: " "), [last, suffix].filter { !$0.isEmpty }.joined(separator: " "))
    }

    private static func isInitial(_ word: Substring) -> Bool {
        let letters = word.filter { $0 != "." }
        return letters.count == 1 && letters.first?.isLetter == true
    }
}
