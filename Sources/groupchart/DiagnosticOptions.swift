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

    /// - Parameter location: where the practice was found, so that the
    ///   commands diagnostics suggest are typed from the current folder.
    func checkerOptions(_ location: PracticeLocation) throws -> Checker.Options {
        Checker.Options(today: try todayDate(), strict: strict, location: location)
    }

    private func todayDate() throws -> LocalDate {
        guard let today else { return LocalDate.today() }
        switch LocalDate.parse(today) {
        case .success(let date): return date
        case .failure(let error): throw fail("--today: \(error.message); \(error.help)")
        }
    }

    /// Writes the report of the practice at `practice` to standard output in the chosen format.
    func print(_ report: CheckReport, practice: URL) {
        switch format {
        case .json: write(JSONPrinter.render(report))
        case .sarif: write(SARIFPrinter.render(report, practice: practice))
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

    /// The `--format` the command line asks for, read from the raw words so
    /// that even a command line that does not parse gets its error in that
    /// format (the last `--format` wins, as in parsing).
    static func requested(in arguments: [String]) -> Format? {
        var found: Format?
        for (index, argument) in arguments.enumerated() {
            if argument == "--format", index + 1 < arguments.count { found = Format(rawValue: arguments[index + 1]) }
            if argument.hasPrefix("--format=") { found = Format(rawValue: String(argument.dropFirst("--format=".count))) }
        }
        return found
    }
}

/// Prints why a command could not run and gives exit status 2 (outputs.md).
///
/// Under `--format json` or `sarif` the reason is also the one document on
/// standard output (`{"error": ...}`, or a SARIF run whose invocation
/// failed), since a tool reading it would otherwise fail on an empty document.
func fail(_ message: String) -> ExitCode {
    FileHandle.standardError.write(Data("groupchart: error: \(message)\n".utf8))
    writeFailureDocument(message)
    return ExitCode(2)
}

/// The reason a command could not run as the document `--format json` or
/// `sarif` asks for; nothing for text.
func writeFailureDocument(_ message: String) {
    switch DiagnosticOptions.requested(in: CommandLine.arguments) {
    case .json: FileHandle.standardOutput.write(Data(JSONPrinter.renderFailure(message).utf8))
    case .sarif: FileHandle.standardOutput.write(Data(SARIFPrinter.renderFailure(message).utf8))
    case .text, nil: break
    }
}
