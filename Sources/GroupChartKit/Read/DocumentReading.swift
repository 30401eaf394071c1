/// One file of the practice read on its own, by whichever core is free:
/// bytes to text, then split, parse and model by the reader of its kind.
/// What it found wrong travels with it, so that the findings of a parallel
/// read come out in the same order as those of a sequential one.
struct DocumentReading: Sendable {
    enum Document: Sendable {
        case practice(Practice?)
        case group(Group)
        case profile(member: String, Profile)
        case plan(member: String, TreatmentPlan)
        case individualNote(member: String, IndividualNote)
        case sessionNote(session: String, SessionNote?)
        case progressNote(session: String, ProgressNote)
        /// The payments of one 835 file.
        case remittances([Remittance])
        case stray(DiscoveredFile)
        /// The file exists but could not be opened.
        case unreadable(DocumentKind)
    }

    var file: SourceFile?
    var document: Document
    var findings: [ReadFinding]

    static func read(_ discovered: DiscoveredFile, in folder: PracticeFolder) -> DocumentReading {
        if case .stray = discovered.kind { return DocumentReading(file: nil, document: .stray(discovered), findings: []) }
        let log = FindingLog()
        guard let bytes = folder.read(discovered) else {
            log.add("encoding", at: SourceLocation(file: discovered.path, line: 1), "the file cannot be read",
                    help: "check that the file is readable by you (its permissions)")
            return DocumentReading(file: nil, document: .unreadable(discovered.kind), findings: log.findings)
        }
        let file = SourceDecoder.decode(bytes, path: discovered.path)
        let document: Document
        switch discovered.kind {
        case .practice:
            document = .practice(PracticeReader.read(file, log: log))
        case .group(let id):
            document = .group(GroupReader.read(file, id: id, log: log))
        case .profile(let member):
            document = .profile(member: member, ProfileReader.read(file, log: log))
        case .plan(let member):
            document = .plan(member: member, PlanReader.read(file, member: member, log: log))
        case .individualNote(let member):
            document = .individualNote(member: member, IndividualNoteReader.read(file, member: member, log: log))
        case .sessionNote(let session):
            document = .sessionNote(session: session, SessionNoteReader.read(file, log: log))
        case .progressNote(let session, let member):
            document = .progressNote(session: session, ProgressNoteReader.read(file, session: session, member: member, log: log))
        case .remittance:
            document = .remittances(RemittanceReader.read(file, log: log))
        case .stray:
            document = .stray(discovered)
        }
        return DocumentReading(file: file, document: document, findings: log.findings)
    }
}
