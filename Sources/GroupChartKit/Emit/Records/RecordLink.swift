import Foundation

/// The relative link from the dashboard to a record: `sessions/<id>.html`,
/// `members/<id>.html`, with the id percent-encoded. A session's id is its
/// folder's name, which may hold `#`, `?` or `%`: written as is, a browser
/// read "2026-03-19-dbt-skills#2.html" as a page and a fragment, and the
/// link opened nothing (a fault-injection review).
enum RecordLink {
    static func session(_ id: String) -> String { "sessions/" + encoded(id, keepingSlashes: false) + ".html" }
    static func member(_ id: String) -> String { "members/" + encoded(id, keepingSlashes: false) + ".html" }

    /// `path` with what a URL path cannot hold percent-encoded (spaces,
    /// `#`, `?`, `;`, `%`, accents), and `/` too unless `keepingSlashes`.
    static func encoded(_ path: String, keepingSlashes: Bool = true) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: keepingSlashes ? ";?#" : ";?#/")
        return path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
    }
}
