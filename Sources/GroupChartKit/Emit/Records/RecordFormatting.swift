import Foundation

/// How the records show the model's values: names, dates, signatures,
/// clinicians and rendered Markdown.
struct RecordFormatting {
    let record: PracticeRecord
    /// The notes that could not be read again as they were checked.
    let changed = ChangedSources()
    /// Whether notes' bodies are kept for the members' charts, or taken
    /// from there (`RenderedBodies`); neither when nil.
    var bodies: RenderedBodies.Role?
    /// Each member's name and date of birth as shown, and each clinician's
    /// signature line, made once: every note, claim and payment shows
    /// them, and each asked the record for a copy of the whole member (or
    /// looked through the clinicians) and joined the name again, 2 % of a
    /// cold build at 20,000 notes (`perf`).
    private let memberNames: [String: String]
    private let birthDates: [String: String]
    private let signers: [String: String]
    /// Each group session's service (`groupService`) but for the member's
    /// own arrival or leaving, by its session note's file, worked out when
    /// first asked for: worked out for each of its members' notes, in its
    /// packet and in their charts, it was 3 % of a cold build's samples at
    /// 20,000 notes (`perf`); worked out for every session when the
    /// formatting is made, the dashboard and a build after one edit would
    /// pay for sessions they never show.
    private let sessionServices = SessionServices()

    init(record: PracticeRecord) {
        self.record = record
        var names: [String: String] = [:], births: [String: String] = [:], signers: [String: String] = [:]
        for member in record.members where names[member.id] == nil {
            let found = record.member(member.id)
            names[member.id] = found?.displayName ?? member.id
            births[member.id] = found?.profile?.dob.map { $0.value.description } ?? "unknown"
        }
        for clinician in record.practice?.clinicians ?? [] where signers[clinician.id.value] == nil {
            let id = clinician.id.value
            let npi = record.practice?.clinician(id)?.npi.map { " (NPI \($0.value))" } ?? ""
            signers[id] = Self.clinicianName(id, in: record) + npi
        }
        (memberNames, birthDates, self.signers) = (names, births, signers)
    }

    var practice: PracticeView {
        let practice = record.practice
        return PracticeView(name: practice?.name?.value ?? "Practice", npi: practice?.npi?.value ?? "",
                            taxID: practice?.taxID?.value ?? "", address: Self.address(practice?.address),
                            phone: practice?.phone?.value ?? "")
    }

    static func address(_ address: Address?) -> String {
        guard let address else { return "" }
        let street = [address.street?.value, address.street2?.value].compactMap { $0 }.joined(separator: ", ")
        let place = [address.city?.value, [address.state?.value, address.zip?.value].compactMap { $0 }.joined(separator: " ")]
            .compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
        return [street, place].filter { !$0.isEmpty }.joined(separator: ", ")
    }

    /// An individual session as an auditor checks it against its code:
    /// "14:00–14:53 (53 minutes) · CPT 90837 · Place of service 11 ·
    /// Angela Torres, LMFT".
    func individualService(_ note: IndividualNote) -> String {
        [Self.span(note.start?.value, note.end?.value),
                note.cpt.map { "CPT \($0.value)" }, "Place of service \(note.placeOfService?.value ?? "11")",
                note.clinician.map { clinicianName($0.value) }].compactMap { $0 }.joined(separator: " · ")
    }

    /// A group session's service as a member's note shows it: the
    /// session's times and minutes, the group's CPT code, place of service,
    /// the group and who led it, and the member's own arrival or leaving
    /// when late or early. Only an individual note showed its service; a
    /// progress note printed from a chart, apart from its session's pages,
    /// showed no time, code or clinician (a records specialist's review).
    func groupService(_ note: SessionNote, member: String) -> String {
        let service = sessionServices.service(of: note.file) { Self.sessionService(note, in: record) { Self.clinicianName($0, in: record) } }
        let entry = note.attendance(of: member)
        // Most members came and stayed: the session's line as it is, made once.
        guard entry?.arrived != nil || entry?.left != nil else { return service.whole }
        let own = [entry?.arrived.map { "arrived \($0.value)" }, entry?.left.map { "left \($0.value)" }].compactMap { $0 }
        return [service.time, own.joined(separator: ", "), service.rest].compactMap { $0 }.joined(separator: " · ")
    }

    /// "14:00–15:30 (90 minutes)", "14:00" without an end; nil without either.
    private static func span(_ start: LocalTime?, _ end: LocalTime?) -> String? {
        let time = [start, end].compactMap { $0?.description }.joined(separator: "–")
        let minutes = start.flatMap { start in end.map { $0.minutes - start.minutes } }
        return time.isEmpty ? nil : time + (minutes.map { " (\($0) minutes)" } ?? "")
    }

    /// A group session's times and minutes, then its CPT code, place of
    /// service, group and who led it (`groupService`, without the member).
    private static func sessionService(_ note: SessionNote, in record: PracticeRecord,
                                       clinicianName: (String) -> String) -> SessionService {
        let group = record.group(of: note)
        let (facilitator, co) = record.leaders(of: note, in: group)
        let leaders = [facilitator, co].compactMap { $0 }.map { clinicianName($0.value) }.joined(separator: " and ")
        let rest = [group?.cpt.map { "CPT \($0.value)" }, "Place of service \((note.placeOfService ?? group?.placeOfService)?.value ?? "11")",
                    group?.name?.value, leaders.isEmpty ? nil : leaders].compactMap { $0 }.joined(separator: " · ")
        let shown = span(note.start?.value, note.end?.value)
        return SessionService(time: shown, rest: rest, whole: [shown, rest].compactMap { $0 }.joined(separator: " · "))
    }

