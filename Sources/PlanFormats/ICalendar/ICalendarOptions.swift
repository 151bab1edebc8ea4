/// What the iCalendar writer puts in the file, beyond the default of one all-day VEVENT per
/// milestone (the form every calendar app shows).
public struct ICalendarWriteOptions: Sendable, Hashable {
    /// How dates are written.
    public enum Timing: String, Sendable, Hashable, CaseIterable {
        /// `VALUE=DATE` days; a task spans its first to its last day (exclusive DTEND).
        case allDay = "all-day"
        /// Date-times in UTC (`…Z`), converted from the plan's zone.
        case utc
        /// Date-times with `TZID` of the plan's zone and a VTIMEZONE describing it.
        case local
    }

    /// Every task that is not a milestone also becomes a VEVENT spanning its dates.
    public var includeTasks: Bool
    /// Every task (milestones included) also becomes a VTODO, for task apps (Thunderbird,
    /// Apple Reminders, CalDAV task lists); Google, Outlook and Apple Calendar ignore VTODOs.
    public var includeTodos: Bool
    public var timing: Timing
    /// The IANA zone the plan's civil times are in; overrides the plan's own `timeZone`.
    public var timeZone: String?
    /// The right-hand side of every UID (`…@planbridge`).
    public var uidDomain: String
    /// NAME and X-WR-CALNAME; default: the project's title or name.
    public var calendarName: String?

    public init(
        includeTasks: Bool = false, includeTodos: Bool = false, timing: Timing = .allDay, timeZone: String? = nil,
        uidDomain: String = "planbridge", calendarName: String? = nil
    ) {
        self.includeTasks = includeTasks
        self.includeTodos = includeTodos
        self.timing = timing
        self.timeZone = timeZone
        self.uidDomain = uidDomain
        self.calendarName = calendarName
    }
}

/// How the iCalendar reader turns zoned times into the plan's civil times.
public struct ICalendarReadOptions: Sendable, Hashable {
    /// The IANA zone the plan's civil times are to be in. Default: the file's X-WR-TIMEZONE, else
    /// the zone of the first zoned date-time, else UTC when the file has UTC times.
    public var timeZone: String?

    public init(timeZone: String? = nil) {
        self.timeZone = timeZone
    }
}
