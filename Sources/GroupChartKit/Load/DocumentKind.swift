/// What a file of the practice folder is, decided by where it stands
/// (format.md, "practice folder"). Ids come from folder and file names.
public enum DocumentKind: Hashable, Sendable {
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
}

/// A file found in the practice folder, not yet read.
public struct DiscoveredFile: Hashable, Sendable {
    public var path: String
    public var kind: DocumentKind
}
