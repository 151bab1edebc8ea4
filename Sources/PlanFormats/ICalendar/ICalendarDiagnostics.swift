import PlanModel

// Stable codes of the iCalendar reader and writer. Severities are what a file from the wild
// deserves: odd but understandable input is a warning, input that is not iCalendar is an error.
extension DiagnosticCode {
    /// No `BEGIN:VCALENDAR` anywhere: not an iCalendar file.
    public static let icsNotICalendar = DiagnosticCode("ics.not-icalendar", .error)
    /// A line that is not `NAME[;PARAM=…]:VALUE`; skipped.
    public static let icsMalformedLine = DiagnosticCode("ics.malformed-line", .warning)
    /// A line that looks like the continuation of the previous one but lacks the leading space.
    public static let icsBrokenFolding = DiagnosticCode("ics.broken-folding", .warning)
    /// Bytes that are not UTF-8; the line was read as Latin-1.
    public static let icsInvalidUTF8 = DiagnosticCode("ics.invalid-utf8", .warning)
    /// `END` without its `BEGIN`, or a component still open at the end of the file.
    public static let icsUnbalancedComponent = DiagnosticCode("ics.unbalanced-component", .warning)
    /// Components nested deeper than any real file does; the inner ones are skipped.
    public static let icsTooDeep = DiagnosticCode("ics.too-deep", .warning)
    /// Content outside any VCALENDAR (after the last `END:VCALENDAR`, before the first `BEGIN`).
    public static let icsOutsideCalendar = DiagnosticCode("ics.outside-calendar", .info)
    /// A date or date-time that cannot be read or is out of range (year 0, month 13).
    public static let icsBadDate = DiagnosticCode("ics.bad-date", .warning)
    /// A DURATION (or offset) value that cannot be read.
    public static let icsBadDuration = DiagnosticCode("ics.bad-duration", .warning)
    /// A number or enumerated value that cannot be read (PERCENT-COMPLETE:abc).
    public static let icsBadValue = DiagnosticCode("ics.bad-value", .warning)
    /// A TZID that no VTIMEZONE, IANA name, Windows name or display name explains.
    public static let icsUnknownTimeZone = DiagnosticCode("ics.unknown-timezone", .warning)
    /// A TZID resolved through the Windows table or an Outlook display name.
    public static let icsTimeZoneMapped = DiagnosticCode("ics.timezone-mapped", .info)
    /// Floating date-times, read as civil times of the plan's zone.
    public static let icsFloatingTime = DiagnosticCode("ics.floating-time", .info)
    /// A recurring item imported once (its first occurrence).
    public static let icsRecurrenceImportedOnce = DiagnosticCode("ics.recurrence-imported-once", .warning)
    /// An override (RECURRENCE-ID) whose master is not in the file; imported on its own.
    public static let icsOrphanOverride = DiagnosticCode("ics.orphan-override", .warning)
    /// Two items with the same UID (and RECURRENCE-ID); the second gets a suffixed identity.
    public static let icsDuplicateUID = DiagnosticCode("ics.duplicate-uid", .warning)
    /// Items without UID get an identity derived from their start and summary.
    public static let icsMissingUID = DiagnosticCode("ics.missing-uid", .info)
    /// DTEND not after DTSTART; read as zero length (timed) or one day (all-day).
    public static let icsEndBeforeStart = DiagnosticCode("ics.end-before-start", .warning)
    /// A VEVENT without DTSTART; imported without dates.
    public static let icsMissingStart = DiagnosticCode("ics.missing-start", .warning)
    /// The input holds several VCALENDARs; their items were merged into one plan.
    public static let icsSeveralCalendars = DiagnosticCode("ics.several-calendars", .info)
    /// A reference (RELATED-TO, X-PLANBRIDGE-PREDECESSOR) to an item that is not in the file.
    public static let icsDanglingReference = DiagnosticCode("ics.dangling-reference", .warning)
    /// More findings than the reader keeps; the rest are counted in this one.
    public static let icsMoreDiagnostics = DiagnosticCode("ics.more-diagnostics", .info)
    /// Writer: the plan names no time zone, so its civil times were written as UTC.
    public static let icsAssumedUTC = DiagnosticCode("ics.assumed-utc", .warning)
    /// Writer: the zone asked for is not known to this system.
    public static let icsWriterUnknownTimeZone = DiagnosticCode("ics.writer-unknown-timezone", .error)
}
