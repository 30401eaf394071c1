import Foundation

/// Every record file of one build, rendered in memory: index.html, the
/// session packets, the member charts and attendance.csv.
struct RecordSet {
    let record: PracticeRecord
    let report: CheckReport
    let templates: TemplateLibrary
    let today: LocalDate
    let readiness: ClaimReadiness
    let ledger: AuthorizationLedger
    let reimbursement: ReimbursementLedger
    let billing: Billing
    /// Sessions and members with an error, and the rules of those errors
    /// (worked out once: the build asks for them three times).
    private let skipped: (sessions: Skipped, members: Skipped)
    typealias Skipped = [(id: String, rules: [String])]

    init(record: PracticeRecord, report: CheckReport, billing: Billing, reimbursement: ReimbursementLedger, templates: TemplateLibrary,
         today: LocalDate) {
        self.record = record
        self.billing = billing
        self.report = report
        self.reimbursement = reimbursement
        self.templates = templates
        self.today = today
        readiness = ClaimReadiness(record: record, report: report)
        ledger = billing.authorizations ?? AuthorizationLedger(record: record)
        var errors: [String: Set<String>] = [:]
        // The billing history's errors (a claim rejected) say what to do
        // about a claim, not that the record is wrong: they skip no record.
        for diagnostic in report.diagnostics where diagnostic.severity == .error && !RuleRegistry.billingHistoryRules.contains(diagnostic.rule) {
            errors[diagnostic.location.file, default: []].insert(diagnostic.rule)
        }
        skipped = Self.skipped(record, errors: errors)
    }

    /// The records of a checked practice, rendered with its templates.
    /// With a long-running command's `claims` memo, the reimbursement
    /// ledger of claims it kept is kept with them (23 ms of a save in
    /// `watch` at 20,000 notes).
    init(checked record: PracticeRecord, report: CheckReport, practice root: URL, today: LocalDate,
         claims: ClaimsMemo? = nil) throws(TemplateLibrary.TemplateError) {
        let billing = report.billing ?? Billing(record: record, report: report)
        let reimbursement = claims?.reimbursement(of: billing, today: today) {
            ReimbursementLedger(billing: billing, record: record, today: today)
        } ?? ReimbursementLedger(billing: billing, record: record, today: today)
        self.init(record: record, report: report, billing: billing, reimbursement: reimbursement,
                  templates: try TemplateLibrary.compiled(practice: root), today: today)
    }

    /// Sessions with an error in their folder or their group's file.
    var skippedSessions: Skipped { skipped.sessions }

    /// Members with an error in their folder, or without a profile.
    var skippedMembers: Skipped { skipped.members }

    /// `errors`: the rules of the errors in each file.
    private static func skipped(_ record: PracticeRecord, errors: [String: Set<String>]) -> (sessions: Skipped, members: Skipped) {
        var inFolder: [Substring: Set<String>] = [:]
        for (file, rules) in errors {
            if let folder = PracticeRecord.recordFolder(containing: file) { inFolder[folder, default: []].formUnion(rules) }
        }
        let sessions = record.sessions.compactMap { session -> Skipped.Element? in
            var rules = inFolder[Substring("sessions/\(session.id)")] ?? []
            if let group = session.note.flatMap({ record.group(of: $0) })?.file { rules.formUnion(errors[group] ?? []) }
            return rules.isEmpty && session.note != nil ? nil : (session.id, rules.sorted())
        }
        let members = record.members.compactMap { member -> Skipped.Element? in
            let rules = inFolder[Substring("members/\(member.id)")] ?? []
            return rules.isEmpty && member.profile != nil ? nil : (member.id, rules.sorted())
        }
        return (sessions, members)
    }

    /// What index.html shows: the dashboard's view, made before the records
    /// are rendered so that its digest keys index.html (`OutputKeys`).
    func dashboard(previewing: Bool = false) -> IndexPage.View {
        let format = RecordFormatting(record: record)
        let chart = chart(format)
        let skipped = Set(skippedSessions.map(\.id))
        return IndexPage(format: format, chart: chart, pipeline: chart.pipeline).view(
            report: report, readiness: readiness, today: today,
            writtenSessions: Set(record.sessions.map(\.id)).subtracting(skipped),
            writtenMembers: Set(record.members.map(\.id)).subtracting(skippedMembers.map(\.id)),
            linkingAll: previewing)
    }

