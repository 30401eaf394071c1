/// Reads a member's progress note (sessions/<session-id>/<member-id>.md).
enum ProgressNoteReader {
    static func read(_ file: SourceFile, session: String, member: String, log: FindingLog) -> ProgressNote {
        var note = unreadable(file.path, session: session, member: member)
        guard let parsed = DocumentParser.markdown(file, log: log) else { return note }
        let fields = FieldReader(parsed.frontMatter, file: file, log: log)
        defer { fields.finish() }
        note.isReadable = true
        note.signature = SignatureReader.read(fields, parsed)
        note.interactiveComplexity = fields.parsed("interactive_complexity", Self.complicatingFactor).flatMap { $0.value.isEmpty ? nil : $0 }
        note.content = ClinicalContentReader.read(parsed.body)
        return note
    }

    /// `interactive_complexity`: the factor that complicated the session,
    /// which bills CPT 90785; empty (or blank) for none. A placeholder is
    /// no reason, and billing 90785 on "no" or "n/a" is what an auditor
    /// recoups: it is `invalid-value`, and the claim is held.
    /// Read without case and punctuation ("None.", "N/A", "n/a - none"),
    /// and so are the phrases that say there was none or point elsewhere
    /// ("none noted", "not applicable", "no interactive complexity", "same
    /// as above", "see group note").
    static func complicatingFactor(_ text: String) -> Result<String, ScalarError> {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return .success("") }  // empty: no interactive complexity
        let words = NoValue.words(of: trimmed)
        let said = words.joined(separator: " ")
        // Besides the words for no value, those a yes-or-no field would hold, and the phrases for none.
        let placeholders: Set<String> = ["false", "yes", "true", "0", "none noted", "none observed", "none today", "not noted",
                                         "no complexity", "no interactive complexity", "n a none", "na none", "as above", "same"]
        let pointers = ["same as", "see ", "refer to"]
        let saysNone = words.first == "no" || words.first == "none"
        let namesTheFactor = words.contains { ["complexity", "factor", "factors", "noted"].contains($0) }
        var isPlaceholder = NoValue.words.contains(said) || placeholders.contains(said)
        // "No complicating factors noted" says none; a longer sentence that
        // starts with "No" ("No verbal responses noted; play equipment was
        // needed to communicate") may well be the factor.
        isPlaceholder = isPlaceholder || pointers.contains { said.hasPrefix($0) } || (saysNone && namesTheFactor && words.count <= 5)
        guard !isPlaceholder else {
            return .failure(ScalarError("\"\(trimmed)\" is no reason: interactive complexity adds CPT 90785, which needs the factor "
                                        + "that complicated the session written out",
                                        help: "write the factor (for example: \"caregiver's distress interfered with the member's "
                                            + "participation\"), or leave it empty (\"\") when there was none"))
        }
        return .success(trimmed)
    }

    /// A note that exists but could not be read: it counts as written (the
    /// member is not missing a note), and the rules that need its content skip it.
    static func unreadable(_ path: String, session: String, member: String) -> ProgressNote {
        ProgressNote(file: path, session: session, member: member, isReadable: false,
                     signature: Signature(), interactiveComplexity: nil, content: ClinicalContentReader.empty)
    }
}

/// Reads an individual session note (members/<member-id>/individual/<date>.md).
enum IndividualNoteReader {
    static func read(_ file: SourceFile, member: String, log: FindingLog) -> IndividualNote {
        var note = IndividualNote(file: file.path, member: member, isReadable: false, date: nil, start: nil, end: nil,
                                  clinician: nil, cpt: nil, placeOfService: nil, signature: Signature(),
                                  content: ClinicalContentReader.empty)
        guard let parsed = DocumentParser.markdown(file, log: log) else { return note }
        let fields = FieldReader(parsed.frontMatter, file: file, log: log)
        defer { fields.finish() }
        note.isReadable = true
        note.date = fields.date("date", required: true, hint: "the date of service: date: 2026-03-14")
        note.start = fields.time("start", required: true, hint: "the time the session started: start: \"10:00\"")
        note.end = fields.time("end", required: true, hint: "the time the session ended: end: \"10:55\"")
        note.clinician = fields.reference("clinician", required: true, hint: "the id of the treating clinician")
        note.cpt = fields.cpt("cpt", required: true, hint: "90832 (16-37 min), 90834 (38-52) or 90837 (53 or more)")
        note.placeOfService = fields.placeOfService("place_of_service")
        note.signature = SignatureReader.read(fields, parsed)
        note.content = ClinicalContentReader.read(parsed.body)
        return note
    }
}
