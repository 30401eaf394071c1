/// A JSON value written with its keys in the order given, so that JSON and
/// SARIF output reads like the spec and is byte-identical run to run.
public indirect enum JSONValue: Sendable, Equatable {
    case string(String)
    case number(Int)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        lhs.rendered() == rhs.rendered()
    }

    /// Compact JSON, or indented by two spaces.
    public func rendered(indent: Bool = false) -> String {
        var out = ""
        write(to: &out, indent: indent ? 0 : nil)
        return out
    }

    private func write(to out: inout String, indent: Int?) {
        switch self {
        case .string(let text): JSONValue.quote(text, into: &out)
        case .number(let number): out += String(number)
        case .bool(let flag): out += flag ? "true" : "false"
        case .null: out += "null"
        case .array(let items):
            writeList(items.map { item in { (out: inout String, indent: Int?) in item.write(to: &out, indent: indent) } },
                      open: "[", close: "]", to: &out, indent: indent)
        case .object(let members):
            writeList(members.map { key, value in { (out: inout String, indent: Int?) in
                JSONValue.quote(key, into: &out)
                out += indent == nil ? ":" : ": "
                value.write(to: &out, indent: indent)
            } }, open: "{", close: "}", to: &out, indent: indent)
        }
    }

    private func writeList(_ writers: [(inout String, Int?) -> Void], open: String, close: String,
                           to out: inout String, indent: Int?) {
        out += open
        guard !writers.isEmpty else { out += close; return }
        for (index, writer) in writers.enumerated() {
            if index > 0 { out += "," }
            if let indent { out += "\n" + String(repeating: "  ", count: indent + 1) }
            writer(&out, indent.map { $0 + 1 })
        }
        if let indent { out += "\n" + String(repeating: "  ", count: indent) }
        out += close
    }

    private static func quote(_ text: String, into out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
