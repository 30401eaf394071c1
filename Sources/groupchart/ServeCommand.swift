import ArgumentParser
import Foundation
import GroupChartKit
import GroupChartServe

/// `groupchart serve [PATH] [--port N] [--open] [--today DATE]`: the
/// records and their diagnostics in a browser, rebuilt and reloaded on save.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Show the records and their diagnostics in a browser, rebuilt and reloaded as files are saved.",
        discussion: """
            Serves the dashboard, session packets and member charts as build renders them, compiled in memory \
            (nothing is written), each with the diagnostics that concern it at its top. A session with errors \
            is still shown, marked as not final. Listens on 127.0.0.1 and ::1 only; every address carries a \
            token printed at start, and a request without it is refused. Ctrl-C stops it.
            """
    )

    @Argument(help: "The practice, or a folder inside it (default: the current folder).")
    var path: String = "."

    @Option(help: ArgumentHelp("The port on the loopback address (default: 0, a free port the system chooses).", valueName: "N"))
    var port: Int = 0

    @Flag(help: "Open the dashboard in the default browser.")
    var open = false

    @Option(help: ArgumentHelp("The date the date rules measure against (default: today's local date).", valueName: "YYYY-MM-DD"))
    var today: String?

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port: \(port) is not a port (0 to 65535)") }
    }

    func run() async throws {
        let date: LocalDate
        switch today.map(LocalDate.parse) ?? .success(LocalDate.today()) {
        case .success(let parsed): date = parsed
        case .failure(let error): throw fail("--today: \(error.message); \(error.help)")
        }
        // As check, build and watch: the practice around PATH.
        let location: PracticeLocation
        let folder: PracticeFolder
        do {
            location = try PracticeLocation(path)
            folder = try PracticeFolder(root: location.root)
        } catch {
            throw fail(error.description)
        }
        var compiler = PracticeCompiler(folder: folder, options: Checker.Options(today: date, location: location))
        if today == nil { compiler.clock = { LocalDate.today() } }
        let server = PreviewServer(compiler: compiler, port: port)
        let shown = location.inside.isEmpty ? path : location.typed("")
        let open = self.open
        do {
            try await server.run(onListening: { preview, listening in
                note("serving \(shown): \(preview.summary)")
                FileHandle.standardOutput.write(Data(listening.addresses.map { "  \($0)\n" }.joined().utf8))
                note("the token in the address lets whoever holds it read these records: share it with no one. Ctrl-C stops.")
                if open, let first = listening.addresses.first { Browser.open(first) }
            }, onRebuild: { preview, changed in
                let names = changed.sorted()
                let saved = names.prefix(3).joined(separator: ", ") + (names.count > 3 ? " and \(names.count - 3) more" : "")
                note("rebuilt after \(saved.isEmpty ? "a change" : saved): \(preview.summary)")
            })
        } catch let failure as PreviewServer.Failure {
            throw fail(failure.description)
        } catch {
            throw fail("could not serve: \(error)")
        }
        note("stopped")
    }
}
