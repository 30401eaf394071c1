/// The practice as `serve` shows it: every page rendered in memory, each
/// with its diagnostics panel, ready to be sent as it is.
public struct LivePreview: Sendable, Equatable {
    /// `index.html`, `sessions/<id>.html` and `members/<id>.html`: the
    /// records `build` writes (and, marked as not final, those it would
    /// skip for their errors), each with the panel at its top.
    public let pages: [String: [UInt8]]
    /// Served at every path when nothing could be rendered (practice.yaml is
    /// gone, a practice template does not parse): it says why, and the page
    /// a clinician was looking at comes back by itself once that is fixed.
    public let failurePage: [UInt8]?
    /// `N errors, N warnings in N files`, or why nothing was rendered.
    public let summary: String

    public init(pages: [String: [UInt8]], failurePage: [UInt8]? = nil, summary: String) {
        self.pages = pages
        self.failurePage = failurePage
        self.summary = summary
    }

    /// The page served at `path` (relative, `/`-separated), if any.
    public func page(_ path: String) -> [UInt8]? {
        pages[path] ?? failurePage
    }
}
