extension PracticeRecord {
    // A record lets go of every note's parsed body but for the line it
    // starts on (`letGoOfNoteBodies`): once the rules have run, nothing
    // reads a note's blocks (a record renders a note from its text, read
    // again from that line), and at 20,000 notes the blocks, their plain
    // text and runs are 80 MB, held through the rendering of the records
    // and claims for nothing. Goal items and risk statements are kept: the
    // charts show them.

    /// The members with their individual notes' bodies let go but for the
    /// line each starts on, and, unless `keepingCurrentDigests`, the digest
    /// of each note's text as it stands now (`ClaimInputs`, which compares
    /// what the claims read, and no claim reads those).
    func membersWithoutNoteBodies(keepingCurrentDigests: Bool) -> [Member] {
        members.map { member in
            var member = member
            Self.bareNotes(of: &member, keepingCurrentDigests: keepingCurrentDigests)
            return member
        }
    }

    /// `session` with its notes' bodies let go (see above).
    static func withoutNoteBodies(_ session: Session, keepingCurrentDigests: Bool) -> Session {
        var session = session
        bareNotes(of: &session, keepingCurrentDigests: keepingCurrentDigests)
        return session
    }

    /// Lets go of the bodies of `member`'s individual notes (see above).
    static func bareNotes(of member: inout Member, keepingCurrentDigests: Bool) {
        for note in member.individualNotes.indices {
            bare(&member.individualNotes[note].content.body)
            bare(&member.individualNotes[note].signature, keepingCurrentDigest: keepingCurrentDigests)
        }
    }

    /// Lets go of the bodies of `session`'s group note and progress notes (see above).
    static func bareNotes(of session: inout Session, keepingCurrentDigests: Bool) {
        if session.note != nil {
            bare(&session.note!.body)
            bare(&session.note!.signature, keepingCurrentDigest: keepingCurrentDigests)
        }
        for note in session.progressNotes.indices {
            bare(&session.progressNotes[note].content.body)
            bare(&session.progressNotes[note].signature, keepingCurrentDigest: keepingCurrentDigests)
        }
    }

    static func bare(_ body: inout MarkdownBody) {
        body = MarkdownBody(blocks: [], firstLine: body.firstLine)
    }

    static func bare(_ signature: inout Signature, keepingCurrentDigest: Bool) {
        if !keepingCurrentDigest { signature.currentDigest = nil }
    }
}
