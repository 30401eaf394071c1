import Foundation

/// Reads sessions/<session-id>/session.md into a `SessionNote`; `nil` when unreadable.
enum SessionNoteReader {
    static func read(_ file: SourceFile, log: FindingLog) -> SessionNote? {
        guard let parsed = DocumentParser.markdown(file, log: log) else { return nil }
        let fields = FieldReader(parsed.frontMatter, file: file, log: log)
        defer { fields.finish() }
        let note = SessionNote(
            file: file.path,
            group: fields.reference("group", required: true, hint: "the id of the group that met"),
            date: fields.date("date", required: true, hint: "the date of service: date: 2026-03-12"),
            start: fields.time("start", required: true, hint: "the time the session started: start: \"14:00\""),
            end: fields.time("end", required: true, hint: "the time the session ended: end: \"15:30\""),
            facilitator: fields.reference("facilitator"),
            coFacilitator: fields.reference("co_facilitator"),
            topic: fields.text("topic"),
            module: fields.text("module"),
            format: fields.choice("format", SessionFormat.self),
            placeOfService: fields.placeOfService("place_of_service"),
            // "N/A" or "none" is no reason for a large group, as an empty value is not.
            sizeRationale: fields.text("size_rationale").flatMap { Self.isNoReason($0.value) ? nil : $0 },
            attendance: attendance(fields),
            attendanceLocation: fields.pairs.first { $0.name == "attendance" }?.key.location ?? file.location(line: 1),
            signature: SignatureReader.read(fields, parsed),
            body: parsed.body)
        CoFacilitator.refuseSameAsFacilitator(note.facilitator, note.coFacilitator, log: log)
        return note
    }

    /// A `size_rationale` that gives no reason: empty, a placeholder, or a word for none.
    static func isNoReason(_ text: String) -> Bool {
        SectionCatalogue.isPlaceholder(text) || NoValue.isPlaceholder(text)
    }

    /// The id a key that is none means, when lower case and hyphens make it one.
    static func meantID(_ key: YAMLNode) -> Located<String>? {
        guard let text = key.scalar else { return nil }
        let meant = Identifier.meant(text)
        return meant.map { Located($0, at: key.location) }
    }

    private static func attendance(_ fields: FieldReader) -> [AttendanceEntry] {
        let hint = "the attendance log: attendance: {okonkwo-david: present, reyes-maria: {status: late, arrived: \"14:20\"}}"
        guard let log = fields.mapping("attendance", required: true, hint: hint) else { return [] }
        return log.pairs.compactMap { pair -> AttendanceEntry? in
            // An id written in capitals or with spaces ("Lopez-Maria") is an
            // `invalid-value`, and read as the id it means: dropped, the
            // member's note was "not in the attendance log" and the member
            // "missing from it", each with help to add a second entry (a
            // clinician's review). The error holds the session's claims.
            // Not when the log also has the id as written: the member would count twice (a code review).
            guard let member = log.reference(pair.key, named: pair.name)
                    ?? Self.meantID(pair.key).flatMap({ meant in log.pairs.contains { $0.name == meant.value } ? nil : meant })
            else { return nil }
            let statusHint = "present, late, left-early or absent"
            if pair.value.isNull {
                log.log.missing(at: pair.key.location, "attendance of \"\(pair.name)\" has no status", help: statusHint)
                return AttendanceEntry(member: member)
            }
            if pair.value.scalar != nil {
                return AttendanceEntry(member: member, status: log.choice(pair.value, named: pair.name, AttendanceStatus.self))
            }
            guard let entry = log.mapping(pair.name) else { return AttendanceEntry(member: member) }
            defer { entry.finish() }
            let arrived = entry.time("arrived")
            let left = entry.time("left")
            return AttendanceEntry(
                member: member,
                status: entry.choice("status", required: true, hint: statusHint, AttendanceStatus.self),
                arrived: arrived,
                left: left,
                reason: entry.text("reason"),
                unreadableKeys: entry.unreadable(["arrived": arrived != nil, "left": left != nil]))
        }.exactCopy()
    }
}
