import Foundation

/// `groupchart sign`: writes `signed_by`, `signed_at` and `digest` into the
/// front-matter of each note it is given (or finds in a folder it is
/// given), changing nothing else in the file (`FrontMatterEditor`).
///
/// The practice is read and checked once for all the notes. The command
/// refuses as a whole, writing nothing, when an argument names no note or
/// the clinician is not one of practice.yaml. Each note is then judged on
/// its own (`SigningPolicy`): it is signed when it checks clean, and
/// refused otherwise with its errors, so that a session's finished notes
/// are signed while an unfinished one waits. A note found in a folder that
/// is already signed is left as it is; one named itself is signed again
/// only with `force`, and never under an addendum. A signature dated before
/// the session ended, or later than now (five minutes allowed for a clock
/// that runs ahead), is refused: a signature attests what was.
public enum NoteSigner {
    /// What `sign` wrote into one note.
    public struct Signed: Sendable {
        /// The note, relative to the practice folder.
        public var path: String
        public var clinician: String
        public var signedAt: Timestamp
        public var digest: String
        /// True when a signature was replaced (`force`).
        public var replacedSignature: Bool
    }

    /// What `sign` did with every note it was given or found.
    public struct Outcome: Sendable {
        /// Where the practice is, to show each note as typed from the current folder.
        public var practice: PracticeLocation
        public var signed: [Signed] = []
        /// Notes not signed (relative to the practice folder), each with why, of the note ("it has 2 errors...").
        public var refused: [(path: String, reason: String)] = []
        /// Notes found in a folder that were signed already, left as they were.
        public var alreadySigned: [String] = []
    }

    /// How far ahead of the clock a signature may be dated, in minutes.
    static let clockTolerance = 5

    /// Signs the notes `paths` name (notes, or folders of notes), as typed by the user.
    public static func sign(_ paths: [String], by clinician: String, at time: Timestamp, force: Bool = false,
                            now: Timestamp = .now()) throws(Refusal) -> Outcome {
        guard time.minutes(since: now) <= clockTolerance else {
            throw Refusal("--at \(time) is in the future (it is now \(now)): a signature states when the note was signed, so it cannot be later than now; give the present time or an earlier one")
        }
        let selection = try NoteSelection(paths)
        let record = RecordReader.read(selection.folder)
        let report = Checker.check(record, options: Checker.Options(today: time.date, location: selection.location))
        guard let practice = record.practice else {
            throw Refusal("practice.yaml cannot be read, so \"\(clinician)\" cannot be confirmed as a clinician; `groupchart check` says why")
        }
        guard practice.clinician(clinician) != nil else {
            let help = NearestName.help(for: clinician, in: practice.clinicians.map(\.id.value), noun: "clinician")
            throw Refusal("\"\(clinician)\" is not a clinician of practice.yaml: \(help)")
        }
        var outcome = Outcome(practice: selection.location)
        let clinicians = Set(practice.clinicians.map(\.id.value))
        for note in selection.notes {
            do throws(Refusal) {
                guard let document = SignableNote(note, in: record) else {
                    // A note is read again to be signed (its text is let go
                    // once parsed): saved since, it is not what was checked.
                    if record.file(note.path) != nil, record.source(note.path) == nil {
                        throw Refusal("it changed while it was being signed; sign it again")
                    }
                    throw Refusal("it cannot be read; `groupchart check` says why")
                }
                if !note.isNamed, document.holdsSignature {
                    // Changed since it was signed: said as `sign` says it of a
                    // note named alone, not "already signed" with exit status
                    // 0 (a clinician's review).
                    if let digest = document.signature.digest?.value, digest != SignedText.digest(of: document.signedText) {
                        try SigningPolicy.refuseChangedSignature(of: document)
                    }
                    outcome.alreadySigned.append(note.path)
                    continue
                }
                outcome.signed.append(try sign(document, in: selection.folder, report: report, by: clinician, clinicians: clinicians,
                                               at: time, force: force))
            } catch {
                outcome.refused.append((note.path, error.description))
            }
        }
        return outcome
    }

