/// A compiled template laid flat for `TemplateRenderer`: its tokens in one
/// array of steps holding only numbers, a section's body the steps after it
/// up to its end, the text of every text token in one array of bytes, and
/// the names its lookups look for in one array of strings.
///
/// Why: walking the tree of tokens copied each token it went over, and
/// with it the arrays it held (its text, its lookup's names, a section's
/// body), a retain and a release each: 2.7 % of a cold build at 20,000
/// notes (`perf`, 2026-12-06), for 2,100 pages of some 40 tokens a note.
/// A step is read where it lies, and copying one copies only numbers.
struct TemplateProgram: Sendable {
    enum Step: Sendable {
        /// `bytes[start..<end]`.
        case text(start: Int, end: Int)
        /// A variable, escaped; its lookup by index in `lookups`.
        case variable(lookup: Int)
        case unescaped(lookup: Int)
        /// A section over the steps after it, up to `end`.
        case section(lookup: Int, end: Int)
        case inverted(lookup: Int, end: Int)
        /// A partial: the template's index in the renderer (-1 when it has
        /// none of the name, which renders as nothing), and the indentation
        /// of a standalone one by index in `indentations` (-1: none).
        case partial(template: Int, indentation: Int)
    }

    /// `CompiledTemplate.Lookup`, its names by place in `names`.
    struct Lookup: Sendable {
        enum Kind: Sendable {
            case top
            case fromTop
            case stack
        }
        let kind: Kind
        let start: Int
        let end: Int
    }

    private(set) var steps: [Step] = []
    private(set) var bytes: [UInt8] = []
    private(set) var lookups: [Lookup] = []
    private(set) var names: [String] = []
    private(set) var indentations: [String] = []

    /// `tokens` laid flat; `templates` gives each partial's index by name.
    init(_ tokens: [CompiledTemplate.Token], templates: [String: Int]) {
        lay(tokens, templates: templates)
    }

    private mutating func lay(_ tokens: [CompiledTemplate.Token], templates: [String: Int]) {
        for token in tokens {
            switch token {
            case .text(let text):
                steps.append(.text(start: bytes.count, end: bytes.count + text.count))
                bytes += text
            case .variable(let lookup):
                steps.append(.variable(lookup: add(lookup)))
            case .unescaped(let lookup):
                steps.append(.unescaped(lookup: add(lookup)))
            case .section(let lookup, let body), .inverted(let lookup, let body):
                let at = steps.count
                let index = add(lookup)
                steps.append(.text(start: 0, end: 0))
                lay(body, templates: templates)
                if case .section = token {
                    steps[at] = .section(lookup: index, end: steps.count)
                } else {
                    steps[at] = .inverted(lookup: index, end: steps.count)
                }
            case .partial(let name, let indentation):
                var indented = -1
                if let indentation {
                    indented = indentations.count
                    indentations.append(indentation)
                }
                steps.append(.partial(template: templates[name] ?? -1, indentation: indented))
            }
        }
    }

    private mutating func add(_ lookup: CompiledTemplate.Lookup) -> Int {
        let start = names.count
        let kind: Lookup.Kind
        switch lookup {
        case .top:
            kind = .top
        case .fromTop(let parts):
            kind = .fromTop
            names += parts
        case .stack(let parts):
            kind = .stack
            names += parts
        }
        lookups.append(Lookup(kind: kind, start: start, end: names.count))
        return lookups.count - 1
    }

    /// Where the step at `index` ends: after its body for a section.
    func next(after index: Int) -> Int {
        switch steps[index] {
        case .section(_, let end), .inverted(_, let end): end
        default: index + 1
        }
    }
}
