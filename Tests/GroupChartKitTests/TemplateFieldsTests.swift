import Foundation
@testable import GroupChartKit
import Testing

/// The views that hand Mustache their fields themselves (`TemplateFields`)
/// hand it every stored property, as reflection would: a field added to a
/// view and not to its list would render as nothing.
@Suite struct TemplateFieldsTests {
    static var source: SourceView { SourceView(path: "a.md", sha256: "sha256:0") }
    static var payment: PaymentView { PaymentView(claimID: "C", date: "d", member: "m", memberLink: "l", billed: "b", paid: "p",
                                     patientResponsibility: "r", outstanding: "o", status: "s", badge: "g", days: "1",
                                     reasons: [ReasonView(code: "PR-3", amount: "$1", meaning: "copay")],
                                     remarks: [RemarkView(code: "N290", meaning: "npi")], hasReasons: true) }
    static var views: [any TemplateFields] { [
        NoteView(kind: "k", memberName: "n", dob: "d", dateOfService: "s", running: "r", bodyHTML: "<p>",
                 signature: SignatureView(signer: "g", signedAt: "t", digest: nil), source: source),
        SignatureView(signer: "s", signedAt: nil, digest: "x"),
        source,
        AttendanceRowView(member: "m", status: "s", arrived: "a", left: "l", reason: "r", attended: true),
        ClaimRowView(date: "d", session: "e", cpt: "c", status: "s", heldBy: "h", isHeld: false, payment: payment,
                     history: [HistoryRowView(date: "d1", event: "e1", file: "f1")]),
        payment,
        ReasonView(code: "c", amount: "a", meaning: "m"),
        RemarkView(code: "c", meaning: "m"),
        HistoryRowView(date: "d", event: "e", file: "f"),
        MemberAttendanceView(date: "d", session: "e", status: "s", detail: "t"),
        BatchRowView(claimID: "c", date: "d", member: "m", frequency: "f", reason: "r"),
        practice,
        ClinicianView(role: "r", name: "n", credentials: "c", npi: nil),
        session,
        SessionPacketView(generator: "g", practice: practice, session: session, notes: [note]),
        chart,
        profile,
        AuthorizationView(number: "A1", cpt: "90853", period: "p", used: 3, sessions: 12),
        plan,
        DiagnosisView(code: "F43.21"),
        GoalView(id: "G1", text: "t"),
        pipeline,
        FigureView(label: "l", count: 2, amount: "$2"),
        rejection,
        reimbursement,
        AgingRowView(label: "l", amounts: ["$1", "$2"], total: "$3"),
        dashboard,
        IndexPage.Counts(sessions: 1, members: 2, errors: 3, warnings: 4, claimsReady: 5, claimsHeld: 6),
        IndexPage.SessionRow(id: "i", date: "d", group: "g", topic: "t", attended: 3, link: "l", skipped: false),
        IndexPage.MemberRow(id: "i", name: "n", coverage: "c", link: "", skipped: true),
        IndexPage.DiagnosticRow(place: "p", severity: "error", rule: "r", message: "m"),
        IndexPage.HeldClaimRow(date: "d", member: "m", session: "s", heldBy: "h"),
        IndexPage.AuthorizationRow(member: "m", number: "n", cpt: "c", period: "p", used: 1, sessions: 2, low: true),
    ] }
    static var dashboard: IndexPage.View {
        IndexPage.View(generator: "g", practice: practice, today: "t",
                       counts: IndexPage.Counts(sessions: 1, members: 1, errors: 0, warnings: 1, claimsReady: 1, claimsHeld: 0),
                       sessions: [IndexPage.SessionRow(id: "i", date: "d", group: "g", topic: "t", attended: 1, link: "l", skipped: false)],
                       members: [IndexPage.MemberRow(id: "i", name: "n", coverage: "c", link: "l", skipped: false)],
                       diagnostics: [IndexPage.DiagnosticRow(place: "p", severity: "warning", rule: "r", message: "m")],
                       diagnosticsNotShown: "d", heldClaims: [], heldClaimsNotShown: nil,
                       authorizations: [IndexPage.AuthorizationRow(member: "m", number: "n", cpt: "c", period: "p", used: 1, sessions: 2,
                                                                   low: false)],
                       reimbursement: reimbursement, pipeline: pipeline, batchFile: "b", hasDiagnostics: true, hasHeldClaims: false)
    }
    static var profile: ProfileView {
        ProfileView(name: "n", dob: "d", sex: "s", address: "a", coverage: "c", memberID: "m", groupNumber: nil, subscriber: "s",
                    benefits: nil, authorizations: [AuthorizationView(number: "A", cpt: "c", period: "p", used: 1, sessions: 2)],
                    hasAuthorizations: true)
    }
    static var plan: PlanView {
        PlanView(effective: "e", reviewBy: "r", modality: "m", frequency: "f", diagnoses: [DiagnosisView(code: "c")],
                 goals: [GoalView(id: "i", text: "t")], signature: "s", bodyHTML: "<p>", source: source)
    }
    static var rejection: RejectionView {
        RejectionView(date: "d", member: "m", claimID: "c", answered: "a", file: "f", reasons: ["r1", "r2"], next: "n")
    }
    static var pipeline: PipelineView {
        PipelineView(figures: [FigureView(label: "l", count: 1, amount: "a")], chartSVG: "<svg>", rejections: [rejection],
                     rejectionsNotShown: nil, batch: [BatchRowView(claimID: "c", date: "d", member: "m", frequency: "f", reason: "r")],
                     batchNotShown: "b", hasRejections: true, hasBatch: false)
    }
    static var reimbursement: ReimbursementView {
        ReimbursementView(billed: "b", paid: "p", patientResponsibility: "r", outstanding: "o", statuses: "s", buckets: ["0-30"],
                          aging: [AgingRowView(label: "l", amounts: ["a"], total: "t")], claims: [payment], claimsNotShown: "c",
                          denials: [], denialsNotShown: nil, hasClaims: true, hasDenials: false, hasOutstanding: true)
    }
    static var chart: MemberChartView {
        MemberChartView(generator: "g", practice: practice, profile: profile, plans: [plan],
                        attendance: [MemberAttendanceView(date: "d", session: "s", status: "t", detail: "x")], notes: [note],
                        claims: [ClaimRowView(date: "d", session: "e", cpt: "c", status: "s", heldBy: "h", isHeld: true, payment: nil,
                                              history: [])],
                        pipeline: pipeline, reimbursement: reimbursement, skipped: ["s1"], sources: [source], period: nil,
                        hasSkipped: true)
    }
    static var practice: PracticeView { PracticeView(name: "n", npi: "1", taxID: "t", address: "a", phone: "p") }
    static var note: NoteView {
        NoteView(kind: "k", memberName: "n", dob: "d", dateOfService: "s", running: "r", bodyHTML: "<p>", signature: nil, source: source)
    }
    static var session: SessionView {
        SessionView(id: "i", title: "t", groupName: "g", date: "d", longDate: "l", time: "h", minutes: 90, cpt: "90853",
                    placeOfService: "11", topic: "o", module: nil, format: "f",
                    clinicians: [ClinicianView(role: "r", name: "n", credentials: nil, npi: "2")],
                    attendance: [AttendanceRowView(member: "m", status: "s", arrived: "a", left: "l", reason: "r", attended: false)],
                    attendedCount: 1, enrolledCount: 2, bodyHTML: "<b>", signature: SignatureView(signer: "s", signedAt: nil, digest: "x"),
                    sources: [source])
    }

