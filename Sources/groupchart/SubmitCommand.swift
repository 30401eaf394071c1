import ArgumentParser
import Foundation
import GroupChartKit

/// `groupchart submit [PATH] [--dry-run] [--through DATE]`: records the next
/// batch as sent (lifecycle.md).
struct SubmitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "submit",
        abstract: "Record the next batch of claims as sent: copy it into submissions/ for upload.",
        discussion: """
            Builds, then copies the batch (build/claims.837: originals never sent, corrected rejected claims, \
            replacements and voids) to submissions/<today>-<ISA13>.837, never over another file. Upload that file \
            to the clearinghouse; the next build sends nothing it holds again. Refuses (exit status 2) when the \
            batch is empty, when practice.yaml has no edi:, when its file would be over the 1 MiB a build reads back \
            from submissions/ (send it in parts with --through), or when the build cannot write.
            """
    )

    @Argument(help: "The practice, or a folder inside it (default: the current folder).")
    var path: String = "."

    @Flag(help: "Say what would be submitted, and write nothing.")
    var dryRun = false

    @Option(help: ArgumentHelp("Only claims with a date of service on or before DATE (to record history billed by other means).",
                               valueName: "YYYY-MM-DD"))
    var through: String?

    @Option(help: ArgumentHelp("The build's output folder (default: PATH/build).", valueName: "DIR"))
    var out: String?

    @Flag(help: "Allow a --today before today's date: the batch was uploaded on that day and is recorded late.")
    var backdate = false

    @OptionGroup var options: DiagnosticOptions

    /// A submission is dated by `--today`: its file name, ISA09, GS04 and
    /// BHT04, and each claim's first submission, which `timely-filing`
    /// measures. A day later than the clock's is refused; an earlier one
    /// only with `--backdate` (a batch uploaded that day, recorded late), so
    /// that a `--today` copied from an example never dates a batch falsely.
    private func refuseAnotherDay(_ day: LocalDate) throws {
        let now = LocalDate.today()
        if day > now {
            throw fail("--today \(day) is after today's date (\(now)): a batch is recorded as sent on the day it is sent; leave --today out")
        }
        if day < now, !backdate {
            throw fail("--today \(day) is before today's date (\(now)): the submission, its ISA and each claim's first submission "
                       + "(which timely-filing counts from) would be dated \(day); leave --today out, or add --backdate if the batch "
                       + "was uploaded on \(day)")
        }
    }

    func run() throws {
        var throughDate: LocalDate?
        if let through {
            switch LocalDate.parse(through) {
            case .success(let date): throughDate = date
            case .failure(let error): throw fail("--through: \(error.message); \(error.help)")
            }
        }
        let location: PracticeLocation
        do {
            location = try PracticeLocation(path)
        } catch {
            throw fail(error.description)
        }
        let checker = try options.checkerOptions(location)
        if !dryRun { try refuseAnotherDay(checker.today) }
        let outcome: BatchSubmitter.Outcome
        do {
            var submitOptions = BatchSubmitter.Options(checker: checker, through: throughDate,
                                                       dryRun: dryRun, output: out.map { URL(fileURLWithPath: $0) })
            submitOptions.waiting = waitingNotice(out ?? location.typed("build"))
            outcome = try BatchSubmitter.submit(location.root, options: submitOptions)
        } catch {
            // BatchSubmitter throws only its refusals (typed throws).
            throw fail(error.description)
        }
        options.print(outcome.report, practice: location.root)
        let file = location.typed(outcome.path)
        let counts = outcome.summary.description
        if outcome.dryRun {
            note("would write \(file): \(counts) (interchange \(outcome.summary.controlNumber)); nothing was written")
        } else {
            note("wrote \(file): \(counts) (interchange \(outcome.summary.controlNumber))")
            if let stale = outcome.staleBuild {
                warn("build/ could not be written again after the submission (\(stale)): its claims.837 still holds the batch just "
                     + "submitted; upload only \(file), and run groupchart build")
            }
            if through == nil {
                note("upload \(file) to \(outcome.receiver); save its 999 and 277CA in acknowledgments/ and commit submissions/ to git")
            } else {
                // --through serves two ends: sending a batch in parts, and
                // recording claims billed before GroupChart, whose file must
                // not be sent (they would be billed twice).
                note("upload \(file) to \(outcome.receiver) only if these claims are still to be sent; if they were billed "
                     + "by other means, do not upload it: it records that history. Commit submissions/ to git "
                     + "(and save an uploaded file's 999 and 277CA in acknowledgments/)")
                if outcome.recordedAsProduction {
                    note("written as production (ISA15 P) although practice.yaml's edi usage is test: a record of billing, whose "
                         + "claims count as sent in production too; upload it, if at all, only once the clearinghouse takes production files")
                }
                // History billed by other means holds originals: a replacement
                // or void in it is GroupChart's own correction, recorded as
                // sent, and lost unless the file is uploaded.
                let corrections = outcome.summary.replacements + outcome.summary.voids
                if corrections > 0 {
                    let counted = [(outcome.summary.replacements, "replacement"), (outcome.summary.voids, "void")].filter { $0.0 > 0 }
                        .map { "\($0.0) \($0.1)\($0.0 == 1 ? "" : "s")" }.joined(separator: " and ")
                    warn("\(file) also holds \(counted) of claims GroupChart sent: \(corrections == 1 ? "it is" : "they are") now "
                         + "recorded as sent, and \(corrections == 1 ? "reaches" : "reach") the payer only if \(file) is uploaded")
                }
            }
        }
        if outcome.isTest {
            // A practice that set up its clearinghouse in test mode and never
            // switched bills no one: say so at every batch.
            note("a test batch (ISA15 T: practice.yaml's edi usage is test): the clearinghouse's test system sends it to no payer; "
                 + "its claims count as sent while usage is test, and once it is production, those sent only in test batches go "
                 + "in the next batch")
        }
        throw ExitCode(outcome.report.exitStatus)
    }
}
