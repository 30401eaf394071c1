import ArgumentParser
import Foundation
import GroupChartKit

/// `groupchart check [PATH]`: reads and validates; writes nothing.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Read and validate a practice; print its diagnostics.",
        discussion: """
            PATH may be the practice folder or any folder or file inside it: the practice is the nearest folder from \
            there up that holds practice.yaml. Exit status: 0 no error, 1 at least one error (or warning with \
            --strict), 2 the check could not run.
            """
    )

    @Argument(help: "The practice, or a folder inside it (default: the current folder).")
    var path: String = "."

    @OptionGroup var options: DiagnosticOptions

    @Option(name: .customLong("cache-from"), help: ArgumentHelp(
        "Take unchanged documents from the cache of the build into DIR (default: the practice's build/).",
        valueName: "DIR"))
    var cacheFrom: String?

    func run() throws {
        let location: PracticeLocation
        do {
            location = try PracticeLocation(path)
        } catch {
            throw fail(error.description)
        }
        let checkerOptions = try options.checkerOptions(location)
        let progress = ProgressLine.standardError()
        let result: (record: PracticeRecord?, report: CheckReport)
        do {
            let buildFolder = cacheFrom.map { URL(fileURLWithPath: $0) }
            result = try GroupChart.checkReport(location.root, options: checkerOptions, progress: progress.update,
                                                buildFolder: buildFolder, endsTheProcess: true)
            progress.finish()
        } catch {
            progress.finish()
            throw fail(error.description)
        }
        options.print(result.report, practice: location.root)
        // The process ends here: releasing the compiled practice object by
        // object first (0.12 s of CPU at 20,000 notes, `perf`) would only
        // delay the prompt, and the operating system takes it back at once.
        let status = result.report.exitStatus
        withExtendedLifetime(result) { exitNow(status) }
    }
}
