import Crypto

/// The text a signature covers (format.md, "Signature digest"): the bytes
/// of the note's body after the front-matter's closing `---` line, up to
/// (not including) the first line of a heading whose text starts with
/// "Addendum", with the byte-order mark removed and CRLF read as LF, which
/// `SourceFile` has already done.
///
/// Those bytes include a blank line written just above the Addendum
/// heading, so an addendum must follow the signed text directly (README,
/// "Writing records"): the spec fixes the digest, and a signature that one
/// editor's formatting can break is the price (see the closing note of the
/// authoring issue).
public enum SignedText {
    public static func text(of file: SourceFile, bodyFirstLine: Int, body: MarkdownBody) -> String {
        String(file.text(fromLine: bodyFirstLine, toLine: SectionCatalogue.addendumHeading(in: body)?.location.line))
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
