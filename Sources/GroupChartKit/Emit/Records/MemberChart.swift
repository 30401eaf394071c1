/// The member's chart (`members/<member-id>.html`): profile, coverage and
/// authorizations, plans, attendance history, every progress note in date
/// order, and claims with their reimbursement. Also the parts of the audit
/// packet about the member.
struct MemberChart {
    let format: RecordFormatting
    let readiness: ClaimReadiness
    let ledger: AuthorizationLedger
    let reimbursement: ReimbursementLedger
    let pipeline: ClaimPipeline
    /// Each member's sessions (those whose attendance log names them), claim
    /// decisions and reimbursement entries, as indices in practice order,
    /// found once for every chart: each chart looked through every session,
    /// decision and entry of the practice for its member's, 100 charts times
    /// 2,000 sessions and 20,000 claims at 20,000 notes, and the time per
    /// note grew with the practice.
    private let sessionsOf: [String: [Int]]
    private let decisionsOf: [String: [Int]]
    private let paymentsOf: [String: [Int]]

    init(format: RecordFormatting, readiness: ClaimReadiness, ledger: AuthorizationLedger, reimbursement: ReimbursementLedger,
         pipeline: ClaimPipeline) {
        self.format = format
        self.readiness = readiness
        self.ledger = ledger
        self.reimbursement = reimbursement
        self.pipeline = pipeline
        var sessionsOf: [String: [Int]] = [:]
        for (index, session) in format.record.sessions.enumerated() {
            for member in Set(session.note?.attendance.map(\.member.value) ?? []) { sessionsOf[member, default: []].append(index) }
        }
        var decisionsOf: [String: [Int]] = [:]
        for (index, decision) in readiness.decisions.enumerated() { decisionsOf[decision.service.member, default: []].append(index) }
        var paymentsOf: [String: [Int]] = [:]
        for (index, entry) in reimbursement.entries.enumerated() { paymentsOf[entry.member, default: []].append(index) }
        self.sessionsOf = sessionsOf
        self.decisionsOf = decisionsOf
        self.paymentsOf = paymentsOf
    }

    /// The chart; sessions outside `period` or in `skippedSessions` are left out.
    func view(_ member: Member, period: ClosedRange<LocalDate>? = nil, skippedSessions: Set<String> = []) -> MemberChartView {
        let inPeriod = { (date: LocalDate?) in period.map { range in date.map(range.contains) ?? false } ?? true }
        var notes: [(date: LocalDate?, note: NoteView)] = []
        var attendance: [MemberAttendanceView] = []
        var skipped: [String] = []
        for index in sessionsOf[member.id] ?? [] {
            let session = format.record.sessions[index]
            guard let log = session.note, inPeriod(log.date?.value), let entry = log.attendance(of: member.id) else { continue }
            attendance.append(attendanceRow(session, log, entry))
            guard let progress = session.progressNote(for: member.id), progress.isReadable else { continue }
            if skippedSessions.contains(session.id) { skipped.append(session.id); continue }
            var note = format.note(kind: "Progress note", member: member.id, date: log.date?.value, body: progress.content.body,
                                   signature: progress.signature, file: progress.file,
                                   interactiveComplexity: progress.interactiveComplexity?.value)
            note.service = format.groupService(log, member: member.id)
            notes.append((log.date?.value, note))
        }
        for individual in member.individualNotes where individual.isReadable && inPeriod(individual.date?.value) {
            var note = format.note(kind: "Individual session", member: member.id, date: individual.date?.value,
                                   body: individual.content.body, signature: individual.signature, file: individual.file)
            note.service = format.individualService(individual)
            notes.append((individual.date?.value, note))
        }
        let ordered = notes.enumerated().sorted { lhs, rhs in
            (lhs.element.date?.dayNumber ?? 0, lhs.offset) < (rhs.element.date?.dayNumber ?? 0, rhs.offset)
        }.map(\.element.note)
        let plans = member.plans.filter { plan in
            guard let period, let effective = plan.effective?.value else { return true }
            let next = member.plans.first { ($0.effective?.value).map { $0 > effective } ?? false }?.effective?.value
            return effective <= period.upperBound && (next.map { $0 > period.lowerBound } ?? true)
        }
        var sources = member.profile.map { [format.source($0.file)] } ?? []
        sources += plans.map { format.source($0.file) }
        let payments = (paymentsOf[member.id] ?? []).map { reimbursement.entries[$0] }.filter { inPeriod($0.dateOfService) }
        let summary = ReimbursementSummary(format: format)
        let unbuilt = payments.filter { !$0.isBuilt }.map { entry in
            ClaimRowView(date: entry.dateOfService?.description ?? "", session: "", cpt: "", status: "No longer billed", heldBy: "",
                         isHeld: false, payment: summary.payment(entry), history: pipeline.history(entry.claimID))
        }
        return MemberChartView(
            generator: GroupChart.generator, practice: format.practice, profile: profile(member), plans: plans.map(plan),
            attendance: attendance, notes: ordered,
            claims: (decisionsOf[member.id] ?? []).map { readiness.decisions[$0] }.filter { inPeriod($0.service.date) }.map { claim($0, summary: summary) } + unbuilt,
            pipeline: pipeline.view(payments),
            reimbursement: summary.view(payments), skipped: skipped, sources: sources,
            period: period.map { "\($0.lowerBound) to \($0.upperBound)" }, hasSkipped: !skipped.isEmpty)
    }

    func profile(_ member: Member) -> ProfileView {
        var view = facts(member)
        view.pageLabel = PageLabel.member(name: view.name, dob: view.dob, memberID: view.memberID)
        return view
    }

