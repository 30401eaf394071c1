import ArgumentParser
import Foundation

// Exit statuses are those of outputs.md: 0 no error, 1 errors, 2 the command
// could not run (which includes bad arguments, where ArgumentParser alone
// would exit 64).
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
    FileHandle.standardError.write(Data((message + "\n").utf8))
    Foundation.exit(2)
}
