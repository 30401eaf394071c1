/// `group-size`: too few members for group psychotherapy, which holds the
/// session's claims (a "group" of one is individual therapy billed under the
/// wrong code), or more than a payer expects, a warning.
struct GroupSizeRule: Rule {
    let id = "group-size"
    let isSessionLocal = true
    let defaultSeverity = Severity.error
    let summary = """
        fewer than `min` (default 2) attended: not group psychotherapy, its claims are held (while it is an error); more than `max` \
        (default 12) without a `size_rationale`: a warning
        """
    static let maximum = RuleParameter("max", default: 12, range: 2...100)
    static let minimum = RuleParameter("min", default: 2, range: 1...100)
    var parameters: [RuleParameter] { [Self.maximum, Self.minimum] }
    let explanation = Explanation(
        checks: """
            The number of members who attended each session (present, late or left early) against the \
            parameters `min` and `max`. Fewer than `min` is an error that holds the session's claims (set to a \
            warning, it holds nothing, and the message says no more than what was found): bill \
            such a session as what it was (individual psychotherapy); a session where every member is \
            recorded absent is said as such. More than `max` is a warning, and passes when the session note \
            gives a `size_rationale` (a placeholder such as "N/A" or "none" is no reason). A log with a status that cannot be read is left to `invalid-value`.
            """,
        why: """
            "Most insurers expect therapy groups to have no more than 10 to 12 members. Groups significantly \
            larger than this raise questions about whether each member received individualized therapeutic \
            attention. Document the clinical rationale for your group size." A "group" of one is individual \
            therapy billed under the wrong code.
            """,
        example: "one member present and the others absent; or fourteen members present and no size_rationale",
        fix: """
            For a session of one, document and bill it as individual psychotherapy (an individual note under \
            members/<id>/individual/) instead of a group session. For a large group, record why the size \
            was clinically appropriate in `size_rationale:`, or split the group.
            """)

    /// Bill it as what it was: the individual session written, and the
    /// group session's folder removed (left, it stays an error, and the
    /// individual note then overlaps it: `attendance-time`).
    private func individualHelp(_ note: SessionNote, context: RuleContext) -> String {
        let who = note.attendance.filter(\.attended).map(\.member.value)
        // Two or more who met together had a group (under the practice's
        // minimum): not two individual sessions of the same hour.
        guard who.count == 1, let member = who.first else {
            return "keep the record as it is (if more members attended, correct their attendance); as an error, the default, "
                + "this holds the session's claims"
        }
        let file = note.attendanceLocation.file
        let folder = file.lastIndex(of: "/").map { String(file[..<$0]) } ?? file
        let date = note.date.map { "\($0.value)" } ?? "DATE"
        return "bill it as what it was, an individual session: write it (groupchart new individual --member \(member) --date \(date)), "
            + "then remove this session's folder "
            + "(git rm -r \(ShellWord.quoted(context.typed(folder))))"
    }

    func check(_ context: RuleContext) -> [Finding] {
        let maximum = Int(context.parameter(Self.maximum))
        let minimum = Int(context.parameter(Self.minimum))
        return context.record.sessions.compactMap(\.note).compactMap { note in
            let attended = note.attendance.filter(\.attended).count
            if attended > maximum, note.sizeRationale == nil {
                return Finding(note.attendanceLocation, "\(attended) members attended, more than the group maximum of \(maximum)",
                               help: "record the clinical reason in size_rationale:, or split the group", severity: .warning)
            }
            // A status that could not be read (`Present`, `yes`) is its own
            // invalid-value error; counted as not attending, it would make a
            // session that took place look empty, or small.
            guard note.attendance.allSatisfy({ $0.status != nil }) else { return nil }
            if attended == 0, !note.attendance.isEmpty {
                // Every member recorded absent: nothing to bill, and no individual session to write.
                return Finding(note.attendanceLocation, "no member attended: every member is recorded absent, and a session nobody attended is not group psychotherapy",
                               help: "if the group did not meet, delete the session's folder; if members came, correct their attendance")
            }
            // Not "its claims are held": a practice that sets the rule to a
            // warning bills them, and the message said otherwise (found by an
            // auditor's review). An error holds them, as every error does.
            if attended < minimum, !note.attendance.isEmpty {
                return Finding(note.attendanceLocation,
                               "only \(attended) member\(attended == 1 ? "" : "s") attended, fewer than \(minimum): not group psychotherapy",
                               help: individualHelp(note, context: context))
            }
            return nil
        }
    }
}
