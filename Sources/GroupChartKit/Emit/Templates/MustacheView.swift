internal import Mustache

/// A view as swift-mustache reads it: its fields by name, as the
/// dictionary it was before, but printed and enumerated in the order of its
/// names.
///
/// Why: a template that shows a whole view (`{{profile}}`) or enumerates
/// one (`{{#enumerated(profile)}}`) got swift-mustache's text of a
/// `[String: Any]`, whose order is that of the dictionary's hashing, seeded
/// anew in every process: the same practice built twice gave different
/// bytes. Now it gives Swift's own text of a dictionary (`["a": "x", "b":
/// 1]`) with its keys sorted, views within views too; the transforms a
/// dictionary has (`count`, `empty`, `enumerated`, `sorted`) are kept, and
/// `enumerated` is sorted as well.
struct MustacheView: MustacheParent, MustacheTransformable, CustomStringConvertible, CustomDebugStringConvertible {
    let fields: [String: Any]

    func child(named name: String) -> Any? { fields[name] }

    func transform(_ name: String) -> Any? {
        switch name {
        case "count": fields.count
        case "empty": fields.isEmpty
        case "enumerated", "sorted": sorted
        default: nil
        }
    }

    private var sorted: [(key: String, value: Any)] {
        fields.map { (key: $0.key, value: $0.value) }.sorted { $0.key < $1.key }
    }

    var description: String {
        guard !fields.isEmpty else { return "[:]" }
        return "[" + sorted.map { "\(String(reflecting: $0.key)): \(String(reflecting: $0.value))" }.joined(separator: ", ") + "]"
    }

    var debugDescription: String { description }
}
