import ArgumentParser
import Foundation

// Exit statuses are those of outputs.md: 0 no error, 1 errors, 2 the command
// could not run (which includes bad arguments, where ArgumentParser alone
// would exit 64). Bad arguments under --format json or sarif are reported
// in that format too (`fail`).
do {
    try await GroupChartCommand.run(try GroupChartCommand.parseAsRoot())
} catch let exit as ExitCode {
    Foundation.exit(exit.rawValue)
} catch {
    let code = GroupChartCommand.exitCode(for: error)
    let message = GroupChartCommand.fullMessage(for: error)
    if code == .success {
        print(message)
        Foundation.exit(0)
    }
    let sentence = message.split(separator: "\n").first.map(String.init) ?? message
    FileHandle.standardError.write(Data((message + "\n").utf8))
    writeFailureDocument(sentence.hasPrefix("Error: ") ? String(sentence.dropFirst("Error: ".count)) : sentence)
    Foundation.exit(2)
}