    /// Renders every record into `sink`, each written as soon as it is
    /// rendered and then dropped from memory; a packet or chart in `reusing`
    /// (its inputs unchanged since the last build wrote it) is kept, not
    /// rendered again. A build writes only the records of sessions and
    /// members without errors; `previewing` (for `serve`) renders the others
    /// too, so that a clinician sees the note being written, and the index
    /// links to every one of them. `givingBackFreedMemory` (a cold build)
    /// gives what the chart workers freed back to the system before the
    /// index and attendance.csv are made.
    func render(into sink: some RecordSink, reusing: Set<String> = [], previewing: Bool = false,
                givingBackFreedMemory: Bool = false, dashboard: IndexPage.View? = nil) throws(OutputFolder.WriteError) {
        let format = RecordFormatting(record: record)
        let skipped = Set(skippedSessions.map(\.id))
        let skippedMembers = Set(self.skippedMembers.map(\.id))
        let clean = record.sessions.filter { !skipped.contains($0.id) }
        let failures = render(packets: previewing ? record.sessions : clean,
                              charts: record.members.filter { previewing || !skippedMembers.contains($0.id) },
                              format: format, reusing: reusing, into: sink)
        // Two workers rendering charts of 200 notes leave memory freed in
        // their heaps at 20,000 notes, where the index and attendance.csv
        // would not reuse it: with glibc, giving it back took the records
        // stage's peak from 256 to 247 MiB (GROUPCHART_PHASES). mimalloc
        // gives back what it can reach from this thread (`FreedMemory`).
        if givingBackFreedMemory { FreedMemory.giveBack() }
        if let failure = failures ?? format.changed.failure { throw failure }
        // attendance.csv and index.html are kept as well when their keys say so.
        if reusing.contains("attendance.csv") {
            sink.keep("attendance.csv")
        } else {
            // Every session, those whose packet an error keeps back too: the
            // log is of who attended (outputs.md, "one row per session and
            // enrolled member"), and an unsigned note lost its session's rows.
            try sink.write("attendance.csv", AttendanceCSV.table(record, sessions: record.sessions).bytes)
        }
        if reusing.contains("index.html") {
            sink.keep("index.html")
        } else {
            try sink.write("index.html", templates.renderBytes(dashboard ?? self.dashboard(previewing: previewing), with: "index"))
        }
    }

    /// Renders the packets and charts of `paths` (`sessions/<id>.html`,
    /// `members/<id>.html`) of sessions and members without errors, and
    /// nothing else: a build after saves of notes' text keeps the others
    /// as the last build wrote them (`TextOnlyBuild`).
    func render(only paths: Set<String>, into sink: some RecordSink) throws(OutputFolder.WriteError) {
        let format = RecordFormatting(record: record)
        let skipped = Set(skippedSessions.map(\.id))
        let skippedMembers = Set(self.skippedMembers.map(\.id))
        let failure = render(packets: record.sessions.filter { paths.contains("sessions/\($0.id).html") && !skipped.contains($0.id) },
                             charts: record.members.filter { paths.contains("members/\($0.id).html") && !skippedMembers.contains($0.id) },
                             format: format, reusing: [], into: sink)
        if let failure = failure ?? format.changed.failure { throw failure }
    }

