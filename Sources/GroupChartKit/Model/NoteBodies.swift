extension PracticeRecord {
    /// The record with every note's parsed body let go but for the line it
    /// starts on: once the rules have run, nothing reads a note's blocks
    /// (a record renders a note from its text, read again from that line),
    /// and at 20,000 notes the blocks, their plain text and runs are 80 MB,
    /// held through the rendering of the records and claims for nothing.
    /// Goal items and risk statements are kept: the charts show them.
    func lettingGoOfNoteBodies() -> PracticeRecord {
        let (members, sessions) = membersAndSessionsWithoutNoteBodies()
        return PracticeRecord(files: files, strays: strays, practice: practice, groups: groups, members: members,
                              sessions: sessions, services: services, remittances: remittances,
                              billingHistory: billingHistory, readFindings: readFindings, folder: folder)
    }

    /// The members and sessions with every note's parsed body let go but
    /// for the line it starts on, and, unless `keepingCurrentDigests`, the
    /// digest of each note's text as it stands now (`ClaimInputs`, which
    /// compares what the claims read, and no claim reads those).
    func membersAndSessionsWithoutNoteBodies(keepingCurrentDigests: Bool = true) -> (members: [Member], sessions: [Session]) {
        (membersWithoutNoteBodies(keepingCurrentDigests: keepingCurrentDigests),
         sessions.map { Self.withoutNoteBodies($0, keepingCurrentDigests: keepingCurrentDigests) })
    }

    /// The members with their individual notes' bodies let go (see above).
    func membersWithoutNoteBodies(keepingCurrentDigests: Bool) -> [Member] {
        var members = self.members
        for index in members.indices {
            for note in members[index].individualNotes.indices {
                Self.bare(&members[index].individualNotes[note].content.body)
                Self.bare(&members[index].individualNotes[note].signature, keepingCurrentDigest: keepingCurrentDigests)
            }
        }
        return members
    }

    /// `session` with its notes' bodies let go (see above).
    static func withoutNoteBodies(_ session: Session, keepingCurrentDigests: Bool) -> Session {
        var session = session
        if session.note != nil {
            bare(&session.note!.body)
            bare(&session.note!.signature, keepingCurrentDigest: keepingCurrentDigests)
        }
        for note in session.progressNotes.indices {
            bare(&session.progressNotes[note].content.body)
            bare(&session.progressNotes[note].signature, keepingCurrentDigest: keepingCurrentDigests)
        }
        return session
    }

    static func bare(_ body: inout MarkdownBody) {
        body = MarkdownBody(blocks: [], firstLine: body.firstLine)
    }

    static func bare(_ signature: inout Signature, keepingCurrentDigest: Bool) {
        if !keepingCurrentDigest { signature.currentDigest = nil }
    }
}