    private func facts(_ member: Member) -> ProfileView {
        let profile = member.profile
        var view = ProfileView(name: member.displayName, dob: profile?.dob?.value.description ?? "", sex: profile?.sex?.value.rawValue ?? "",
                               address: RecordFormatting.address(profile?.address), coverage: "Self-pay", memberID: nil, groupNumber: nil,
                               subscriber: nil, benefits: nil, authorizations: [])
        guard let insurance = member.insurance else { return view }
        let payer = insurance.payer.flatMap { format.record.practice?.payer($0.value) }
        view.coverage = [payer?.name?.value ?? insurance.payer?.value, payer?.payerID.map { "payer id \($0.value)" }]
            .compactMap { $0 }.joined(separator: ", ")
        view.memberID = insurance.memberID?.value
        view.groupNumber = insurance.groupNumber?.value
        switch insurance.subscriber {
        case .other(let person)?:
            view.subscriber = [[person.firstName?.value, person.lastName?.value].compactMap { $0 }.joined(separator: " "),
                               person.relationship.map { "(\($0.value.rawValue))" }].compactMap { $0 }.joined(separator: " ")
        default:
            view.subscriber = "Self"
        }
        if !insurance.benefits.isEmpty {
            // Each verification, oldest first: the claims of each period rest on their own.
            let ordered = insurance.benefits.enumerated().sorted {
                ($0.element.verifiedOn?.value.dayNumber ?? Int.min, $0.offset) < ($1.element.verifiedOn?.value.dayNumber ?? Int.min, $1.offset)
            }.map(\.element)
            view.benefits = ordered.map { benefits in
                let covered = benefits.groupTherapyCovered.map { $0.value ? "group therapy covered" : "group therapy NOT covered" } ?? ""
                return ["verified \(benefits.verifiedOn?.value.description ?? "?")",
                        benefits.verifiedBy.map { "by \(format.clinicianName($0.value))" }, covered,
                        benefits.copay.map { "copay $\($0.value)" }, benefits.reference?.value]
                    .compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: "; ")
            }.joined(separator: " | ")
        } else {
            view.benefits = "not verified"
        }
        view.authorizations = insurance.authorizations.map { authorization in
            let used = ledger.entries.count { $0.service.member == member.id && $0.authorization?.location == authorization.location }
            return AuthorizationView(number: authorization.number?.value ?? "", cpt: authorization.cpt?.value ?? "",
                                     period: "\(authorization.from?.value.description ?? "?") to \(authorization.to?.value.description ?? "?")",
                                     used: used, sessions: authorization.sessions?.value ?? 0)
        }
        view.hasAuthorizations = !view.authorizations.isEmpty
        return view
    }

    private func plan(_ plan: TreatmentPlan) -> PlanView {
        PlanView(effective: plan.effective?.value.description ?? "", reviewBy: plan.reviewBy?.value.description ?? "",
                 modality: plan.modalities.map(\.value).joined(separator: ", "),
                 frequency: [plan.frequency?.value, plan.sessionMinutes.map { "\($0.value) minutes" }, plan.duration?.value]
                    .compactMap { $0 }.joined(separator: ", "),
                 diagnoses: plan.diagnoses.map { DiagnosisView(code: ICD10CM.dotted($0.value)) },
                 goals: plan.goals.map { GoalView(id: $0.id.value, text: $0.text) },
                 signature: [plan.signedBy.map { format.clinicianName($0.value) }, plan.signedOn.map { $0.value.description }]
                    .compactMap { $0 }.joined(separator: ", "),
                 bodyHTML: format.html(plan.body, in: plan.file), source: format.source(plan.file))
    }

    private func attendanceRow(_ session: Session, _ log: SessionNote, _ entry: AttendanceEntry) -> MemberAttendanceView {
        let detail = [entry.arrived.map { "arrived \($0.value)" }, entry.left.map { "left \($0.value)" }, entry.reason?.value]
            .compactMap { $0 }.joined(separator: "; ")
        return MemberAttendanceView(date: log.date?.value.description ?? "", session: session.id,
                                    status: entry.status?.value.rawValue ?? "not recorded", detail: detail)
    }

    /// What a chart says in place of a payment for a service without a claim.
    private static let noClaim: [ClaimReadiness.Billing: String] = [
        .selfPay: "self-pay: no insurance claim",
        .coverageUnknown: "no insurance on file: no claim until the profile's coverage is corrected",
    ]

    /// A claim's row. The payment and the history are asked for by direct
    /// calls, with one `summary` for the chart: `claimID.map(pipeline.history)`
    /// and the like made a closure for each of 20,000 claims holding a copy
    /// of the pipeline or the formatting, a score of retains and releases of
    /// objects the other worker was retaining too (`perf`).
    private func claim(_ decision: ClaimReadiness.Decision, summary: ReimbursementSummary) -> ClaimRowView {
        let service = decision.service
        var payment: PaymentView?
        var history: [HistoryRowView] = []
        if let id = service.claimID {
            if let entry = reimbursement.entry(for: id) { payment = summary.payment(entry) }
            history = pipeline.history(id)
        }
        return ClaimRowView(date: service.date.description, session: service.sessionID, cpt: service.cpt,
                            status: decision.billing == .selfPay ? "Self-pay" : decision.isReady ? "Ready" : "Held",
                            heldBy: decision.billing == .selfPay ? "" : decision.heldBy.joined(separator: ", "),
                            isHeld: decision.billing != .selfPay && !decision.isReady, payment: payment,
                            noClaim: Self.noClaim[decision.billing] ?? "", history: history)
    }
}
