/// One file of the practice read on its own, by whichever core is free:
/// bytes to text, then split, parse and model by the reader of its kind.
/// What it found wrong travels with it, so that the findings of a parallel
/// read come out in the same order as those of a sequential one.
struct DocumentReading: Sendable, Codable, Equatable {
    /// A progress note, the document of nearly every file, is held inline;
    /// the larger and rarer kinds are `indirect` (boxed). Inline, every
    /// document took the room of the largest, a profile (1,520 bytes
    /// against a progress note's 416), and each list of 20,000 documents
    /// moved 35 MB whenever it was copied: a fifth of reading in `watch`.
    enum Document: Sendable, Codable, Equatable {
        indirect case practice(Practice?)
        indirect case group(Group)
        indirect case profile(member: String, Profile)
        indirect case plan(member: String, TreatmentPlan)
        indirect case individualNote(member: String, IndividualNote)
        indirect case sessionNote(session: String, SessionNote?)
        case progressNote(session: String, ProgressNote)
        /// The payments of one 835 file.
        case remittances([Remittance])
        /// One 837P of submissions/.
        case submission(Submission)
        /// The 999s of one file of acknowledgments/.
        case implementationAcknowledgments([ImplementationAcknowledgment])
        /// The 277CAs of one file of acknowledgments/.
        case claimAcknowledgments([ClaimAcknowledgment])
        case stray(DiscoveredFile)
        /// A link to a folder, which is never followed.
        case linkedFolder
        /// A folder that cannot be listed.
        case unreadableFolder
        /// The file exists but could not be read.
        case unreadable(DiscoveredFile)
    }

    var file: SourceFile?
    var document: Document
    var findings: [ReadFinding]

    /// Reads `discovered` from `folder`, or takes its bytes from `preread`
    /// when the build has read them already (to fingerprint the practice).
    /// A note's text is let go once parsed unless `keepingText` (a
    /// long-running command, whose memo holds every file's bytes anyway and
    /// whose pages must not depend on the file as it stands when rendered).
    static func read(_ discovered: DiscoveredFile, in folder: PracticeFolder,
                     preread: PrereadFiles? = nil, keepingText: Bool = false) -> DocumentReading {
        let log = FindingLog()
        switch discovered.kind {
        case .stray:
            return DocumentReading(file: nil, document: .stray(discovered), findings: [])
        // A folder whose documents cannot be found: claims.837 is not made
        // (`ClaimScope.interchange`), for a batch made without them would
        // void their paid claims, or (without submissions/) send every claim
        // again as an original.
        case .linkedFolder:
            log.add("symlink", at: SourceLocation(file: discovered.path, line: 1),
                    "\"\(discovered.path)\" is a symbolic link to a folder, which GroupChart does not follow: what it holds is not "
                        + "read, and no claims.837 is made until it is",
                    help: "keep the folder itself in the practice, in place of the link", scope: .interchange)
            return DocumentReading(file: nil, document: .linkedFolder, findings: log.findings)
        case .unreadableFolder:
            log.add("encoding", at: SourceLocation(file: discovered.path, line: 1),
                    "the folder \"\(discovered.path)\" cannot be listed (\(FolderListing.whyUnlistable(folder.fullPath(discovered.path)))): "
                        + "the documents in it are not read, and no claims.837 is made until they are",
                    help: "make it readable (chmod u+rx \(ShellWord.quoted(discovered.path)), or ask who owns it), or, if its path "
                        + "is too long, move what it holds nearer the practice's top", scope: .interchange)
            return DocumentReading(file: nil, document: .unreadableFolder, findings: log.findings)
        default:
            break
        }
        let bytes: [UInt8]
        let taken = preread?.take(discovered.path)
        switch taken ?? folder.read(discovered) {
        case .success(let read):
            bytes = read
        case .failure(let problem):
            UnreadFile.report(problem, at: discovered.path, log: log)
            return DocumentReading(file: nil, document: .unreadable(discovered), findings: log.findings)
        }
        let file = SourceDecoder.decode(bytes, path: discovered.path, digest: taken.flatMap { _ in preread?.digest(of: discovered.path) })
        let document = read(file, as: discovered.kind, log: log)
        return DocumentReading(file: discovered.kind.isNote && !keepingText ? file.withoutText() : file, document: document,
                               findings: log.findings)
    }

    /// Reads one decoded file as the document `kind`: the reader of its kind
    /// takes it through split, parse and model.
    static func read(_ file: SourceFile, as kind: DocumentKind, log: FindingLog) -> Document {
        switch kind {
        case .practice:
            return .practice(PracticeReader.read(file, log: log))
        case .group(let id):
            return .group(GroupReader.read(file, id: id, log: log))
        case .profile(let member):
            return .profile(member: member, ProfileReader.read(file, log: log))
        case .plan(let member):
            return .plan(member: member, PlanReader.read(file, member: member, log: log))
        case .individualNote(let member):
            return .individualNote(member: member, IndividualNoteReader.read(file, member: member, log: log))
        case .sessionNote(let session):
            return .sessionNote(session: session, SessionNoteReader.read(file, log: log))
        case .progressNote(let session, let member):
            return .progressNote(session: session, ProgressNoteReader.read(file, session: session, member: member, log: log))
        case .remittance:
            return .remittances(RemittanceReader.read(file, log: log))
        case .submission:
            return .submission(SubmissionReader.read(file, log: log))
        case .implementationAcknowledgment:
            return .implementationAcknowledgments(ImplementationAcknowledgmentReader.read(file, log: log))
        case .claimAcknowledgment:
            return .claimAcknowledgments(ClaimAcknowledgmentReader.read(file, log: log))
        case .stray, .linkedFolder, .unreadableFolder:
            return .stray(DiscoveredFile(path: file.path, kind: kind))
        }
    }
}
