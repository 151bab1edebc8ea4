import PlanModel

/// Options for every reader. One struct with defaults; a format adds a nested struct of its own
/// here (as `ReadOptions.jiraCSV`) rather than setters on reader objects.
public struct ReadOptions: Sendable {
    /// Treat warnings as errors.
    public var strict: Bool

    public init(strict: Bool = false) {
        self.strict = strict
    }

    public static let `default` = ReadOptions()
}

/// Options for every writer.
public struct WriteOptions: Sendable {
    /// The moment writers stamp into outputs that want one (iCalendar `DTSTAMP`, MSPDI `LastSaved`
    /// when the plan has none). Pinned by tests and by `SOURCE_DATE_EPOCH`; nil means the writer
    /// uses nothing time-dependent.
    public var timestamp: CivilDateTime?

    public init(timestamp: CivilDateTime? = nil) {
        self.timestamp = timestamp
    }

    public static let `default` = WriteOptions()
}
