import Foundation
import Testing

/// Golden files: expected outputs kept in the repository and compared byte
/// for byte. `GROUPCHART_RECORD=1 swift test` re-records them (never edit
/// them by hand).
public enum Golden {
    public static var isRecording: Bool {
        ProcessInfo.processInfo.environment["GROUPCHART_RECORD"] == "1"
    }

    /// Compares `actual` with the golden file, or writes it when recording.
    public static func compare(_ actual: String, to golden: URL,
                               sourceLocation: SourceLocation = #_sourceLocation) throws {
        if isRecording {
            try FileManager.default.createDirectory(at: golden.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: golden, atomically: true, encoding: .utf8)
            return
        }
        let expected = try? String(contentsOf: golden, encoding: .utf8)
        #expect(expected != nil, "no golden file \(golden.path): run GROUPCHART_RECORD=1 swift test", sourceLocation: sourceLocation)
        guard let expected, expected != actual else { return }
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let first = zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(expectedLines.count, actualLines.count)
        let want = first < expectedLines.count ? String(expectedLines[first]) : "<end>"
        let got = first < actualLines.count ? String(actualLines[first]) : "<end>"
        Issue.record("\(golden.lastPathComponent) differs at line \(first + 1):\n  expected: \(want)\n  actual:   \(got)\n(re-record with GROUPCHART_RECORD=1 swift test)",
                     sourceLocation: sourceLocation)
    }
}
