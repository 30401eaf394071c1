import Foundation
#if os(Linux)
import Glibc
#endif

/// Wakes `watch` as soon as the system says a folder of the practice
/// changed (inotify, on Linux), instead of at its next poll.
///
/// The events say when to look and in which folders: when they name only
/// sessions' and members' folders, those are looked at again
/// (`FolderState.rediscovering`); any other event, a lost one, a folder
/// moved or removed, and at least every `safetyInterval` whatever the
/// events say, the whole practice is polled (`FolderState.scan`), so that
/// what an event did not tell is built at most that late. Polling went on
/// back to back at 20,000 notes (a poll there takes about 0.2 s), so a save
/// waited for the poll under way to end and then for a whole poll more, and
/// `watch` kept a core busy doing nothing.
///
/// Where there is no such service (macOS, where FSEvents and kqueue would
/// need code this project cannot test on its Linux machines), where the
/// system refuses a watch (`fs.inotify.max_user_watches`), and for a
/// practice that links documents or folders from elsewhere (a save there
/// changes no folder of the practice), `watch` polls as before.
final class FolderEvents {
    #if os(Linux)
    private let descriptor: Int32
    /// Each watch's folder, to forget it when the system ends the watch (the folder removed).
    private var folderOfWatch: [Int32: String] = [:]
    /// What a watched folder is told of: an entry created, removed, renamed
    /// in or out, closed after writing or its attributes changed; the folder
    /// itself removed or renamed. Not each write: a save that truncates and
    /// then writes would wake the watch to read half a note (a file's
    /// creation wakes it only for a folder, for the same reason: its
    /// writing ends with a close).
    private static let mask = UInt32(IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_CLOSE_WRITE | IN_ATTRIB
                                     | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR)
    #endif

    /// How long a watch woken by events goes without a whole poll at most,
    /// however many events came: a save no event told of (a network folder)
    /// is built this late.
    static let safetyInterval: TimeInterval = 2

    /// `nil` where the system gives no folder events.
    init?() {
        #if os(Linux)
        descriptor = inotify_init1(Int32(IN_NONBLOCK) | Int32(IN_CLOEXEC))
        if descriptor < 0 { return nil }
        #else
        return nil
        #endif
    }

    deinit {
        #if os(Linux)
        close(descriptor)
        #endif
    }

    /// Watches each folder (full paths) not watched yet. Says how many it
    /// began to watch, or `nil` when the system refused one: then events
    /// cannot be trusted to wake `watch`, which must poll.
    func watch(_ folders: [String]) -> Int? {
        #if os(Linux)
        var added = 0
        let watched = Set(folderOfWatch.values)
        for folder in folders where !watched.contains(folder) {
            let watch = inotify_add_watch(descriptor, folder, Self.mask)
            guard watch >= 0 else {
                // A folder removed since it was listed is no refusal: the
                // poll that follows its removal's event sees it gone.
                if errno == ENOENT || errno == ENOTDIR { continue }
                return nil
            }
            folderOfWatch[watch] = folder
            added += 1
        }
        return added
        #else
        return nil
        #endif
    }

    /// What woke a wait.
    enum Wake: Equatable {
        /// No event within the timeout.
        case timedOut
        /// Events in these folders (full paths), and no others.
        case changed(Set<String>)
        /// Events were lost, or came from a watch no longer known: where
        /// is not known.
        case lost
    }

