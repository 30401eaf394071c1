/// A clinician's name, written whole in practice.yaml (`name: Angela
/// Torres`), as the 837P's rendering provider carries it: last name
/// (NM103), first and middle names (NM104) and suffix (NM107). Payers match
/// it with the name the clinician enrolled under, so the split follows how
/// names are written rather than taking the last word alone:
/// - "Torres, Angela": the part before the comma is the last name;
/// - "Ricardo de la Cruz Jr.": a generational suffix (Jr, Sr, II to V) goes
///   to NM107, and the particles before the last word (de, la, van, von,
///   da, di, du, del, della, der, le, st, ter, ten, dos, das, bin, ibn) go
///   with it, "de la Cruz", so long as a first name is left. Capitalised,
///   "Van", "Von", "Bin", "Ibn" and "Do" are names in their own right (Minh
///   Van Nguyen's middle name, the surname Do) and stay where they are;
///   "De La Torre" is a last name.
/// - "Cruz Jr., Ricardo": a suffix at the end of the last name goes to NM107.
struct PersonName: Equatable {
    var last: String
    var first: String
    var suffix: String

    static let suffixes: Set<String> = ["jr", "sr", "ii", "iii", "iv", "v"]
    static let particles: Set<String> = ["de", "la", "van", "von", "da", "di", "du", "del", "della", "der", "le", "st", "ter",
                                         "ten", "dos", "das", "bin", "ibn", "den", "do"]
    /// Particles that, capitalised, are more often names of their own.
    static let namesWhenCapitalised: Set<String> = ["van", "von", "bin", "ibn", "do"]

    init(last: String, first: String, suffix: String = "") {
        self.last = last
        self.first = first
        self.suffix = suffix
    }

    init(_ name: String) {
        var words = name.split(separator: " ").map(String.init)
        var suffix = ""
        // After "Last, First" a suffix stands after a comma of its own
        // ("Torres, Angela, III"): "Torres, Angela V." has a middle initial.
        if words.count > 2, let word = words.last, Self.suffixes.contains(Self.bare(word)),
           !name.contains(",") || words[words.count - 2].hasSuffix(",") {
            suffix = word
            words.removeLast()
            if let last = words.last, last.hasSuffix(",") { words[words.count - 1] = String(last.dropLast()) }
        }
        let rest = words.joined(separator: " ")
        if let comma = rest.firstIndex(of: ",") {
            var last = rest[..<comma].trimming(.whitespaces)
            let first = rest[rest.index(after: comma)...].trimming(.whitespaces)
            if !last.isEmpty, !first.isEmpty {
                var lastWords = last.split(separator: " ")
                if suffix.isEmpty, lastWords.count > 1, let word = lastWords.last, Self.suffixes.contains(Self.bare(String(word))) {
                    suffix = String(word)
                    lastWords.removeLast()
                    last = lastWords.joined(separator: " ")
                }
                self.init(last: last, first: first, suffix: suffix)
                return
            }
        }
        guard words.count > 1 else {
            self.init(last: rest, first: "", suffix: suffix)
            return
        }
        var start = words.count - 1
        while start > 1, Self.isParticle(words[start - 1]) { start -= 1 }
        self.init(last: words[start...].joined(separator: " "), first: words[..<start].joined(separator: " "), suffix: suffix)
    }

    private static func isParticle(_ word: String) -> Bool {
        let bare = bare(word)
        guard particles.contains(bare) else { return false }
        return !(namesWhenCapitalised.contains(bare) && word.first?.isUppercase == true)
    }

    /// Credentials written after a comma in a name ("Angela Torres, LMFT"):
    /// they belong in `credentials:`, and would go out as a first name.
    static let credentials: Set<String> = ["lmft", "lcsw", "lpc", "lpcc", "lmhc", "licsw", "lcpc", "lcmhc", "lisw", "lsw", "msw", "phd",
                                           "psyd", "md", "ma", "ms", "mft", "lp", "lcadc", "cadc", "aprn", "pmhnp", "np", "rn", "edd",
                                           "lpcmh", "lmsw", "ladc", "bcba", "mfti", "lpca", "acsw"]

    /// Credentials that are no one's surname, found as a name's last word
    /// without a comma ("Angela Torres PhD"); "Ma", "Ms", "Md", "Np",
    /// "Rn", "Lp" are left, since Angela Ma is a name.
    static let unmistakableCredentials: Set<String> = credentials.subtracting(["ma", "ms", "md", "np", "rn", "lp"])
    /// Titles before a name ("Dr. Maria Lopez"), which would go out as a first name.
    static let titles: Set<String> = ["dr", "mr", "mrs", "ms", "mx", "prof", "rev"]

    /// The credential or title `name` carries, if any: after a comma, as
    /// its last word (an unmistakable credential), or as its first word (a
    /// title). Without a comma, both went out as part of the
    /// name, "PhD" as the last name (found by a clearinghouse analyst's
    /// review); a payer matching the rendering provider's name refuses it.
    static func credential(in name: String) -> String? {
        if let afterComma = name.split(separator: ",").dropFirst().map({ $0.trimming(.whitespaces) })
            .first(where: { credentials.contains(bare(String($0))) }) {
            return afterComma
        }
        // The last word, after a comma or not ("Torres, Angela PhD"), and a
        // supervisor's mark after a hyphen ("LMFT-S") with it.
        let words = name.split(separator: " ").map(String.init)
        if words.count > 1, let last = words.last,
           unmistakableCredentials.contains(bare(last))
            || unmistakableCredentials.contains(bare(String(last.split(separator: "-").first ?? ""))) {
            return last
        }
        // A title before one name too ("Dr. Torres"): it went out as the first name.
        if words.count > 1, let first = words.first, titles.contains(bare(first)) { return first }
        return nil
    }

    /// `word` in lower case without its periods and trailing comma ("Jr." -> "jr").
    static func bare(_ word: String) -> String {
        word.lowercased().filter { $0 != "." && $0 != "," }
    }
}
