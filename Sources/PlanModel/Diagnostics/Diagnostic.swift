/// One finding about an input or an output: a severity, a stable code, a message a project
/// manager understands, where it is, and which entity it concerns.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public var severity: Severity
    public var code: DiagnosticCode
    public var message: String
    public var location: SourceLocation?
    public var entity: EntityRef?

    /// The severity comes from the code unless the caller overrides it (e.g. `--strict`).
    public init(_ code: DiagnosticCode, _ message: String, at location: SourceLocation? = nil, entity: EntityRef? = nil, severity: Severity? = nil) {
        self.code = code
        self.message = message
        self.location = location
        self.entity = entity
        self.severity = severity ?? code.severity
    }

    /// Compiler style: `plan.xml:3:24: warning: message [mspdi.bad-duration]`.
    public var description: String {
        var text = ""
        if let location, !location.description.isEmpty { text += location.description + ": " }
        text += "\(severity.rawValue): \(message)"
        if let entity { text += " (\(entity))" }
        return text + " [\(code.rawValue)]"
    }
}

public enum Severity: String, CaseIterable, Hashable, Comparable, Sendable {
    case info, warning, error

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// Where a diagnostic points: a file, then line and column (XML, iCalendar, JSON), or a CSV row
/// and column name, or a JSON path. All numbers are 1-based.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public var file: String?
    public var line: Int?
    public var column: Int?
    /// CSV data row (the header is row 1) and column header.
    public var row: Int?
    public var field: String?
    /// A JSON path such as `$.tasks[3].start`.
    public var path: String?

    public init(file: String? = nil, line: Int? = nil, column: Int? = nil, row: Int? = nil, field: String? = nil, path: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.row = row
        self.field = field
        self.path = path
    }

    public var description: String {
        var parts: [String] = []
        if let file { parts.append(file) }
        if let line {
            parts.append(String(line))
            if let column { parts.append(String(column)) }
        }
        var text = parts.joined(separator: ":")
        var extra: [String] = []
        if let row { extra.append("row \(row)") }
        if let field { extra.append("column '\(field)'") }
        if let path { extra.append(path) }
        if !extra.isEmpty { text += (text.isEmpty ? "" : ": ") + extra.joined(separator: ", ") }
        return text
    }
}
