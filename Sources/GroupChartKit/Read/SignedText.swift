import Crypto

/// The text a signature covers (format.md, "Signature digest"): the whole
/// file (byte-order mark removed, CRLF read as LF, which `SourceFile` has
/// already done) less
/// 1. the front-matter's top-level `signed_by:`, `signed_at:` and `digest:`
///    lines, which signing writes;
/// 2. everything from the first line of a body heading whose text starts
///    with "Addendum";
/// 3. the spaces, tabs and line breaks at the end of what is left.
///
/// So the front-matter a claim is built from (times, attendance, CPT,
/// `interactive_complexity`) is signed with the body, and the blank line a
/// writer or formatter puts before `## Addendum ...` changes nothing.
public enum SignedText {
    /// The keys `groupchart sign` writes, whose lines the digest leaves out.
    static let signingKeys = ["signed_by", "signed_at", "digest"]

    public static func text(of file: SourceFile, body: MarkdownBody) -> String {
        let addendum = SectionCatalogue.addendumHeading(in: body)?.location.line
        let lines = file.lines
        let closingFence = lines.indices.dropFirst().first { FrontMatter.isFence(lines[$0]) } ?? 0
        var kept: [Substring] = []
        kept.reserveCapacity(lines.count)
        for (index, line) in lines.enumerated() {
            if let addendum, index + 1 >= addendum { break }
            if index > 0, index < closingFence, isSigningLine(line) { continue }
            kept.append(line)
        }
        var text = kept.joined(separator: "\n")
        while let last = text.unicodeScalars.last, last == " " || last == "\t" || last == "\n" {
            text.unicodeScalars.removeLast()
        }
        return text
    }

    /// A top-level `signed_by:`, `signed_at:` or `digest:` line.
    private static func isSigningLine(_ line: Substring) -> Bool {
        signingKeys.contains { key in
            guard line.hasPrefix(key) else { return false }
            let rest = line.dropFirst(key.count).drop { $0 == " " || $0 == "\t" }
            guard rest.first == ":" else { return false }
            return rest.dropFirst().first.map { $0 == " " || $0 == "\t" } ?? true
        }
    }

    /// `sha256:` and 64 lower-case hex digits.
    public static func digest(of text: String) -> String {
        digest(of: Array(text.utf8))
    }

    public static func digest(of bytes: [UInt8]) -> String {
        "sha256:" + hex(SHA256.hash(data: bytes))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Lower-case hex, two digits a byte, written in one pass.
    static func hex<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in bytes {
            text.append(hexDigits[Int(byte >> 4)])
            text.append(hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
