import PlanModel

extension Diagnostic {
    /// `{"severity": "warning", "code": "…", "message": "…", "location": {…}, "entity": "task 7"}`;
    /// absent parts are left out rather than written as null.
    var json: JSONValue {
        var members: [(String, JSONValue)] = [
            ("severity", .string(severity.rawValue)),
            ("code", .string(code.rawValue)),
            ("message", .string(message)),
        ]
        if let location {
            var parts: [(String, JSONValue)] = []
            if let file = location.file { parts.append(("file", .string(file))) }
            if let line = location.line { parts.append(("line", .int(line))) }
            if let column = location.column { parts.append(("column", .int(column))) }
            if let row = location.row { parts.append(("row", .int(row))) }
            if let field = location.field { parts.append(("field", .string(field))) }
            if let path = location.path { parts.append(("path", .string(path))) }
            members.append(("location", .object(parts)))
        }
        if let entity { members.append(("entity", .string(entity.description))) }
        return .object(members)
    }
}
