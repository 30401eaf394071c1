/// What a file of the practice folder is, decided by where it stands
/// (format.md, "practice folder"). Ids come from folder and file names.
public enum DocumentKind: Hashable, Sendable, Codable {
    case practice
    case group(id: String)
    case profile(member: String)
    case plan(member: String)
    case sessionNote(session: String)
    case progressNote(session: String, member: String)
    case individualNote(member: String)
    /// An X12 835 remittance (ERA) a payer sent: `remittances/<name>.835`.
    case remittance
    /// An 837P as it was sent: `submissions/<YYYY-MM-DD>-<ISA13>.837`.
    case submission
    /// A 999 implementation acknowledgment: `acknowledgments/<name>.999`.
    case implementationAcknowledgment
    /// A 277CA claim acknowledgment: `acknowledgments/<name>.277`.
    case claimAcknowledgment
    /// A Markdown file where the layout expects none; reported, never read.
    case stray(expected: String)
    /// A symbolic link to a folder, which GroupChart never follows; reported.
    case linkedFolder
    /// A folder that cannot be listed (no permission): reported, since the
    /// documents in it cannot be found.
    case unreadableFolder
}

extension DocumentKind {
    /// A short text that tells kinds apart, for the build's fingerprint:
    /// written by hand because `"\(kind)"` goes through reflection, which
    /// took a sixth of a build with nothing to do.
    var key: String {
        switch self {
        case .practice: return "practice"
        case .group(let id): return "group \(id)"
        case .profile(let member): return "profile \(member)"
        case .plan(let member): return "plan \(member)"
        case .sessionNote(let session): return "session \(session)"
        case .progressNote(let session, let member): return "progress \(session) \(member)"
        case .individualNote(let member): return "individual \(member)"
        case .remittance: return "remittance"
        case .submission: return "submission"
        case .implementationAcknowledgment: return "999"
        case .claimAcknowledgment: return "277"
        case .stray(let expected): return "stray \(expected)"
        case .linkedFolder: return "linked folder"
        case .unreadableFolder: return "unreadable folder"
        }
    }

    /// `key`'s bytes put after `bytes`, for the kinds of nine files in ten
    /// without making the string: each fingerprint lays the key of every
    /// file (`FingerprintedFiles`), 22,000 interpolations at 20,000 notes.
    func appendKey(to bytes: inout [UInt8]) {
        switch self {
        case .progressNote(let session, let member):
            bytes += "progress ".utf8
            bytes += session.utf8
            bytes.append(0x20)
            bytes += member.utf8
        case .sessionNote(let session):
            bytes += "session ".utf8
            bytes += session.utf8
        default:
            bytes += key.utf8
        }
    }
}

/// A file found in the practice folder, not yet read.
public struct DiscoveredFile: Hashable, Sendable, Codable {
    public var path: String
    public var kind: DocumentKind
}

extension DocumentKind {
    /// Read as a document: all but strays and links to folders, which are
    /// only reported.
    var isRead: Bool {
        switch self {
        case .stray, .linkedFolder, .unreadableFolder: return false
        default: return true
        }
    }

    /// A note of a session or an individual session: nine files in ten of a
    /// practice, whose text a build does not keep once parsed
    /// (`SourceFile.withoutText`; `watch` and `serve` keep it).
    var isNote: Bool {
        switch self {
        case .sessionNote, .progressNote, .individualNote: return true
        default: return false
        }
    }
}
