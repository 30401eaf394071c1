/// A view's fields by name (`TemplateValue.fields`): a list, looked through
/// in order, where a dictionary hashed every name to build it and again to
/// find one. A view has a dozen fields at most, and the renderer asks each
/// view on its stack for a name in turn: building, searching and freeing the
/// dictionaries of the 20,000 notes' views was 4.7 % of a cold build at
/// 20,000 notes (`perf`). Written as a dictionary literal, and equal to
/// another with the same fields in any order, as a dictionary is.
struct TemplateFieldList: Sendable, Equatable, ExpressibleByDictionaryLiteral {
    /// A struct, not a tuple: an array of tuples is destroyed through the
    /// runtime's generic `tuple_destroy`.
    struct Field: Sendable {
        let name: String
        var value: TemplateValue
    }

    private(set) var fields: [Field]

    init(dictionaryLiteral elements: (String, TemplateValue)...) {
        fields = elements.map { Field(name: $0.0, value: $0.1) }
    }

    init(_ dictionary: [String: TemplateValue]) {
        fields = dictionary.map { Field(name: $0.key, value: $0.value) }
    }

    /// The value named `name`; setting one replaces it, or adds it after the others.
    subscript(name: String) -> TemplateValue? {
        get {
            for index in fields.indices where fields[index].name == name { return fields[index].value }
            return nil
        }
        set {
            let index = fields.firstIndex { $0.name == name }
            switch (index, newValue) {
            case (let index?, let value?): fields[index].value = value
            case (let index?, nil): fields.remove(at: index)
            case (nil, let value?): fields.append(Field(name: name, value: value))
            case (nil, nil): break
            }
        }
    }

    var names: Set<String> { Set(fields.map(\.name)) }

    /// The fields as a dictionary (for swift-mustache).
    func dictionary<Value>(_ transform: (TemplateValue) -> Value) -> [String: Value] {
        Dictionary(fields.map { ($0.name, transform($0.value)) }, uniquingKeysWith: { first, _ in first })
    }

    static func == (lhs: TemplateFieldList, rhs: TemplateFieldList) -> Bool {
        lhs.fields.count == rhs.fields.count && lhs.fields.allSatisfy { rhs[$0.name] == $0.value }
    }
}
