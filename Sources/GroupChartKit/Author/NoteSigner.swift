import Foundation

/// `groupchart sign`: writes `signed_by`, `signed_at` and `digest` into a
/// note's front-matter, changing nothing else in the file (`FrontMatterEditor`).
///
/// A signature attests a finished note, so `sign` refuses (and writes
/// nothing) when:
/// - the clinician is not one of practice.yaml;
/// - `check` reports an error in the note itself (`SigningPolicy`);
/// - the signature would be dated before the session ended, or later than
///   now (five minutes allowed for a clock that runs ahead): a signature
///   attests what was, and a time to come attests nothing;
/// - the note is already signed, unless `force` (a note signed in error,
///   before anyone relied on it);
/// - the note has an Addendum: the addendum is how a signed note changes,
///   and a signature is never replaced under one, forced or not.
public enum NoteSigner {
    /// What `sign` wrote.
    public struct Signed: Sendable {
        /// The note, relative to the practice folder.
        public var path: String
        public var clinician: String
        public var signedAt: Timestamp
        public var digest: String
        /// True when a signature was replaced (`force`).
        public var replacedSignature: Bool
    }

    /// How far ahead of the clock a signature may be dated, in minutes.
    static let clockTolerance = 5

    public static func sign(_ note: URL, by clinician: String, at time: Timestamp, force: Bool = false,
                            now: Timestamp = .now()) throws(Refusal) -> Signed {
        guard time.minutes(since: now) <= clockTolerance else {
            throw Refusal("--at \(time) is in the future (it is now \(now)): a signature states when the note was signed, so it cannot be later than now; give the present time or an earlier one")
        }
        let located = try NoteLocation(note)
        let record = RecordReader.read(located.folder)
        let report = Checker.check(record, options: Checker.Options(today: time.date))
        guard let practice = record.practice else {
            throw Refusal("practice.yaml cannot be read, so \"\(clinician)\" cannot be confirmed as a clinician; `groupchart check` says why")
        }
        guard practice.clinician(clinician) != nil else {
            let help = NearestName.help(for: clinician, in: practice.clinicians.map(\.id.value), noun: "clinician")
            throw Refusal("\"\(clinician)\" is not a clinician of practice.yaml: \(help)")
        }
        guard let document = SignableNote(located, in: record) else {
            throw Refusal("\(located.path) cannot be read; `groupchart check \(located.folder.root.path)` says why")
        }
        try SigningPolicy.refuseSignature(of: document, force: force)
        let replaced = [document.signature.signedBy?.location, document.signature.signedAt?.location, document.signature.digest?.location]
        try SigningPolicy.refuseErrors(report, in: located.path, besides: Set(replaced.compactMap { $0?.line }))
        try SigningPolicy.refuseBeforeSessionEnd(document, at: time)
        let digest = SignedText.digest(of: document.signedText)
        try write(signedBy: clinician, signedAt: time, digest: digest, to: located)
        return Signed(path: located.path, clinician: clinician, signedAt: time, digest: digest,
                      replacedSignature: document.isSigned)
    }

    /// Edits the file's own bytes, reads the result back as `check` would,
    /// and replaces the file only when the signature reads as written and
    /// the signed text is unchanged.
    private static func write(signedBy: String, signedAt: Timestamp, digest: String, to note: NoteLocation) throws(Refusal) {
        let url = note.folder.root.appendingPathComponent(note.path)
        guard let bytes = FileManager.default.contents(atPath: url.path),
              var editor = FrontMatterEditor(String(decoding: bytes, as: UTF8.self)) else {
            throw Refusal("\(note.path) cannot be read, or no longer starts with front-matter")
        }
        try editor.set("signed_by", to: signedBy)
        try editor.set("signed_at", to: signedAt.description)
        try editor.set("digest", to: digest)
        let edited = Data(editor.text.utf8)
        let reread = SignatureReader.readBack(SourceDecoder.decode([UInt8](edited), path: note.path))
        guard let reread, reread.signedBy?.value == signedBy, reread.signedAt?.value == signedAt,
              reread.digest?.value == digest, reread.currentDigest == digest else {
            throw Refusal("""
                \(note.path) cannot be signed without changing more than its signature (is its front-matter \
                one {...} mapping, or a key quoted?): write its keys one per line, as `groupchart new session` does
                """)
        }
        do {
            try AtomicWrite.replace(url, with: edited)
        } catch {
            throw Refusal("cannot write \(note.path): \(error.localizedDescription)")
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
