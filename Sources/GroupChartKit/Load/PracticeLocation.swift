import Foundation

/// Where the practice is, found from the path the user gave (or the folder
/// they stand in) the way git finds its repository: the nearest folder, from
/// there upwards, that holds practice.yaml. So `check`, `build`, `new`,
/// `records` and `sign` work from any subfolder of a practice, and nobody is
/// told to run `init` inside one.
///
/// It also remembers where the user stands, so that every path the program
/// prints or suggests (`groupchart sign ...`) is typed from there and works
/// when pasted: relative to the current folder when the user typed a
/// relative path, absolute when they typed an absolute one.
public struct PracticeLocation: Sendable, Hashable {
    /// The practice folder.
    public let root: URL
    /// The folder the user stood in, when the path they typed was relative.
    public let currentFolder: String?
    /// The path given, relative to the practice folder (empty for the folder itself).
    public let inside: String

    /// Finds the practice around `path` (a folder or a file), or says why there is none.
    public init(_ path: String) throws(PracticeFolder.NotAPractice) {
        let absolute = Self.absolute(path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: absolute, isDirectory: &isDirectory) else {
            throw PracticeFolder.NotAPractice(description: "\(path) does not exist")
        }
        guard let (root, _) = Self.nearestPractice(from: isDirectory.boolValue ? absolute : Self.parent(absolute)) else {
            throw PracticeFolder.NotAPractice(description: """
                \(path) is not in a GroupChart practice: no folder from there up holds practice.yaml (the practice, \
                its clinicians, payers and fees); give the path of a practice folder, or create one with `groupchart init`
                """)
        }
        self.root = URL(fileURLWithPath: root, isDirectory: true)
        currentFolder = path.hasPrefix("/") ? nil : Self.absolute(".")
        inside = absolute == root ? "" : String(absolute.dropFirst(root == "/" ? 1 : root.count + 1))
    }

    /// The practice that holds `path`, which need not exist yet (for `init`,
    /// which must not make a practice inside another).
    public static func enclosing(_ path: String) -> URL? {
        var folder = absolute(path)
        while !FileManager.default.fileExists(atPath: folder), folder != "/" { folder = parent(folder) }
        return nearestPractice(from: folder).map { URL(fileURLWithPath: $0.root, isDirectory: true) }
    }

    /// A path inside the practice (`sessions/x/session.md`, or empty for the
    /// practice itself) as typed from where the user stands:
    /// `practice/sessions/x/session.md`, `../x/session.md`, `session.md`.
    public func typed(_ relative: String) -> String {
        typed(absolute: relative.isEmpty ? root.path : root.path + (root.path == "/" ? "" : "/") + relative)
    }

    /// Any path, inside the practice or not, as typed from where the user stands.
    public func typed(absolute path: String) -> String {
        let target = Self.absolute(path)
        guard let currentFolder else { return target }
        let from = currentFolder.split(separator: "/")
        let to = target.split(separator: "/")
        let shared = zip(from, to).prefix { $0 == $1 }.count
        let steps = Array(repeating: "..", count: from.count - shared) + to[shared...].map(String.init)
        return steps.isEmpty ? "." : steps.joined(separator: "/")
    }

    /// The nearest folder from `folder` up that holds practice.yaml, and how many levels up it is.
    private static func nearestPractice(from folder: String) -> (root: String, climbed: Int)? {
        var folder = folder
        var climbed = 0
        while true {
            if FileManager.default.fileExists(atPath: folder == "/" ? "/practice.yaml" : folder + "/practice.yaml") {
                return (folder, climbed)
            }
            guard folder != "/" else { return nil }
            folder = parent(folder)
            climbed += 1
        }
    }

    /// `path` made absolute against the current folder, with `.` and `..`
    /// resolved by name, as a shell's `cd ..` does.
    static func absolute(_ path: String) -> String {
        let full = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return normalized(full.split(separator: "/").map(String.init), absolute: true)
    }

    private static func parent(_ absolute: String) -> String {
        normalized(absolute.split(separator: "/").map(String.init) + [".."], absolute: true)
    }

    private static func normalized(_ components: [String], absolute: Bool) -> String {
        var kept: [String] = []
        for component in components where !component.isEmpty && component != "." {
            if component == "..", let last = kept.last, last != ".." {
                kept.removeLast()
            } else if component == "..", absolute {
                continue
            } else {
                kept.append(component)
            }
        }
        if absolute { return "/" + kept.joined(separator: "/") }
        return kept.isEmpty ? "." : kept.joined(separator: "/")
    }
}
