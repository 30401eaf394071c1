import ArgumentParser
import Foundation
import GroupChartKit

/// `groupchart new individual --member ID --date YYYY-MM-DD [--clinician ID] [--cpt CODE] [PATH]`.
struct NewIndividualCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "individual",
        abstract: "Create an individual session's note to fill in: members/<id>/individual/<date>.md.",
        discussion: """
            The note has the keys an individual note requires (date, start, end, clinician, cpt), the sections \
            Interventions, Goals, Risk and Plan, and one Goals item per goal of the member's plan in effect. The \
            clinician defaults to the one of the member's latest individual session, else the practice's only \
            clinician. The note fails check until it is filled in. Nothing is overwritten; a date after today is \
            written with a warning.
            """
    )

    @Option(help: ArgumentHelp("The id of the member (their folder under members/).", valueName: "ID"))
    var member: String

    @Option(help: ArgumentHelp("The date of the session.", valueName: "YYYY-MM-DD"))
    var date: String

    @Option(help: ArgumentHelp("The id of the clinician who saw the member (practice.yaml clinicians).", valueName: "ID"))
    var clinician: String?

    @Option(help: ArgumentHelp("The CPT code by the minutes: 90832 (16-37), 90834 (38-52) or 90837 (53 or more).", valueName: "CODE"))
    var cpt: String?

    @Argument(help: "The practice, or a folder inside it (default: the current folder).")
    var path: String = "."

    func run() throws {
        let day: LocalDate
        switch LocalDate.parse(date) {
        case .success(let parsed): day = parsed
        case .failure(let error): throw fail("--date: \(error.message); \(error.help)")
        }
        let location: PracticeLocation
        let written: IndividualSkeleton.Written
        do {
            location = try PracticeLocation(path)
            written = try IndividualSkeleton.create(in: location, member: member, date: day, clinician: clinician, cpt: cpt,
                                                    today: LocalDate.today())
        } catch let error as PracticeFolder.NotAPractice {
            throw fail(error.description)
        } catch let error as Refusal {
            throw fail(error.description)
        }
        print("""
            created \(location.typed(written.path))
            Fill in start, end\(cpt == nil ? ", cpt" : "")\(written.clinician == nil ? ", clinician" : "") and each section; then sign it:
              groupchart sign \(ShellWord.quoted(location.typed(written.path))) --by \(written.clinician ?? "CLINICIAN")
            """)
        for warning in written.warnings { warn(warning) }
    }
}
