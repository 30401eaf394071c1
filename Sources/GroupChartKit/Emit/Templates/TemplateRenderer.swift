/// Renders `CompiledTemplate`s over a `TemplateValue`, as swift-mustache's
/// `MustacheTemplate.render(context:)` renders the same template over the
/// same view: the same lookups down the context stack, the same sections,
/// the same indentation of standalone partials, the same escaping
/// (`HTMLEscaping`). It writes into one buffer instead of joining a string
/// per token, which is where the indentation rule below comes from.
struct TemplateRenderer: Sendable {
    /// Every template that can be rendered here, laid flat
    /// (`TemplateProgram`), and each one's index by name. A partial not
    /// among them renders as nothing, as a missing one does in swift-mustache;
    /// `TemplateLibrary` only renders here when every partial a page can
    /// reach is here or missing from both.
    private let programs: [TemplateProgram]
    private let index: [String: Int]

    init(templates: [String: CompiledTemplate]) {
        let names = templates.keys.sorted()
        var index: [String: Int] = [:]
        for (at, name) in names.enumerated() { index[name] = at }
        programs = names.map { TemplateProgram(templates[$0]!.tokens, templates: index) }
        self.index = index
    }

    /// A value was to be shown that swift-mustache would print with
    /// `String(describing:)` (an array or a view): the page goes to swift-mustache.
    struct Unsupported: Error {}

    func render(_ name: String, _ view: TemplateValue) throws(Unsupported) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(16_384)
        var stack = [view]
        if let template = index[name] {
            let program = programs[template]
            try render(program, 0..<program.steps.count, stack: &stack, indentation: nil, into: &output)
        }
        return output
    }

    /// One `render(context:)` call over the steps of `range` (a template's,
    /// or a section's body): with an indentation, a step's output that
    /// follows a newline of this call's own output is indented.
    private func render(_ program: TemplateProgram, _ range: Range<Int>, stack: inout [TemplateValue], indentation: String?,
                        into output: inout [UInt8]) throws(Unsupported) {
        var step = range.lowerBound
        guard let indentation, !indentation.isEmpty else {
            while step < range.upperBound {
                try render(program, step: step, stack: &stack, indentation: indentation, into: &output)
                step = program.next(after: step)
            }
            return
        }
        let start = output.count
        while step < range.upperBound {
            let mark = output.count
            let afterNewline = Self.endsWithNewline(output, from: start)
            try render(program, step: step, stack: &stack, indentation: indentation, into: &output)
            if afterNewline, output.count > mark {
                output.insert(contentsOf: indentation.utf8, at: mark)
            }
            step = program.next(after: step)
        }
    }

    /// Whether the output since `start` ends with the Character "\n" (not
    /// "\r\n", which swift-mustache's `string.last == "\n"` does not match).
    private static func endsWithNewline(_ output: [UInt8], from start: Int) -> Bool {
        let end = output.count
        guard end > start, output[end - 1] == UInt8(ascii: "\n") else { return false }
        return end - 2 < start || output[end - 2] != UInt8(ascii: "\r")
    }

    private func render(_ program: TemplateProgram, step: Int, stack: inout [TemplateValue], indentation: String?,
                        into output: inout [UInt8]) throws(Unsupported) {
        switch program.steps[step] {
        case .text(let start, let end):
            program.bytes.withUnsafeBufferPointer { output.append(contentsOf: UnsafeBufferPointer(rebasing: $0[start..<end])) }
        case .variable(let lookup):
            guard let value = Self.find(lookup, of: program, in: stack) else { return }
            try Self.show(value, escaped: true, into: &output)
        case .unescaped(let lookup):
            guard let value = Self.find(lookup, of: program, in: stack) else { return }
            try Self.show(value, escaped: false, into: &output)
        case .section(let lookup, let end):
            let body = (step + 1)..<end
            switch Self.find(lookup, of: program, in: stack) {
            case .none, .empty?, .flag(false)?:
                return
            case .flag(true)?:
                try render(program, body, stack: &stack, indentation: indentation, into: &output)
            case .list(let items)?:
                for item in items {
                    stack.append(item)
                    defer { stack.removeLast() }
                    try render(program, body, stack: &stack, indentation: indentation, into: &output)
                }
            case let value?:
                stack.append(value)
                defer { stack.removeLast() }
                try render(program, body, stack: &stack, indentation: indentation, into: &output)
            }
        case .inverted(let lookup, let end):
            let body = (step + 1)..<end
            switch Self.find(lookup, of: program, in: stack) {
            case .none, .empty?, .flag(false)?:
                try render(program, body, stack: &stack, indentation: indentation, into: &output)
            case .list(let items)? where items.isEmpty:
                // swift-mustache renders an empty list's inverted section with the list on the stack.
                stack.append(.list(items))
                defer { stack.removeLast() }
                try render(program, body, stack: &stack, indentation: indentation, into: &output)
            default:
                return
            }
        case .partial(let template, let indented):
            guard template >= 0 else { return }
            let inner = indented >= 0 ? (indentation ?? "") + program.indentations[indented] : indentation
            let partial = programs[template]
            try render(partial, 0..<partial.steps.count, stack: &stack, indentation: inner, into: &output)
        }
    }

    /// `getChild(named:transforms:context:)` without transforms.
    private static func find(_ index: Int, of program: TemplateProgram, in stack: [TemplateValue]) -> TemplateValue? {
        let lookup = program.lookups[index]
        switch lookup.kind {
        case .top:
            return stack.last
        case .fromTop:
            return stack.last.flatMap { descend(program.names[lookup.start..<lookup.end], from: $0) }
        case .stack:
            guard lookup.start < lookup.end else { return stack.last }
            let first = program.names[lookup.start]
            // By index: a loop over `stack.reversed()` copied each value of
            // the stack it looked at (a retain and a release each).
            var index = stack.endIndex
            while index > stack.startIndex {
                index -= 1
                if let found = stack[index].child(first) {
                    return lookup.end - lookup.start == 1 ? found
                        : descend(program.names[(lookup.start + 1)..<lookup.end], from: found)
                }
            }
            return nil
        }
    }

    private static func descend(_ names: ArraySlice<String>, from value: TemplateValue) -> TemplateValue? {
        var value = value
        for name in names {
            guard let child = value.child(name) else { return nil }
            value = child
        }
        return value
    }

    private static func show(_ value: TemplateValue, escaped: Bool, into output: inout [UInt8]) throws(Unsupported) {
        switch value {
        case .text(let text):
            if escaped {
                output.append(contentsOf: HTMLEscaping.escape(text).utf8)
            } else {
                output.append(contentsOf: text.utf8)
            }
        case .integer(let integer):
            output.append(contentsOf: String(describing: integer).utf8)
        case .double(let double):
            output.append(contentsOf: String(describing: double).utf8)
        case .flag(let flag):
            output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .empty:
            return
        case .list, .fields:
            throw Unsupported()
        }
    }
}
