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
            "\(file):\(line):\(column): error: the template does not parse: \(message)"
        }
    }

    private let library: MustacheLibrary
    /// The names the practice overrides, for the build's report.
    let overridden: [String]

    init(practice root: URL?) throws(TemplateError) {
        var library = MustacheLibrary()
        for (name, text) in BuiltInTemplates.all.sorted(by: { $0.key < $1.key }) {
            try Self.register(text, named: name, file: "templates/\(name).mustache (built in)", in: &library)
        }
        var overridden: [String] = []
        if let folder = root?.appendingPathComponent("templates"),
           let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) {
            for file in names.sorted() where file.hasSuffix(".mustache") && !file.hasPrefix(".") {
                let name = String(file.dropLast(".mustache".count))
                guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(file).path),
                      let text = String(data: data, encoding: .utf8) else {
                    throw TemplateError(file: "templates/\(file)", line: 1, column: 1, message: "it cannot be read as UTF-8 text")
                }
                try Self.register(text, named: name, file: "templates/\(file)", in: &library)
                overridden.append(name)
            }
        }
        self.library = library
        self.overridden = overridden
    }

    /// Renders `view` with the template `name`.
    func render(_ view: Any, with name: String) -> String {
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
                return fields
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

    private static func register(_ text: String, named name: String, file: String,
                                 in library: inout MustacheLibrary) throws(TemplateError) {
        do {
            library.register(try MustacheTemplate(string: text), named: name)
        } catch let error as MustacheTemplate.ParserError {
            throw TemplateError(file: file, line: error.context.lineNumber, column: error.context.columnNumber,
                                message: "\(error.error)")
        } catch {
            throw TemplateError(file: file, line: 1, column: 1, message: "\(error)")
        }
    }
}
