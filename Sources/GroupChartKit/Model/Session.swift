/// A group session (sessions/<session-id>/): its note and the members' notes.
public struct Session: Sendable, Equatable {
    /// The folder's name, by convention `<YYYY-MM-DD>-<group-id>`.
    public var id: String
    /// `sessions/<session-id>/session.md` (which may be missing).
    public var noteFile: String
    /// `nil` when session.md is missing or unreadable.
    public var note: SessionNote?
    /// Sorted by path.
    public var progressNotes: [ProgressNote]

    public func progressNote(for member: String) -> ProgressNote? {
        progressNotes.first { $0.member == member }
    }

    /// The file of `member`'s progress note: the note itself is several
    /// hundred bytes, copied (every reference in it retained) to be asked
    /// only its path, 20,000 times in each listing of services and of the
    /// charts' keys.
    func progressNoteFile(for member: String) -> String? {
        progressNotes.firstIndex { $0.member == member }.map { progressNotes[$0].file }
    }

    /// Every member the session names, in its attendance log or by a
    /// progress note: the members whose charts show it (`OutputKeys`).
    var namedMembers: Set<String> {
        Set((note?.attendance.map(\.member.value) ?? []) + progressNotes.map(\.member))
    }
}

/// The group session note with its attendance log (session.md).
public struct SessionNote: Sendable, Codable, Equatable {
    /// Shared until written (`SharedFields`).
    private var shared: SharedFields<Fields>

    struct Fields: Sendable, Codable, Equatable {
        var file: String
        var group: Located<String>?
        var date: Located<LocalDate>?
        var start: Located<LocalTime>?
        var end: Located<LocalTime>?
        var facilitator: Located<String>?
        var coFacilitator: Located<String>?
        var topic: Located<String>?
        var module: Located<String>?
        var format: Located<SessionFormat>?
        var placeOfService: Located<String>?
        var sizeRationale: Located<String>?
        var attendance: [AttendanceEntry]
        var attendanceLocation: SourceLocation
        var signature: Signature
        var body: MarkdownBody
    }

    public var file: String {
        get { shared.fields.file }
        _modify { yield &shared.fields.file }
    }
    public var group: Located<String>? {
        get { shared.fields.group }
        _modify { yield &shared.fields.group }
    }
    public var date: Located<LocalDate>? {
        get { shared.fields.date }
        _modify { yield &shared.fields.date }
    }
    public var start: Located<LocalTime>? {
        get { shared.fields.start }
        _modify { yield &shared.fields.start }
    }
    public var end: Located<LocalTime>? {
        get { shared.fields.end }
        _modify { yield &shared.fields.end }
    }
    public var facilitator: Located<String>? {
        get { shared.fields.facilitator }
        _modify { yield &shared.fields.facilitator }
    }
    /// A clinician id, or `none` to record that there was none.
    public var coFacilitator: Located<String>? {
        get { shared.fields.coFacilitator }
        _modify { yield &shared.fields.coFacilitator }
    }
    public var topic: Located<String>? {
        get { shared.fields.topic }
        _modify { yield &shared.fields.topic }
    }
    public var module: Located<String>? {
        get { shared.fields.module }
        _modify { yield &shared.fields.module }
    }
    public var format: Located<SessionFormat>? {
        get { shared.fields.format }
        _modify { yield &shared.fields.format }
    }
    public var placeOfService: Located<String>? {
        get { shared.fields.placeOfService }
        _modify { yield &shared.fields.placeOfService }
    }
    public var sizeRationale: Located<String>? {
        get { shared.fields.sizeRationale }
        _modify { yield &shared.fields.sizeRationale }
    }
    /// In the order written.
    public var attendance: [AttendanceEntry] {
        get { shared.fields.attendance }
        _modify { yield &shared.fields.attendance }
    }
    /// Where the `attendance:` key stands (or line 1).
    public var attendanceLocation: SourceLocation {
        get { shared.fields.attendanceLocation }
        _modify { yield &shared.fields.attendanceLocation }
    }
    /// Whether an `attendance:` key is written (front-matter starts on line
    /// 2, so a key never stands on line 1). Without one, `missing-field`
    /// says so, and the rules that compare the log with the notes and the
    /// roster stay silent: `atendance:` misspelt gave two errors and two
    /// warnings more, the cause sixth of seven (a clinician's review).
    public var hasAttendanceLog: Bool { attendanceLocation.line > 1 }

    /// Of `candidates` (members with a note the log does not list, or
    /// enrolled and not recorded), those an entry naming no member of the
    /// practice most likely means ("lopez-mari" for lopez-maria): that
    /// entry's `unknown-reference` says "did you mean", and the rules that
    /// would say the member is missing from the log stay silent for them
    /// (they told the clinician to add a second entry: a clinician's review).
    func meantBySlips(among candidates: [String], isMember: (String) -> Bool) -> Set<String> {
        guard !candidates.isEmpty else { return [] }
        var meant: Set<String> = []
        for entry in attendance where !isMember(entry.member.value) {
            if let nearest = NearestName.to(entry.member.value, in: candidates) { meant.insert(nearest) }
        }
        return meant
    }
    public var signature: Signature {
        get { shared.fields.signature }
        _modify { yield &shared.fields.signature }
    }
    public var body: MarkdownBody {
        get { shared.fields.body }
        _modify { yield &shared.fields.body }
    }

