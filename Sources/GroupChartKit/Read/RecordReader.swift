/// Reads a whole practice folder into a `PracticeRecord`: the load, split,
/// parse and model stages, in that order, for every file.
public enum RecordReader {
    /// Called with the count done, the total and what is being done.
    public typealias Progress = (Int, Int, String) -> Void

    /// `progress` hears `(files read, files found, stage)` as reading goes;
    /// `preread` holds files a build has read already, which are not read again.
    public static func read(_ folder: PracticeFolder, progress: Progress? = nil,
                            preread: [String: PracticeFile.Reading]? = nil) -> PracticeRecord {
        read(folder, progress: progress, preread: preread.map { PrereadFiles($0) }, found: nil, digests: [:], memo: nil)
    }

    /// `read`, with what a build knows already: the files `found`, their
    /// `digests`, and a `memo` of the documents compiled by an earlier build
    /// (a file whose bytes have the same digest is not parsed again).
    static func read(_ folder: PracticeFolder, progress: Progress?, preread: PrereadFiles?,
                     found known: [DiscoveredFile]?, digests: [String: String], memo: DocumentMemo?) -> PracticeRecord {
        read(folder, progress: progress, preread: preread, found: known, digests: digests, memo: memo, compiled: nil).record
    }

    /// `read`, taking from `compiled` (the cache of compiled documents a
    /// build left) each document whose digest is in `digests` and the same
    /// there, and handing each document's entry to `writer` (a build's new
    /// cache), which it finishes: kept unless every document came from
    /// `compiled` and it holds no others. Gives back how many were parsed.
    static func read(_ folder: PracticeFolder, progress: Progress?, preread: PrereadFiles?,
                     found known: [DiscoveredFile]?, digests: [String: String], memo: DocumentMemo?,
                     compiled: CompiledDocuments?, writer: CompiledDocuments.Writer? = nil) -> (record: PracticeRecord, parsed: Int) {
        let found = known ?? folder.discover()
        let counter = ProgressCounter(total: found.count, progress: progress)
        var phases = PhaseTimes()
        @Sendable func document(_ index: Int) -> Reading {
            defer { counter.advance() }
            let discovered = found[index]
            let digest = digests[discovered.path]
            if let document = memo?.document(discovered, digest: digest) { return (document, false, false) }
            if let (document, payload) = compiled?.document(discovered, digest: digest) {
                // Its bytes, read to make the digest, are not needed.
                _ = preread?.take(discovered.path)
                writer?.add(CompiledDocuments.Entry(discovered, digest: digest!, payload: payload), at: index)
                return (document, true, false)
            }
            let document = DocumentReading.read(discovered, in: folder, preread: preread, keepingText: memo != nil)
            memo?.remember(discovered, digest: digest, document: document)
            writer?.add(writer == nil ? nil : CompiledDocuments.Entry(discovered, digest: digest, reading: document), at: index)
            return (document, false, true)
        }
        // A long-running command's last build read the same files: the
        // sessions whose documents changed are spliced into its record.
        var readAlready: [Int: Reading] = [:]
        if let memo, var last = memo.takeLastReading(), last.found == found {
            switch splice(&last, digests: digests, reading: document) {
            case .spliced(let parsed):
                memo.putLastReading(last)
                phases.mark("read: splice")
                return (last.record, parsed)
            case .notSpliced(let read):
                readAlready = read
            }
        }
        let readBefore = readAlready
        let read = ParallelMap.map(Array(found.indices)) { readBefore[$0] ?? document($0) }
        phases.mark("read: documents")
        compiled?.letGo()
        writer?.finish(keep: !(compiled.map { $0.count == read.count && read.allSatisfy(\.fromCache) } ?? false))
        // Taken apart, not read out of the tuple: `assembled.record` was a
        // copy of the whole record (5 ms on one core at 20,000 notes, `perf`).
        let (record, filePositions, documentFindings) = assemble(read.lazy.map(\.document), folder: folder)
        if let memo {
            memo.putLastReading(LastReading(found: found, digests: found.map { digests[$0.path] }, documents: read.map(\.document),
                                           record: record, filePositions: filePositions,
                                           documentFindings: documentFindings,
                                           claimIDs: Set(record.services.compactMap(\.claimID)),
                                           canSplice: eachSessionInOneFolder(found, record)))
        }
        phases.mark("read: assemble")
        return (record, read.count(where: \.parsed))
    }

    /// A document as read, and whether it came from the cache of compiled
    /// documents or was parsed.
    typealias Reading = (document: DocumentReading, fromCache: Bool, parsed: Bool)

    /// The record of the documents read, in the order found; where each
    /// document's file stands in it, and how many of its read findings are
    /// the documents' own (the rest are the members' and sessions').
    static func assemble(_ readings: some Collection<DocumentReading>, folder: PracticeFolder)
        -> (record: PracticeRecord, filePositions: [Int?], documentFindings: Int) {
        let log = FindingLog()
        var documents = Documents()
        var files: [SourceFile] = []
        var filePositions: [Int?] = []
        filePositions.reserveCapacity(readings.count)
        for reading in readings {
            filePositions.append(reading.file.map { _ in files.count })
            if let file = reading.file { files.append(file) }
            log.append(reading.findings)
            documents.add(reading.document)
        }
        let documentFindings = log.findings.count
        let members = documents.members(log: log)
        let sessions = documents.sessions(log: log)
        let services = PracticeRecord.services(sessions: sessions, members: members, groups: documents.groups)
        let record = PracticeRecord(files: files, strays: documents.strays, practice: documents.practice,
                                    groups: documents.groups, members: members, sessions: sessions,
                                    services: services, remittances: documents.remittances,
                                    billingHistory: BillingHistoryFiles(submissions: documents.submissions,
                                                                        implementationAcknowledgments: documents.implementationAcknowledgments,
                                                                        claimAcknowledgments: documents.claimAcknowledgments),
                                    readFindings: log.findings, folder: folder)
        return (record, filePositions, documentFindings)
    }

