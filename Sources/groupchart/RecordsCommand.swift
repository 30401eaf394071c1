import ArgumentParser
import Foundation
import GroupChartKit

/// `groupchart records --member ID [--from DATE] [--to DATE] [PATH]`: one
/// audit packet with everything about a member in a period.
struct RecordsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "records",
        abstract: "Write one member's audit packet (HTML), other members shown by initials.",
        discussion: "The period defaults to the member's first and last date of service."
    )

    @Option(help: "The member's id.")
    var member: String

    @Option(help: ArgumentHelp("The first date of the period.", valueName: "YYYY-MM-DD"))
    var from: String?

    @Option(help: ArgumentHelp("The last date of the period.", valueName: "YYYY-MM-DD"))
    var to: String?

    @Option(help: ArgumentHelp("The file to write (default: PATH/build/audit/<member>-<from>-<to>.html).", valueName: "FILE"))
    var out: String?

    @Argument(help: "The practice, or a folder inside it (default: the current folder).")
    var path: String = "."

    @OptionGroup var options: DiagnosticOptions

    func run() throws {
        let location: PracticeLocation
        do {
            location = try PracticeLocation(path)
        } catch {
            throw fail(error.description)
        }
        let written: (report: CheckReport, file: URL)
        do {
            written = try Builder.auditPacket(
                location.root, member: member, from: try date(from, "--from"), to: try date(to, "--to"),
                output: out.map { URL(fileURLWithPath: $0) }, options: try options.checkerOptions(location))
        } catch let failure as Builder.Failure {
            throw fail(failure.description)
        }
        options.print(written.report, practice: location.root)
        note("wrote \(out ?? location.typed(absolute: written.file.path))")
        throw ExitCode(written.report.exitStatus)
    }

    private func date(_ text: String?, _ option: String) throws -> LocalDate? {
        guard let text else { return nil }
        switch LocalDate.parse(text) {
        case .success(let date): return date
        case .failure(let error): throw fail("\(option): \(error.message); \(error.help)")
        }
    }
}
