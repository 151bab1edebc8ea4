import PlanModel

// Jira CSV codes. Locations name the CSV row (the header is row 1) and the column as the file
// heads it, so a user can find the cell in a spreadsheet.
extension DiagnosticCode {
    /// The input has no bytes, or only a byte-order mark and blank lines.
    public static let jiraEmptyFile = DiagnosticCode("jira.empty-file", .error)
    /// No column is a Summary (in any known language), so this is not a Jira export.
    public static let jiraNoSummaryColumn = DiagnosticCode("jira.no-summary-column", .error)
    /// A quoted cell runs to the end of the input.
    public static let jiraUnterminatedQuote = DiagnosticCode("jira.unterminated-quote", .error)
    /// Text after a closing quote, or a quote inside an unquoted cell; read as Python's csv does.
    public static let jiraStrayQuote = DiagnosticCode("jira.stray-quote", .warning)
    /// A row with more cells than the header: it is skipped, because its columns cannot be trusted.
    public static let jiraRowTooLong = DiagnosticCode("jira.ragged-row", .error)
    /// A row with fewer cells than the header: the missing trailing cells are read as empty.
    public static let jiraRowTooShort = DiagnosticCode("jira.short-row", .warning)
    /// A cell whose bytes are not UTF-8; read with U+FFFD in place of the bad bytes.
    public static let jiraInvalidUTF8 = DiagnosticCode("jira.invalid-utf8", .error)
    /// A row without a summary; read with an empty name.
    public static let jiraMissingSummary = DiagnosticCode("jira.missing-summary", .warning)
    /// Two rows with the same issue key; the later one gets a suffixed identity.
    public static let jiraDuplicateKey = DiagnosticCode("jira.duplicate-key", .warning)
    /// A parent reference to an issue that is not in the file: the child stays at the top level.
    public static let jiraParentMissing = DiagnosticCode("jira.parent-missing", .warning)
    /// Parent references that go round in a circle; the cycle is cut at this issue.
    public static let jiraParentCycle = DiagnosticCode("jira.parent-cycle", .warning)
    /// An issue link to an issue that is not in the file; kept as an extension of the issue.
    public static let jiraLinkTargetMissing = DiagnosticCode("jira.link-target-missing", .info)
    /// An issue linked to itself; ignored.
    public static let jiraSelfLink = DiagnosticCode("jira.self-link", .warning)
    /// A date column whose values match none of the known formats (nor the one given).
    public static let jiraUnknownDateFormat = DiagnosticCode("jira.unknown-date-format", .warning)
    /// An estimate, time spent or number that is not a number; kept as text.
    public static let jiraBadNumber = DiagnosticCode("jira.bad-number", .warning)
    /// An estimate in seconds that is not a whole number of minutes; rounded.
    public static let jiraEstimateRounded = DiagnosticCode("jira.estimate-rounded", .info)
    /// Several columns of one meaning (three `Start date` custom fields) hold different values.
    public static let jiraConflictingValues = DiagnosticCode("jira.conflicting-values", .warning)
    /// More diagnostics than are worth listing; the count of the rest.
    public static let jiraTooManyDiagnostics = DiagnosticCode("jira.too-many-diagnostics", .warning)
}

/// Collects a reader's findings, at most `limit` of them plus one that counts the rest, so that a
/// hostile file with a million bad cells cannot make a million diagnostics.
struct JiraDiagnostics: Sendable {
    private(set) var items: [Diagnostic] = []
    private var dropped = 0
    let sourceName: String
    let limit = 1000

    init(sourceName: String) { self.sourceName = sourceName }

    mutating func add(_ code: DiagnosticCode, _ message: String, row: Int? = nil, column: String? = nil, entity: TaskID? = nil) {
        guard items.count < limit else {
            dropped += 1
            return
        }
        items.append(Diagnostic(
            code, message, at: SourceLocation(file: sourceName, row: row, field: column),
            entity: entity.map { EntityRef.task($0) }))
    }

    var isEmpty: Bool { items.isEmpty && dropped == 0 }

    /// Takes over another collector's findings as if they had been added here, after these.
    mutating func append(_ other: JiraDiagnostics) {
        for item in other.items {
            if items.count < limit { items.append(item) } else { dropped += 1 }
        }
        dropped += other.dropped
    }

    /// The findings by row (file-wide ones first), then the count of those not kept.
    func finished() -> [Diagnostic] {
        let sorted = items.enumerated().sorted { a, b in
            (a.element.location?.row ?? 0, a.offset) < (b.element.location?.row ?? 0, b.offset)
        }.map(\.element)
        guard dropped > 0 else { return sorted }
        return sorted + [Diagnostic(
            .jiraTooManyDiagnostics, "\(dropped) more findings not listed", at: SourceLocation(file: sourceName))]
    }
}
