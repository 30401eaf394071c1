import ArgumentParser
import Foundation
import GroupChartKit

/// `groupchart check [PATH]`: reads and validates; writes nothing.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Read and validate a practice; print its diagnostics.",
        discussion: "Exit status: 0 no error, 1 at least one error (or warning with --strict), 2 the check could not run."
    )

    @Argument(help: "The practice folder (default: the current folder).")
    var path: String = "."

    @OptionGroup var options: DiagnosticOptions

    func run() throws {
        let checkerOptions = try options.checkerOptions()
        let progress = ProgressLine.standardError()
        let result: (record: PracticeRecord, report: CheckReport)
        do {
            result = try GroupChart.check(URL(fileURLWithPath: path), options: checkerOptions, progress: progress.update)
            progress.finish()
        } catch {
            progress.finish()
            throw fail(error.description)
        }
        options.print(result.report)
        throw ExitCode(result.report.exitStatus)
    }
}
