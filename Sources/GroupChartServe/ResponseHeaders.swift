import HTTPTypes

/// The headers on every response, refusals included: the pages hold
/// protected health information, so no cache keeps them, no other site can
/// frame, embed or be told about them, and a page can run the reload script
/// and nothing else.
enum ResponseHeaders {
    /// Styles are the records' own inline ones; the only script is the reload
    /// script, by its hash; the only connection is the event stream, back to
    /// this server; nothing else loads (no images, fonts or frames), and no
    /// form goes anywhere.
    static let contentSecurityPolicy = [
        "default-src 'none'", "style-src 'unsafe-inline'", "script-src \(ReloadScript.hashSource)", "connect-src 'self'",
        "img-src 'self' data:", "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'",
    ].joined(separator: "; ")

    static func fields(contentType: String) -> HTTPFields {
        var fields = HTTPFields()
        fields[.contentType] = contentType
        fields[.cacheControl] = "no-store"
        fields[.contentSecurityPolicy] = contentSecurityPolicy
        fields[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        fields[.xContentTypeOptions] = "nosniff"
        fields[HTTPField.Name("X-Frame-Options")!] = "DENY"
        fields[HTTPField.Name("Cross-Origin-Opener-Policy")!] = "same-origin"
        fields[HTTPField.Name("Cross-Origin-Resource-Policy")!] = "same-origin"
        return fields
    }
}
