// MARK: - A session note, by hand
//
// A practice has one session note for every ten progress notes, but read
// through `Decoder`'s containers (its sixteen fields, each attendance entry's
// six, each date and time a container of its own) the 2,000 session notes of
// a 20,000-note practice cost 3 % of a `check` reading the cache (`perf`),
// as much as the hand-read progress notes. These write and read the bytes
// `Codable` writes for them (the same layout, byte for byte:
// `CompiledDocumentsTests.theHandWrittenEntryIsTheGenericOne`): a keyed
// value's fields in order, an optional's presence byte, a string-backed
// enum's raw value, a set as its sorted list.

extension LocalDate {
    func put(into encoder: CompactEncoder) {
        for number in [year, month, day] { encoder.int(Int64(number)) }
    }

    static func get(from decoder: CompactDecoder) throws -> LocalDate {
        let year = try decoder.integer(Int.self), month = try decoder.integer(Int.self), day = try decoder.integer(Int.self)
        guard let date = LocalDate(year: year, month: month, day: day) else { throw decoder.failure("a date that is none") }
        return date
    }
}

extension LocalTime {
    func put(into encoder: CompactEncoder) {
        encoder.int(Int64(minutes))
    }

    static func get(from decoder: CompactDecoder) throws -> LocalTime {
        let minutes = try decoder.integer(Int.self)
        guard let time = LocalTime(hour: minutes / 60, minute: minutes % 60) else { throw decoder.failure("a time that is none") }
        return time
    }
}

extension Timestamp {
    func put(into encoder: CompactEncoder) {
        date.put(into: encoder)
        time.put(into: encoder)
    }

    static func get(from decoder: CompactDecoder) throws -> Timestamp {
        Timestamp(date: try LocalDate.get(from: decoder), time: try LocalTime.get(from: decoder))
    }
}

extension CompactEncoder {
    /// A located value, written by `put` then its place.
    func located<Value>(_ value: Located<Value>?, _ put: (Value) -> Void) {
        optional(value) { located in
            put(located.value)
            located.location.put(into: self)
        }
    }

    /// A string-backed enum's raw value.
    func raw<Value: RawRepresentable>(_ value: Value) where Value.RawValue == String {
        string(value.rawValue)
    }
}

extension CompactDecoder {
    /// A value written by `CompactEncoder.located`.
    func located<Value>(_ get: () throws -> Value) throws -> Located<Value>? {
        try optional { Located(try get(), at: try location()) }
    }

    /// A string-backed enum written by `CompactEncoder.raw`.
    func raw<Value: RawRepresentable>(_ type: Value.Type) throws -> Value where Value.RawValue == String {
        guard let value = Value(rawValue: try string()) else { throw failure("a \(Value.self) of no known kind") }
        return value
    }

}

extension Addendum {
    func put(into encoder: CompactEncoder) {
        location.put(into: encoder)
        encoder.optional(date) { $0.put(into: encoder) }
        dateLocation.put(into: encoder)
        encoder.located(clinician, encoder.string)
    }

    static func get(from decoder: CompactDecoder) throws -> Addendum {
        Addendum(location: try decoder.location(), date: try decoder.optional { try LocalDate.get(from: decoder) },
                 dateLocation: try decoder.location(), clinician: try decoder.located(decoder.string))
    }
}

extension AttendanceEntry {
    func put(into encoder: CompactEncoder) {
        member.put(into: encoder)
        encoder.located(status, encoder.raw)
        encoder.located(arrived) { $0.put(into: encoder) }
        encoder.located(left) { $0.put(into: encoder) }
        encoder.located(reason, encoder.string)
        encoder.list(unreadableKeys.sorted()) { encoder.string($0) }
    }

    static func get(from decoder: CompactDecoder) throws -> AttendanceEntry {
        let member = Located(try decoder.string(), at: try decoder.location())
        let status = try decoder.located { try decoder.raw(AttendanceStatus.self) }
        let arrived = try decoder.located { try LocalTime.get(from: decoder) }
        let left = try decoder.located { try LocalTime.get(from: decoder) }
        let reason = try decoder.located(decoder.string)
        return AttendanceEntry(member: member, status: status, arrived: arrived, left: left, reason: reason,
                               unreadableKeys: Set(try decoder.list { try decoder.string() }))
    }
}