    /// The documents read so far, by kind, until they are assembled.
    struct Documents {
        var practice: Practice?
        var groups: [Group] = []
        var strays: [DiscoveredFile] = []
        var profiles: [String: Profile] = [:]
        var membersWithProfileFile: Set<String> = []
        var memberIDs: Set<String> = []
        var plans: [String: [TreatmentPlan]] = [:]
        var individualNotes: [String: [IndividualNote]] = [:]
        var sessionIDs: Set<String> = []
        /// The names of the strays in each session's folder.
        var straysInSessions: [String: [String]] = [:]
        var sessionNotes: [String: SessionNote] = [:]
        var sessionsWithNoteFile: Set<String> = []
        var progressNotes: [String: [ProgressNote]] = [:]
        var remittances: [Remittance] = []
        var submissions: [Submission] = []
        var implementationAcknowledgments: [ImplementationAcknowledgment] = []
        var claimAcknowledgments: [ClaimAcknowledgment] = []

        mutating func add(_ document: DocumentReading.Document) {
            switch document {
            case .practice(let read):
                practice = read
            case .group(let group):
                groups.append(group)
            case .profile(let member, let profile):
                memberIDs.insert(member)
                membersWithProfileFile.insert(member)
                profiles[member] = profile
            case .plan(let member, let plan):
                memberIDs.insert(member)
                plans[member, default: []].append(plan)
            case .individualNote(let member, let note):
                memberIDs.insert(member)
                individualNotes[member, default: []].append(note)
            case .sessionNote(let session, let note):
                sessionIDs.insert(session)
                sessionsWithNoteFile.insert(session)
                sessionNotes[session] = note
            case .progressNote(let session, let note):
                sessionIDs.insert(session)
                progressNotes[session, default: []].append(note)
            case .stray(let file):
                strays.append(file)
                // A stray in a session's folder ("Session Note.md") leaves the
                // session there, without its session.md: said as missing, as
                // it was when the stray was read as a member's note (a code review).
                let parts = file.path.split(separator: "/")
                if parts.count == 3, parts[0] == "sessions" {
                    sessionIDs.insert(String(parts[1]))
                    let name = String(parts[2])
                    if PracticeFolder.looksLikeSessionNote(String(name.prefix { $0 != "." })) {
                        straysInSessions[String(parts[1]), default: []].append(name)
                    }
                }
            case .unreadable(let file):
                unreadable(file)
            case .remittances(let read):
                remittances += read
            case .submission(let read):
                submissions.append(read)
            case .implementationAcknowledgments(let read):
                implementationAcknowledgments += read
            case .claimAcknowledgments(let read):
                claimAcknowledgments += read
            case .linkedFolder, .unreadableFolder:
                break
            }
        }

        /// A file that exists but cannot be read still counts as existing.
        mutating func unreadable(_ file: DiscoveredFile) {
            switch file.kind {
            case .profile(let member):
                memberIDs.insert(member)
                membersWithProfileFile.insert(member)
            case .plan(let member), .individualNote(let member): memberIDs.insert(member)
            case .sessionNote(let session):
                sessionIDs.insert(session)
                sessionsWithNoteFile.insert(session)
            case .progressNote(let session, let member):
                sessionIDs.insert(session)
                progressNotes[session, default: []].append(ProgressNoteReader.unreadable(file.path, session: session, member: member))
            default: break
            }
        }

        func members(log: FindingLog) -> [Member] {
            memberIDs.sorted().map { id in
                let profileFile = "members/\(id)/profile.md"
                if !Identifier.isSlug(id) {
                    log.invalid(at: SourceLocation(file: profileFile, line: 1), "member folder name \"\(id)\" is not an id",
                                help: "rename the folder to lower-case letters, digits and hyphens, for example members/okonkwo-david")
                }
                if !membersWithProfileFile.contains(id) {
                    log.missing(at: SourceLocation(file: profileFile, line: 1), "member \"\(id)\" has no profile.md",
                                help: "create \(profileFile) with the member's name, date of birth, sex and insurance")
                }
                let plans = (plans[id] ?? []).sorted { lhs, rhs in
                    switch (lhs.effective?.value, rhs.effective?.value) {
                    case let (left?, right?) where left != right: return left < right
                    case (nil, _?): return true
                    case (_?, nil): return false
                    default: return lhs.file < rhs.file
                    }
                }
                return Member(id: id, profileFile: profileFile, profile: profiles[id], plans: plans,
                              individualNotes: individualNotes[id] ?? [])
            }
        }

        func sessions(log: FindingLog) -> [Session] {
            sessionIDs.sorted().map { id in
                let noteFile = "sessions/\(id)/session.md"
                if !sessionsWithNoteFile.contains(id) {
                    let rename = straysInSessions[id].map { names in
                        "rename \(names.map { "\"\($0)\"" }.joined(separator: " or ")) session.md if it is the session note, or "
                    } ?? ""
                    log.missing(at: SourceLocation(file: noteFile, line: 1), "session folder \"\(id)\" has no session.md",
                                help: rename + "create \(noteFile) with the group note and the attendance log (groupchart new session writes one)")
                }
                return Session(id: id, noteFile: noteFile, note: sessionNotes[id], progressNotes: (progressNotes[id] ?? []).exactCopy())
            }
        }
    }
}
