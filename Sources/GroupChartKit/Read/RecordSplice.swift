extension RecordReader {
    /// What a long-running command's last build read: each document in the
    /// order found with the digest it was read at, and the record assembled
    /// from them. The next build splices what changed into it.
    struct LastReading {
        let found: [DiscoveredFile]
        var digests: [String?]
        var documents: [DocumentReading]
        var record: PracticeRecord
        /// Where each document's file stands in `record.files`.
        var filePositions: [Int?]
        /// How many of `record.readFindings` are the documents' own, in
        /// the order found; the members' and sessions' follow.
        var documentFindings: Int
        /// Every claim id of `record.services`.
        var claimIDs: Set<String>
        /// Whether each session stands in one folder: two folders whose
        /// names are the same text in two Unicode forms (which Linux file
        /// systems can hold) make one session, which a folder's documents
        /// alone cannot make again.
        var canSplice: Bool
    }

    enum Splice {
        /// The record is the last one with the changed sessions in it; so many documents were parsed.
        case spliced(parsed: Int)
        /// Something other than a session's notes changed, a file became
        /// readable or unreadable, or a session could not be assembled from
        /// its folder alone: the record is assembled whole, from the
        /// documents read here and the others.
        case notSpliced(read: [Int: Reading])
    }

    /// Splices into `last` the documents whose digest changed, when they
    /// are all sessions' notes and their files stand as before: only the
    /// sessions they are in are assembled again, and the billable services
    /// listed again. Assembling all 22,000 documents of a 20,000-note
    /// practice, and looking each up in the memo first, was 150-190 ms of
    /// each save in `watch`, for the one note saved. A `DocumentReading` is
    /// a function of its file's kind, path and bytes, so a document whose
    /// digest is the same is the same document.
    static func splice(_ last: inout LastReading, digests: [String: String], reading: (Int) -> Reading) -> Splice {
        guard last.canSplice else { return .notSpliced(read: [:]) }
        let found = last.found
        var changed: [Int] = []
        for index in found.indices where last.digests[index] == nil || digests[found[index].path] != last.digests[index] {
            changed.append(index)
        }
        guard changed.allSatisfy({ sessionID(of: found[$0].kind) != nil }) else { return .notSpliced(read: [:]) }
        var read: [Int: Reading] = [:]
        for index in changed { read[index] = reading(index) }
        // A file that became unreadable, or readable again, moves every
        // file after it in the record's list.
        guard changed.allSatisfy({ (last.documents[$0].file == nil) == (read[$0]!.document.file == nil) }) else {
            return .notSpliced(read: read)
        }
        // The record is changed in place: the last build that held it is
        // over, and the memo let go of it (`DocumentMemo.takeLastReading`).
        var findingsChanged = false
        var touched: [String: Int] = [:]
        for index in changed {
            let new = read[index]!.document
            if let position = last.filePositions[index], let file = new.file { last.record.replaceFile(at: position, with: file) }
            if new.findings != last.documents[index].findings { findingsChanged = true }
            last.documents[index] = new
            last.digests[index] = digests[found[index].path]
            touched[sessionID(of: found[index].kind)!] = index
        }
        for (id, index) in touched {
            guard last.record.session(id) != nil, let session = session(id, around: index, in: last) else {
                return .notSpliced(read: read)
            }
            last.record.replaceSession(session)
        }
        if findingsChanged {
            let others = last.record.readFindings[last.documentFindings...]
            var readFindings = last.documents.flatMap(\.findings)
            last.documentFindings = readFindings.count
            readFindings += others
            last.record.replaceReadFindings(readFindings)
        }
        if !spliceServices(&last, touched: Array(touched.keys)) {
            let record = last.record
            last.record.replaceServices(PracticeRecord.services(sessions: record.sessions, members: record.members, groups: record.groups))
            last.claimIDs = Set(last.record.services.compactMap(\.claimID))
        }
        return .spliced(parsed: changed.count { read[$0]!.parsed })
    }

    /// Lists the services of the `touched` sessions again, in the last
    /// record's list, when that gives what listing every service gives
    /// (`PracticeRecord.services`): no claim id among them shares its
    /// first attempt with another service's, so that every other service
    /// keeps its id (`ClaimID.ids` moves the later of two services that
    /// share one to its next attempt). Listing and hashing every service
    /// was 40-50 ms of a save at 20,000 notes. `false` when it cannot: the
    /// caller lists them all.
    private static func spliceServices(_ last: inout LastReading, touched: [String]) -> Bool {
        var services = last.record.takeServices()
        defer { last.record.replaceServices(services) }
        var removed: [BillableService] = []
        services.removeAll { service in
            guard service.kind == .group, touched.contains(service.sessionID) else { return false }
            removed.append(service)
            return true
        }
        for service in removed {
            guard let id = service.claimID else { continue }
            // A service whose id was its first attempt, and no other's took
            // the next: no other id moves with it gone.
            guard id == ClaimID.make(member: service.member, session: service.sessionID, date: service.date),
                  !last.claimIDs.contains(ClaimID.make(member: service.member, session: service.sessionID, date: service.date, attempt: 1))
            else { return false }
            last.claimIDs.remove(id)
        }
        let record = last.record
        let memberIDs = Set(record.members.map(\.id))
        let insured = Set(record.members.filter { $0.insurance != nil }.map(\.id))
        var added = touched.flatMap { id in
            record.session(id).map { PracticeRecord.groupServices(of: $0, memberIDs: memberIDs, groups: record.groups) } ?? []
        }
        var ids: Set<String> = []
        for index in added.indices where insured.contains(added[index].member) {
            let service = added[index]
            let id = ClaimID.make(member: service.member, session: service.sessionID, date: service.date)
            guard !last.claimIDs.contains(id), ids.insert(id).inserted else { return false }
            added[index].claimID = id
        }
        last.claimIDs.formUnion(ids)
        added.sort(by: BillableService.precedes)
        for service in added {
            // Where the stable sort of all places it: after every service
            // that does not come after it, but before an individual
            // service of the same date, session id and member (the group
            // services are listed first).
            var low = 0, high = services.count
            while low < high {
                let middle = (low + high) / 2
                let other = services[middle]
                let tiedIndividual = other.kind == .individual && !BillableService.precedes(other, service)
                if BillableService.precedes(service, other) || tiedIndividual { high = middle } else { low = middle + 1 }
            }
            services.insert(service, at: low)
        }
        return true
    }

    /// Whether each of `record`'s sessions stands in one folder of `found`
    /// (`LastReading.canSplice`): as many folders, told apart by their
    /// bytes, as sessions.
    static func eachSessionInOneFolder(_ found: [DiscoveredFile], _ record: PracticeRecord) -> Bool {
        var folders: Set<[UInt8]> = []
        var previous: [UInt8] = []
        for file in found {
            guard let id = sessionID(of: file.kind), !id.utf8.elementsEqual(previous) else { continue }
            previous = Array(id.utf8)
            folders.insert(previous)
        }
        return folders.count == record.sessions.count
    }

    /// The session of a session's note or progress note.
    static func sessionID(of kind: DocumentKind) -> String? {
        switch kind {
        case .sessionNote(let session), .progressNote(let session, _): return session
        default: return nil
        }
    }

    /// Session `id` assembled from its folder's documents, which stand
    /// together around `index` (the files are found in path order), as
    /// `assemble` does for every session.
    private static func session(_ id: String, around index: Int, in last: LastReading) -> Session? {
        let prefix = Array("sessions/\(id)/".utf8)
        let inFolder = { (index: Int) in last.found[index].path.utf8.starts(with: prefix) }
        var start = index, end = index + 1
        while start > 0, inFolder(start - 1) { start -= 1 }
        while end < last.found.count, inFolder(end) { end += 1 }
        var documents = Documents()
        for document in last.documents[start..<end] { documents.add(document.document) }
        let assembled = documents.sessions(log: FindingLog())
        guard assembled.count == 1, assembled[0].id == id else { return nil }
        return assembled[0]
    }
}
