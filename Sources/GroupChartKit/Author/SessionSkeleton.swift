import Foundation

/// `groupchart new session`: writes `sessions/<date>-<group>/` with a session
/// note whose attendance log lists every member enrolled on the date, and one
/// progress-note skeleton per member with the goals of that member's plan in
/// effect (`SkeletonText`).
///
/// It reads the practice through `RecordReader`, as `check` does, so that
/// "enrolled" and "the plan in effect" mean here what the rules mean.
public enum SessionSkeleton {
    /// What `new session` wrote, relative to the practice folder.
    public struct Written: Sendable {
        public var sessionFolder: String
        public var paths: [String]
        /// The enrolled members, in the order of the attendance log.
        public var members: [String]
        /// The clinician who leads the group, who usually signs.
        public var facilitator: String?
        /// What the user should know though nothing was refused (a date after today).
        public var warnings: [String]
    }

    /// Writes `sessions/<date>-<group>[-<suffix>]/`; `suffix` names a second
    /// session of the group that day (`pm`).
    public static func create(in location: PracticeLocation, group id: String, date: LocalDate, suffix: String? = nil,
                              today: LocalDate) throws(Refusal) -> Written {
        let folder: PracticeFolder
        do {
            folder = try PracticeFolder(root: location.root)
        } catch {
            throw Refusal(error.description)
        }
        if let suffix, !Identifier.isSlug(suffix) {
            throw Refusal("--suffix \"\(suffix)\" is not an id: use lower-case letters, digits and hyphens, such as pm or evening")
        }
        let record = RecordReader.read(folder)
        let group = try readableGroup(id, in: record)
        let members = enrolled(in: group, on: date, record: record)
        guard !members.isEmpty else { throw EmptyRoster.refusal(group, on: date, record: record) }
        let session = "\(date)-\(id)" + (suffix.map { "-\($0)" } ?? "")
        let sessionFolder = "sessions/\(session)"
        let target = folder.root.appendingPathComponent(sessionFolder)
        guard !FileManager.default.fileExists(atPath: target.path), !PracticeFile.isLink(target.path) else {
            throw Refusal("""
                \(location.typed(sessionFolder)) already exists, and groupchart new session never overwrites: edit the notes \
                there, or give a second session that day a folder of its own with --suffix (such as --suffix pm)
                """)
        }
        let text = SkeletonText(namesSchema: SchemaCatalogue.isInstalled(in: folder.root))
        var files = [NewFile(path: "session.md", text: text.sessionNote(group: group, date: date, members: members))]
        for member in members {
            let path = "\(sessionFolder)/\(member).md"
            let plan = record.plan(of: member, on: date)
            files.append(NewFile(path: "\(member).md", text: text.progressNote(path: path, date: date, plan: plan)))
        }
        do {
            try AtomicWrite.create(files, in: target)
        } catch {
            throw Refusal("cannot write \(sessionFolder): \(error.localizedDescription)")
        }
        return Written(sessionFolder: sessionFolder, paths: files.map { "\(sessionFolder)/\($0.path)" }, members: members,
                       facilitator: group.facilitator?.value,
                       warnings: (FutureDate.warning(date, today: today).map { [$0] } ?? [])
                           + notYetEnrolled(in: group, on: date, today: today, record: record) + withoutPlan(members, on: date, record: record)
                           + datesUnread(in: group, writtenIn: members, record: record))
    }

    /// Members the roster enrolls only from a later date: left out, which is
    /// right when they joined later and a slip when `joined` (or the
    /// session's date) is wrong: `init` dates its roster today, and a session
    /// dated before that was written for fewer members than it had. Not for
    /// a member who had left before the date and came back (a gap in the
    /// roster on purpose), nor one who joins after today (enrolled ahead).
    static func notYetEnrolled(in group: Group, on date: LocalDate, today: LocalDate, record: PracticeRecord) -> [String] {
        let enrolled = Set(group.enrolled(on: date).map(\.member.value))
        var seen: Set<String> = []
        return group.roster.compactMap { entry -> String? in
            let member = entry.member.value
            let entries = group.entries(of: member)
            guard !enrolled.contains(member), record.hasMember(member), seen.insert(member).inserted,
                  !entries.contains(where: { $0.left.map { $0.value < date } ?? false }),
                  let joins = entries.compactMap({ $0.joined?.value }).filter({ $0 > date }).min(), joins <= today
            else { return nil }
            return "\(member) was left out of the attendance log: the roster enrolls them from \(joins); if they attended on \(date), "
                + "correct joined: in \(group.file), then delete the session's folder and run new session again"
        }
    }

    /// Members left out because their roster entry's `joined` or `left`
    /// cannot be read: said, where they were left out without a word (a
    /// code review).
    static func datesUnread(in group: Group, writtenIn members: [String], record: PracticeRecord) -> [String] {
        var seen: Set<String> = []
        return group.roster.compactMap { entry -> String? in
            let member = entry.member.value
            guard entry.datesUnread, record.hasMember(member), !members.contains(member), seen.insert(member).inserted else { return nil }
            return "\(member) was left out of the attendance log: the dates of their roster entry in \(group.file) cannot be read "
                + "(groupchart check says why); if they attended, correct the dates, then delete the session's folder and run new session again"
        }
    }

    /// Members written in with no treatment plan in effect on the date:
    /// their notes have no goal to report on, and check says `no-treatment-plan`.
    static func withoutPlan(_ members: [String], on date: LocalDate, record: PracticeRecord) -> [String] {
        members.compactMap { id -> String? in
            guard let member = record.member(id), member.plan(on: date) == nil else { return nil }
            let later = member.plans.compactMap { $0.effective?.value }.filter { $0 > date }.min()
            return "no treatment plan of \(id) is in effect on \(date)"
                + (later.map { " (the first takes effect on \($0))" } ?? "")
                + ": their note lists no goals, and check reports no-treatment-plan until a plan takes effect on or before that day"
        }
    }

    private static func readableGroup(_ id: String, in record: PracticeRecord) throws(Refusal) -> Group {
        guard let group = record.group(id) else {
            let help = NearestName.help(for: id, in: record.groups.map(\.id), noun: "group")
            throw Refusal("no group \"\(id)\" in groups/: \(help)")
        }
        guard group.isReadable else {
            throw Refusal("\(group.file) cannot be read; `groupchart check` says why")
        }
        return group
    }

    /// The members the roster enrolls on `date`, as `enrolled-not-recorded`
    /// expects them in the log, in roster order: a member who left before
    /// the date, or joins after it, is not written in.
    static func enrolled(in group: Group, on date: LocalDate, record: PracticeRecord) -> [String] {
        group.enrolled(on: date).map(\.member.value).filter { record.hasMember($0) }
    }
}
