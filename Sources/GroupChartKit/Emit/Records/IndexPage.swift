/// The dashboard (`index.html`): sessions, members, diagnostics, claims ready
/// and held, reimbursement and authorization use, at a glance.
struct IndexPage {
    struct View: Encodable {
        var generator: String
        var practice: PracticeView
        var today: String
        var counts: Counts
        var sessions: [SessionRow]
        var members: [MemberRow]
        var diagnostics: [DiagnosticRow]
        /// What `diagnostics` leaves out (`DashboardListing`) and where it is listed.
        var diagnosticsNotShown: String?
        var heldClaims: [HeldClaimRow]
        var heldClaimsNotShown: String?
        var authorizations: [AuthorizationRow]
        var reimbursement: ReimbursementView
        var pipeline: PipelineView
        /// Where the batch is (`claims.837`), or why it was not written.
        var batchFile: String
        var hasDiagnostics: Bool
        var hasHeldClaims: Bool
    }

    struct Counts: Encodable {
        var sessions: Int
        var members: Int
        var errors: Int
        var warnings: Int
        var claimsReady: Int
        var claimsHeld: Int
    }

    struct SessionRow: Encodable {
        var id: String
        var date: String
        var group: String
        var topic: String
        var attended: Int
        var link: String
        var skipped: Bool
    }

    struct MemberRow: Encodable {
        var id: String
        var name: String
        var coverage: String
        var link: String
        var skipped: Bool
    }

    struct DiagnosticRow: Encodable {
        var place: String
        var severity: String
        var rule: String
        var message: String
    }

    struct HeldClaimRow: Encodable {
        var date: String
        var member: String
        var session: String
        var heldBy: String
    }

    struct AuthorizationRow: Encodable {
        var member: String
        var number: String
        var cpt: String
        var period: String
        var used: Int
        var sessions: Int
        var low: Bool
    }

    let format: RecordFormatting
    let chart: MemberChart
    let pipeline: ClaimPipeline

    /// The dashboard; `linkingAll` links the records of sessions and members
    /// that were not written too (`serve` previews them).
    func view(report: CheckReport, readiness: ClaimReadiness, today: LocalDate,
              writtenSessions: Set<String>, writtenMembers: Set<String>, linkingAll: Bool = false) -> View {
        let record = format.record
        let sessions = record.sessions.compactMap { session -> SessionRow? in
            guard let note = session.note else { return nil }
            let written = writtenSessions.contains(session.id)
            return SessionRow(id: session.id, date: note.date?.value.description ?? "", group: record.group(of: note)?.name?.value ?? "",
                              topic: note.topic?.value ?? "", attended: note.attendance.filter(\.attended).count,
                              link: written || linkingAll ? RecordLink.session(session.id) : "", skipped: !written)
        }
        let members = record.members.map { member in
            let written = writtenMembers.contains(member.id)
            return MemberRow(id: member.id, name: member.displayName, coverage: chart.profile(member).coverage,
                             link: written || linkingAll ? RecordLink.member(member.id) : "", skipped: !written)
        }
        let authorizations = record.members.flatMap { member in
            chart.profile(member).authorizations.map { authorization in
                AuthorizationRow(member: member.displayName, number: authorization.number, cpt: authorization.cpt,
                                 period: authorization.period, used: authorization.used, sessions: authorization.sessions,
                                 low: authorization.sessions - authorization.used <= 2)
            }
        }
        let listedHeld = DashboardListing.first(readiness.held, of: "held claims", listedIn: "claims-held.csv")
        let held = listedHeld.shown.map { decision in
            HeldClaimRow(date: decision.service.date.description, member: format.memberName(decision.service.member),
                         session: decision.service.sessionID, heldBy: decision.heldBy.joined(separator: ", "))
        }
        let listedDiagnostics = DashboardListing.first(report.diagnostics, of: "diagnostics", listedIn: "groupchart check")
        let diagnostics = listedDiagnostics.shown.map { diagnostic in
            DiagnosticRow(place: diagnostic.location.description, severity: diagnostic.severity.rawValue,
                          rule: diagnostic.rule, message: diagnostic.message)
        }
        return View(generator: GroupChart.generator, practice: format.practice, today: today.description,
                    counts: Counts(sessions: sessions.count, members: members.count, errors: report.errorCount,
                                   warnings: report.warningCount, claimsReady: readiness.ready.count, claimsHeld: readiness.held.count),
                    sessions: sessions, members: members, diagnostics: diagnostics, diagnosticsNotShown: listedDiagnostics.notShown,
                    heldClaims: held, heldClaimsNotShown: listedHeld.notShown,
                    authorizations: authorizations,
                    reimbursement: ReimbursementSummary(format: format).view(chart.reimbursement.entries, listing: true),
                    pipeline: pipeline.view(chart.reimbursement.entries, listing: true),
                    batchFile: pipeline.billing.batch.isEmpty ? "Nothing to send."
                        : record.practice?.edi == nil ? "No claims.837 is written: practice.yaml has no edi: block."
                        : "claims.837 holds this batch (interchange \(pipeline.billing.batch.controlNumber)); batch.csv lists it.",
                    hasDiagnostics: !diagnostics.isEmpty, hasHeldClaims: !held.isEmpty)
    }
}
