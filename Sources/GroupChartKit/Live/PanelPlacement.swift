import Foundation

/// Where served pages get what only they carry: the panel's style at the end
/// of `<head>`, the panel at the start of `<body>`, and the reload script at
/// the end of `<body>`. A practice's own template may leave out any of those
/// tags; the parts then go where a browser still reads them, after the
/// doctype (before it, a browser would fall back to quirks mode).
public enum PanelPlacement {
    public static func place(in html: String, headEnd: String = "", bodyStart: String = "", bodyEnd: String = "") -> String {
        var page = html
        var opening = bodyStart
        if let head = page.range(of: "</head", options: .caseInsensitive) {
            page.insert(contentsOf: headEnd, at: head.lowerBound)
        } else {
            opening = headEnd + opening
        }
        if opening.isEmpty {
            // Nothing to open the body with.
        } else if let body = page.range(of: "<body", options: .caseInsensitive),
           let end = page[body.upperBound...].firstIndex(of: ">") {
            page.insert(contentsOf: "\n" + opening, at: page.index(after: end))
        } else if let doctype = page.range(of: "<!doctype", options: [.caseInsensitive, .anchored]),
                  let end = page[doctype.upperBound...].firstIndex(of: ">") {
            page.insert(contentsOf: "\n" + opening, at: page.index(after: end))
        } else {
            page = opening + page
        }
        if bodyEnd.isEmpty {
            // Nothing to close the body with.
        } else if let body = page.range(of: "</body", options: [.caseInsensitive, .backwards]) {
            page.insert(contentsOf: bodyEnd, at: body.lowerBound)
        } else {
            page += bodyEnd
        }
        return page
    }
}
