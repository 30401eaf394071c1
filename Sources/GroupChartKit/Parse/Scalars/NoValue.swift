/// Words written where a value belongs that give none: "N/A", "none",
/// "TBD", "-", "not applicable". Read without case and punctuation ("None.",
/// "n/a"), as the words the value is made of. A field that needs a real
/// value (credentials, the reason a group is large, the factor 90785 bills)
/// takes such a word as no value at all, and says so where it matters.
enum NoValue {
    static let words: Set<String> = ["", "none", "no", "n a", "na", "nothing", "not applicable", "tbd", "todo", "x", "nil", "null"]

    /// The words of `text`, lower case, split at everything that is no
    /// letter or digit ("N/A." -> ["n", "a"]).
    static func words(of text: String) -> [String] {
        String(text.lowercased().map { $0.isLetter || $0.isNumber ? $0 : " " }).split(separator: " ").map(String.init)
    }

    static func isPlaceholder(_ text: String) -> Bool {
        // The longest of the words, "not applicable", has 13 letters: text
        // with more ASCII letters and digits than that is never one, and
        // says so without the lowercasing and splitting (a goal's text is
        // long). Only ASCII counts: the words are ASCII, and a byte of a
        // curly quote or a no-break space counted as a letter took "Not
        // applicable…" for a value (found by a second reading).
        var alphanumerics = 0
        for byte in text.utf8 where (0x30...0x39).contains(byte) || (0x61...0x7A).contains(byte | 0x20) {
            alphanumerics += 1
            if alphanumerics > 13 { return false }
        }
        return words.contains(words(of: text).joined(separator: " "))
    }

    /// Words that stand where a payer's number is still to come ("pending",
    /// "requested", "unknown"): no authorization or member number holds
    /// one of them as a word.
    static let pendingWords: Set<String> = ["pending", "requested", "awaiting", "unknown", "unk", "tbd", "tba", "tbc", "applied"]

    /// Whether `text`, written where a payer's identifier belongs (an
    /// authorization number, a member id), is no identifier: a placeholder
    /// word, a word saying it is still to come, or only zeros or only
    /// filler (`xxx`, `???`, `---`). Such a value went out on the claim
    /// (`REF*G1*pending`) and satisfied `authorization` (an auditor's
    /// review): a claim the payer denies as unauthorized.
    static func isPlaceholderIdentifier(_ text: String) -> Bool {
        if isPlaceholder(text) { return true }
        if words(of: text).contains(where: pendingWords.contains) { return true }
        let written = text.filter { !$0.isWhitespace }
        return !written.isEmpty && (written.allSatisfy { $0 == "0" } || written.lowercased().allSatisfy { "x?*-_.#".contains($0) })
    }
}
