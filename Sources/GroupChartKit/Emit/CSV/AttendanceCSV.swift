/// `attendance.csv`: one row per session and member of its attendance log,
/// then one per enrolled member the log leaves out (status `not-recorded`),
/// so that the table shows every enrolled member of every session.
enum AttendanceCSV {
    static let columns = ["session_id", "date", "group_id", "member_id", "status", "arrived", "left", "reason"]

    static func table(_ record: PracticeRecord, sessions: [Session]) -> CSVTable {
        var table = CSVTable(columns: columns)
        for session in sessions {
            guard let note = session.note else { continue }
            let date = note.date?.value.description ?? ""
            let group = note.group?.value ?? ""
            for entry in note.attendance {
                table.append([session.id, date, group, entry.member.value, entry.status?.value.rawValue ?? "",
                              entry.arrived?.value.description ?? "", entry.left?.value.description ?? "", entry.reason?.value ?? ""])
            }
            guard let enrolled = record.group(of: note) else { continue }
            for entry in enrolled.enrolled(on: note.date?.value) where note.attendance(of: entry.member.value) == nil {
                table.append([session.id, date, group, entry.member.value, "not-recorded", "", "", ""])
            }
        }
        return table
    }
}
