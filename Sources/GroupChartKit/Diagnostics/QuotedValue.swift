extension String {
    /// The value in quotes for a diagnostic's message, cut at 60
    /// characters with an ellipsis: the snippet under a diagnostic is
    /// shortened, and a message quoting a first name of 200,000 letters
    /// flooded the terminal and the JSON (a fault-injection review). The
    /// snippet and the location show where the whole value is.
    var quotedForMessage: String {
        guard utf8.count > 60, count > 60 else { return "\"" + self + "\"" }
        return "\"" + prefix(57) + "…\""
    }
}
