/// A rule of the catalogue (rules.md): it reads the whole model and says what
/// it finds; it never throws, never reparses text and never prints.
///
/// One rule per file under `Rules/`; the type's `explanation` is what
/// `groupchart explain <id>` prints.
public protocol Rule: Sendable {
    /// The id of rules.md, used in diagnostics and in practice.yaml `rules:`.
    var id: String { get }
    var defaultSeverity: Severity { get }
    /// When it fires, in one line (the "fires when" column of rules.md).
    var summary: String { get }
    var explanation: Explanation { get }
    /// Numeric parameters practice.yaml may set (`group-size: {max: 10}`).
    var parameters: [RuleParameter] { get }
    /// Whether it reads the claims and the next batch (`RuleContext.billing`):
    /// such a rule runs after the others, whose errors decide which claims
    /// are held, and, in a build, after the notes' parsed bodies are let go:
    /// it must read no note's body (`Analysis.lettingGoOfNoteBodies`).
    var readsClaims: Bool { get }
    /// Whether it compares notes' 3-grams (`Analysis.noteTexts`): the
    /// checker then derives them on every core before any rule starts.
    var readsNoteTexts: Bool { get }
    /// Whether it reads one session at a time: its findings in a session's
    /// folder depend on that session and what lies outside `sessions/`
    /// only, and its findings outside `sessions/` on what lies there only.
    /// Its findings are then kept per session, and a check after an edit
    /// runs it on the sessions the edit touched (`SessionScopedFindings`;
    /// `SessionLocalRuleTests` holds every rule so marked to it). Such a
    /// rule reads neither claims nor notes' 3-grams, which are the whole
    /// practice's.
    var isSessionLocal: Bool { get }
    /// Its error holds the claims of the notes its related locations name
    /// too: a defect said once, at one note, that two claims bill
    /// (`ClaimReadiness`).
    var holdsRelatedClaims: Bool { get }
    func check(_ context: RuleContext) -> [Finding]
}

extension Rule {
    public var parameters: [RuleParameter] { [] }
    public var readsClaims: Bool { false }
    public var readsNoteTexts: Bool { false }
    public var isSessionLocal: Bool { false }
    public var holdsRelatedClaims: Bool { false }
}

/// What `groupchart explain` says of a rule.
public struct Explanation: Sendable {
    /// What the rule checks.
    public var checks: String
    /// Why payers (or auditors) care.
    public var why: String
    /// A document or excerpt that triggers the rule.
    public var example: String
    /// How to fix it.
    public var fix: String

    public init(checks: String, why: String, example: String, fix: String) {
        self.checks = checks
        self.why = why
        self.example = example
        self.fix = fix
    }
}

/// A parameter of a rule with its default.
public struct RuleParameter: Sendable {
    public var name: String
    public var defaultValue: Double
    public var range: ClosedRange<Double>

    public init(_ name: String, default defaultValue: Double, range: ClosedRange<Double>) {
        self.name = name
        self.defaultValue = defaultValue
        self.range = range
    }
}

/// What a rule found, before the checker gives it its configured severity.
public struct Finding: Sendable, Codable {
    public var location: SourceLocation
    public var message: String
    public var help: String
    public var related: [RelatedLocation]
    /// A severity other than the rule's default, for rules whose table entry
    /// names two (an old verification is a warning, a missing one an error).
    public var severity: Severity?
    /// The claims it holds when it is an error, where its place alone does
    /// not tell (a fee missing for one code); otherwise the checker derives
    /// it from the place.
    public var scope: ClaimScope?

    public init(_ location: SourceLocation, _ message: String, help: String = "",
                related: [RelatedLocation] = [], severity: Severity? = nil, scope: ClaimScope? = nil) {
        self.location = location
        self.message = message
        self.help = help
        self.related = related
        self.severity = severity
        self.scope = scope
    }
}

/// What a rule may read: the model, today's date and its parameters.
public struct RuleContext: Sendable {
    public let record: PracticeRecord
    public let today: LocalDate
    /// Where the practice is and the user stands (`Checker.Options.location`).
    public let location: PracticeLocation?
    /// What several rules derive from the model, derived once.
    public let analysis: Analysis
    /// Reading-stage findings, including those about practice.yaml `rules:`.
    public let readFindings: [ReadFinding]
    /// The claims, the billing history and the next batch; given to the
    /// rules that read claims (`Rule.readsClaims`) only.
    public let billing: Billing?
    let parameterValues: [String: Double]

    /// The configured value of a parameter, or its default.
    public func parameter(_ parameter: RuleParameter) -> Double {
        parameterValues[parameter.name] ?? parameter.defaultValue
    }

    /// A file of the practice as the user types it from where they stand.
    public func typed(_ path: String) -> String {
        location?.typed(path) ?? path
    }

    /// The reading-stage findings that belong to `rule`.
    public func readFindings(of rule: String) -> [Finding] {
        readFindings.filter { $0.rule == rule }.map { Finding($0.location, $0.message, help: $0.help, scope: $0.scope) }
    }
}
