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
}

/// The group session note with its attendance log (session.md).
public struct SessionNote: Sendable, Codable, Equatable {
    public var file: String
    public var group: Located<String>?
    public var date: Located<LocalDate>?
    public var start: Located<LocalTime>?
    public var end: Located<LocalTime>?
    public var facilitator: Located<String>?
    /// A clinician id, or `none` to record that there was none.
    public var coFacilitator: Located<String>?
    public var topic: Located<String>?
    public var module: Located<String>?
    public var format: Located<SessionFormat>?
    public var placeOfService: Located<String>?
    public var sizeRationale: Located<String>?
    /// In the order written.
    public var attendance: [AttendanceEntry]
    /// Where the `attendance:` key stands (or line 1).
    public var attendanceLocation: SourceLocation
    public var signature: Signature
    public var body: MarkdownBody

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
    public var signedBy: Located<String>?
    public var signedAt: Located<Timestamp>?
    /// The digest `groupchart sign` wrote.
    public var digest: Located<String>?
    /// The digest of the text as it stands now, when the note has a digest.
    public var currentDigest: String?
    /// The note's Addendum headings, in order: how a signed note changes.
    public var addenda: [Addendum]
    /// `signed_by` or `signed_at` written with a value that cannot be read
    /// (reported as `invalid-value`): the note is not merely unsigned.
    public var unreadableKeys: Set<String> = []

    public init(signedBy: Located<String>? = nil, signedAt: Located<Timestamp>? = nil,
                digest: Located<String>? = nil, currentDigest: String? = nil, addenda: [Addendum] = []) {
        self.signedBy = signedBy
        self.signedAt = signedAt
        self.digest = digest
        self.currentDigest = currentDigest
        self.addenda = addenda
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
    /// The clinician's id, located at the heading.
    public var clinician: Located<String>?
}
