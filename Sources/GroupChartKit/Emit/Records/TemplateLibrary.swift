import Foundation
internal import Mustache

/// The record templates: the built-in ones (templates/ of the repository,
/// embedded in the program), each replaced by the practice's own
/// `templates/<name>.mustache` when there is one.
struct TemplateLibrary {
    /// A template that does not parse, placed in its file.
    struct TemplateError: Error, CustomStringConvertible {
        var file: String
        var line: Int
        var column: Int
        var message: String

        var description: String {
            "\(file):\(line):\(column): error: \(message)"
        }
    }

    private let library: MustacheLibrary
    /// The templates rendered without swift-mustache (`CompiledTemplate`).
    private let renderer: TemplateRenderer
    /// The names of the templates whose pages `renderer` renders: each
    /// compiled, and so is every partial it can reach (or that partial is
    /// missing, and renders as nothing in both).
    private let compiledPages: Set<String>
    /// The names the practice overrides, for the build's report.
    let overridden: [String]
    /// The practice's templates as this library compiled them, in the form
    /// the build's fingerprint hashes them (`BuildCache.templateParts`): a
    /// build compares the two, so that records rendered from a template
    /// saved after the fingerprint was taken are never kept as rendered
    /// from the one fingerprinted.
    let practiceParts: [String]

    /// Which renderer renders a page: `TemplateRenderer` where it can and
    /// swift-mustache elsewhere, as a build does; or one of them only, for
    /// the tests that hold them to the same bytes (`compiledOnly` renders
    /// nothing where `TemplateRenderer` cannot).
    enum Engine: Sendable { case either, mustacheOnly, compiledOnly }
    private(set) var engine = Engine.either

    /// The same library, rendering with `engine`.
    func rendering(with engine: Engine) -> TemplateLibrary {
        var library = self
        library.engine = engine
        return library
    }

    init(practice root: URL?) throws(TemplateError) {
        try self.init(practiceTemplates: Self.practiceTemplates(root))
    }

    /// The library of the last templates compiled, when the practice's own
    /// are the same (their names and text): the built-in and the practice's
    /// templates took 8-10 ms to parse again at each save in `watch`. A
    /// template that does not parse is never kept, and is reported at each build.
    static func compiled(practice root: URL) throws(TemplateError) -> TemplateLibrary {
        let templates = try practiceTemplates(root)
        let kept = compiledLock.withLock {
            lastCompiled.flatMap { $0.templates.elementsEqual(templates, by: ==) ? $0.library : nil }
        }
        if let kept { return kept }
        let library = try TemplateLibrary(practiceTemplates: templates)
        compiledLock.withLock { lastCompiled = (templates, library) }
        return library
    }

    // `Synchronization.Mutex` needs macOS 15; the package supports 14.
    private static let compiledLock = NSLock()
    nonisolated(unsafe) private static var lastCompiled: (templates: [(String, String)], library: TemplateLibrary)?

