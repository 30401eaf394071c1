/// A therapy group (groups/<group-id>.md).
public struct Group: Sendable {
    /// The file's stem.
    public var id: String
    public var file: String
    public var isReadable: Bool
    public var name: Located<String>?
    public var cpt: Located<String>?
    public var facilitator: Located<String>?
    public var coFacilitator: Located<String>?
    public var placeOfService: Located<String>?
    /// The enrolled members, as listed.
    public var members: [Located<String>]
    public var body: MarkdownBody

    public func enrolls(_ member: String) -> Bool { members.contains { $0.value == member } }
}
