import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Opens one file of a practice the careful way: a regular file only, no
/// larger than `maximumSize`, and through a symbolic link only when the link
/// ends at a regular file inside the practice folder.
///
/// Records hold protected health information, and practices travel by git:
/// a link in a shared practice must not make GroupChart read (and copy into
/// a record) a file from elsewhere on the machine; a named pipe must not hang
/// `check`; and a 100 MB file must be refused before it is read into memory.
public enum PracticeFile {
    /// Far above any real document (a long progress note is a few kilobytes,
    /// practice.yaml of a large practice a few hundred), and small enough that
    /// the similarity rules, which read every word, finish a pathological
    /// document in seconds even in a debug build.
    public static let maximumSize = 1024 * 1024

    /// Why a file was not read.
    /// A file's bytes, or why they could not be read.
    public typealias Reading = Result<[UInt8], Problem>

    public enum Problem: Error, Equatable, Sendable, CustomStringConvertible {
        /// A symbolic link GroupChart does not follow, and why.
        case unfollowedLink(String)
        /// The file's size in bytes, over `maximumSize`.
        case tooLarge(Int)
        /// A pipe, socket or device where a document should be.
        case notAFile
        /// A folder where a document should be (`mkdir practice.yaml`).
        case folder
        /// The file system refused (permissions).
        case cannotOpen

        public var description: String {
            switch self {
            case .unfollowedLink(let what): return "it is \(what), which GroupChart does not follow"
            case .tooLarge(let size): return "it is \(size) bytes, over the \(PracticeFile.maximumSize / 1024 / 1024) MiB a file may have"
            case .notAFile: return "it is not a regular file"
            case .folder: return "it is a folder, not a file"
            case .cannotOpen: return "it cannot be opened (check its permissions)"
            }
        }
    }

    /// A folder's path without a slash at its end, to join relative paths
    /// to as strings (much cheaper than a URL per file).
    static func path(of folder: URL) -> String {
        let path = folder.path
        return path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
    }

    /// The bytes of `relative` inside `root`.
    static func read(_ relative: String, in root: URL) -> Result<[UInt8], Problem> {
        read(relative, inFolder: Self.path(of: root), root: root)
    }

    /// `read`, for a caller that holds the root's path (`path(of:)`) already:
    /// the practice's folder, which reads 22,000 files at 20,000 notes.
    static func read(_ relative: String, inFolder rootPath: String, root: URL) -> Result<[UInt8], Problem> {
        let path = rootPath + "/" + relative
        let flags = O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC
        // Opened without following a link, which then fails, and only then
        // looked at as a link: an lstat before every open was a second walk
        // of the path for each of the 20,000 notes a build reads.
        var descriptor = open(path, flags)
        if descriptor < 0, isLink(path) {
            switch followedLink(path, root: root) {
            case .success(let target): descriptor = open(target, flags)
            case .failure(let problem): return .failure(problem)
            }
        }
        guard descriptor >= 0 else { return .failure(.cannotOpen) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .failure(.cannotOpen) }
        guard status.st_mode & S_IFMT == S_IFREG else { return .failure(status.st_mode & S_IFMT == S_IFDIR ? .folder : .notAFile) }
        guard Int(status.st_size) <= maximumSize else { return .failure(.tooLarge(Int(status.st_size))) }
        // Read straight into the array, sized to the file as it stands and
        // one byte over, to see the end: a chunk zeroed, filled and copied
        // was a second allocation, a memset and a copy for each file.
        var failed = false
        var bytes = [UInt8](unsafeUninitializedCapacity: Int(status.st_size) + 1) { buffer, count in
            count = 0
            while count < buffer.count {
                let read = readBytes(descriptor, buffer.baseAddress! + count, buffer.count - count)
                if read < 0, errno == EINTR { continue }
                guard read >= 0 else {
                    failed = true
                    return
                }
                if read == 0 { return }
                count += read
            }
        }
        guard !failed else { return .failure(.cannotOpen) }
        guard bytes.count > Int(status.st_size) else { return .success(bytes) }
        // The file grew while it was read: read on, at most one byte past
        // the limit, so that it is refused without taking more memory.
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while bytes.count <= maximumSize {
            let wanted = min(chunk.count, maximumSize + 1 - bytes.count)
            let read = chunk.withUnsafeMutableBytes { readBytes(descriptor, $0.baseAddress!, wanted) }
            if read < 0, errno == EINTR { continue }
            guard read >= 0 else { return .failure(.cannotOpen) }
            if read == 0 { break }
            bytes += chunk[..<read]
        }
        guard bytes.count <= maximumSize else { return .failure(.tooLarge(bytes.count)) }
        return .success(bytes)
    }

    /// The bytes of `relative` when their SHA-256 is still `sha256`, the
    /// digest they had when checked; `nil` when the file was saved again (or
    /// removed) since. A note is read again this way, its text let go once
    /// parsed, so that nothing shows text no rule looked at.
    static func read(_ relative: String, in root: URL, asChecked sha256: String) -> [UInt8]? {
        guard case .success(let bytes) = read(relative, in: root), SignedText.digest(of: bytes) == sha256 else { return nil }
        return bytes
    }

    /// True when the regular file at `path` starts as an X12 interchange
    /// does (`ISA`, after a byte-order mark or blank space): what a
    /// billing folder holds under another name (`.999.txt`, `.edi`).
    static func startsLikeX12(_ path: String) -> Bool {
        guard !isLink(path), let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        var bytes = ArraySlice((try? handle.read(upToCount: 64)) ?? Data())
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        return bytes.drop { [0x20, 0x09, 0x0A, 0x0D].contains($0) }.starts(with: Array("ISA".utf8))
    }

    /// True when `path` is itself a symbolic link (not what it points to).
    static func isLink(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFLNK
    }

    /// True when `path` is a folder; itself, or also through a link.
    static func isFolder(_ path: String, followingLinks: Bool = false) -> Bool {
        var status = stat()
        let found = followingLinks ? stat(path, &status) : lstat(path, &status)
        return found == 0 && status.st_mode & S_IFMT == S_IFDIR
    }

    /// The real path a link ends at, when that is a regular file inside the
    /// practice; otherwise why the link is not followed.
    static func followedLink(_ path: String, root: URL) -> Result<String, Problem> {
        let written = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"
        guard let target = realPath(path) else {
            return .failure(.unfollowedLink("a symbolic link to \"\(written)\", which does not exist"))
        }
        guard let inside = realPath(root.path), target.hasPrefix(inside.hasSuffix("/") ? inside : inside + "/") else {
            return .failure(.unfollowedLink("a symbolic link to \"\(written)\", outside the practice folder"))
        }
        var status = stat()
        guard stat(target, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            return .failure(.unfollowedLink("a symbolic link to \"\(written)\", which is not a file"))
        }
        return .success(target)
    }

    /// The path with every link resolved, or `nil` when it leads nowhere.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

/// read(2), out of the reach of `PracticeFile.read`'s name.
private func readBytes(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
