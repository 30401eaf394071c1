/// Reports a file of the practice that was not read, once, at its line 1: a
/// link that is not followed under `symlink`, everything else under
/// `encoding` (the rule of files that cannot be read as text).
enum UnreadFile {
    static func report(_ problem: PracticeFile.Problem, at path: String, log: FindingLog) {
        let location = SourceLocation(file: path, line: 1)
        switch problem {
        case .unfollowedLink(let what):
            log.add("symlink", at: location, "\"\(path)\" is \(what); GroupChart does not follow it",
                    help: "keep the document itself in the practice folder, in place of the link")
        case .tooLarge(let size):
            log.add("encoding", at: location,
                    "the file is \(size) bytes, over the \(PracticeFile.maximumSize / 1024 / 1024) MiB a document may have; it is not read",
                    help: "a note is a few kilobytes: check that this is the document you meant, and move large files out of the record folders")
        case .folder:
            // Said as a pipe or device, a folder made where a document was meant misled (a fault-injection review).
            log.add("encoding", at: location, "\"\(path)\" is a folder, where a document should be; it is not read",
                    help: "move what the folder holds elsewhere, remove it, and save the document itself as \(path)")
        case .notAFile:
            log.add("encoding", at: location, "\"\(path)\" is not a regular file (a pipe, socket or device); it is not read",
                    help: "keep only text documents in the record folders")
        case .cannotOpen where path.unicodeScalars.contains("\u{FFFD}"):
            // A name that is not UTF-8, listed with U+FFFD in place of its bad
            // bytes: no file has the name shown, so it "cannot be read".
            log.add("encoding", at: location, "the file's name is not valid UTF-8 (the bytes shown as \u{FFFD}), so it is not read",
                    help: "rename the file with plain characters (in a terminal, ls shows its name; mv renames it)")
        case .cannotOpen:
            log.add("encoding", at: location, "the file cannot be read",
                    help: "check that the file is readable by you (its permissions)")
        }
    }
}
