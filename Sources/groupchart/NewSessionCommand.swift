import ArgumentParser
import Foundation
import GroupChartKit

/// `groupchart new session --group ID --date YYYY-MM-DD [--suffix S] [PATH]`.
struct NewSessionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "session",
        abstract: "Create a session folder: the session note with its attendance log and one progress note per enrolled member.",
        discussion: """
            Writes sessions/<date>-<group>/ (with --suffix, sessions/<date>-<group>-<suffix>/) in the practice that \
            holds PATH. Every member enrolled on the date is listed as present and gets a progress note with the goals \
            of their plan in effect. The notes fail check until they are filled in. Nothing is overwritten; a date \
            after today is written with a warning.
            """
    )

    @Option(help: ArgumentHelp("The id of the group that met.", valueName: "ID"))
    var group: String

    @Option(help: ArgumentHelp("The date of the session.", valueName: "YYYY-MM-DD"))
    var date: String

    @Option(help: ArgumentHelp("Names a second session of the group that day: --suffix pm writes sessions/<date>-<group>-pm/.", valueName: "SUFFIX"))
    var suffix: String?

    @Argument(help: "The practice, or a folder inside it (default: the current folder).")
    var path: String = "."

    func run() throws {
        let day: LocalDate
        switch LocalDate.parse(date) {
        case .success(let parsed): day = parsed
        case .failure(let error): throw fail("--date: \(error.message); \(error.help)")
        }
        let location: PracticeLocation
        let written: SessionSkeleton.Written
        do {
            location = try PracticeLocation(path)
            written = try SessionSkeleton.create(in: location, group: group, date: day,
                                                 suffix: suffix, today: LocalDate.today())
        } catch let error as PracticeFolder.NotAPractice {
            throw fail(error.description)
        } catch let error as Refusal {
            throw fail(error.description)
        }
        let members = written.members.count
        print("created \(location.typed(written.sessionFolder))/ for \(members) enrolled member\(members == 1 ? "" : "s"):")
        for path in written.paths { print("  \(location.typed(path))") }
        print("""
            Fill in start and end, correct the attendance and write each note; then sign them all:
              groupchart sign \(ShellWord.quoted(location.typed(written.sessionFolder))) --by \(written.facilitator ?? "CLINICIAN")
            """)
        for warning in written.warnings { warn(warning) }
    }
}
