import ArgumentParser

/// `groupchart new <kind>`: writes notes to fill in, a group session's or an individual session's.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create notes to fill in: a group session's folder, or an individual session's note.",
        subcommands: [NewSessionCommand.self, NewIndividualCommand.self]
    )
}
