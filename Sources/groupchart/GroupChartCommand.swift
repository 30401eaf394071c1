import ArgumentParser
import GroupChartKit

/// `groupchart`: compiles group psychotherapy records and claims.
struct GroupChartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "groupchart",
        abstract: "Checks and compiles group psychotherapy records and insurance claims.",
        discussion: """
            A practice is a folder of Markdown notes with YAML front-matter: practice.yaml, groups/, \
            members/ and sessions/. `groupchart check` validates it like a compiler.
            """,
        version: GroupChart.version,
        subcommands: [
            InitCommand.self, NewCommand.self, CheckCommand.self, SignCommand.self,
            BuildCommand.self, WatchCommand.self, ServeCommand.self, SubmitCommand.self, RecordsCommand.self, ExplainCommand.self,
        ]
    )
}

extension GroupChartCommand {
    /// Runs a parsed command; `serve` is the one that runs asynchronously.
    static func run(_ parsed: any ParsableCommand) async throws {
        if var command = parsed as? any AsyncParsableCommand {
            try await command.run()
        } else {
            var command = parsed
            try command.run()
        }
    }
}
