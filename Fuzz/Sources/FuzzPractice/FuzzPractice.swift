import Foundation
import GroupChartKit

/// A scratch folder of this process: the practice is laid out in `practice/`
/// and built into `build/` on every input.
let scratch = FileManager.default.temporaryDirectory
    .appendingPathComponent("groupchart-fuzz-practice-\(ProcessInfo.processInfo.processIdentifier)")
let today = LocalDate(year: 2026, month: 3, day: 31)!

/// One input: a whole small practice, files
/// separated by the byte 0x1E, each file its relative path on the first line
/// and its bytes after it. The practice is checked and built as
/// `groupchart build` would; only a crash, a hang or a leak is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPractice(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let practice = scratch.appendingPathComponent("practice")
    try? FileManager.default.removeItem(at: scratch)
    guard (try? FileManager.default.createDirectory(at: practice, withIntermediateDirectories: true)) != nil else { return 0 }
    for record in bytes.split(separator: 0x1E, omittingEmptySubsequences: true).prefix(64) {
        guard let newline = record.firstIndex(of: 0x0A),
              let path = safePath(String(decoding: record[record.startIndex..<newline], as: UTF8.self)) else { continue }
        let file = practice.appendingPathComponent(path)
        try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: file.path, contents: Data(record[(newline + 1)...]))
    }
    // build checks the practice first, then renders every record and claim.
    let options = Checker.Options(today: today, strict: false)
    _ = try? Builder.build(practice, options: Builder.Options(checker: options, output: scratch.appendingPathComponent("build")))
    return 0
}

/// A path inside the practice's own folders (or practice.yaml), never `..`.
func safePath(_ path: String) -> String? {
    let parts = path.split(separator: "/", omittingEmptySubsequences: false)
    guard let top = parts.first, parts.count <= 4,
          parts.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." && !$0.contains("\0") && $0.utf8.count <= 64 }),
          ["practice.yaml", "groups", "members", "sessions", "templates"].contains(String(top)),
          top == "practice.yaml" ? parts.count == 1 : parts.count > 1 else { return nil }
    return path
}
