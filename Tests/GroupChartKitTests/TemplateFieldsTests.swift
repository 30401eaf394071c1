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
                                     reasons: [ReasonView(code: "PR-3", amount: "$1", meaning: "copay")], hasReasons: true) }
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
        HistoryRowView(date: "d", event: "e", file: "f"),
        MemberAttendanceView(date: "d", session: "e", status: "s", detail: "t"),
        BatchRowView(claimID: "c", date: "d", member: "m", frequency: "f", reason: "r"),
        practice,
        ClinicianView(role: "r", name: "n", credentials: "c", npi: nil),
        session,
        SessionPacketView(generator: "g", practice: practice, session: session, notes: [note]),
    ] }
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

    @Test(arguments: 0..<14)
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
        #expect(Self.views.count == 14, "the arguments of everyStoredPropertyIsHandedOver count them")
    }

    @Test func aViewRendersAsItsReflectionWould() {
        let note = NoteView(kind: "k", memberName: "n", dob: "d", dateOfService: "s", running: "r", bodyHTML: "<p>", signature: nil, source: Self.source)
        let context = (TemplateLibrary.context(note) as? MustacheView)?.fields
        #expect(context?["signature"] is TemplateLibrary.Empty, "a missing signature stays missing")
        #expect((context?["source"] as? MustacheView)?.fields["path"] as? String == "a.md")
    }
}
