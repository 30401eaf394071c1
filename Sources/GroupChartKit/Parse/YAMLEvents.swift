internal import CYaml

/// Composes plain front-matter into `YAMLNode`s straight from libyaml's
/// events, the layer under Yams, for what nine documents in ten hold:
/// mappings, lists and scalars without anchors, aliases or tags.
///
/// Yams builds a tree of its own first (an object per event, a tag with the
/// resolver per node, every mapping's keys hashed into a dictionary to find
/// duplicates), and `YAMLParser` then copies that tree into `YAMLNode`s: at
/// 20,000 notes that was 8 % of a cold `check`, where libyaml's events alone
/// take a fifth of it. Anything else (an anchor, an alias, a tag, a key
/// written twice or not a scalar, a second document, too many values or too
/// deep, an error) is declined, and `YAMLParser` composes it with Yams as
/// before, so that every message and every other case stays Yams' own.
/// What is composed here is what Yams' tree gives, node for node: the same
/// text, the same plain-or-quoted style, the same line and column.
/// (`CYaml` is Yams' own copy of libyaml, a module of the Yams package that
/// SwiftPM lets its dependents import though it is not a product.)
enum YAMLEvents {
    enum Outcome {
        /// The front-matter's root (`nil` for an empty stream).
        case composed(YAMLNode?)
        /// Not plain front-matter: compose it with Yams.
        case declined
    }

    static func compose(_ yaml: String, in file: SourceFile, firstLine: Int) -> Outcome {
        guard !yaml.isEmpty else { return .declined }
        var text = yaml
        return text.withUTF8 { bytes -> Outcome in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return .declined }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
            return withUnsafeMutablePointer(to: &parser) { parser in
                var composer = Composer(parser: parser, file: file, firstLine: firstLine)
                return composer.document()
            }
        }
    }

    /// One event, with what composing needs of it copied out.
    private enum Event {
        case streamStart, streamEnd, documentStart, documentEnd
        case scalar(String, isPlain: Bool, line: Int, column: Int)
        case mappingStart(line: Int, column: Int), mappingEnd
        case sequenceStart(line: Int, column: Int), sequenceEnd
        /// An alias, an anchor or a tag: declined.
        case other
    }

    private struct Composer {
        let parser: UnsafeMutablePointer<yaml_parser_t>
        let file: SourceFile
        let firstLine: Int
        var budget = YAMLParser.maximumNodes

        /// The stream of one document or none, as `Yams.compose` reads it.
        mutating func document() -> Outcome {
            guard case .streamStart? = next() else { return .declined }
            switch next() {
            case .streamEnd?: return .composed(nil)
            case .documentStart?: break
            default: return .declined
            }
            guard let first = next(), let root = node(first, depth: 0),
                  case .documentEnd? = next(), case .streamEnd? = next() else { return .declined }
            return .composed(root)
        }

        /// The node `event` starts, with all below it; `nil` to decline.
        /// Counted and bounded as `YAMLParser` bounds Yams' tree, in the same order.
        mutating func node(_ event: Event, depth: Int) -> YAMLNode? {
            budget -= 1
            guard budget >= 0, depth <= YAMLParser.maximumDepth else { return nil }
            switch event {
            case .scalar(let text, let isPlain, let line, let column):
                return YAMLNode(content: .scalar(text, isPlain: isPlain), location: place(line, column))
            case .mappingStart(let line, let column):
                var pairs: [YAMLPair] = []
                var keys: Set<String> = []
                while let event = next() {
                    if case .mappingEnd = event { return YAMLNode(content: .mapping(pairs), location: place(line, column)) }
                    // A key written twice (Yams says which) or not a scalar: declined.
                    guard let key = node(event, depth: depth + 1), let name = key.scalar, keys.insert(name).inserted,
                          let valueEvent = next(), let value = node(valueEvent, depth: depth + 1) else { return nil }
                    pairs.append(YAMLPair(key: key, value: value))
                }
                return nil
            case .sequenceStart(let line, let column):
                var items: [YAMLNode] = []
                while let event = next() {
                    if case .sequenceEnd = event { return YAMLNode(content: .sequence(items), location: place(line, column)) }
                    guard let item = node(event, depth: depth + 1) else { return nil }
                    items.append(item)
                }
                return nil
            default:
                return nil
            }
        }

        /// The next event; `nil` when libyaml reports an error.
        func next() -> Event? {
            var event = yaml_event_t()
            guard yaml_parser_parse(parser, &event) == 1 else { return nil }
            defer { yaml_event_delete(&event) }
            // Lines and columns from 1, as Yams' marks give them.
            let line = Int(event.start_mark.line) + 1, column = Int(event.start_mark.column) + 1
            switch event.type {
            case YAML_STREAM_START_EVENT: return .streamStart
            case YAML_STREAM_END_EVENT: return .streamEnd
            case YAML_DOCUMENT_START_EVENT: return .documentStart
            case YAML_DOCUMENT_END_EVENT: return .documentEnd
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                guard scalar.anchor == nil, scalar.tag == nil else { return .other }
                // As Yams reads a scalar's value: its length, NULs and all.
                // Yams reads it with Foundation, which drops a byte-order mark
                // (U+FEFF) at its start: such a value is left to Yams.
                let value = UnsafeBufferPointer(start: scalar.value, count: scalar.length)
                guard !value.starts(with: [0xEF, 0xBB, 0xBF]) else { return .other }
                let text = String(decoding: value, as: UTF8.self)
                let isPlain = scalar.style == YAML_PLAIN_SCALAR_STYLE || scalar.style == YAML_ANY_SCALAR_STYLE
                return .scalar(text, isPlain: isPlain, line: line, column: column)
            case YAML_MAPPING_START_EVENT:
                let start = event.data.mapping_start
                guard start.anchor == nil, start.tag == nil else { return .other }
                return .mappingStart(line: line, column: column)
            case YAML_MAPPING_END_EVENT: return .mappingEnd
            case YAML_SEQUENCE_START_EVENT:
                let start = event.data.sequence_start
                guard start.anchor == nil, start.tag == nil else { return .other }
                return .sequenceStart(line: line, column: column)
            case YAML_SEQUENCE_END_EVENT: return .sequenceEnd
            default: return .other
            }
        }

        /// Where `YAMLParser` places a node of Yams' tree at that mark.
        func place(_ line: Int, _ column: Int) -> SourceLocation {
            file.location(line: line + firstLine - 1, column: max(column, 1))
        }
    }
}