extension SessionNote {
    func put(into encoder: CompactEncoder) throws {
        encoder.string(file)
        encoder.located(group, encoder.string)
        encoder.located(date) { $0.put(into: encoder) }
        encoder.located(start) { $0.put(into: encoder) }
        encoder.located(end) { $0.put(into: encoder) }
        for text in [facilitator, coFacilitator, topic, module] { encoder.located(text, encoder.string) }
        encoder.located(format, encoder.raw)
        encoder.located(placeOfService, encoder.string)
        encoder.located(sizeRationale, encoder.string)
        encoder.list(attendance) { $0.put(into: encoder) }
        attendanceLocation.put(into: encoder)
        try signature.put(into: encoder)
        body.put(into: encoder)
    }

    static func get(from decoder: CompactDecoder) throws -> SessionNote {
        let file = try decoder.string()
        let group = try decoder.located(decoder.string)
        let date = try decoder.located { try LocalDate.get(from: decoder) }
        let start = try decoder.located { try LocalTime.get(from: decoder) }
        let end = try decoder.located { try LocalTime.get(from: decoder) }
        let facilitator = try decoder.located(decoder.string), coFacilitator = try decoder.located(decoder.string)
        let topic = try decoder.located(decoder.string), module = try decoder.located(decoder.string)
        let format = try decoder.located { try decoder.raw(SessionFormat.self) }
        let placeOfService = try decoder.located(decoder.string), sizeRationale = try decoder.located(decoder.string)
        let attendance = try decoder.list { try AttendanceEntry.get(from: decoder) }
        let attendanceLocation = try decoder.location()
        let signature = try Signature.get(from: decoder)
        return SessionNote(file: file, group: group, date: date, start: start, end: end, facilitator: facilitator,
                           coFacilitator: coFacilitator, topic: topic, module: module, format: format,
                           placeOfService: placeOfService, sizeRationale: sizeRationale, attendance: attendance,
                           attendanceLocation: attendanceLocation, signature: signature, body: try MarkdownBody.get(from: decoder))
    }
}

extension SessionNote {
    /// The members the attendance log of a compiled session note names,
    /// read from its entry in the cache of compiled documents (a
    /// `DocumentReading`) up to the log and no further; `nil` for any other
    /// document, or none. A build after saves of notes' text asks it of
    /// every session's note (`TextOnlyBuild`): decoded whole, bodies and
    /// all, the 2,000 of a 20,000-note practice were a fifth of that build.
    /// It reads the fields before the log as `get` does, in its order
    /// (`CompiledDocumentsTests` holds the two to the same members).
    static func attendingMembers(inEntry payload: ArraySlice<UInt8>) -> [String]? {
        let decoder = CompactDecoder(payload)
        do {
            _ = try decoder.optional { try SourceFile.get(from: decoder) }
            guard try decoder.caseName() == "sessionNote" else { return nil }
            _ = try decoder.string()
            let members = try decoder.optional { () -> [String] in
                _ = try decoder.string()
                _ = try decoder.located(decoder.string)
                _ = try decoder.located { try LocalDate.get(from: decoder) }
                _ = try decoder.located { try LocalTime.get(from: decoder) }
                _ = try decoder.located { try LocalTime.get(from: decoder) }
                for _ in 0..<4 { _ = try decoder.located(decoder.string) }
                _ = try decoder.located { try decoder.raw(SessionFormat.self) }
                _ = try decoder.located(decoder.string)
                _ = try decoder.located(decoder.string)
                return try decoder.list { try AttendanceEntry.get(from: decoder).member.value }
            }
            return members
        } catch {
            return nil
        }
    }
}

// MARK: - A note's 3-grams, by hand
//
// `note-texts.bin` holds one `NoteTexts.Note` per progress note: read
// through `Decoder`'s containers they were 2 % of a `check` after one edit
// at 20,000 notes (`perf`). The same bytes as `Codable`'s
// (`CompiledDocumentsTests.theHandWrittenNoteTextsAreTheGenericOnes`).

extension NoteTexts.Note {
    func put(into encoder: CompactEncoder) {
        encoder.string(file)
        encoder.string(member)
        encoder.optional(date) { $0.put(into: encoder) }
        encoder.optional(start) { $0.put(into: encoder) }
        encoder.words(shingles)
        encoder.int(Int64(ownWords))
        encoder.int(Int64(templateWords))
    }

    static func get(from decoder: CompactDecoder) throws -> NoteTexts.Note {
        NoteTexts.Note(file: try decoder.string(), member: try decoder.string(),
                       date: try decoder.optional { try LocalDate.get(from: decoder) },
                       start: try decoder.optional { try LocalTime.get(from: decoder) }, shingles: try decoder.words(),
                       ownWords: try decoder.integer(Int.self), templateWords: try decoder.integer(Int.self))
    }
}
