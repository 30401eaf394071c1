import ArgumentParser

/// `groupchart new <kind>`: writes skeletons to fill in; today only sessions.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create records to fill in.",
        subcommands: [NewSessionCommand.self]
    )
}