    /// Waits until an event arrives or `timeout` passes, then reads every
    /// event queued and says in which folders they were. A watch the system
    /// ended is forgotten, so that a folder made again at the same path is
    /// watched again.
    func wait(timeout: TimeInterval) -> Wake {
        #if os(Linux)
        var pollEntry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        let ready = poll(&pollEntry, 1, Int32((timeout * 1000).rounded(.up)))
        guard ready > 0 else { return .timedOut }
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var folders: Set<String>? = []
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            let these = eventFolders(buffer[..<count])
            folders = these.flatMap { these in folders.map { $0.union(these) } }
        }
        return folders.map { .changed($0) } ?? .lost
        #else
        Thread.sleep(forTimeInterval: timeout)
        return .timedOut
        #endif
    }

    #if os(Linux)
    /// The folders `events` (`struct inotify_event`s: a watch, a mask, a
    /// cookie, the length of the name that follows) took place in; `nil`
    /// when some were lost or came from a watch no longer known.
    private func eventFolders(_ events: ArraySlice<UInt8>) -> Set<String>? {
        var folders: Set<String>? = []
        var offset = events.startIndex
        func word(_ at: Int) -> UInt32 {
            events.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: at - events.startIndex, as: UInt32.self) }
        }
        while offset + 16 <= events.endIndex {
            let watch = Int32(bitPattern: word(offset)), mask = word(offset + 4), length = Int(word(offset + 12))
            offset += 16 + length
            let isFolder = mask & UInt32(IN_ISDIR) != 0
            let moved = mask & UInt32(IN_MOVE_SELF | IN_DELETE_SELF) != 0 || (isFolder && mask & UInt32(IN_MOVED_FROM | IN_MOVED_TO) != 0)
            if mask & UInt32(IN_Q_OVERFLOW) != 0 || moved {
                // Events were lost, or a folder moved, whose watch follows
                // it to its new name: every folder is watched again, by
                // the paths a whole poll finds.
                forgetEveryWatch()
                folders = nil
                continue
            }
            guard let folder = folderOfWatch[watch] else {
                // The end of a watch forgotten already says nothing new.
                if mask & UInt32(IN_IGNORED) == 0 { folders = nil }
                continue
            }
            if mask & UInt32(IN_IGNORED) != 0 { folderOfWatch.removeValue(forKey: watch) }
            if mask & UInt32(IN_CREATE) != 0, !isFolder { continue }
            folders?.insert(folder)
        }
        return folders
    }

    private func forgetEveryWatch() {
        for watch in folderOfWatch.keys { inotify_rm_watch(descriptor, watch) }
        folderOfWatch = [:]
    }
    #endif

    /// The folders the documents `found` stand in, and every folder above
    /// them, relative to the practice ("" for the practice's own). The
    /// files are listed in path order, so a folder's files come one after
    /// another and only the first of them is looked at further: taking
    /// each of 22,000 paths' folder with `NSString` was a sixth of what
    /// `watch` did between saves at 20,000 notes.
    static func documentFolders(_ found: [DiscoveredFile]) -> Set<String> {
        let slash = UInt8(ascii: "/")
        var folders: Set<String> = [""]
        var previous: Substring?
        for file in found {
            guard let end = file.path.utf8.lastIndex(of: slash) else { continue }
            let parent = file.path[..<end]
            if parent == previous { continue }
            previous = parent
            var folder = String(parent)
            while !folder.isEmpty, folders.insert(folder).inserted {
                folder = folder.utf8.lastIndex(of: slash).map { String(folder[..<$0]) } ?? ""
            }
        }
        return folders
    }

    /// The session's or member's folder (`sessions/<id>`, `members/<id>`)
    /// that `folder` (relative to the practice) is or stands in: looking
    /// again there looks in its subfolders too. `nil` for any other folder.
    static func recordFolder(of folder: String) -> String? {
        let parts = folder.split(separator: "/", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count >= 2, parts[0] == "sessions" || parts[0] == "members", !parts[1].isEmpty else { return nil }
        return parts[0] + "/" + parts[1]
    }

    /// The folders a watch of `state` needs: the practice's own folder,
    /// the folders its documents and templates stand in, every folder
    /// directly in `groups/`, `members/` and `sessions/` (a new session's
    /// folder holds no document yet when its first note is saved in it) and
    /// each member's `individual/` (the same for a first individual note).
    /// A stray in a new subfolder of a session is seen by the next whole poll.
    /// `documentFolders` are those of `state`'s documents when the caller
    /// has them from an earlier poll that found the same documents.
    static func folders(of state: FolderState, root: URL, documentFolders: Set<String>? = nil) -> [String] {
        var folders = documentFolders ?? Self.documentFolders(state.found)
        for top in ["groups", "members", "sessions", "templates", "remittances", "submissions", "acknowledgments"] {
            let full = root.appendingPathComponent(top).path
            guard PracticeFile.isFolder(full) else { continue }
            folders.insert(top)
            guard ["groups", "members", "sessions"].contains(top) else { continue }
            for entry in FolderListing.entries(atPath: full) where entry.kind == .folder {
                folders.insert(top + "/" + entry.name)
                if top == "members", PracticeFile.isFolder(full + "/" + entry.name + "/individual") {
                    folders.insert(top + "/" + entry.name + "/individual")
                }
            }
        }
        let rootPath = PracticeFile.path(of: root)
        return folders.sorted().map { $0.isEmpty ? rootPath : rootPath + "/" + $0 }
    }
}
