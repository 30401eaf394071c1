extension PracticeRecord {
    /// The record with every note's parsed body let go but for the line it
    /// starts on: once the rules have run, nothing reads a note's blocks
    /// (a record renders a note from its text, read again from that line),
    /// and at 20,000 notes the blocks, their plain text and runs are 80 MB,
    /// held through the rendering of the records and claims for nothing.
    /// Goal items and risk statements are kept: the charts show them.
    func lettingGoOfNoteBodies() -> PracticeRecord {
        func bare(_ body: MarkdownBody) -> MarkdownBody { MarkdownBody(blocks: [], firstLine: body.firstLine) }
        var members = self.members
        for index in members.indices {
            for note in members[index].individualNotes.indices {
                members[index].individualNotes[note].content.body = bare(members[index].individualNotes[note].content.body)
            }
        }
        var sessions = self.sessions
        for index in sessions.indices {
            if let body = sessions[index].note?.body { sessions[index].note?.body = bare(body) }
            for note in sessions[index].progressNotes.indices {
                sessions[index].progressNotes[note].content.body = bare(sessions[index].progressNotes[note].content.body)
            }
        }
        return PracticeRecord(files: files, strays: strays, practice: practice, groups: groups, members: members,
                              sessions: sessions, services: services, remittances: remittances,
                              billingHistory: billingHistory, readFindings: readFindings, folder: folder)
    }
}
