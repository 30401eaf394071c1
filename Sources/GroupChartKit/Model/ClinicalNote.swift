/// What a member's own clinical note says, read once from its body so that
/// rules never reparse text: the goal items and the stated risk level.
public struct ClinicalContent: Sendable, Codable, Equatable {
    public var body: MarkdownBody
    public var goalItems: [GoalItem]
    /// `nil` when the note has no Risk section.
    public var risk: RiskStatement?
}

/// One item of a note's Goals section.
public struct GoalItem: Sendable, Codable, Equatable {
    /// The goal id before the colon, when the item starts with one.
    public var goal: Located<String>?
    public var status: GoalStatus?
    public var text: String
    public var location: SourceLocation
}

public enum GoalStatus: String, Sendable, Codable, CaseIterable {
    case met = "Met"
    case inProgress = "In progress"
    case noChange = "No change"
    case regressed = "Regressed"
    case notAddressed = "Not addressed"
}

/// What a Risk section states.
public struct RiskStatement: Sendable, Codable, Equatable {
    public var level: RiskLevel?
    /// The word after `Risk level:` as written, when there is one.
    public var statedWord: String?
    /// The section heading.
    public var location: SourceLocation
    /// The section's text, for rules that look for a safety plan.
    public var text: String
}

public enum RiskLevel: String, Sendable, Codable, CaseIterable {
    case low
    case moderate
    case high
}

/// A member's progress note for one group session (sessions/<id>/<member>.md).
public struct ProgressNote: Sendable, Codable, Equatable {
    public var file: String
    public var session: String
    /// The file's stem.
    public var member: String
    public var isReadable: Bool
    public var signature: Signature
    public var interactiveComplexity: Located<String>?
    public var content: ClinicalContent
}

/// An individual psychotherapy session (members/<id>/individual/<date>.md).
public struct IndividualNote: Sendable, Codable, Equatable {
    public var file: String
    public var member: String
    public var isReadable: Bool
    public var date: Located<LocalDate>?
    public var start: Located<LocalTime>?
    public var end: Located<LocalTime>?
    public var clinician: Located<String>?
    public var cpt: Located<String>?
    public var placeOfService: Located<String>?
    public var signature: Signature
    public var content: ClinicalContent
}
