import Foundation
import GroupChartKit

/// A practice folder in a temporary directory, made from a fixture: the base
/// practice of `Tests/GroupChartKitTests/Fixtures/base` with an overlay of
/// files laid over it (and the paths listed in the overlay's `REMOVE` file
/// deleted), so that each rule fixture holds only what it changes.
public struct FixturePractice {
    public let root: URL

    /// The repository's top folder.
    public static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    public static let fixtures = repository.appendingPathComponent("Tests/GroupChartKitTests/Fixtures")
    public static let base = fixtures.appendingPathComponent("base")

    /// The date every fixture is checked against.
    public static let today = LocalDate(year: 2026, month: 3, day: 31)!

    /// A copy of the base practice with `overlay` laid over it.
    public init(overlay: URL? = nil, base: URL? = FixturePractice.base) throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("groupchart-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        if let base { try FixturePractice.copyContents(of: base, to: root) }
        if let overlay { try apply(overlay) }
    }

    /// Writes `text` to `path` inside the practice, creating folders.
    public func write(_ path: String, _ text: String) throws {
        try write(path, Data(text.utf8))
    }

    public func write(_ path: String, _ data: Data) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    public func remove(_ path: String) throws {
        try FileManager.default.removeItem(at: root.appendingPathComponent(path))
    }

    public func read(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    /// Checks the practice as `groupchart check --today 2026-03-31` would.
    public func check(strict: Bool = false) throws -> CheckReport {
        try GroupChart.check(root, options: Checker.Options(today: FixturePractice.today, strict: strict)).report
    }

    public func delete() {
        try? FileManager.default.removeItem(at: root)
    }

    private func apply(_ overlay: URL) throws {
        let removals = overlay.appendingPathComponent("REMOVE")
        if let list = try? String(contentsOf: removals, encoding: .utf8) {
            for path in list.split(separator: "\n") where !path.isEmpty {
                try remove(String(path))
            }
        }
        try FixturePractice.copyContents(of: overlay, to: root, skipping: ["REMOVE", "EXPECTED"])
    }

    /// Copies every file below `source` into `destination`, replacing files.
    static func copyContents(of source: URL, to destination: URL, skipping: Set<String> = []) throws {
        let manager = FileManager.default
        guard let walker = manager.enumerator(atPath: source.path) else { return }
        for case let relative as String in walker {
            if skipping.contains(relative) { continue }
            let from = source.appendingPathComponent(relative)
            let to = destination.appendingPathComponent(relative)
            // A symbolic link is copied as the link it is (the symlink rule's
            // fixtures), never as what it points at.
            if let link = try? manager.destinationOfSymbolicLink(atPath: from.path) {
                walker.skipDescendants()
                if (try? manager.attributesOfItem(atPath: to.path)) != nil { try manager.removeItem(at: to) }
                try manager.createDirectory(at: to.deletingLastPathComponent(), withIntermediateDirectories: true)
                try manager.createSymbolicLink(atPath: to.path, withDestinationPath: link)
                continue
            }
            var isDirectory: ObjCBool = false
            _ = manager.fileExists(atPath: from.path, isDirectory: &isDirectory)
            if isDirectory.boolValue {
                try manager.createDirectory(at: to, withIntermediateDirectories: true)
            } else {
                if manager.fileExists(atPath: to.path) { try manager.removeItem(at: to) }
                try manager.createDirectory(at: to.deletingLastPathComponent(), withIntermediateDirectories: true)
                try manager.copyItem(at: from, to: to)
            }
        }
    }
}

extension CheckReport {
    /// `path:line:column rule` of every diagnostic, for compact assertions.
    public var places: [String] {
        diagnostics.map { "\($0.location) \($0.rule)" }
    }
}
