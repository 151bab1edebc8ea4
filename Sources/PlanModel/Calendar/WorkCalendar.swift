/// A working-time calendar: a weekly pattern, dated exceptions (holidays, changed hours, recurring
/// too) and work weeks (a different weekly pattern for a date range). A calendar may derive from a
/// base calendar; a weekday it leaves out is inherited from the base.
public struct WorkCalendar: Hashable, Sendable, Identifiable {
    public var id: CalendarID
    public var name: String
    /// The calendar this one derives from (resource calendars derive from a base calendar).
    public var baseCalendar: CalendarID?
    public var isBaseCalendar: Bool
    /// The resource that owns this calendar, for resource calendars.
    public var resource: ResourceID?
    /// The default weekly pattern. A missing weekday is inherited from the base calendar, or, with
    /// no base, follows `WeekPattern.standard`.
    public var week: WeekPattern
    public var exceptions: [CalendarException]
    public var workWeeks: [WorkWeek]
    public var extensions: Extensions

    public init(
        id: CalendarID, name: String, baseCalendar: CalendarID? = nil, isBaseCalendar: Bool = true,
        resource: ResourceID? = nil, week: WeekPattern = WeekPattern(), exceptions: [CalendarException] = [],
        workWeeks: [WorkWeek] = [], extensions: Extensions = [:]
    ) {
        self.id = id
        self.name = name
        self.baseCalendar = baseCalendar
        self.isBaseCalendar = isBaseCalendar
        self.resource = resource
        self.week = week
        self.exceptions = exceptions
        self.workWeeks = workWeeks
        self.extensions = extensions
    }
}

/// A working interval within one day, `from < to`; `to` may be 24:00.
public struct WorkingInterval: Hashable, Sendable {
    public var from: TimeOfDay
    public var to: TimeOfDay

    public init(from: TimeOfDay, to: TimeOfDay) {
        self.from = from
        self.to = to
    }

    public var minutes: Int { to.minutes - from.minutes }
}

/// Working intervals per weekday. A weekday absent from `days` is not specified here (inherited);
/// present with no intervals it is a non-working day.
public struct WeekPattern: Hashable, Sendable {
    public var days: [Weekday: [WorkingInterval]]

    public init(days: [Weekday: [WorkingInterval]] = [:]) { self.days = days }

    public subscript(day: Weekday) -> [WorkingInterval]? {
        get { days[day] }
        set { days[day] = newValue }
    }

    /// Monday to Friday 08:00–12:00 and 13:00–17:00, MS Project's "Standard" calendar.
    public static let standard: WeekPattern = {
        let morning = WorkingInterval(from: TimeOfDay(hour: 8, minute: 0)!, to: TimeOfDay(hour: 12, minute: 0)!)
        let afternoon = WorkingInterval(from: TimeOfDay(hour: 13, minute: 0)!, to: TimeOfDay(hour: 17, minute: 0)!)
        var days: [Weekday: [WorkingInterval]] = [.sunday: [], .saturday: []]
        for day in [Weekday.monday, .tuesday, .wednesday, .thursday, .friday] { days[day] = [morning, afternoon] }
        return WeekPattern(days: days)
    }()
}

/// A dated change to a calendar: non-working (no intervals) or changed hours, on one date range or
/// repeating by a recurrence within that range.
public struct CalendarException: Hashable, Sendable {
    public var name: String?
    /// First and last day the exception may apply to, inclusive.
    public var from: CivilDate
    public var to: CivilDate
    /// Empty means non-working.
    public var intervals: [WorkingInterval]
    /// Nil: every day from `from` to `to`. Otherwise only the days the pattern selects.
    public var recurrence: Recurrence?

    public init(name: String? = nil, from: CivilDate, to: CivilDate, intervals: [WorkingInterval] = [], recurrence: Recurrence? = nil) {
        self.name = name
        self.from = from
        self.to = to
        self.intervals = intervals
        self.recurrence = recurrence
    }

    public var isWorking: Bool { !intervals.isEmpty }
}

/// How an exception repeats, as MS Project's Exceptions (daily, weekly, monthly, yearly).
public struct Recurrence: Hashable, Sendable {
    public var pattern: RecurrencePattern
    /// Number of occurrences, when the source gave a count instead of (or besides) an end date.
    public var occurrences: Int?

    public init(pattern: RecurrencePattern, occurrences: Int? = nil) {
        self.pattern = pattern
        self.occurrences = occurrences
    }
}

public enum RecurrencePattern: Hashable, Sendable {
    /// Every `interval` days.
    case daily(interval: Int)
    /// Every `interval` weeks on the given weekdays.
    case weekly(interval: Int, days: Set<Weekday>)
    /// Day `day` of every `interval` months.
    case monthlyByDay(interval: Int, day: Int)
    /// The `ordinal` `weekday` of every `interval` months (e.g. the last Friday).
    case monthlyByWeekday(interval: Int, ordinal: WeekOrdinal, weekday: Weekday)
    /// Every year on `month`/`day`.
    case yearlyByDate(month: Int, day: Int)
    /// Every year on the `ordinal` `weekday` of `month`.
    case yearlyByWeekday(month: Int, ordinal: WeekOrdinal, weekday: Weekday)
}

public enum WeekOrdinal: Int, CaseIterable, Hashable, Sendable {
    case first = 1, second, third, fourth, last
}

/// A different weekly pattern for a date range (MSPDI `WorkWeeks`).
public struct WorkWeek: Hashable, Sendable {
    public var name: String?
    public var from: CivilDate
    public var to: CivilDate
    public var week: WeekPattern

    public init(name: String? = nil, from: CivilDate, to: CivilDate, week: WeekPattern) {
        self.name = name
        self.from = from
        self.to = to
        self.week = week
    }
}
