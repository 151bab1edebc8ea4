import PlanModel

/// Options for every reader. One struct with defaults; a format adds a nested struct of its own
/// here (as `ReadOptions.jiraCSV`) rather than setters on reader objects.
public struct ReadOptions: Sendable {
    /// Treat warnings as errors.
    public var strict: Bool
    /// iCalendar: the zone the plan's civil times are to be in.
    public var iCalendar: ICalendarReadOptions
    /// Jira CSV: the date format, when detection should not decide.
    public var jiraCSV = JiraCSVReadOptions()

    public init(strict: Bool = false, iCalendar: ICalendarReadOptions = ICalendarReadOptions()) {
        self.strict = strict
        self.iCalendar = iCalendar
    }

    public static let `default` = ReadOptions()
}

/// Options for every writer.
public struct WriteOptions: Sendable {
    /// The moment writers stamp into outputs that want one (iCalendar `DTSTAMP`, MSPDI `LastSaved`
    /// when the plan has none). Pinned by tests and by `SOURCE_DATE_EPOCH`; nil means the writer
    /// uses nothing time-dependent.
    public var timestamp: CivilDateTime?
    /// iCalendar: which items and how dates are written.
    public var iCalendar: ICalendarWriteOptions
    /// Jira CSV: the date format and the issue types written.
    public var jiraCSV = JiraCSVWriteOptions()

    public init(timestamp: CivilDateTime? = nil, iCalendar: ICalendarWriteOptions = ICalendarWriteOptions()) {
        self.timestamp = timestamp
        self.iCalendar = iCalendar
    }

    public static let `default` = WriteOptions()
}
