import Foundation

/// Why a claim that was billed no longer builds: the member is now marked
/// absent, the session became psychoeducation, the member pays for
/// themselves, or the note or session is gone. A claim id is derived from
/// member and session (`ClaimID`), so each attendance line and individual
/// note of the record is a candidate to match, and only the ids asked for
/// cost anything: the candidates are listed when the first is asked for (a
/// practice with nothing billed that no longer builds never asks, and
/// listing them was 2.3 % of a check at 20,000 notes).
struct NoLongerBillable {
    struct Finding {
        var why: String
        var member: String?
        /// Where the record says so (the attendance line, the profile), when it does.
        var place: SourceLocation?
        /// Not known to be unbillable: the member's coverage cannot be read
        /// (an error in the profile). No void goes out for it: a misspelt
        /// `insurance:` key must not void a paid claim.
        var held = false
    }

    private let candidates: Candidates
    /// Each member by the member id on their insurance card (upper case).
    private let byMemberID: [String: String]

    init(record: PracticeRecord) {
        candidates = Candidates(record: record)
        byMemberID = record.membersByInsuranceID
    }

    /// The member whose insurance has the member id a claim was sent with:
    /// whose a void is, when its session is gone (batch.csv's member_id was
    /// empty for it).
    func member(insuredAs memberID: String) -> String? {
        byMemberID[memberID.uppercased()]
    }

    /// Listed once, when first asked for.
    private final class Candidates: @unchecked Sendable {
        private let lock = NSLock()
        private var record: PracticeRecord?
        private var listed: [String: Finding] = [:]

        init(record: PracticeRecord) {
            self.record = record
        }

        subscript(claimID: String) -> Finding? {
            lock.lock()
            defer { lock.unlock() }
            if let record {
                listed = NoLongerBillable.candidates(record)
                self.record = nil
            }
            return listed[claimID]
        }
    }

    private static func candidates(_ record: PracticeRecord) -> [String: Finding] {
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
        return candidates
    }

    /// A self-pay member has no insurance claim, whatever else is true; a
    /// member whose coverage cannot be read has none that can be built,
    /// and is held, not voided.
    private static func finding(member: String, date: LocalDate, in record: PracticeRecord) -> Finding? {
        guard let found = record.member(member) else {
            return Finding(why: "there is no member \"\(member)\" any more", member: member, place: nil)
        }
        guard found.insurance == nil else { return nil }
        if case .selfPay(let location)? = found.profile?.coverage {
            return Finding(why: "\(member) is now self-pay", member: member, place: location)
        }
        return Finding(why: "not built: \(member)'s coverage cannot be read (an error in \(found.profileFile))", member: member,
                       place: SourceLocation(file: found.profileFile, line: 1), held: true)
    }

    func why(_ claimID: String) -> Finding {
        candidates[claimID] ?? Finding(why: "its note, session or member is no longer in the practice (or its folder was renamed)",
                                       member: nil, place: nil)
    }
}

extension PracticeRecord {
    /// Each member by the member id on their insurance card (upper case; of
    /// two who share one, a family plan's, the first): whose a claim found
    /// only in a submission is, for the next batch and the reimbursement ledger.
    var membersByInsuranceID: [String: String] {
        Dictionary(members.compactMap { member in member.insurance?.memberID.map { ($0.value.uppercased(), member.id) } },
                   uniquingKeysWith: { first, _ in first })
    }
}
