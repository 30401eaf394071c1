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
        let file = SourceDecoder.decode(bytes, path: path)
        switch kind {
        case .practice: _ = PracticeReader.read(file, log: log)
        case .group(let id): _ = GroupReader.read(file, id: id, log: log)
        case .profile: _ = ProfileReader.read(file, log: log)
        case .plan(let member): _ = PlanReader.read(file, member: member, log: log)
        case .sessionNote: _ = SessionNoteReader.read(file, log: log)
        case .progressNote(let session, let member): _ = ProgressNoteReader.read(file, session: session, member: member, log: log)
        case .individualNote(let member): _ = IndividualNoteReader.read(file, member: member, log: log)
        case .stray, .linkedFolder: break
        }
        return log.findings
    }
}
