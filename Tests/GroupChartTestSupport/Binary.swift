import Foundation

/// Runs the built `groupchart` binary, as a user would.
public enum Binary {
    public struct Result {
        public var status: Int32
        public var standardOutput: String
        public var standardError: String
    }

    /// The binary SwiftPM built beside the test bundle (or `$GROUPCHART_BIN`).
    public static var url: URL {
        if let path = ProcessInfo.processInfo.environment["GROUPCHART_BIN"] { return URL(fileURLWithPath: path) }
        var candidates = [URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()]
        candidates += Bundle.allBundles.map { $0.bundleURL.deletingLastPathComponent() }
        for folder in candidates {
            let binary = folder.appendingPathComponent("groupchart")
            if FileManager.default.isExecutableFile(atPath: binary.path) { return binary }
        }
        return FixturePractice.repository.appendingPathComponent(".build/debug/groupchart")
    }

    /// Runs `groupchart arguments...` (or `executable`, such as a shell
    /// that runs groupchart) in `folder` and waits for it.
    public static func run(_ arguments: [String], in folder: URL? = nil, environment: [String: String] = [:],
                           executable: URL? = nil) throws -> Result {
        let process = Process()
        process.executableURL = executable ?? url
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        var env = ProcessInfo.processInfo.environment
        env.merge(environment) { _, new in new }
        process.environment = env
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      standardOutput: String(decoding: outData, as: UTF8.self),
                      standardError: String(decoding: errData, as: UTF8.self))
    }
}
