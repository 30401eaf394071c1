import ArgumentParser
import Foundation
import GroupChartKit

/// `groupchart new session --group ID --date YYYY-MM-DD [PATH]`.
struct NewSessionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "session",
        abstract: "Create a session folder: the session note with its attendance log and one progress note per enrolled member.",
        discussion: """
            Writes sessions/<date>-<group>/. Every member enrolled on the date is listed as present and gets a progress \
            note with the goals of their plan in effect. The notes fail check until they are filled in. Nothing is \
            overwritten.
            """
    )

    @Option(help: ArgumentHelp("The id of the group that met.", valueName: "ID"))
    var group: String

    @Option(help: ArgumentHelp("The date of the session.", valueName: "YYYY-MM-DD"))
    var date: String

    @Argument(help: "The practice folder.")
    var path: String = "."

    func run() throws {
        let day: LocalDate
        switch LocalDate.parse(date) {
        case .success(let parsed): day = parsed
        case .failure(let error): throw fail("--date: \(error.message); \(error.help)")
        }
        let written: SessionSkeleton.Written
        do {
            let folder = try PracticeFolder(root: URL(fileURLWithPath: path))
            written = try SessionSkeleton.create(in: folder, group: group, date: day)
        } catch let error as PracticeFolder.NotAPractice {
            throw fail(error.description)
        } catch let error as Refusal {
            throw fail(error.description)
        }
        print("created \(written.sessionFolder)/ for \(written.members.count) enrolled member\(written.members.count == 1 ? "" : "s"):")
        for path in written.paths { print("  \(path)") }
        print("""
            Fill in start and end, correct the attendance, write each note, then sign each one:
              groupchart sign \(written.paths.first ?? "NOTE") --by CLINICIAN
            """)
    }
}