    /// "Angela Torres, LMFT", or the id when the clinician is unknown.
    func clinicianName(_ id: String?) -> String {
        guard let id else { return "" }
        return Self.clinicianName(id, in: record)
    }

    private static func clinicianName(_ id: String, in record: PracticeRecord) -> String {
        guard let clinician = record.practice?.clinician(id) else { return id }
        return [clinician.name?.value ?? id, clinician.credentials?.value].compactMap { $0 }.joined(separator: ", ")
    }

    func clinician(_ id: String, role: String) -> ClinicianView {
        let clinician = record.practice?.clinician(id)
        return ClinicianView(role: role, name: clinician?.name?.value ?? id, credentials: clinician?.credentials?.value,
                             npi: clinician?.npi?.value)
    }

    func signature(_ signature: Signature) -> SignatureView? {
        guard let by = signature.signedBy else { return nil }
        // A signer the practice does not name is shown by the id (`clinicianName`).
        let changed = signature.digest.map { digest in signature.currentDigest.map { $0 != digest.value } ?? false } ?? false
        let problem = changed ? "Changed after it was signed: the text above no longer matches this digest"
            : signature.signedAt == nil ? "No signing time" : nil
        return SignatureView(signer: signers[by.value] ?? by.value,
                             signedAt: signature.signedAt.map { Self.timestamp($0.value) },
                             digest: signature.digest?.value, problem: problem)
    }

    func memberName(_ id: String) -> String {
        memberNames[id] ?? id
    }

    func source(_ path: String) -> SourceView {
        SourceView(path: path, sha256: record.file(path)?.sha256 ?? "")
    }

    /// A member's note with the header repeated on each of its printed pages.
    func note(kind: String, member: String, date: LocalDate?, body: MarkdownBody, signature: Signature, file: String,
              interactiveComplexity: String? = nil) -> NoteView {
        let name = memberName(member)
        let dob = birthDates[member] ?? "unknown"
        let day = date?.description ?? "unknown"
        return NoteView(kind: kind, memberName: name, dob: dob, dateOfService: day,
                        running: "\(name) · DOB \(dob) · Date of service \(day)",
                        bodyHTML: noteHTML(body, in: file, member: member), interactiveComplexity: interactiveComplexity,
                        signature: self.signature(signature),
                        source: source(file))
    }

    /// The same formatting, doing `bodies` with the notes' bodies.
    func with(_ bodies: RenderedBodies.Role) -> RecordFormatting {
        var formatting = self
        formatting.bodies = bodies
        return formatting
    }

    /// A note's body as HTML, kept for its member's chart or taken from a
    /// packet that kept it (`bodies`). A body that could not be read again
    /// is not kept.
    private func noteHTML(_ body: MarkdownBody, in file: String, member: String) -> String {
        switch bodies {
        case nil:
            return html(body, in: file)
        case .keep(let kept)?:
            let made = html(body, in: file)
            if !changed.contains(file) { kept.keep(made, file: file, line: body.firstLine, member: member) }
            return made
        case .take(let kept)?:
            return kept.take(file, line: body.firstLine) ?? html(body, in: file)
        }
    }

    /// The Markdown body as written in `file`, as the records show it.
    /// A note's text is read again from the practice (the model lets it go
    /// once parsed); a note saved again since it was checked is named in
    /// `changed`, and the build that renders it fails rather than show text
    /// that was not checked.
    func markdown(_ body: MarkdownBody, in file: String) -> String {
        guard let text = record.text(of: file, fromLine: body.firstLine) else {
            changed.add(file)
            return ""
        }
        return String(text)
    }

    /// The body rendered by cmark in safe mode.
    func html(_ body: MarkdownBody, in file: String) -> String {
        CommonMark.html(markdown(body, in: file))
    }

    /// `2026-03-12 17:05`.
    static func timestamp(_ value: Timestamp) -> String {
        "\(value.date) \(value.time)"
    }

    /// `Thursday, March 12, 2026`.
    static func longDate(_ date: LocalDate) -> String {
        let weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
        let weekday = weekdays[((date.dayNumber + 2) % 7 + 7) % 7]
        return "\(weekday), \(LocalDate.monthNames[date.month - 1]) \(date.day), \(date.year)"
    }

    /// "M. R." for Maria Reyes: how an audit packet shows other members.
    func initials(_ id: String) -> String {
        let profile = record.member(id)?.profile
        let parts = [profile?.firstName?.value, profile?.lastName?.value].compactMap { $0?.first }.map { "\($0)." }
        return parts.isEmpty ? "another member" : parts.joined(separator: " ")
    }
}

/// `RecordFormatting`'s group services, made once per session on whichever
/// thread asks first (packets and charts are rendered on both cores).
private final class SessionServices: @unchecked Sendable {
    private let lock = NSLock()
    private var made: [String: SessionService] = [:]

    func service(of file: String, make: () -> SessionService) -> SessionService {
        if let known = lock.withLock({ made[file] }) { return known }
        let service = make()
        lock.withLock { made[file] = service }
        return service
    }
}

/// A group session's service line: its times, the rest, and both joined.
private struct SessionService {
    var time: String?
    var rest: String
    var whole: String
}
