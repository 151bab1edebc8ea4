import PlanModel

/// A JSON document built in code and printed deterministically: keys in the order given, two-space
/// indentation, `"key": value`. Foundation's serializers differ between platforms in spacing and
/// escaping; reports that machines and golden files read must not.
enum JSONValue: Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.rendered() == rhs.rendered() }

    /// `nil` becomes `null`.
    static func string(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }

    func rendered() -> String {
        var out = ""
        write(to: &out, indent: "")
        return out + "\n"
    }

    private func write(to out: inout String, indent: String) {
        switch self {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .int(let value): out += String(value)
        case .string(let text): JSONStringLiteral.append(text, to: &out)
        case .array(let items):
            guard !items.isEmpty else { return out += "[]" }
            out += "[\n"
            for (i, item) in items.enumerated() {
                out += indent + "  "
                item.write(to: &out, indent: indent + "  ")
                out += i == items.count - 1 ? "\n" : ",\n"
            }
            out += indent + "]"
        case .object(let members):
            guard !members.isEmpty else { return out += "{}" }
            out += "{\n"
            for (i, (key, value)) in members.enumerated() {
                out += indent + "  "
                JSONStringLiteral.append(key, to: &out)
                out += ": "
                value.write(to: &out, indent: indent + "  ")
                out += i == members.count - 1 ? "\n" : ",\n"
            }
            out += indent + "}"
        }
    }
}