    init(file: String, group: Located<String>?, date: Located<LocalDate>?, start: Located<LocalTime>?,
         end: Located<LocalTime>?, facilitator: Located<String>?, coFacilitator: Located<String>?,
         topic: Located<String>?, module: Located<String>?, format: Located<SessionFormat>?,
         placeOfService: Located<String>?, sizeRationale: Located<String>?, attendance: [AttendanceEntry],
         attendanceLocation: SourceLocation, signature: Signature, body: MarkdownBody) {
        shared = SharedFields(Fields(file: file, group: group, date: date, start: start, end: end, facilitator: facilitator,
                                     coFacilitator: coFacilitator, topic: topic, module: module, format: format,
                                     placeOfService: placeOfService, sizeRationale: sizeRationale, attendance: attendance,
                                     attendanceLocation: attendanceLocation, signature: signature, body: body))
    }

    /// Encoded as the fields themselves, as before they were shared.
    public init(from decoder: any Decoder) throws {
        shared = SharedFields(try Fields(from: decoder))
    }

    public func encode(to encoder: any Encoder) throws {
        try shared.fields.encode(to: encoder)
    }

    public func attendance(of member: String) -> AttendanceEntry? {
        attendance.first { $0.member.value == member }
    }
}

public enum SessionFormat: String, Sendable, Codable, CaseIterable {
    case psychotherapy
    case psychoeducation
}

/// Who signed a note, when, and (after `groupchart sign`) what they signed.
public struct Signature: Sendable, Codable, Equatable {
    /// Shared until written (`SharedFields`).
    private var shared: SharedFields<Fields>

    struct Fields: Sendable, Codable, Equatable {
        var signedBy: Located<String>?
        var signedAt: Located<Timestamp>?
        var digest: Located<String>?
        var currentDigest: String?
        var addenda: [Addendum]
        var unreadableKeys: Set<String> = []
    }

    public var signedBy: Located<String>? {
        get { shared.fields.signedBy }
        _modify { yield &shared.fields.signedBy }
    }
    public var signedAt: Located<Timestamp>? {
        get { shared.fields.signedAt }
        _modify { yield &shared.fields.signedAt }
    }
    /// The digest `groupchart sign` wrote.
    public var digest: Located<String>? {
        get { shared.fields.digest }
        _modify { yield &shared.fields.digest }
    }
    /// The digest of the text as it stands now, when the note has a digest.
    public var currentDigest: String? {
        get { shared.fields.currentDigest }
        _modify { yield &shared.fields.currentDigest }
    }
    /// The note's Addendum headings, in order: how a signed note changes.
    public var addenda: [Addendum] {
        get { shared.fields.addenda }
        _modify { yield &shared.fields.addenda }
    }
    /// `signed_by` or `signed_at` written with a value that cannot be read
    /// (reported as `invalid-value`): the note is not merely unsigned.
    public var unreadableKeys: Set<String> {
        get { shared.fields.unreadableKeys }
        _modify { yield &shared.fields.unreadableKeys }
    }

    public init(signedBy: Located<String>? = nil, signedAt: Located<Timestamp>? = nil,
                digest: Located<String>? = nil, currentDigest: String? = nil, addenda: [Addendum] = []) {
        shared = SharedFields(Fields(signedBy: signedBy, signedAt: signedAt, digest: digest,
                                     currentDigest: currentDigest, addenda: addenda))
    }

    /// Encoded as the fields themselves, as before they were shared.
    public init(from decoder: any Decoder) throws {
        shared = SharedFields(try Fields(from: decoder))
    }

    public func encode(to encoder: any Encoder) throws {
        try shared.fields.encode(to: encoder)
    }
}

/// An addendum heading, `## Addendum YYYY-MM-DD <clinician id>` (format.md,
/// "Signature digest"): who amended a signed note, and when. Its date and
/// clinician are `nil` when the heading does not state them (the reader
/// reports it).
public struct Addendum: Sendable, Codable, Equatable {
    /// The heading.
    public var location: SourceLocation
    public var date: LocalDate?
    /// Where the date stands in the heading, for the caret of a finding
    /// about it (the heading's own place when it names none).
    public var dateLocation: SourceLocation
    /// The clinician's id, located at its word in the heading.
    public var clinician: Located<String>?

    public init(location: SourceLocation, date: LocalDate?, dateLocation: SourceLocation? = nil, clinician: Located<String>?) {
        self.location = location
        self.date = date
        self.dateLocation = dateLocation ?? location
        self.clinician = clinician
    }
}

extension SessionNote {
    /// Whether `other` is this session filed again: the same group and
    /// date, and the same start or times that overlap (`duplicate-id`,
    /// which holds both; `same-day-services` then marks neither as a second
    /// session of the day).
    func isFiledTwice(as other: SessionNote) -> Bool {
        guard let group = group?.value, group == other.group?.value, let date = date?.value, date == other.date?.value,
              let start = start?.value, let otherStart = other.start?.value else { return false }
        if start == otherStart { return true }
        guard let end = end?.value, let otherEnd = other.end?.value, start < end, otherStart < otherEnd else { return false }
        return start < otherEnd && otherStart < end
    }
}
