/// `encoding`: a file that is not UTF-8 text, at its first bad byte.
struct EncodingRule: Rule {
    let id = "encoding"
    let isSessionLocal = true
    let defaultSeverity = Severity.error
    let summary = "a file is not valid UTF-8, or cannot be read: no permission, not a regular file, over 1 MiB"
    let explanation = Explanation(
        checks: """
            That every document is UTF-8 text: no byte that is not UTF-8 and no NUL byte (a binary file). \
            A leading byte-order mark and CRLF line endings are accepted. A file that cannot be read at \
            all is reported here too: one without read permission, one that is no regular file (a named \
            pipe, a socket, a device), and one over 1 MiB, which is refused before it is read.
            """,
        why: """
            A name saved in another encoding ("Chlo\\xE9") reaches the claim garbled, and the payer's name \
            match fails; a binary file in the record folders is not a note an auditor can read.
            """,
        example: "A note saved as Latin-1 by an old editor: the byte 0xE9 of \"Chloé\" is not UTF-8.",
        fix: "Save the file as UTF-8 (most editors: Save with Encoding, UTF-8); move binary files out of the record folders.")

    func check(_ context: RuleContext) -> [Finding] {
        context.readFindings(of: id)
    }
}
