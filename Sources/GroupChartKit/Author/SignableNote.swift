import Foundation

/// A note as `check` read it, with what signing needs to know about it.
struct SignableNote {
    var path: String
    var signature: Signature
    var body: MarkdownBody
    /// The text the digest covers (`SignedText`).
    var signedText: String
    /// When the session it documents ended, when its date and end are known.
    var sessionEnd: Timestamp?
    /// The file that states the session's date and end.
    var timesFile: String
    /// Who led the session and may sign the note (`unsigned-note` asks the same of it once signed).
    var signers: SignedByAnotherClinician.Signers
    /// What the note documents, as a refusal names it.
    var what = "the session"

    /// `nil` when the note could not be read (its errors say why).
    init?(_ location: NoteSelection.Note, in record: PracticeRecord) {
        path = location.path
        switch location.kind {
        case .sessionNote(let id):
            guard let note = record.sessions.first(where: { $0.id == id })?.note else { return nil }
            signature = note.signature
            body = note.body
            sessionEnd = Self.timestamp(note.date?.value, note.end?.value)
            timesFile = note.file
            signers = SignedByAnotherClinician.signers(of: note, in: record, credentialed: Self.credentialed(record))
        case .progressNote(let id, let member):
            guard let session = record.sessions.first(where: { $0.id == id }),
                  let note = session.progressNote(for: member), note.isReadable else { return nil }
            signature = note.signature
            body = note.content.body
            sessionEnd = Self.timestamp(session.note?.date?.value, session.note?.end?.value)
            timesFile = session.noteFile
            signers = session.note.map { SignedByAnotherClinician.signers(of: $0, in: record, credentialed: Self.credentialed(record)) }
                ?? .init(leaders: [], allowed: [])
        case .individualNote(let member):
            guard let note = record.member(member)?.individualNotes.first(where: { $0.file == location.path }), note.isReadable
            else { return nil }
            signature = note.signature
            body = note.content.body
            sessionEnd = Self.timestamp(note.date?.value, note.end?.value)
            timesFile = note.file
            signers = SignedByAnotherClinician.signers(of: note)
            what = "the individual session it bills"
        default:
            return nil
        }
        guard let file = record.source(location.path), case .success = FrontMatter.split(file) else { return nil }
        signedText = SignedText.text(of: file, body: body)
    }

    /// Whether any part of a signature is written.
    var isSigned: Bool {
        signature.signedBy != nil || signature.signedAt != nil || signature.digest != nil
    }

    /// Whether it carries a signature `sign` must not replace unasked: who
    /// and when both written, or a digest (`sign` wrote it; a signature that
    /// lost a line since is not completed over text that may have changed).
    /// A `signed_by` or `signed_at` typed alone is half a signature, which
    /// `check` calls unsigned (`unsigned-note`) and `sign` completes.
    var holdsSignature: Bool {
        (signature.signedBy != nil && signature.signedAt != nil) || signature.digest != nil
    }

    /// The first heading that opens an addendum.
    var addendum: MarkdownBlock? {
        SectionCatalogue.addendumHeading(in: body)
    }

    private static func credentialed(_ record: PracticeRecord) -> Set<String> {
        Set(record.practice?.clinicians.filter(\.hasCredentials).map(\.id.value) ?? [])
    }

    private static func timestamp(_ date: LocalDate?, _ time: LocalTime?) -> Timestamp? {
        guard let date, let time else { return nil }
        return Timestamp(date: date, time: time)
    }
}
