import ArgumentParser
import Foundation
import GroupChartKit

/// The options every command that reports diagnostics shares (outputs.md).
struct DiagnosticOptions: ParsableArguments {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, sarif
    }

    @Option(help: "How to print diagnostics: text, json or sarif.")
    var format: Format = .text

    @Option(help: ArgumentHelp("The date the date rules measure against (default: today's local date).", valueName: "YYYY-MM-DD"))
    var today: String?

    @Flag(help: "Count warnings as errors.")
    var strict = false

    @Flag(help: "Print errors only, without the summary line.")
    var quiet = false

    @Flag(name: .customLong("no-color"), help: "Never colour the output (colour is used only on a terminal).")
    var noColor = false

    func checkerOptions() throws -> Checker.Options {
        Checker.Options(today: try todayDate(), strict: strict)
    }

    private func todayDate() throws -> LocalDate {
        guard let today else { return LocalDate.today() }
        switch LocalDate.parse(today) {
        case .success(let date): return date
        case .failure(let error): throw ValidationError("--today: \(error.message); \(error.help)")
        }
    }

    /// Writes the report to standard output in the chosen format.
    func print(_ report: CheckReport) {
        switch format {
        case .json: write(JSONPrinter.render(report))
        case .sarif: write(SARIFPrinter.render(report))
        case .text:
            var shown = report
            if quiet { shown.diagnostics = report.diagnostics.filter { $0.severity == .error } }
            write(TextPrinter(color: useColor).render(shown, summary: !quiet))
        }
    }

    private var useColor: Bool {
        !noColor && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
            && ProcessInfo.processInfo.environment["TERM"] != "dumb" && isatty(STDOUT_FILENO) == 1
    }

    private func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}

/// Prints why a command could not run and gives exit status 2 (outputs.md).
func fail(_ message: String) -> ExitCode {
    FileHandle.standardError.write(Data("groupchart: error: \(message)\n".utf8))
    return ExitCode(2)
}
