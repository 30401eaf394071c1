import ArgumentParser
import Foundation
import GroupChartKit

/// `groupchart build [PATH] [--out DIR]`: validates, then writes the records
/// (and, as later stages land, the claims) to DIR.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Validate a practice, then write its records and claims.",
        discussion: """
            Writes index.html, sessions/<id>.html, members/<id>.html, attendance.csv and the claims (claims.csv, \
            claims-held.csv, reimbursement.csv, batch.csv, and claims.837 when practice.yaml has edi:) to DIR \
            (default PATH/build). \
            A session or member with errors is skipped and named; the rest is written. Exit status: 0 no error, \
            1 errors (some records skipped or claims held), 2 the build could not run or write.
            """
    )

    @Argument(help: "The practice, or a folder inside it (default: the current folder).")
    var path: String = "."

    @Option(help: ArgumentHelp("The output folder (default: PATH/build).", valueName: "DIR"))
    var out: String?

    @OptionGroup var options: DiagnosticOptions

    func run() throws {
        let location: PracticeLocation
        do {
            location = try PracticeLocation(path)
        } catch {
            throw fail(error.description)
        }
        let checkerOptions = try options.checkerOptions(location)
        let progress = ProgressLine.standardError()
        let result: Builder.Result
        do {
            var buildOptions = Builder.Options(checker: checkerOptions, output: out.map { URL(fileURLWithPath: $0) },
                                               progress: progress.update)
            buildOptions.endsTheProcess = true
            buildOptions.waiting = waitingNotice(out ?? location.typed("build"))
            result = try Builder.build(location.root, options: buildOptions)
            progress.finish()
        } catch {
            progress.finish()
            throw fail(error.description)
        }
        options.print(result.report, practice: location.root)
        for (id, rules) in result.skippedSessions {
            note("skipped session \(id): \(rules.isEmpty ? "no session.md" : "errors (\(rules.joined(separator: ", ")))")")
        }
        for (id, rules) in result.skippedMembers {
            note("skipped member \(id): \(rules.isEmpty ? "no profile" : "errors (\(rules.joined(separator: ", ")))")")
        }
        let stopped = result.report.interchangeHeldBy
        if !stopped.isEmpty {
            // An error in edi:, or a folder of the practice that was not read (`ClaimScope.interchange`).
            note("claims.837 not written: errors above stop the whole batch (\(stopped.joined(separator: ", ")))")
        }
        if result.withoutEDI {
            note("""
                no claims.837 written: practice.yaml has no edi: block (your clearinghouse's submitter and receiver ids, \
                as the commented block init writes shows); claims.csv holds the claims ready to bill
                """)
        }
        let shown = out ?? location.typed("build")
        for line in result.notRemovedLines(shown: shown) { note(line) }
        note("wrote \(result.written.count) files to \(shown)/; open \(shown)/index.html")
        let batch = result.batch
        if batch.isEmpty {
            note("nothing to send: no claim is new, corrected, changed or to void")
        } else if batch.written {
            note("next batch: \(batch.description) in \(shown)/claims.837 (listed in batch.csv); send it with groupchart submit")
        } else {
            // Why no claims.837 was written is said above (no edi:, or errors in it).
            note("next batch: \(batch.description) (listed in \(shown)/batch.csv)")
        }
        throw ExitCode(result.report.exitStatus)
    }
}

/// A line for the person at the terminal, on standard error so that
/// `--format json` output stays one JSON object.
func note(_ line: String) {
    // What was printed before it comes first, also when both streams go to
    // one pipe or file (where standard output is held until the exit).
    fflush(nil)
    FileHandle.standardError.write(Data("groupchart: \(line)\n".utf8))
}

/// What a build says when another build into `folder` (as the user typed
/// it) is running and it waits for that one to end (`Builder.Options.waiting`).
func waitingNotice(_ folder: String) -> @Sendable () -> Void {
    { note("another build into \(folder)/ is running (watch, or another terminal); waiting for it to finish") }
}

/// Something the user should know though the command did what was asked,
/// on standard error.
func warn(_ line: String) {
    fflush(nil)
    FileHandle.standardError.write(Data("groupchart: warning: \(line)\n".utf8))
}