    @Test(arguments: 0..<33)
    func everyStoredPropertyIsHandedOver(index: Int) {
        let view = Self.views[index]
        let reflected = Set(Mirror(reflecting: view).children.compactMap(\.label))
        #expect(view.templateFields.names == reflected && view.templateFields.fields.count == reflected.count, "\(type(of: view)): each field once")
        #expect(TemplateValue.fields(view.templateFields) == TemplateValue.reflecting(view), "\(type(of: view)): each field as reflection finds it")
    }

    @Test func anArrayOfViewsIsListedAsReflectionWouldList() {
        let payments = [Self.payment, Self.payment]
        #expect(TemplateValue(view: payments) == .list(payments.map { TemplateValue.reflecting($0) ?? .empty }))
        #expect(TemplateValue(view: [PaymentView]()) == .list([]))
    }

    @Test func everyTemplateFieldsViewIsTested() {
        #expect(Self.views.count == 33, "the arguments of everyStoredPropertyIsHandedOver count them")
    }

    @Test func aViewRendersAsItsReflectionWould() {
        let note = NoteView(kind: "k", memberName: "n", dob: "d", dateOfService: "s", running: "r", bodyHTML: "<p>", signature: nil, source: Self.source)
        let context = (TemplateLibrary.context(note) as? MustacheView)?.fields
        #expect(context?["signature"] is TemplateLibrary.Empty, "a missing signature stays missing")
        #expect((context?["source"] as? MustacheView)?.fields["path"] as? String == "a.md")
    }
}
