/// `group-size`: more members than a payer expects in a therapy group, or too
/// few for one.
struct GroupSizeRule: Rule {
    let id = "group-size"
    let defaultSeverity = Severity.warning
    let summary = "more members attended than `max` (default 12) without a `size_rationale`, or fewer than `min` (default 2)"
    static let maximum = RuleParameter("max", default: 12, range: 2...100)
    static let minimum = RuleParameter("min", default: 2, range: 1...100)
    var parameters: [RuleParameter] { [Self.maximum, Self.minimum] }
    let explanation = Explanation(
        checks: """
            The number of members who attended each session (present, late or left early) against the \
            parameters `max` and `min`. A session over `max` passes when its note gives a `size_rationale`.
            """,
        why: """
            "Most insurers expect therapy groups to have no more than 10 to 12 members. Groups significantly \
            larger than this raise questions about whether each member received individualized therapeutic \
            attention. Document the clinical rationale for your group size." A "group" of one is individual \
            therapy billed under the wrong code.
            """,
        example: "fourteen members present and no size_rationale",
        fix: "Record why the size was clinically appropriate in `size_rationale:`, or split the group.")

    func check(_ context: RuleContext) -> [Finding] {
        let maximum = Int(context.parameter(Self.maximum))
        let minimum = Int(context.parameter(Self.minimum))
        return context.record.sessions.compactMap(\.note).compactMap { note in
            let attended = note.attendance.filter(\.attended).count
            if attended > maximum, note.sizeRationale == nil {
                return Finding(note.attendanceLocation, "\(attended) members attended, more than the group maximum of \(maximum)",
                               help: "record the clinical reason in size_rationale:, or split the group")
            }
            if attended < minimum, !note.attendance.isEmpty {
                return Finding(note.attendanceLocation, "only \(attended) member\(attended == 1 ? "" : "s") attended, fewer than \(minimum)",
                               help: "a session with fewer members than a group needs is not group psychotherapy; bill it as what it was")
            }
            return nil
        }
    }
}
