/// How the records show the model's values: names, dates, signatures,
/// clinicians and rendered Markdown.
struct RecordFormatting {
    let record: PracticeRecord
    /// The notes that could not be read again as they were checked.
    let changed = ChangedSources()

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

    /// "Angela Torres, LMFT", or the id when the clinician is unknown.
    func clinicianName(_ id: String?) -> String {
        guard let id else { return "" }
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
        let npi = record.practice?.clinician(by.value)?.npi.map { " (NPI \($0.value))" } ?? ""
        return SignatureView(signer: clinicianName(by.value) + npi,
                             signedAt: signature.signedAt.map { Self.timestamp($0.value) },
                             digest: signature.digest?.value)
    }

    func memberName(_ id: String) -> String {
        record.member(id)?.displayName ?? id
    }

    func source(_ path: String) -> SourceView {
        SourceView(path: path, sha256: record.file(path)?.sha256 ?? "")
    }

    /// A member's note with the header repeated on each of its printed pages.
    func note(kind: String, member: String, date: LocalDate?, body: MarkdownBody, signature: Signature, file: String) -> NoteView {
        let name = memberName(member)
        let dob = record.member(member)?.profile?.dob.map { $0.value.description } ?? "unknown"
        let day = date?.description ?? "unknown"
        return NoteView(kind: kind, memberName: name, dob: dob, dateOfService: day,
                        running: "\(name) · DOB \(dob) · Date of service \(day)",
                        bodyHTML: html(body, in: file), signature: self.signature(signature), source: source(file))
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
