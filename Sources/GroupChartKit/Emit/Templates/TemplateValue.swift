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
enum TemplateValue: Sendable, Equatable {
    /// A string: shown as it is (escaped).
    case text(String)
    /// An integer or a double, shown as swift-mustache prints it
    /// (`String(describing:)`), and kept as a number for its transforms.
    case integer(Int)
    case double(Double)
    /// A Boolean: a section over it shows its content, in the same context, when true.
    case flag(Bool)
    /// An array: a section repeats over it, an inverted one shows when it is empty.
    case list([TemplateValue])
    /// A view: its fields by name.
    case fields(TemplateFieldList)
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

    /// The value as swift-mustache reads it: what `TemplateLibrary.context`
    /// made of the same view by reflection, numbers still numbers.
    var mustacheContext: Any {
        switch self {
        case .text(let text): text
        case .integer(let integer): integer
        case .double(let double): double
        case .flag(let flag): flag
        case .list(let items): items.map(\.mustacheContext)
        case .fields(let fields): MustacheView(fields: fields.dictionary(\.mustacheContext))
        case .empty: TemplateLibrary.Empty()
        }
    }

    /// The view as `TemplateLibrary.context` walks it, or nil when that
    /// meets a value of a kind not modelled here.
    init?(view value: Any) {
        switch value {
        case is String, is Int, is Bool, is Double:
            guard let scalar = Self.scalar(value) else { return nil }
            self = scalar
        case let views as TemplateFieldsList:
            // Before `[Any]`, which would box each view of the array apart.
            self = .list(views.templateItems)
        case let array as [Any]:
            var items: [TemplateValue] = []
            items.reserveCapacity(array.count)
            for item in array {
                guard let converted = TemplateValue(view: item) else { return nil }
                items.append(converted)
            }
            self = .list(items)
        case let view as TemplateFields:
            self = .fields(view.templateFields)
        case let dictionary as [String: String]:
            // A dictionary is handed to swift-mustache as it is; one of strings reads the same.
            self = .fields(TemplateFieldList(dictionary.mapValues { .text($0) }))
        default:
            guard let reflected = Self.reflecting(value) else { return nil }
            self = reflected
        }
    }

    /// A string, integer, Boolean or double, or one optional of them, as
    /// `TemplateLibrary.context` passes it on and swift-mustache prints it
    /// (unwrapping one optional); nil for what only casts to one (a double
    /// optional, which swift-mustache prints as `Optional(...)`; an
    /// `NSNumber`, which is a Boolean to it in a section).
    private static func scalar(_ value: Any) -> TemplateValue? {
        switch ObjectIdentifier(type(of: value)) {
        case ObjectIdentifier(String.self), ObjectIdentifier(String?.self): (value as? String).map(TemplateValue.text)
        case ObjectIdentifier(Int.self), ObjectIdentifier(Int?.self): (value as? Int).map(TemplateValue.integer)
        case ObjectIdentifier(Bool.self), ObjectIdentifier(Bool?.self): (value as? Bool).map(TemplateValue.flag)
        case ObjectIdentifier(Double.self), ObjectIdentifier(Double?.self): (value as? Double).map(TemplateValue.double)
        default: nil
        }
    }

    /// A struct's or class's stored properties, an optional's value or
    /// `.empty`, found by reflection; nil for a value of any other kind.
    static func reflecting(_ value: Any) -> TemplateValue? {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            guard let wrapped = mirror.children.first else { return .empty }
            return TemplateValue(view: wrapped.value)
        case .struct, .class:
            var fields: TemplateFieldList = [:]
            for child in mirror.children {
                guard let label = child.label else { continue }
                guard let converted = TemplateValue(view: child.value) else { return nil }
                fields[label] = converted
            }
            return .fields(fields)
        default:
            return nil
        }
    }
}
