/// Every rule GroupChart runs, in the order of rules.md. A rule that is not
/// listed here does not run; the catalogue test checks that each listed rule
/// has an explanation, fixtures and a row in the README's rule table.
public enum RuleRegistry {
    public static let all: [any Rule] = [
        // Documents and structure
        FrontMatterRule(),
        EncodingRule(),
        MissingFieldRule(),
        InvalidValueRule(),
        UnknownKeyRule(),
        UnknownReferenceRule(),
        DuplicateIDRule(),
        MissingSectionRule(),
        EmptySectionRule(),
        DuplicateSectionRule(),
        StrayFileRule(),
        // Attendance
        NoteForAbsentMemberRule(),
        MissingMemberNoteRule(),
        NoteWithoutAttendanceRule(),
        AttendanceTimeRule(),
        NotEnrolledRule(),
        EnrolledNotRecordedRule(),
    ]

    public static func rule(_ id: String) -> (any Rule)? {
        all.first { $0.id == id }
    }

    /// The rule id closest to a misspelt one.
    public static func nearestID(to id: String) -> String? {
        NearestName.to(id, in: all.map(\.id))
    }
}
