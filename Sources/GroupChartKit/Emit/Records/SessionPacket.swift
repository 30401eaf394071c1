/// The session packet (`sessions/<session-id>.html`): the group session note
/// and attendance log, then each attending member's note on its own pages.
struct SessionPacket {
    let format: RecordFormatting

    func view(_ session: Session, note: SessionNote) -> SessionPacketView {
        let notes = session.progressNotes.filter(\.isReadable).map { progress in
            var view = format.note(kind: "Progress note", member: progress.member, date: note.date?.value,
                                   body: progress.content.body, signature: progress.signature, file: progress.file,
                                   interactiveComplexity: progress.interactiveComplexity?.value)
            view.service = format.groupService(note, member: progress.member)
            return view
        }
        return SessionPacketView(generator: GroupChart.generator, practice: format.practice,
                                 session: sessionView(session, note: note, name: format.memberName), notes: notes)
    }

    /// The group part of a session; `name` shows each member (in an audit
    /// packet, other members by initials).
    /// `showsReason`: whose absence reason the attendance log shows (the
    /// audit packet shows only its member's: another's, "inpatient admission
    /// after relapse" beside their initials, is their health information).
    func sessionView(_ session: Session, note: SessionNote, name: (String) -> String,
                     showsReason: (String) -> Bool = { _ in true }) -> SessionView {
        let record = format.record
        let group = record.group(of: note)
        let start = note.start?.value
        let end = note.end?.value
        var clinicians: [ClinicianView] = []
        let (facilitator, co) = record.leaders(of: note, in: group)
        if let facilitator { clinicians.append(format.clinician(facilitator.value, role: "Facilitator")) }
        if let co { clinicians.append(format.clinician(co.value, role: "Co-facilitator")) }
        // Without a date, who was enrolled is not known (enrolled-not-recorded says nothing either).
        let enrolled = note.date.map { date in group?.enrolled(on: date.value).count ?? 0 } ?? note.attendance.count
        var sources = [format.source(note.file)]
        if let group { sources.append(format.source(group.file)) }
        sources.append(format.source("practice.yaml"))
        return SessionView(
            id: session.id, title: note.topic?.value ?? group?.name?.value ?? session.id,
            groupName: group?.name?.value ?? note.group?.value ?? "",
            date: note.date?.value.description ?? "", longDate: note.date.map { RecordFormatting.longDate($0.value) } ?? "",
            time: [start, end].compactMap { $0?.description }.joined(separator: "–"),
            minutes: start.flatMap { start in end.map { $0.minutes - start.minutes } } ?? 0,
            cpt: group?.cpt?.value ?? "", placeOfService: (note.placeOfService ?? group?.placeOfService)?.value ?? "11",
            topic: note.topic?.value ?? "", module: note.module?.value,
            format: note.format?.value.rawValue ?? SessionFormat.psychotherapy.rawValue,
            clinicians: clinicians, attendance: note.attendance.map { row($0, name: name, showsReason: showsReason($0.member.value)) },
            attendedCount: note.attendance.filter(\.attended).count, enrolledCount: enrolled,
            bodyHTML: format.html(note.body, in: note.file), signature: format.signature(note.signature), sources: sources,
            pageLabel: PageLabel.session(date: note.date?.value.description ?? "", group: group?.name?.value ?? note.group?.value ?? ""))
    }

    private func row(_ entry: AttendanceEntry, name: (String) -> String, showsReason: Bool) -> AttendanceRowView {
        let status: String
        switch entry.status?.value {
        case .present?: status = "Present"
        case .late?: status = "Late"
        case .leftEarly?: status = "Left early"
        case .absent?: status = "Absent"
        case nil: status = "Not recorded"
        }
        return AttendanceRowView(member: name(entry.member.value), status: status,
                                 arrived: entry.arrived?.value.description ?? "", left: entry.left?.value.description ?? "",
                                 reason: showsReason ? entry.reason?.value ?? "" : "", attended: entry.attended)
    }
}
