import Foundation

/// A record's view as `TemplateRenderer` reads it: what
/// `TemplateLibrary.context` hands swift-mustache, with the kind of each
/// value known without a cast.
///
/// It is made by the same walk over the view as `TemplateLibrary.context`
/// (a view's `TemplateFields`, or its stored properties), so a name finds
/// the same value in both; a value of any kind that walk leaves as it is
/// (an enum, a date, a dictionary of other values) has no `TemplateValue`,
/// and the page goes to swift-mustache instead.
indirect enum TemplateValue: Sendable {
    /// A string, integer or double, as swift-mustache prints it (`String(describing:)`).
    case scalar(String)
    /// A Boolean: a section over it shows its content, in the same context, when true.
    case flag(Bool)
    /// An array: a section repeats over it, an inverted one shows when it is empty.
    case list([TemplateValue])
    /// A view: its fields by name.
    case fields([String: TemplateValue])
    /// An optional that is nil (`TemplateLibrary.Empty`): found, so a name
    /// does not look further down the stack, but shown as nothing and false.
    case empty

    /// The value of `name` in a view; nil for any other value, as
    /// swift-mustache's reflection finds no field in a string, number,
    /// Boolean, array or `Empty`.
    func child(_ name: String) -> TemplateValue? {
        guard case .fields(let fields) = self else { return nil }
        return fields[name]
    }

    /// The view as `TemplateLibrary.context` would give it, or nil when
    /// that holds a value of a kind not modelled here.
    init?(view value: Any) {
        switch value {
        case let string as String: self = .scalar(string)
        case let integer as Int: self = .scalar(String(describing: integer))
        case let flag as Bool: self = .flag(flag)
        case let double as Double: self = .scalar(String(describing: double))
        case let array as [Any]:
            var items: [TemplateValue] = []
            items.reserveCapacity(array.count)
            for item in array {
                guard let converted = TemplateValue(view: item) else { return nil }
                items.append(converted)
            }
            self = .list(items)
        case let view as TemplateFields:
            guard let fields = Self.fields(view.templateFields) else { return nil }
            self = .fields(fields)
        case let dictionary as [String: String]:
            // A dictionary is handed to swift-mustache as it is; one of strings reads the same.
            self = .fields(dictionary.mapValues { .scalar($0) })
        default:
            let mirror = Mirror(reflecting: value)
            switch mirror.displayStyle {
            case .optional:
                guard let wrapped = mirror.children.first else {
                    self = .empty
                    return
                }
                guard let converted = TemplateValue(view: wrapped.value) else { return nil }
                self = converted
            case .struct, .class:
                var fields: [String: TemplateValue] = [:]
                for child in mirror.children {
                    guard let label = child.label else { continue }
                    guard let converted = TemplateValue(view: child.value) else { return nil }
                    fields[label] = converted
                }
                self = .fields(fields)
            default:
                return nil
            }
        }
    }

    private static func fields(_ values: [String: Any]) -> [String: TemplateValue]? {
        var fields: [String: TemplateValue] = [:]
        fields.reserveCapacity(values.count)
        for (name, value) in values {
            guard let converted = TemplateValue(view: value) else { return nil }
            fields[name] = converted
        }
        return fields
    }
}
