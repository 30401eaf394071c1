import Foundation
import GroupChartTestSupport
import Testing

/// docs/groupchart.1 is written by hand; every command and option that
/// `--help` lists must stand in it, so that it cannot fall behind.
@Suite struct ManualPageTests {
    /// The manual's text with troff's escapes for hyphens and fonts undone.
    static func manual() throws -> String {
        let page = FixturePractice.repository.appendingPathComponent("docs/groupchart.1")
        var text = try String(contentsOf: page, encoding: .utf8).replacingOccurrences(of: "\\-", with: "-")
        for font in ["\\fB", "\\fI", "\\fR", "\\fP"] { text = text.replacingOccurrences(of: font, with: "") }
        return text
    }

    /// The subcommands a help text lists (two spaces, then the name).
    static func subcommands(in help: String) -> [String] {
        guard let section = help.components(separatedBy: "SUBCOMMANDS:\n").dropFirst().first else { return [] }
        return section.split(separator: "\n").compactMap { line in
            guard line.hasPrefix("  "), line.dropFirst(2).first?.isLowercase == true else { return nil }
            return line.split(separator: " ").first.map(String.init)
        }
    }

    /// The long options a help text lists.
    static func options(in help: String) -> [String] {
        guard let section = help.components(separatedBy: "OPTIONS:\n").dropFirst().first else { return [] }
        return section.split(separator: "\n").compactMap { line -> String? in
            let words = line.split(separator: " ").map { $0.trimmingCharacters(in: .punctuationCharacters.subtracting(["-"])) }
            return words.first { $0.hasPrefix("--") }
        }
    }

    /// Every command path (`["new", "session"]`) below `parent`.
    static func commands(below parent: [String] = []) throws -> [[String]] {
        guard parent.count < 3 else { return [] }
        let help = try Binary.run(parent + ["--help"]).standardOutput
        return try subcommands(in: help).flatMap { name in
            [parent + [name]] + (try commands(below: parent + [name]))
        }
    }

    @Test func everyCommandAndOptionIsDocumented() throws {
        let manual = try Self.manual()
        let commands = try Self.commands()
        #expect(commands.contains(["new", "session"]) && commands.contains(["sign"]))
        for command in [[]] + commands {
            let name = (["groupchart"] + command).joined(separator: " ")
            if !command.isEmpty, !manual.contains(name) { Issue.record("docs/groupchart.1 does not name \"\(name)\"") }
            for option in Self.options(in: try Binary.run(command + ["--help"]).standardOutput) where !manual.contains(option) {
                Issue.record("docs/groupchart.1 does not document \(option) of \"\(name)\"")
            }
        }
    }

    /// Completions come from swift-argument-parser and know every command
    /// and option (issue 15's among them).
    @Test(arguments: ["bash", "zsh", "fish"])
    func completionScriptsNameEveryCommand(shell: String) throws {
        let result = try Binary.run(["--generate-completion-script", shell])
        #expect(result.status == 0)
        for command in ["check", "explain", "init", "new", "serve", "session", "individual", "sign", "submit", "watch"] {
            #expect(result.standardOutput.contains(command), "the \(shell) script lacks \(command)")
        }
        for option in ["suffix", "member", "clinician", "cpt", "git-hook", "force"] {
            #expect(result.standardOutput.contains(shell == "fish" ? "-l '\(option)'" : "--\(option)"), "the \(shell) script lacks --\(option)")
        }
    }
}
