/// A member's own clinical note (a progress note or an individual note) with
/// the date it documents, for the rules about goals, risk and signatures.
public struct MemberNote: Sendable {
    public var kind: NoteKind
    public var file: String
    public var member: String
    /// The date of service, when known.
    public var date: LocalDate?
    /// When the session ended, when known.
    public var end: Timestamp?
    public var content: ClinicalContent
    public var signature: Signature
}

/// A signed document: a session note, progress note or individual note.
public struct SignedDocument: Sendable {
    public var kind: NoteKind
    public var file: String
    public var signature: Signature
    /// When the session it documents ended, when known.
    public var sessionEnd: Timestamp?
    /// Where its first Addendum heading stands, if it has one.
    public var addendum: SourceLocation?
}

extension RuleContext {
    /// Every readable progress note and individual note, in path order
    /// (derived once per check: five rules read it).
    public var memberNotes: [MemberNote] { analysis.memberNotes }

    /// Every readable note that must be signed, in path order (derived once per check).
    public var signedDocuments: [SignedDocument] { analysis.signedDocuments }
}

extension Analysis {
    /// The progress notes, never written (`NoteTexts.isUnwritten`: a `new
    /// session` draft left as it was), of members the attendance log marks
    /// absent. `note-for-absent-member` says to delete each; the rules of a
    /// written note pass them by, which said to sign it, fill its sections,
    /// state each goal's status and the risk level: eight errors inviting a
    /// note for someone who was not there (a clinician's review).
    static func absentMembersDrafts(_ record: PracticeRecord) -> Set<String> {
        var drafts: Set<String> = []
        for session in record.sessions {
            guard let log = session.note else { continue }
            for entry in log.attendance where entry.status?.value == .absent {
                guard let note = session.progressNote(for: entry.member.value), note.isReadable,
                      NoteTexts.isUnwritten(note.content.body) else { continue }
                drafts.insert(note.file)
            }
        }
        return drafts
    }

    static func memberNotes(_ record: PracticeRecord, leavingOut drafts: Set<String>) -> [MemberNote] {
        var notes: [MemberNote] = []
        for session in record.sessions {
            let date = session.note?.date?.value
            let end = Self.timestamp(date, session.note?.end?.value)
            for note in session.progressNotes where note.isReadable && !drafts.contains(note.file) {
                notes.append(MemberNote(kind: .progressNote, file: note.file, member: note.member, date: date, end: end,
                                        content: note.content, signature: note.signature))
            }
        }
        for member in record.members {
            for note in member.individualNotes where note.isReadable {
                notes.append(MemberNote(kind: .individualNote, file: note.file, member: member.id, date: note.date?.value,
                                        end: Self.timestamp(note.date?.value, note.end?.value),
                                        content: note.content, signature: note.signature))
            }
        }
        return notes.sorted { $0.file.precedesInBytes($1.file) }
    }

    static func signedDocuments(_ record: PracticeRecord, memberNotes: [MemberNote]) -> [SignedDocument] {
        var documents = memberNotes.map { note in
            SignedDocument(kind: note.kind, file: note.file, signature: note.signature, sessionEnd: note.end,
                           addendum: SectionCatalogue.addendumHeading(in: note.content.body)?.location)
        }
        for session in record.sessions {
            guard let note = session.note else { continue }
            documents.append(SignedDocument(kind: .sessionNote, file: note.file, signature: note.signature,
                                            sessionEnd: Self.timestamp(note.date?.value, note.end?.value),
                                            addendum: SectionCatalogue.addendumHeading(in: note.body)?.location))
        }
        return documents.sorted { $0.file.precedesInBytes($1.file) }
    }

    private static func timestamp(_ date: LocalDate?, _ time: LocalTime?) -> Timestamp? {
        guard let date, let time else { return nil }
        return Timestamp(date: date, time: time)
    }
}
