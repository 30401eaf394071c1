import ArgumentParser
import Foundation
import GroupChartKit

/// `groupchart sign NOTE --by CLINICIAN [--at YYYY-MM-DDTHH:MM] [--force]`.
struct SignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign",
        abstract: "Sign a note: set signed_by, signed_at and digest in its front-matter, changing nothing else.",
        discussion: """
            Refuses a note with errors, a signature dated before the session ended, and a note already signed \
            (unless --force) or amended by an addendum (always): a signed note changes only by an addendum.
            """
    )

    @Argument(help: "The session note, progress note or individual note to sign.")
    var note: String

    @Option(help: ArgumentHelp("The id of the signing clinician (practice.yaml clinicians).", valueName: "CLINICIAN"))
    var by: String

    @Option(help: ArgumentHelp("When it was signed, in local time (default: now).", valueName: "YYYY-MM-DDTHH:MM"))
    var at: String?

    @Flag(help: "Replace the signature of a note already signed (never under an addendum).")
    var force = false

    func run() throws {
        let time: Timestamp
        switch at.map(Timestamp.parse) ?? .success(Timestamp.now()) {
        case .success(let parsed): time = parsed
        case .failure(let error): throw fail("--at: \(error.message); \(error.help)")
        }
        let signed: NoteSigner.Signed
        do {
            signed = try NoteSigner.sign(URL(fileURLWithPath: note), by: by, at: time, force: force)
        } catch {
            throw fail(error.description)
        }
        let verb = signed.replacedSignature ? "signed again" : "signed"
        print("\(verb) \(signed.path) by \(signed.clinician) at \(signed.signedAt) (\(signed.digest.prefix(19))...)")
    }
}
