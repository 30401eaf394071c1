/// The values the record templates render. Templates are logic-less
/// (Mustache), so everything a template shows is decided here: text is
/// plain (Mustache escapes it), and only fields named `...HTML` hold markup,
/// rendered by cmark in safe mode.
struct PracticeView: Encodable {
    var name: String
    var npi: String
    var taxID: String
    var address: String
    var phone: String
}

struct ClinicianView {
    var role: String
    var name: String
    var credentials: String?
    var npi: String?
}

struct AttendanceRowView {
    var member: String
    var status: String
    var arrived: String
    var left: String
    var reason: String
    var attended: Bool
}

struct SignatureView {
    var signer: String
    var signedAt: String?
    var digest: String?
    /// What makes the signature no proof of the text above it (changed
    /// since, or no time): printed beside it, where the record showed a
    /// changed note as validly signed.
    var problem: String?
}

struct SourceView {
    var path: String
    var sha256: String
}

/// A member's own note on its own pages; `running` repeats on each page.
struct NoteView {
    var kind: String
    var memberName: String
    var dob: String
    var dateOfService: String
    var running: String
    var bodyHTML: String
    /// A progress note's `interactive_complexity`: the factor the 90785 on
    /// its claim bills, which the record must show.
    var interactiveComplexity: String?
    /// An individual session's service as billed: its times and minutes
    /// (what the time-based code rests on), CPT code, place of service and
    /// clinician; nil for a progress note, whose session shows them.
    var service: String? = nil
    var signature: SignatureView?
    var source: SourceView
}

struct SessionView {
    var id: String
    var title: String
    var groupName: String
    var date: String
    var longDate: String
    var time: String
    var minutes: Int
    var cpt: String
    var placeOfService: String
    var topic: String
    var module: String?
    var format: String
    var clinicians: [ClinicianView]
    var attendance: [AttendanceRowView]
    var attendedCount: Int
    var enrolledCount: Int
    var bodyHTML: String
    var signature: SignatureView?
    var sources: [SourceView]
    /// The top margin of every printed page (`PageLabel`), escaped for CSS.
    var pageLabel = ""
}

struct SessionPacketView {
    var generator: String
    var practice: PracticeView
    var session: SessionView
    var notes: [NoteView]
}

struct ClaimRowView {
    var date: String
    var session: String
    var cpt: String
    var status: String
    var heldBy: String
    var isHeld: Bool
    /// `nil` for a service without an insurance claim.
    var payment: PaymentView?
    /// Why there is no claim, for a service without one: self-pay, or no
    /// coverage on file (an error in the profile holds it).
    var noClaim: String = ""
    /// Sent, acknowledged, paid, replaced, voided: each with its date and file.
    var history: [HistoryRowView] = []
}

/// Where one claim stands with its payer and member (amounts in dollars).
struct PaymentView: Encodable {
    var claimID: String
    var date: String
    var member: String
    var memberLink: String
    var billed: String
    var paid: String
    var patientResponsibility: String
    var outstanding: String
    var status: String
    /// The badge class: `paid`, `pending`, `warning` (the member owes) or
    /// `error` (denied or reversed: follow up).
    var badge: String
    var days: String
    var reasons: [ReasonView]
    /// The payer's remark codes (RARCs), which say what a reason leaves unsaid.
    var remarks: [RemarkView]
    /// Whether there are reasons or remarks. Stored, as every flag a
    /// template tests: Mustache reads stored properties only.
    var hasReasons: Bool
}

/// One CAS adjustment in words: `PR-3`, `$20.00`, "the member's copay (...)".
struct ReasonView: Encodable {
    var code: String
    var amount: String
    var meaning: String
}

/// One remark code in words: `N290`, "the rendering clinician's identifier (NPI) is ...".
struct RemarkView: Encodable {
    var code: String
    var meaning: String
}

struct AgingRowView: Encodable {
    var label: String
    var amounts: [String]
    var total: String
}

/// The reimbursement of the index (every claim) or of a member's chart.
struct ReimbursementView: Encodable {
    var billed: String
    var paid: String
    var patientResponsibility: String
    var outstanding: String
    /// `6 paid · 2 partial · 1 denied · 4 pending`.
    var statuses: String
    var buckets: [String]
    var aging: [AgingRowView]
    var claims: [PaymentView]
    /// On the dashboard, what `claims` leaves out and where it is listed.
    var claimsNotShown: String?
    var denials: [PaymentView]
    var denialsNotShown: String?
    var hasClaims: Bool
    var hasDenials: Bool
    var hasOutstanding: Bool
}

struct AuthorizationView {
    var number: String
    var cpt: String
    var period: String
    var used: Int
    var sessions: Int
}

struct PlanView {
    var effective: String
    var reviewBy: String
    var modality: String
    var frequency: String
    var diagnoses: [DiagnosisView]
    var goals: [GoalView]
    var signature: String
    var bodyHTML: String
    var source: SourceView
}

struct DiagnosisView {
    var code: String
}

struct GoalView {
    var id: String
    var text: String
}

struct ProfileView {
    var name: String
    var dob: String
    var sex: String
    var address: String
    var coverage: String
    var memberID: String?
    var groupNumber: String?
    var subscriber: String?
    var benefits: String?
    var authorizations: [AuthorizationView]
    /// Stored, as every flag a template tests: Mustache reads stored properties only.
    var hasAuthorizations = false
    /// The top margin of every printed page (`PageLabel`), escaped for CSS.
    var pageLabel = ""
}

struct MemberChartView {
    var generator: String
    var practice: PracticeView
    var profile: ProfileView
    var plans: [PlanView]
    var attendance: [MemberAttendanceView]
    var notes: [NoteView]
    var claims: [ClaimRowView]
    var pipeline: PipelineView
    var reimbursement: ReimbursementView
    var skipped: [String]
    var sources: [SourceView]
    var period: String?
    var hasSkipped: Bool
}

struct MemberAttendanceView {
    var date: String
    var session: String
    var status: String
    var detail: String
}
