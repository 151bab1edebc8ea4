/// One unfolded content line, `NAME;PARAM=VALUE:value`. Names are upper-cased (they are
/// case-insensitive); the value is kept as written, escapes included, because how to unescape
/// it depends on the property's value type.
struct ContentLine: Sendable {
    struct Parameter: Sendable {
        /// Upper-cased.
        var name: String
        /// Quotes removed, RFC 6868 caret escapes decoded; several for `MEMBER="a","b"`.
        var values: [String]
    }

    var name: String
    var parameters: [Parameter]
    var value: String
    /// 1-based physical line where the content line begins.
    var line: Int

    /// The first value of the parameter with this (upper-case) name.
    func parameter(_ name: String) -> String? {
        for parameter in parameters where parameter.name == name { return parameter.values.first }
        return nil
    }
}

/// A component (`VCALENDAR`, `VEVENT`, `VTIMEZONE`, `STANDARD`, …) with its properties in file
/// order and the components nested in it.
struct Component: Sendable {
    /// Upper-cased.
    var name: String
    var properties: [ContentLine] = []
    var children: [Component] = []
    /// Line of the `BEGIN`.
    var line: Int

    init(name: String, line: Int) {
        self.name = name
        self.line = line
    }

    /// The first property with this (upper-case) name.
    func property(_ name: String) -> ContentLine? {
        for property in properties where property.name == name { return property }
        return nil
    }

    func properties(named name: String) -> [ContentLine] {
        properties.filter { $0.name == name }
    }
}