    /// Each packet of `sessions` and chart of `members`, written to `sink`
    /// as soon as it is rendered, on whichever core is free; those in
    /// `reusing` are kept. The first failure to write, if any, in the order
    /// of the packets then the charts.
    ///
    /// They are rendered a group at a time (`renderOrder`), so that the
    /// notes' bodies a packet renders wait for the member's chart in
    /// `RenderedBodies` no longer than a group's records take.
    private func render(packets sessions: [Session], charts members: [Member], format: RecordFormatting, reusing: Set<String>,
                        into sink: some RecordSink) -> OutputFolder.WriteError? {
        let charted = Set(members.filter { !reusing.contains("members/\($0.id).html") }.map(\.id))
        let bodies = RenderedBodies(charted: charted)
        let packetFormat = format.with(.keep(bodies))
        let chart = chart(format.with(.take(bodies)))
        let skipped = Set(skippedSessions.map(\.id))
        let templates = self.templates
        let order = Self.renderOrder(sessions, members)
        let failures = ParallelMap.map(order) { item -> OutputFolder.WriteError? in
            switch item {
            case .packet(let index):
                let session = sessions[index]
                guard let note = session.note else { return nil }
                let path = "sessions/\(session.id).html"
                if reusing.contains(path) { sink.keep(path); return nil }
                let view = SessionPacket(format: packetFormat).view(session, note: note)
                do throws(OutputFolder.WriteError) { try sink.write(path, templates.renderBytes(view, with: "session")) } catch { return error }
                return nil
            case .chart(let index):
                let member = members[index]
                let path = "members/\(member.id).html"
                if reusing.contains(path) { sink.keep(path); return nil }
                bodies.chartStarts(member.id)
                defer { bodies.chartEnds(member.id) }
                do throws(OutputFolder.WriteError) {
                    try sink.write(path, templates.renderBytes(chart.view(member, skippedSessions: skipped), with: "member"))
                } catch {
                    return error
                }
                return nil
            }
        }
        // The first failure in the order of the packets, then the charts.
        var packetFailures = [OutputFolder.WriteError?](repeating: nil, count: sessions.count)
        var chartFailures = [OutputFolder.WriteError?](repeating: nil, count: members.count)
        for (item, failure) in zip(order, failures) {
            switch item {
            case .packet(let index): packetFailures[index] = failure
            case .chart(let index): chartFailures[index] = failure
            }
        }
        return (packetFailures + chartFailures).lazy.compactMap { $0 }.first
    }

    /// A packet or a chart, by its index among the sessions or members rendered.
    enum RenderItem: Sendable, Equatable {
        case packet(Int)
        case chart(Int)
    }

    /// The packets and charts in the order they are rendered: each group's
    /// sessions' packets (groups in the order of their first session), then
    /// the charts of the members whose first note is in that group, then
    /// the charts of members with no note. Every packet and chart once.
    static func renderOrder(_ sessions: [Session], _ members: [Member]) -> [RenderItem] {
        var groups: [String] = []
        var packetsOf: [String: [Int]] = [:]
        var homeOf: [String: String] = [:]
        for (index, session) in sessions.enumerated() {
            let group = session.note?.group?.value ?? ""
            if packetsOf[group] == nil { groups.append(group) }
            packetsOf[group, default: []].append(index)
            for note in session.progressNotes where homeOf[note.member] == nil { homeOf[note.member] = group }
        }
        var chartsOf: [String: [Int]] = [:]
        var homeless: [Int] = []
        for (index, member) in members.enumerated() {
            if let home = homeOf[member.id] { chartsOf[home, default: []].append(index) } else { homeless.append(index) }
        }
        return groups.flatMap { group in
            (packetsOf[group] ?? []).map(RenderItem.packet) + (chartsOf[group] ?? []).map(RenderItem.chart)
        } + homeless.map(RenderItem.chart)
    }

    /// Every record rendered in memory (for tests).
    func render() -> [String: [UInt8]] {
        let sink = RecordsInMemory()
        try? render(into: sink)
        return sink.outputs
    }

    /// index.html, the session packets and the member charts, in memory
    /// (`serve`); `previewing` renders those with errors too, and those in
    /// `reusing` are left out (the caller has them already).
    func htmlRecords(previewing: Bool, reusing: Set<String> = []) -> [String: [UInt8]] {
        let sink = RecordsInMemory()
        try? render(into: sink, reusing: reusing, previewing: previewing)
        return sink.outputs.filter { $0.key.hasSuffix(".html") }
    }

    /// The audit packet of one member for a period.
    func auditPacket(_ member: Member, period: ClosedRange<LocalDate>) throws(OutputFolder.WriteError) -> [UInt8] {
        let format = RecordFormatting(record: record)
        let chart = chart(format)
        let packet = templates.renderBytes(AuditPacket(format: format, chart: chart).view(member, period: period), with: "audit")
        if let failure = format.changed.failure { throw failure }
        return packet
    }

    /// The member charts' maker, which the dashboard and the audit packet use too.
    private func chart(_ format: RecordFormatting) -> MemberChart {
        MemberChart(format: format, readiness: readiness, ledger: ledger, reimbursement: reimbursement,
                    pipeline: ClaimPipeline(format: format, billing: billing, reimbursement: reimbursement))
    }
}
