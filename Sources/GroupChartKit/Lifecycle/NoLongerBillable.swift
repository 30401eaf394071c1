/// Why a claim that was billed no longer builds: the member is now marked
/// absent, the session became psychoeducation, the member pays for
/// themselves, or the note or session is gone. A claim id is derived from
/// member and session (`ClaimID`), so each attendance line and individual
/// note of the record is a candidate to match, and only the ids asked for
/// cost anything.
struct NoLongerBillable {
    struct Finding {
        var why: String
        var member: String?
        /// Where the record says so (the attendance line, the profile), when it does.
        var place: SourceLocation?
    }

    private let candidates: [String: Finding]

    init(record: PracticeRecord) {
        var candidates: [String: Finding] = [:]
        for session in record.sessions {
            guard let note = session.note, let date = note.date?.value else { continue }
            for entry in note.attendance {
                let member = entry.member.value
                let id = ClaimID.make(member: member, session: session.id, date: date)
                candidates[id] = Self.finding(member: member, date: date, in: record) ?? {
                    if note.format?.value == .psychoeducation {
                        return Finding(why: "session \(session.id) is now psychoeducation, which is not billed as psychotherapy",
                                       member: member, place: note.format?.location)
                    }
                    if entry.status?.value == .absent {
                        return Finding(why: "\(member) is now marked absent from session \(session.id)", member: member,
                                       place: entry.status?.location ?? entry.member.location)
                    }
                    return nil
                }()
            }
        }
        for member in record.members {
            for note in member.individualNotes {
                guard let date = note.date?.value else { continue }
                let id = ClaimID.make(member: member.id, session: "individual-\(date)", date: date)
                candidates[id] = Self.finding(member: member.id, date: date, in: record)
            }
        }
        self.candidates = candidates
    }

    /// A self-pay member has no insurance claim, whatever else is true.
    private static func finding(member: String, date: LocalDate, in record: PracticeRecord) -> Finding? {
        guard let found = record.member(member) else {
            return Finding(why: "there is no member \"\(member)\" any more", member: member, place: nil)
        }
        guard found.insurance == nil else { return nil }
        let place: SourceLocation? = {
            if case .selfPay(let location)? = found.profile?.coverage { return location }
            return nil
        }()
        return Finding(why: "\(member) is now self-pay", member: member, place: place)
    }

    func why(_ claimID: String) -> Finding {
        candidates[claimID] ?? Finding(why: "its note, session or member is no longer in the practice (or its folder was renamed)",
                                       member: nil, place: nil)
    }
}
