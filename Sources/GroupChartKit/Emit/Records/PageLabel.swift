/// The line every printed page of a record carries in its top margin
/// (CSS `@page { @top-left { content: "..." } }`): whose chart or which
/// session, so that a loose page is matched to its record. Only a member's
/// progress notes repeated their member's name and date of birth; the
/// other pages of a chart or audit packet (plans, attendance, claims, the
/// group notes) named no one (a records specialist's review of printed
/// records).
enum PageLabel {
    /// "David Okonkwo · DOB 1991-06-14 · Member id AET-3310294875".
    static func member(name: String, dob: String, memberID: String?) -> String {
        css([name, dob.isEmpty ? nil : "DOB \(dob)", memberID.map { "Member id \($0)" }].compactMap { $0 }.joined(separator: " · "))
    }

    /// "Group session 2026-03-12 · DBT Skills Training Group".
    static func session(date: String, group: String) -> String {
        css(["Group session \(date)", group.isEmpty ? nil : group].compactMap { $0 }.joined(separator: " · "))
    }

    /// `text` as the inside of a CSS string written into HTML by a template:
    /// each character HTML escaping would change (`" ' & < >`), a backslash
    /// and each control character as a CSS escape (`\22 `), which HTML
    /// escaping leaves alone and which no `</style>` can be made of.
    static func css(_ text: String) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"", "'", "&", "<", ">", "\\":
                escaped += "\\" + String(scalar.value, radix: 16, uppercase: true) + " "
            case _ where scalar.value < 0x20 || scalar.value == 0x7F || scalar.properties.generalCategory == .lineSeparator
                || scalar.properties.generalCategory == .paragraphSeparator:
                escaped += " "
            default:
                escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}
