/// Who belongs to a group on a date.
///
/// A group's `members` list is its enrollment today, but sessions are judged
/// on their own date: a member who has left the group since is still enrolled
/// on the dates their plan in effect names the group, and a member who joined
/// later (whose first plan for the group starts after the session) had not
/// joined yet. README, "Enrollment", says the same for clinicians.
extension PracticeRecord {
    /// Listed in the group, or with a plan in effect on `date` that names it.
    public func isEnrolled(_ member: String, in group: Group, on date: LocalDate?) -> Bool {
        if group.enrolls(member) { return true }
        guard let date, let plan = self.member(member)?.plan(on: date) else { return false }
        return plan.group?.value == group.id
    }

    /// Listed in the group and, when the member has plans for it, with one
    /// effective on or before `date`.
    public func hadJoined(_ member: String, group: Group, by date: LocalDate?) -> Bool {
        guard group.enrolls(member) else { return false }
        guard let date, let plans = self.member(member)?.plans else { return true }
        let forGroup = plans.filter { $0.group?.value == group.id }
        guard !forGroup.isEmpty else { return true }
        return forGroup.contains { plan in plan.effective.map { $0.value <= date } ?? true }
    }

    /// The group a session note names, when it exists.
    public func group(of note: SessionNote) -> Group? {
        note.group.flatMap { group($0.value) }
    }
}
