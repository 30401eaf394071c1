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
        func bare(_ body: inout MarkdownBody) { body = MarkdownBody(blocks: [], firstLine: body.firstLine) }
        func bare(_ signature: inout Signature) { if !keepingCurrentDigests { signature.currentDigest = nil } }
        var members = self.members
        for index in members.indices {
            for note in members[index].individualNotes.indices {
                bare(&members[index].individualNotes[note].content.body)
                bare(&members[index].individualNotes[note].signature)
            }
        }
        var sessions = self.sessions
        for index in sessions.indices {
            if sessions[index].note != nil {
                bare(&sessions[index].note!.body)
                bare(&sessions[index].note!.signature)
            }
            for note in sessions[index].progressNotes.indices {
                bare(&sessions[index].progressNotes[note].content.body)
                bare(&sessions[index].progressNotes[note].signature)
            }
        }
        return (members, sessions)
    }
}
