import ArgumentParser
import Foundation
import GroupChartKit

/// `groupchart init [PATH] [--git-hook]`: writes a minimal practice that passes `check`.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a minimal practice that passes check: practice.yaml, one group, two members (one insured, one self-pay).",
        discussion: """
            PATH may be missing, empty, or a fresh git repository: init refuses when any file it writes exists \
            there, and never overwrites, and refuses a folder inside another practice. The schemas for editors go \
            to PATH/.groupchart/schemas/. The git hook goes to the top of the repository that holds PATH, which may \
            be bigger than the practice, and checks the practice's folder.
            """
    )

    @Argument(help: "The folder to create the practice in.")
    var path: String = "."

    @Flag(name: .customLong("git-hook"), help: "Also install a git pre-commit hook that runs groupchart check on the practice (PATH must be in a git repository).")
    var gitHook = false

    func run() throws {
        let written: StarterPractice.Written
        do {
            written = try StarterPractice.create(at: URL(fileURLWithPath: path), today: LocalDate.today(), gitHook: gitHook)
        } catch {
            throw fail(error.description)
        }
        let documents = written.paths.filter { !$0.hasPrefix(SchemaCatalogue.folder) }
        let schemas = written.paths.count - documents.count
        print("created in \(path):")
        for document in documents { print("  \(document)") }
        print("  \(SchemaCatalogue.folder)/ (\(schemas) JSON Schemas for editors)")
        if written.keptGitignore {
            print("kept the folder's own .gitignore: add the line /build/ to it, so that build's outputs (copies of the records) stay out of git")
        }
        if let hook = written.hook, let location = try? PracticeLocation(path) {
            print("installed \(location.typed(absolute: hook.path)): git runs groupchart check before each commit")
        }
        print("""
            The practice, clinician, payer and members are fictional: replace them with your own, then run
              groupchart check \(path)
              groupchart new session --group coping-skills --date YYYY-MM-DD \(path)
            """)
    }
}
