/// The reading stages of one document, from bytes, for the fuzzers in `Fuzz/`.
///
/// A fuzzer must reach the load, split, parse and model stages without a
/// practice folder around the document; this is the one public way in, so
/// that the readers themselves stay internal.
public enum DocumentFuzzing {
    /// Decodes `bytes` as the document `kind` at `path` and reads it as
    /// `groupchart check` would; returns the findings, which a fuzzer ignores.
    @discardableResult
    public static func read(bytes: [UInt8], kind: DocumentKind, path: String = "document.md") -> [ReadFinding] {
        let log = FindingLog()
        _ = DocumentReading.read(SourceDecoder.decode(bytes, path: path), as: kind, log: log)
        return log.findings
    }
}
