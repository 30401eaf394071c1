import Foundation

/// `groupchart new individual`: writes `members/<id>/individual/<date>.md`,
/// an individual session's note to fill in (`SkeletonText.individualNote`):
/// the keys format.md requires, the member's goals from the plan in effect,
/// and the clinician and CPT code when they are known.
///
/// The clinician is `--clinician`, else the one who saw the member at their
/// latest individual session (DBT pairs a member with one individual
/// therapist), else the practice's only clinician; otherwise it is left to
/// fill in. The CPT code depends on the minutes, so without `--cpt` it is
/// left to fill in, like `start` and `end`: `check` fails until they are.
public enum IndividualSkeleton {
    /// What `new individual` wrote.
    public struct Written: Sendable {
        /// Relative to the practice folder.
        public var path: String
        /// The clinician written in, when one was.
        public var clinician: String?
        /// What the user should know though nothing was refused.
        public var warnings: [String]
    }

    /// The codes of individual psychotherapy `individual-time-code` knows.
    static let codes = ["90832", "90834", "90837"]

    public static func create(in location: PracticeLocation, member id: String, date: LocalDate, clinician: String? = nil,
                              cpt: String? = nil, today: LocalDate) throws(Refusal) -> Written {
        if let cpt, !codes.contains(cpt) {
            throw Refusal("--cpt \(cpt) is not a code of individual psychotherapy: give 90832 (16-37 minutes), 90834 (38-52) or 90837 (53 or more)")
        }
        let folder: PracticeFolder
        do {
            folder = try PracticeFolder(root: location.root)
        } catch {
            throw Refusal(error.description)
        }
        let record = RecordReader.read(folder)
        guard let member = record.member(id) else {
            throw Refusal("no member \"\(id)\" in members/: \(NearestName.help(for: id, in: record.members.map(\.id), noun: "member"))")
        }
        let clinicians = record.practice?.clinicians.map(\.id.value) ?? []
        if let clinician, !clinicians.contains(clinician) {
            throw Refusal("\"\(clinician)\" is not a clinician of practice.yaml: \(NearestName.help(for: clinician, in: clinicians, noun: "clinician"))")
        }
        let path = "members/\(id)/individual/\(date).md"
        // A link counts as there, even one that points at nothing: it is never replaced.
        let full = location.root.appendingPathComponent(path).path
        guard !FileManager.default.fileExists(atPath: full), !PracticeFile.isLink(full) else {
            throw Refusal("\(location.typed(path)) already exists, and groupchart new individual never overwrites: edit the note there")
        }
        let chosen = clinician ?? previousClinician(of: member, before: date) ?? (clinicians.count == 1 ? clinicians[0] : nil)
        let text = SkeletonText(namesSchema: SchemaCatalogue.isInstalled(in: location.root))
            .individualNote(path: path, date: date, clinician: chosen, cpt: cpt, plan: member.plan(on: date))
        do {
            try AtomicWrite.create([NewFile(path: "\(date).md", text: text)],
                                   in: location.root.appendingPathComponent("members/\(id)/individual"))
        } catch {
            throw Refusal("cannot write \(location.typed(path)): \(error.localizedDescription)")
        }
        return Written(path: path, clinician: chosen,
                       warnings: (FutureDate.warning(date, today: today).map { [$0] } ?? [])
                           + billingGaps(of: member, on: date, cpt: cpt, practice: record.practice))
    }

    /// What check will hold the session's claim for, said while the note
    /// is new: a plan that does not name individual psychotherapy (a
    /// group-only plan, as `init` writes) and a code without a fee.
    static func billingGaps(of member: Member, on date: LocalDate, cpt: String?, practice: Practice?) -> [String] {
        var gaps: [String] = []
        if let plan = member.plan(on: date) {
            if isOn("plan-modality", in: practice), !PlanModalityRule.names("individual", in: plan) {
                let named = plan.modalities.map { $0.value.lowercased() }
                let suggested = (named + ["individual psychotherapy"]).joined(separator: ", ")
                gaps.append("the plan in effect (\(plan.file)) names \(named.isEmpty ? "no modality" : named.joined(separator: ", ")), "
                            + "not individual psychotherapy: add it to the plan's modality (modality: [\(suggested)]) "
                            + "with its rationale; otherwise check reports plan-modality")
            }
        } else if isOn("no-treatment-plan", in: practice) {
            gaps.append("no treatment plan of \(member.id) is in effect on \(date): check reports no-treatment-plan until a plan "
                        + "takes effect on or before that day")
        }
        // Without --cpt, a fee for any of the three codes may be the one billed.
        let priced = { (code: String) in practice?.fee(for: code) != nil }
        let unpriced = cpt.map { priced($0) ? [] : [$0] } ?? (codes.contains(where: priced) ? [] : codes)
        if !unpriced.isEmpty {
            let which = unpriced.count == 1 ? unpriced[0] : unpriced.dropLast().joined(separator: ", ") + " or " + unpriced.last!
            gaps.append("practice.yaml has no fee for \(which): add \(unpriced.count == 1 ? "one" : "one for the code you bill") "
                        + "under fees:; otherwise check reports missing-field")
        }
        return gaps
    }

    /// Whether practice.yaml's `rules:` leaves a rule on, as the checker reads it.
    private static func isOn(_ rule: String, in practice: Practice?) -> Bool {
        let severity = RuleSettings(practice?.ruleSettings ?? [], rules: RuleRegistry.all).severities[rule]
        return severity.map { $0 != nil } ?? true
    }

    /// The clinician of the member's latest individual session before `date`.
    private static func previousClinician(of member: Member, before date: LocalDate) -> String? {
        member.individualNotes
            .filter { ($0.date?.value).map { $0 < date } ?? false }
            .max { $0.date!.value < $1.date!.value }?
            .clinician?.value
    }
}
