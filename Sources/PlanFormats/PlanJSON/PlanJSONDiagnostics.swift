import PlanModel

// Codes of the PlanBridge JSON reader and writer. Invalid UTF-8 uses the shared
// `encoding.invalid-utf8`, so that every format reports it the same way.
extension DiagnosticCode {
    /// Not JSON: an unexpected character, a missing comma, a bad escape.
    public static let jsonSyntax = DiagnosticCode("json.syntax", .error)
    /// The text ends before the document does (a cut-off download or copy).
    public static let jsonTruncated = DiagnosticCode("json.truncated", .error)
    /// Arrays and objects nested deeper than `PlanJSONReader.maximumDepth`.
    public static let jsonTooDeep = DiagnosticCode("json.too-deep", .error)
    /// A value of the wrong JSON type: a number where a string belongs.
    public static let jsonWrongType = DiagnosticCode("json.wrong-type", .error)
    /// The right JSON type but not a valid value: a bad date, an unknown enum case, a huge number.
    public static let jsonBadValue = DiagnosticCode("json.bad-value", .error)
    /// A key the format does not define; the reader ignores its value.
    public static let jsonUnknownKey = DiagnosticCode("json.unknown-key", .warning)
    /// A key the format requires (a task's `id`) is absent.
    public static let jsonMissingKey = DiagnosticCode("json.missing-key", .error)
    /// The same key twice in one object; which one was meant cannot be known.
    public static let jsonDuplicateKey = DiagnosticCode("json.duplicate-key", .error)
    /// A PlanBridge JSON document of a newer format version.
    public static let jsonUnsupportedVersion = DiagnosticCode("json.unsupported-version", .error)
    /// Valid JSON, but not a PlanBridge document (no `"format": "planbridge"`).
    public static let jsonNotPlanBridge = DiagnosticCode("json.not-planbridge", .error)
    /// More findings than `PlanJSONMapper.diagnosticLimit`; says how many were not kept.
    public static let jsonMoreDiagnostics = DiagnosticCode("json.more-diagnostics", .info)
    /// The writer met NaN or an infinity, which JSON cannot hold.
    public static let jsonNonFiniteNumber = DiagnosticCode("json.non-finite-number", .error)
}
