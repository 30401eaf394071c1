import ArgumentParser
import Foundation
import GroupChartKit

/// `groupchart sign NOTE... --by CLINICIAN [--at YYYY-MM-DDTHH:MM] [--force]`.
struct SignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign",
        abstract: "Sign notes: set signed_by, signed_at and digest in their front-matter, changing nothing else.",
        discussion: """
            Give notes, or folders (a session's folder signs its session note and every progress note). Every unsigned \
            note among them that checks clean is signed; the others are not, each with its errors. A note already \
            signed is left as it is when found in a folder; named itself, it is refused (--force signs it again, \
            never under an addendum). Exit status: 0 every note signed, 1 some not signed, 2 nothing could be \
            signed (an argument names no note, an unknown clinician, a bad --at), and then nothing is written.
            """
    )

    @Argument(help: ArgumentHelp("The notes to sign, or folders of notes (a session's folder, a member's individual/ folder).",
                                 valueName: "note-or-folder"))
    var notes: [String]

    @Option(help: ArgumentHelp("The id of the signing clinician (practice.yaml clinicians).", valueName: "CLINICIAN"))
    var by: String

    @Option(help: ArgumentHelp("When it was signed, in local time (default: now).", valueName: "YYYY-MM-DDTHH:MM"))
    var at: String?

    @Flag(help: "Replace the signature of a note named itself that is already signed (never under an addendum).")
    var force = false

    func run() throws {
        let time: Timestamp
        switch at.map(Timestamp.parse) ?? .success(Timestamp.now()) {
        case .success(let parsed): time = parsed
        case .failure(let error): throw fail("--at: \(error.message); \(error.help)")
        }
        guard !notes.isEmpty else { throw fail("give the notes to sign, or their folders: groupchart sign NOTE... --by CLINICIAN") }
        let outcome: NoteSigner.Outcome
        do {
            outcome = try NoteSigner.sign(notes, by: by, at: time, force: force)
        } catch {
            throw fail(error.description)
        }
        var lines: [(path: String, text: String)] = []
        for signed in outcome.signed {
            let verb = signed.replacedSignature ? "signed again" : "signed"
            let shown = outcome.practice.typed(signed.path)
            lines.append((signed.path, "\(verb) \(shown) by \(signed.clinician) at \(signed.signedAt) (\(signed.digest.prefix(19))...)"))
        }
        for refused in outcome.refused {
            lines.append((refused.path, "not signed \(outcome.practice.typed(refused.path)): \(refused.reason)"))
        }
        // --force given with a folder: its signed notes are left as they are,
        // which read as --force doing nothing (a clinician's review).
        let forceHelp = force ? " (--force replaces the signature only of a note named itself: groupchart sign \"NOTE\" --by ... --force)" : ""
        for path in outcome.alreadySigned {
            lines.append((path, "already signed, left as it is: \(outcome.practice.typed(path))" + (outcome.alreadySigned.count == 1 ? forceHelp : "")))
        }
        for line in lines.sorted(by: { $0.path.precedesInBytes($1.path) }) { print(line.text) }
        if lines.count > 1 {
            let signed = outcome.signed.count
            var summary = "\(signed) note\(signed == 1 ? "" : "s") signed, \(outcome.refused.count) not signed"
            if !outcome.alreadySigned.isEmpty { summary += ", \(outcome.alreadySigned.count) already signed" + forceHelp }
            print(summary)
        }
        throw ExitCode(outcome.refused.isEmpty ? 0 : 1)
    }
}
