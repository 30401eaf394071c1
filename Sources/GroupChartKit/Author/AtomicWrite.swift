import Foundation

/// A file an authoring command creates, by its path below a folder.
struct NewFile: Sendable {
    var path: String
    var text: String
    /// For the git hook, which git runs as a program.
    var isExecutable = false
}

/// Writes whole or not at all (README, "Writing records"): everything is
/// written under a temporary hidden name in the same folder and renamed into
/// place, so that an editor, git or `check` never sees half a note, and a
/// failure leaves nothing behind but a hidden folder `check` ignores.
enum AtomicWrite {
    /// Replaces the file at `url` with `data`, keeping its permissions. A
    /// link (a note that stands for a file elsewhere in the practice, which
    /// `check` follows) is written through: the file it points at is
    /// replaced and the link kept, where the link itself was replaced by a
    /// file with the link's permissions (0777).
    static func replace(_ given: URL, with data: Data) throws {
        let url = PracticeFile.isLink(given.path) ? PracticeFile.realPath(given.path).map { URL(fileURLWithPath: $0) } ?? given : given
        let manager = FileManager.default
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(InterruptedWrite.copyName(of: url.lastPathComponent, id: UUID().uuidString))
        try data.write(to: temporary)
        do {
            if let permissions = try manager.attributesOfItem(atPath: url.path)[.posixPermissions] {
                try manager.setAttributes([.posixPermissions: permissions], ofItemAtPath: temporary.path)
            }
            try rename(temporary, to: url)
        } catch {
            try? manager.removeItem(at: temporary)
            throw error
        }
    }

    /// Creates `files` below `folder`, none of which may exist yet.
    ///
    /// A missing folder is staged whole beside its final place and renamed
    /// into it; in an existing folder, the files are staged in a hidden
    /// folder inside it and each top-level entry is renamed into place.
    static func create(_ files: [NewFile], in folder: URL) throws {
        let manager = FileManager.default
        let exists = manager.fileExists(atPath: folder.path)
        let parent = exists ? folder : folder.deletingLastPathComponent()
        try manager.createDirectory(at: parent, withIntermediateDirectories: true)
        let staging = parent.appendingPathComponent(InterruptedWrite.stagingPrefix + UUID().uuidString)
        do {
            try stage(files, in: staging)
            if exists {
                try moveEntries(of: staging, into: folder)
                try manager.removeItem(at: staging)
            } else {
                try rename(staging, to: folder)
            }
        } catch {
            try? manager.removeItem(at: staging)
            throw error
        }
    }

    private static func stage(_ files: [NewFile], in staging: URL) throws {
        let manager = FileManager.default
        try manager.createDirectory(at: staging, withIntermediateDirectories: true)
        for file in files {
            let url = staging.appendingPathComponent(file.path)
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.text.utf8).write(to: url)
            if file.isExecutable { try manager.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path) }
        }
    }

    /// Renames each entry of `staging` into `folder`, undoing the renames
    /// already made when one fails (or when an entry appeared meanwhile).
    private static func moveEntries(of staging: URL, into folder: URL) throws {
        let manager = FileManager.default
        var moved: [(from: URL, to: URL)] = []
        do {
            for name in try manager.contentsOfDirectory(atPath: staging.path).sorted() {
                let source = staging.appendingPathComponent(name)
                let target = folder.appendingPathComponent(name)
                guard !manager.fileExists(atPath: target.path) else {
                    throw CocoaError(.fileWriteFileExists, userInfo: [NSFilePathErrorKey: target.path])
                }
                try rename(source, to: target)
                moved.append((source, target))
            }
        } catch {
            for entry in moved.reversed() { try? rename(entry.to, to: entry.from) }
            throw error
        }
    }

    /// rename(2): atomic within one file system, and it replaces a file.
    private static func rename(_ source: URL, to target: URL) throws {
        guard Foundation.rename(source.path, target.path) == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [
                NSFilePathErrorKey: target.path,
                NSLocalizedDescriptionKey: "cannot rename \(source.path) to \(target.path): \(String(cString: strerror(errno)))",
            ])
        }
    }
}