    /// Signs one note, refusing as a whole (for a single note `sign` is given).
    public static func sign(_ note: URL, by clinician: String, at time: Timestamp, force: Bool = false,
                            now: Timestamp = .now()) throws(Refusal) -> Signed {
        let outcome = try sign([note.path], by: clinician, at: time, force: force, now: now)
        if let refused = outcome.refused.first { throw Refusal("\(refused.path): \(refused.reason)") }
        guard let signed = outcome.signed.first else { throw Refusal("\(note.path) was not signed") }
        return signed
    }

    private static func sign(_ document: SignableNote, in folder: PracticeFolder, report: CheckReport, by clinician: String,
                             clinicians: Set<String>, at time: Timestamp, force: Bool) throws(Refusal) -> Signed {
        try SigningPolicy.refuseSignature(of: document, force: force)
        // Half a signature names who meant to sign: another clinician does
        // not complete it in their own name unasked.
        if let named = document.signature.signedBy?.value, named != clinician, !force {
            throw Refusal("""
                it names signed_by: \(named) without signed_at: sign it --by \(named), or --force to sign it as \(clinician)
                """)
        }
        try SigningPolicy.refuseSigner(clinician, of: document, clinicians: clinicians)
        let replaced = [document.signature.signedBy?.location, document.signature.signedAt?.location, document.signature.digest?.location]
        try SigningPolicy.refuseErrors(report, in: document.path, besides: Set(replaced.compactMap { $0?.line }))
        try SigningPolicy.refuseBeforeSessionEnd(document, at: time)
        let digest = SignedText.digest(of: document.signedText)
        try write(signedBy: clinician, signedAt: time, digest: digest, to: document.path, in: folder)
        return Signed(path: document.path, clinician: clinician, signedAt: time, digest: digest,
                      replacedSignature: document.holdsSignature)
    }

    /// Edits the file's own bytes, reads the result back as `check` would,
    /// and replaces the file only when the signature reads as written and
    /// the signed text is unchanged.
    private static func write(signedBy: String, signedAt: Timestamp, digest: String, to path: String,
                              in folder: PracticeFolder) throws(Refusal) {
        let url = folder.root.appendingPathComponent(path)
        guard let bytes = FileManager.default.contents(atPath: url.path),
              var editor = FrontMatterEditor(String(decoding: bytes, as: UTF8.self)) else {
            throw Refusal("it cannot be read, or no longer starts with front-matter")
        }
        try editor.set("signed_by", to: signedBy)
        try editor.set("signed_at", to: signedAt.description)
        try editor.set("digest", to: digest)
        let edited = Data(editor.text.utf8)
        let reread = SignatureReader.readBack(SourceDecoder.decode([UInt8](edited), path: path))
        guard let reread, reread.signedBy?.value == signedBy, reread.signedAt?.value == signedAt,
              reread.digest?.value == digest, reread.currentDigest == digest else {
            throw Refusal("""
                it cannot be signed without changing more than its signature (is its front-matter one {...} mapping, \
                or a key quoted?): write its keys one per line, as `groupchart new session` does
                """)
        }
        // A note made read-only was replaced all the same (the folder being
        // writable), its owner changed to whoever signed: a fault-injection review.
        // Said without a path: the command may run from any folder, and the
        // note is named where the refusal is printed (a code review).
        var status = stat()
        if stat(url.path, &status) == 0, status.st_mode & S_IWUSR == 0 || access(url.path, W_OK) != 0 {
            throw Refusal("it is read-only: make the file writable to sign it (chmod u+w and its name, in a terminal)")
        }
        do {
            try AtomicWrite.replace(url, with: edited)
        } catch {
            let folder = url.deletingLastPathComponent().path
            guard access(folder, W_OK) == 0 else {
                throw Refusal("its folder cannot be written, and a note is signed by writing it whole beside itself: make the folder "
                              + "writable (chmod u+w and its name, in a terminal) and sign again")
            }
            throw Refusal("it cannot be written: \(error.localizedDescription)")
        }
    }
}

extension SignatureReader {
    /// The signature of a note's text as `check` reads it; `nil` when the
    /// text is not a readable document.
    static func readBack(_ file: SourceFile) -> Signature? {
        let log = FindingLog()
        guard let parsed = DocumentParser.markdown(file, log: log), log.findings.isEmpty else { return nil }
        return read(FieldReader(parsed.frontMatter, file: file, log: log), parsed)
    }
}
