/// A treatment plan (members/<member-id>/plan-<date>.md).
public struct TreatmentPlan: Sendable, Codable, Equatable {
    public var member: String
    public var file: String
    public var isReadable: Bool
    public var effective: Located<LocalDate>?
    public var reviewBy: Located<LocalDate>?
    /// One or more modalities (`group psychotherapy`, `individual psychotherapy`).
    public var modalities: [Located<String>]
    /// The groups this plan treats in (`group`: one id or a list).
    public var groups: [Located<String>]
    public var frequency: Located<String>?
    public var sessionMinutes: Located<Int>?
    public var duration: Located<String>?
    /// Keys written with a value that cannot be read (reported as
    /// `invalid-value`), which `plan-incomplete` does not call missing.
    public var unreadableKeys: Set<String> = []
    /// ICD-10-CM codes as written, primary first.
    public var diagnoses: [Located<String>]
    public var goals: [PlanGoal]
    public var signedBy: Located<String>?
    public var signedOn: Located<LocalDate>?
    public var body: MarkdownBody

    public func goal(_ id: String) -> PlanGoal? { goals.first { $0.id.value == id } }

    /// Whether the plan treats the member in `group`.
    public func names(group: String) -> Bool { groups.contains { $0.value == group } }
}

/// One goal of a plan, by id (`G1`).
public struct PlanGoal: Sendable, Codable, Equatable {
    public var id: Located<String>
    public var text: String
}
