/// The relative link from the dashboard to a record: `sessions/<id>.html`,
/// `members/<id>.html`, with the id percent-encoded. A session's id is its
/// folder's name, which may hold `#`, `?` or `%`: written as is, a browser
/// read "2026-03-19-dbt-skills#2.html" as a page and a fragment, and the
/// link opened nothing (a fault-injection review).
enum RecordLink {
    static func session(_ id: String) -> String { "sessions/" + component(id) + ".html" }
    static func member(_ id: String) -> String { "members/" + component(id) + ".html" }

    /// `text` with every byte but RFC 3986's unreserved ones (letters,
    /// digits, `-`, `.`, `_`, `~`) percent-encoded; nearly every id has none.
    static func component(_ text: String) -> String {
        guard !text.utf8.allSatisfy(isUnreserved) else { return text }
        var encoded = ""
        for byte in text.utf8 {
            if isUnreserved(byte) {
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                encoded += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return encoded
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"): return true
        default: return false
        }
    }
}
