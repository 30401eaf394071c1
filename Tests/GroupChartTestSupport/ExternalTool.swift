import Foundation

/// Programs some tests need (Chromium, pdftotext, the Nu HTML checker,
/// pyx12). `make test` installs them and sets `GROUPCHART_REQUIRE_TOOLS=1`,
/// so that in CI a missing tool fails its test; a plain `swift test` on a
/// machine without them skips those tests instead.
public enum ExternalTool {
    public static var required: Bool {
        ProcessInfo.processInfo.environment["GROUPCHART_REQUIRE_TOOLS"] == "1"
    }

    /// The first of `names` found on the PATH.
    public static func find(_ names: String...) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for name in names {
            for folder in path.split(separator: ":") {
                let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            }
        }
        return nil
    }

    /// Chromium or Chrome: on the PATH, or (macOS) in its application
    /// bundle, where a Mac keeps it and no PATH leads.
    public static var chromium: URL? {
        find("chromium", "chromium-browser", "google-chrome") ?? [
            "/Applications/Chromium.app/Contents/MacOS/Chromium",
            "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
        ].map { URL(fileURLWithPath: $0) }.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Whether a test needing `tool` should run: the tool is there, or it is required.
    public static func shouldRun(_ tool: URL?) -> Bool {
        tool != nil || required
    }

    /// Runs `tool` (in `folder`, with `environment` added and `input` on its
    /// standard input) and returns its exit status and output (standard
    /// output and error together).
    public static func run(_ tool: URL, _ arguments: [String], in folder: URL? = nil,
                           environment: [String: String] = [:], input: String? = nil) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = tool
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        }
        let pipe = Pipe()
        let stdin = input.map { _ in Pipe() }
        process.standardInput = stdin
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        if let stdin, let input {
            stdin.fileHandleForWriting.write(Data(input.utf8))
            try stdin.fileHandleForWriting.close()
        }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// `/usr/bin/env`, which finds a program such as `git` or `python3` on the PATH.
    public static let env = URL(fileURLWithPath: "/usr/bin/env")
}
