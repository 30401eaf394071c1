/// What a member's own clinical note says, read once from its body so that
/// rules never reparse text: the goal items and the stated risk level.
public struct ClinicalContent: Sendable, Codable, Equatable {
    /// Shared until written (`SharedFields`).
    private var shared: SharedFields<Fields>

    struct Fields: Sendable, Codable, Equatable {
        var body: MarkdownBody
        var goalItems: [GoalItem]
        var risk: RiskStatement?
    }

    public var body: MarkdownBody {
        get { shared.fields.body }
        _modify { yield &shared.fields.body }
    }
    public var goalItems: [GoalItem] {
        get { shared.fields.goalItems }
        _modify { yield &shared.fields.goalItems }
    }
    /// `nil` when the note has no Risk section.
    public var risk: RiskStatement? {
        get { shared.fields.risk }
        _modify { yield &shared.fields.risk }
    }

    init(body: MarkdownBody, goalItems: [GoalItem], risk: RiskStatement?) {
        shared = SharedFields(Fields(body: body, goalItems: goalItems, risk: risk))
    }

    /// Encoded as the fields themselves, as before they were shared.
    public init(from decoder: any Decoder) throws {
        shared = SharedFields(try Fields(from: decoder))
    }

    public func encode(to encoder: any Encoder) throws {
        try shared.fields.encode(to: encoder)
    }
}

/// One item of a note's Goals section.
public struct GoalItem: Sendable, Codable, Equatable {
    /// The goal id before the colon, when the item starts with one.
    public var goal: Located<String>?
    public var status: GoalStatus?
    public var text: String
    public var location: SourceLocation
    /// The id was read without the colon that follows it in the format
    /// (`ClinicalContentReader`: "G1 – In progress"); `unknown-goal` says so.
    public var colonMissing = false
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
    /// Shared until written (`SharedFields`): a session's notes are walked
    /// by value by most rules.
    private var shared: SharedFields<Fields>

    struct Fields: Sendable, Codable, Equatable {
        var file: String
        var session: String
        var member: String
        var isReadable: Bool
        var signature: Signature
        var interactiveComplexity: Located<String>?
        var content: ClinicalContent
    }

    public var file: String {
        get { shared.fields.file }
        _modify { yield &shared.fields.file }
    }
    public var session: String {
        get { shared.fields.session }
        _modify { yield &shared.fields.session }
    }
    /// The file's stem.
    public var member: String {
        get { shared.fields.member }
        _modify { yield &shared.fields.member }
    }
    public var isReadable: Bool {
        get { shared.fields.isReadable }
        _modify { yield &shared.fields.isReadable }
    }
    public var signature: Signature {
        get { shared.fields.signature }
        _modify { yield &shared.fields.signature }
    }
    public var interactiveComplexity: Located<String>? {
        get { shared.fields.interactiveComplexity }
        _modify { yield &shared.fields.interactiveComplexity }
    }
    public var content: ClinicalContent {
        get { shared.fields.content }
        _modify { yield &shared.fields.content }
    }

    init(file: String, session: String, member: String, isReadable: Bool, signature: Signature,
         interactiveComplexity: Located<String>?, content: ClinicalContent) {
        shared = SharedFields(Fields(file: file, session: session, member: member, isReadable: isReadable,
                                     signature: signature, interactiveComplexity: interactiveComplexity, content: content))
    }

    /// Encoded as the fields themselves, as before they were shared.
    public init(from decoder: any Decoder) throws {
        shared = SharedFields(try Fields(from: decoder))
    }

    public func encode(to encoder: any Encoder) throws {
        try shared.fields.encode(to: encoder)
    }
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