    init(practiceTemplates: [(String, String)]) throws(TemplateError) {
        var sources: [String: (text: String, file: String)] = [:]
        for (name, text) in BuiltInTemplates.all {
            sources[name] = (text, "templates/\(name).mustache (built in)")
        }
        var overridden: [String] = []
        for (name, text) in practiceTemplates {
            sources[name] = (text, "templates/\(name).mustache")
            overridden.append(name)
        }
        try Self.refuseUnboundedShapes(sources)
        var library = MustacheLibrary()
        var compiled: [String: CompiledTemplate] = [:]
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            if try Self.register(source.text, named: name, file: source.file, in: &library) {
                compiled[name] = CompiledTemplate(source.text)
            }
        }
        self.library = library
        self.renderer = TemplateRenderer(templates: compiled)
        self.compiledPages = Self.pagesRenderedWithoutMustache(compiled, names: Set(sources.keys))
        self.overridden = overridden
        self.practiceParts = BuildCache.templateParts(practiceTemplates)
    }

    /// The templates that reach only compiled templates (or missing ones).
    private static func pagesRenderedWithoutMustache(_ compiled: [String: CompiledTemplate], names: Set<String>) -> Set<String> {
        compiled.keys.filter { name in
            var seen: Set<String> = [name]
            var pending = [name]
            while let next = pending.popLast() {
                guard let template = compiled[next] else {
                    if names.contains(next) { return false }
                    continue
                }
                for partial in template.partials where seen.insert(partial).inserted {
                    pending.append(partial)
                }
            }
            return true
        }.reduce(into: []) { $0.insert($1) }
    }

    /// The practice's own `templates/<name>.mustache`, by name.
    private static func practiceTemplates(_ root: URL?) throws(TemplateError) -> [(String, String)] {
        guard let root else { return [] }
        if PracticeFile.isLink(root.appendingPathComponent("templates").path) {
            throw TemplateError(file: "templates", line: 1, column: 1,
                                message: "templates/ is a symbolic link to a folder, which GroupChart does not follow; keep the folder itself in the practice")
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("templates").path)) ?? []
        var templates: [(String, String)] = []
        for file in names.sorted() where file.hasSuffix(".mustache") && !file.hasPrefix(".") {
            switch PracticeFile.read("templates/\(file)", in: root) {
            case .success(let bytes):
                guard let text = UTF8Text.validated(bytes) else {
                    throw TemplateError(file: "templates/\(file)", line: 1, column: 1, message: "the template cannot be read as UTF-8 text")
                }
                templates.append((String(file.dropLast(".mustache".count)), text))
            case .failure(let problem):
                throw TemplateError(file: "templates/\(file)", line: 1, column: 1, message: "the template is not read: \(problem.description)")
            }
        }
        return templates
    }

    /// Refuses templates that include themselves or nest too deeply (`TemplateShape`).
    private static func refuseUnboundedShapes(_ sources: [String: (text: String, file: String)]) throws(TemplateError) {
        var references: [String: [TemplateShape.Reference]] = [:]
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            switch TemplateShape.references(in: source.text) {
            case .success(let found): references[name] = found
            case .failure(let problem):
                throw TemplateError(file: source.file, line: problem.line, column: problem.column, message: problem.message)
            }
        }
        guard let chain = TemplateShape.unboundedChain(in: references) else { return }
        guard chain.count > 1, chain.dropLast().contains(chain[chain.count - 1]) else {
            let own = chain.first { !(sources[$0]?.file.hasSuffix("(built in)") ?? true) } ?? chain[0]
            let file = sources[own]?.file ?? "templates"
            throw TemplateError(file: file, line: 1, column: 1, message: """
                the templates include one another more than \(TemplateShape.maximumDepth) deep \
                (\(chain.prefix(3).joined(separator: " > ")) > ...); records need a few levels
                """)
        }
        // Told from the practice's own template in the cycle, where the mistake is.
        let loop = Array(chain.dropLast())
        let start = loop.firstIndex { !(sources[$0]?.file.hasSuffix("(built in)") ?? true) } ?? 0
        let cycle = Array(loop[start...] + loop[..<start]) + [loop[start]]
        guard let source = sources[cycle[0]], let reference = references[cycle[0]]?.first(where: { $0.name == cycle[1] }) else { return }
        throw TemplateError(file: source.file, line: reference.line, column: reference.column,
                            message: "the templates include themselves (\(cycle.joined(separator: " > "))), which would never end; records have no recursive parts")
    }

    /// Renders `view` with the template `name`.
    func render(_ view: Any, with name: String) -> String {
        String(decoding: renderBytes(view, with: name), as: UTF8.self)
    }

    /// Renders `view` with the template `name`, as the bytes of its UTF-8 text.
    func renderBytes(_ view: Any, with name: String) -> [UInt8] {
        switch engine {
        case .either: renderCompiled(view, with: name) ?? Array(renderWithMustache(view, with: name).utf8)
        case .mustacheOnly: Array(renderWithMustache(view, with: name).utf8)
        case .compiledOnly: renderCompiled(view, with: name) ?? []
        }
    }

    /// The page as `TemplateRenderer` renders it, or nil when the template,
    /// a partial it reaches, or a value it shows is not one it renders.
    func renderCompiled(_ view: Any, with name: String) -> [UInt8]? {
        guard compiledPages.contains(name), let value = TemplateValue(view: view) else { return nil }
        return try? renderer.render(name, value)
    }

    /// The page as swift-mustache renders it.
    func renderWithMustache(_ view: Any, with name: String) -> String {
        library.render(Self.context(view), withTemplate: name) ?? ""
    }

    /// The view as Mustache reads it: every struct turned into a dictionary
    /// of its stored properties, once (Mustache would otherwise reflect on
    /// the struct at every lookup), and every `nil` into a value that is
    /// there but empty, so that a missing signature stays missing instead of
    /// Mustache finding one further up the context stack.
    static func context(_ value: Any) -> Any {
        switch value {
        case is String, is Int, is Bool, is Double:
            return value
        case let array as [Any]:
            return array.map(context)
        case let view as TemplateFields:
            return TemplateValue.fields(view.templateFields).mustacheContext
        default:
            let mirror = Mirror(reflecting: value)
            switch mirror.displayStyle {
            case .optional:
                return mirror.children.first.map { context($0.value) } ?? Empty()
            case .struct, .class:
                var fields: [String: Any] = [:]
                for child in mirror.children {
                    if let label = child.label { fields[label] = context(child.value) }
                }
                return MustacheView(fields: fields)
            case .dictionary:
                // Printed in the order of its keys (`MustacheView`), not of its hashing.
                guard let dictionary = value as? [String: Any] else { return value }
                return MustacheView(fields: dictionary.mapValues(context))
            default:
                return value
            }
        }
    }

    /// A value that is present, renders as nothing, and is false in a section.
    struct Empty: MustacheCustomRenderable {
        var renderText: String { "" }
        var isNull: Bool { true }
    }

    /// What swift-mustache's parser error means, in words the template's
    /// author can act on (it printed `expectedSectionEnd`).
    static func words(_ error: MustacheTemplate.Error) -> String {
        switch error {
        case .sectionCloseNameIncorrect:
            return "a section is closed ({{/name}}) under another name than the one it was opened with ({{#name}} or {{^name}})"
        case .unfinishedName: return "a tag is not finished: {{ with no }} after its name"
        case .expectedSectionEnd: return "a section opened here or above ({{#name}} or {{^name}}) is never closed: add {{/name}} where it ends"
        case .invalidSetDelimiter: return "a {{=...=}} tag (which GroupChart does not allow) is malformed"
        case .transformAppliedToInheritanceSection, .illegalTokenInsideInheritSection, .textInsideInheritSection:
            return "a {{<partial}} block holds what it may not: only {{$name}} blocks go inside it"
        case .invalidConfigVariableSyntax, .unrecognisedConfigVariable:
            return "a {{% ...}} pragma is malformed or unknown; remove it"
        @unknown default:
            return "\(error)"
        }
    }

    /// Registers the template `name`, escaping with `HTMLEscaping` (its
    /// pragma put before the text; a template that chooses another content
    /// type still has its way). A template that does not parse is parsed
    /// again as written, so that its error points into the file. Returns
    /// whether the pragma was put (only then is the template compiled too).
    private static func register(_ text: String, named name: String, file: String,
                                 in library: inout MustacheLibrary) throws(TemplateError) -> Bool {
        HTMLEscaping.registered
        if let template = try? MustacheTemplate(string: HTMLEscaping.pragma + text) {
            library.register(template, named: name)
            return true
        }
        do {
            library.register(try MustacheTemplate(string: text), named: name)
            return false
        } catch let error as MustacheTemplate.ParserError {
            throw TemplateError(file: file, line: error.context.lineNumber, column: error.context.columnNumber,
                                message: "the template does not parse: "
                                    + ((error.error as? MustacheTemplate.Error).map(Self.words) ?? "\(error.error)"))
        } catch {
            throw TemplateError(file: file, line: 1, column: 1, message: "the template does not parse: \(error)")
        }
    }
}
