import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The visible entries of one folder with what each is, from one `readdir`
/// pass: the type the file system keeps in each directory entry saves a
/// `stat` per file, and plain string paths save building a URL per file
/// (together most of the time discovery took on a 20,000-note practice,
/// which `watch` lists four times a second).
enum FolderListing {
    enum Kind: Equatable {
        case folder
        case link
        case file
        case other
    }

    struct Entry {
        var name: String
        var kind: Kind
        /// The file's stamp, when asked for (`FileStamp.of`; `nil` for
        /// anything but a regular file).
        var stamp: FileStamp?
    }

    /// Entries not starting with a dot, sorted by name (bytes); none when the
    /// folder cannot be opened. `stamping`: each regular file's stamp is
    /// taken through the open folder, which saves the system looking up the
    /// whole path again for each (`perf`: 10 % of a build with nothing
    /// changed at 20,000 notes, with the paths' joining 5 % more).
    static func entries(atPath path: String, stamping: Bool = false) -> [Entry] {
        listing(atPath: path, stamping: stamping) ?? []
    }

    /// `entries`, or `nil` when the folder exists and cannot be listed (no
    /// permission to read it): its documents would go unread without a word.
    /// A folder that is not there (or is no folder) lists nothing.
    /// `keepingLeftovers`: with the hidden copies an interrupted `sign` or
    /// `new` left (`InterruptedWrite`), to be reported.
    static func listing(atPath path: String, stamping: Bool = false, keepingLeftovers: Bool = false) -> [Entry]? {
        guard let folder = opendir(path) else { return errno == ENOENT || errno == ENOTDIR ? [] : nil }
        defer { closedir(folder) }
        let descriptor = stamping ? dirfd(folder) : -1
        var found: [Entry] = []
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw -> String in
                let bytes = raw.bindMemory(to: UInt8.self)
                let length = bytes.firstIndex(of: 0) ?? bytes.count
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[..<length]), as: UTF8.self)
            }
            // Hidden files, and the owner files Word keeps beside a document
            // it has open (`~$onkwo-david.md`, its first two letters
            // overwritten): an editor's, never a document. Read as a note, one
            // held a session's claims and records for as long as Word was open.
            guard !name.hasPrefix(".") || keepingLeftovers && InterruptedWrite.isLeftover(name), !name.hasPrefix("~$") else { continue }
            // The path is joined only for the type to be asked of `lstat`:
            // joined for every entry, it was a string made and freed for each
            // of 22,000 files of every build and check.
            let type = Int32(entry.pointee.d_type)
            let kind = type == Int32(DT_UNKNOWN) ? kind(ofPath: path + "/" + name) : kind(type)
            let stamp = stamping && kind == .file ? FileStamp.of(name, inFolder: descriptor) : nil
            found.append(Entry(name: name, kind: kind, stamp: stamp))
        }
        return found.sorted { $0.name.precedesInBytes($1.name) }
    }

    /// Why the folder at `path` cannot be listed, in the system's words
    /// ("Permission denied", "File name too long").
    static func whyUnlistable(_ path: String) -> String {
        guard let folder = opendir(path) else { return String(cString: strerror(errno)) }
        closedir(folder)
        return "it could not be listed when the build looked"
    }

    /// The entry's type as `readdir` gave it.
    private static func kind(_ type: Int32) -> Kind {
        switch type {
        case Int32(DT_DIR): return .folder
        case Int32(DT_LNK): return .link
        case Int32(DT_REG): return .file
        default: return .other
        }
    }

    /// The type of the entry at `path` from `lstat`, for a file system that
    /// does not say in its listing (`DT_UNKNOWN`).
    private static func kind(ofPath path: String) -> Kind {
        var status = stat()
        guard lstat(path, &status) == 0 else { return .other }
        switch status.st_mode & S_IFMT {
        case S_IFDIR: return .folder
        case S_IFLNK: return .link
        case S_IFREG: return .file
        default: return .other
        }
    }
}
