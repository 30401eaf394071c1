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
    /// The names the practice overrides, for the build's report.
    let overridden: [String]

    init(practice root: URL?) throws(TemplateError) {
        var library = MustacheLibrary()
        for (name, text) in BuiltInTemplates.all.sorted(by: { $0.key < $1.key }) {
            try Self.register(text, named: name, file: "templates/\(name).mustache (built in)", in: &library)
        }
        var overridden: [String] = []
        if let root, PracticeFile.isLink(root.appendingPathComponent("templates").path) {
            throw TemplateError(file: "templates", line: 1, column: 1,
                                message: "templates/ is a symbolic link to a folder, which GroupChart does not follow; keep the folder itself in the practice")
        }
        if let folder = root?.appendingPathComponent("templates"), let root,
           let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) {
            for file in names.sorted() where file.hasSuffix(".mustache") && !file.hasPrefix(".") {
                let name = String(file.dropLast(".mustache".count))
                let text: String
                switch PracticeFile.read("templates/\(file)", in: root) {
                case .success(let bytes):
                    guard let decoded = String(validating: bytes, as: UTF8.self) else {
                        throw TemplateError(file: "templates/\(file)", line: 1, column: 1, message: "the template cannot be read as UTF-8 text")
                    }
                    text = decoded
                case .failure(let problem):
                    throw TemplateError(file: "templates/\(file)", line: 1, column: 1, message: "the template is not read: \(problem.description)")
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
        library.render(view, withTemplate: name) ?? ""
    }

    private static func register(_ text: String, named name: String, file: String,
                                 in library: inout MustacheLibrary) throws(TemplateError) {
        do {
            library.register(try MustacheTemplate(string: text), named: name)
        } catch let error as MustacheTemplate.ParserError {
            throw TemplateError(file: file, line: error.context.lineNumber, column: error.context.columnNumber,
                                message: "the template does not parse: \(error.error)")
        } catch {
            throw TemplateError(file: file, line: 1, column: 1, message: "the template does not parse: \(error)")
        }
    }
}
