import ArgumentParser
import Foundation
import GroupChartKit

/// `groupchart watch [PATH] [--out DIR]`: builds, then builds again whenever
/// a file of the practice is saved, keeping the compiled practice in memory.
struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Build, then rebuild what each saved file affects, until stopped (Ctrl-C).",
        discussion: """
            Keeps the compiled practice in memory: a saved file is read and parsed again, the others are not, and \
            only the records whose inputs changed are rendered again. The outputs are those of build, written whole. \
            The diagnostics are printed after each build. Ctrl-C during a build stops the watch once the build's \
            outputs are in place (a second Ctrl-C stops it at once).
            """
    )

    @Argument(help: "The practice, or a folder inside it (default: the current folder).")
    var path: String = "."

    @Option(help: ArgumentHelp("The output folder (default: PATH/build).", valueName: "DIR"))
    var out: String?

    @Option(help: ArgumentHelp("How often to look for saved files, in seconds (default 0.25), where the system does not say when a folder changes (it does on Linux).", valueName: "SECONDS"))
    var interval: Double = 0.25

    @OptionGroup var options: DiagnosticOptions

    func run() throws {
        let location: PracticeLocation
        do {
            location = try PracticeLocation(path)
        } catch {
            throw fail(error.description)
        }
        guard interval > 0, interval <= 60 else { throw fail("--interval must be more than 0 and at most 60 seconds") }
        let shown = out ?? location.typed("build")
        var buildOptions = Builder.Options(checker: try options.checkerOptions(location), output: out.map { URL(fileURLWithPath: $0) })
        buildOptions.waiting = waitingNotice(shown)
        let watcher = PracticeWatcher(root: location.root, options: buildOptions, interval: interval)
        if options.today == nil { watcher.clock = { LocalDate.today() } }
        PracticeWatcher.stopBetweenBuilds()
        note("watching \(location.typed(".")) (Ctrl-C stops)")
        let printer = BuildPrinter(options: options, practice: location.root, shown: shown)
        watcher.run(report: printer.print)
    }

    /// What each build of the watch prints. A value of its own rather than a
    /// closure capturing the command: Swift 6.3's optimiser crashed on the
    /// closure (an ownership error in CopyPropagation) in release builds.
    private struct BuildPrinter {
        let options: DiagnosticOptions
        let practice: URL
        let shown: String

        func print(_ outcome: Result<Builder.Result, Builder.Failure>, took: Duration) {
            let milliseconds = Int(took.components.seconds * 1000 + took.components.attoseconds / 1_000_000_000_000_000)
            switch outcome {
            case .success(let result):
                options.print(result.report, practice: practice)
                for line in result.notRemovedLines(shown: shown) { note(line) }
                let rendered = result.fromCache ? "nothing changed" : "\(result.rendered) of \(result.written.count) files written anew"
                note("built \(shown)/ in \(milliseconds) ms: \(rendered)")
            case .failure(let failure):
                note("error: \(failure.description)")
            }
        }
    }
}
