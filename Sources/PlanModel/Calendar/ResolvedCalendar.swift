/// A calendar with its base-calendar chain folded in, ready to answer "when is work possible on
/// this day?" cheaply; the working-time arithmetic (`WorkingTime+Arithmetic.swift`) runs on it.
///
/// The working time of a day comes from the first of these that applies:
/// 1. an exception of the calendar itself;
/// 2. an exception of its base, then of the base's base, and so on: a base calendar's holidays
///    apply to every calendar derived from it, as in MS Project;
/// 3. the weekly pattern for that date (see `WeekTimeline`): the calendar's own work weeks and
///    default week first, then its bases', and `WeekPattern.standard` for weekdays nobody specifies.
///
/// Build one with `CalendarResolver` (which follows base links and reports broken ones) or, for a
/// calendar that stands alone, with `init(_:)`. `sharingWorkingTime(with:)` makes the calendar of
/// the working time two calendars have in common (a task calendar and a resource's calendar).
public struct ResolvedCalendar: Sendable, CustomStringConvertible {
    /// The calendar and then its bases, as far as the chain could be followed.
    public let chain: [CalendarID]
    /// The calendar's name, or "Standard" for `ResolvedCalendar.standard`.
    public let name: String

    /// Exception tables from the calendar itself to its root base.
    let exceptionLevels: [ExceptionTable]
    let timeline: WeekTimeline
    /// Calendars whose working time this one is cut down to (`ResolvedCalendar+Shared.swift`).
    let sharedWith: [ResolvedCalendar]

    /// `levels` and `tables` run from the calendar itself to its root base.
    init(levels: [WorkCalendar], tables: [ExceptionTable], fallback: WeekPattern) {
        chain = levels.map(\.id)
        name = levels.first?.name ?? "Standard"
        exceptionLevels = tables.filter { !$0.isEmpty }
        timeline = WeekTimeline(levels: levels, fallback: fallback)
        sharedWith = []
    }

    init(_ calendar: ResolvedCalendar, sharedWith others: [ResolvedCalendar], name: String) {
        chain = calendar.chain
        self.name = name
        exceptionLevels = calendar.exceptionLevels
        timeline = calendar.timeline
        sharedWith = calendar.sharedWith + others
    }

    /// A calendar on its own, ignoring any base it names; its unusable exceptions are skipped
    /// silently (use `CalendarResolver` to hear about them).
    public init(_ calendar: WorkCalendar, fallback: WeekPattern = .standard) {
        var ignored: [Diagnostic] = []
        self.init(levels: [calendar], tables: [ExceptionTable(calendar, problems: &ignored)], fallback: fallback)
    }

    /// `WeekPattern.standard` with no exceptions: Monday to Friday 08:00–12:00 and 13:00–17:00.
    public static let standard = ResolvedCalendar(levels: [], tables: [], fallback: .standard)

    /// Name and chain only: the expanded tables are far too long to print in a test failure.
    public var description: String {
        "ResolvedCalendar('\(name)', chain: \(chain.map(\.rawValue).joined(separator: " → ")))"
    }

    /// The working intervals of `date`, sorted, merged and non-empty; empty on a non-working day.
    public func workingIntervals(on date: CivilDate) -> [WorkingInterval] {
        schedule(onDay: date.daysSinceEpoch).intervals
    }

    /// Working minutes on `date`.
    public func workingMinutes(on date: CivilDate) -> Int {
        schedule(onDay: date.daysSinceEpoch).minutes
    }

    public func isWorkingDay(_ date: CivilDate) -> Bool { workingMinutes(on: date) > 0 }

    func schedule(onDay day: Int) -> DaySchedule {
        sharedWith.reduce(ownSchedule(onDay: day)) { $0.shared(with: $1.schedule(onDay: day)) }
    }

    private func ownSchedule(onDay day: Int) -> DaySchedule {
        for level in exceptionLevels {
            if let schedule = level.schedule(onDay: day) { return schedule }
        }
        let weekday = Weekday(rawValue: (day.floorMod(7) + 4) % 7 + 1)!
        return timeline.week(ofDay: day)[weekday]
    }

    /// The days from `day` on that follow one plain weekly pattern: no exception and no change of
    /// work week until `day + count`. `count` is nil when that holds forever.
    func plainRun(from day: Int) -> (count: Int?, week: WeekSchedule) {
        sharedWith.reduce(ownPlainRun(from: day)) { Self.shared($0, $1.plainRun(from: day)) }
    }

    private func ownPlainRun(from day: Int) -> (count: Int?, week: WeekSchedule) {
        var end = timeline.nextBoundary(after: day)
        for level in exceptionLevels {
            if let next = level.firstExceptionDay(atOrAfter: day) { end = min(end ?? Int.max, next) }
        }
        return (end.map { $0 - day }, timeline.week(ofDay: day))
    }

    /// The days up to and including `day` that follow one plain weekly pattern: no exception and no
    /// change of work week from `day - count + 1` to `day`. `count` is nil when that holds forever.
    func plainRun(through day: Int) -> (count: Int?, week: WeekSchedule) {
        sharedWith.reduce(ownPlainRun(through: day)) { Self.shared($0, $1.plainRun(through: day)) }
    }

    private func ownPlainRun(through day: Int) -> (count: Int?, week: WeekSchedule) {
        let segmentStart = timeline.segmentStart(ofDay: day)
        var begin: Int? = segmentStart == Int.min ? nil : segmentStart
        for level in exceptionLevels {
            if let previous = level.lastExceptionDay(atOrBefore: day) { begin = max(begin ?? Int.min, previous + 1) }
        }
        return (begin.map { day - $0 + 1 }, timeline.week(ofDay: day))
    }
}

extension Int {
    /// Remainder with the sign of the divisor, for weekdays of dates before 1970.
    func floorMod(_ divisor: Int) -> Int {
        let r = self % divisor
        return r != 0 && (r < 0) != (divisor < 0) ? r + divisor : r
    }
}
