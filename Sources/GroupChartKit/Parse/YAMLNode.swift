/// A front-matter node with the place it was written.
///
/// Scalars keep their text exactly as written: YAML 1.1 would read `14:00` as
/// 840, `2026-02-30` as March 2 and `007` as 7, so every scalar is validated by
/// GroupChart's own scalar types instead of by YAML's resolver.
struct YAMLNode: Sendable {
    enum Content: Sendable {
        case scalar(String, isPlain: Bool)
        case mapping([YAMLPair])
        case sequence([YAMLNode])
    }

    var content: Content
    var location: SourceLocation

    /// True for an empty value, `~` and `null` written without quotes.
    var isNull: Bool {
        guard case .scalar(let text, true) = content else { return false }
        return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
    }

    var scalar: String? {
        if case .scalar(let text, _) = content { return text }
        return nil
    }

    var pairs: [YAMLPair]? {
        if case .mapping(let pairs) = content { return pairs }
        return nil
    }

    var items: [YAMLNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    /// The file line of the last value within this node (a block scalar's
    /// first line), so that a mapping's lines can be told apart.
    var lastLine: Int {
        switch content {
        case .scalar: return location.line
        case .mapping(let pairs): return pairs.last.map { max($0.key.location.line, $0.value.lastLine) } ?? location.line
        case .sequence(let items): return items.last?.lastLine ?? location.line
        }
    }

    /// How a reader names the node's shape in a message.
    var shapeName: String {
        switch content {
        case .scalar: return "a single value"
        case .mapping: return "a mapping of keys"
        case .sequence: return "a list"
        }
    }
}

struct YAMLPair: Sendable {
    var key: YAMLNode
    var value: YAMLNode

    /// The key as text (keys of GroupChart documents are always scalars).
    var name: String { key.scalar ?? "" }
}
