/// One calendar's own exceptions, expanded once into a dictionary keyed by day so that the per-day
/// lookup the scheduler makes for every task is a hash probe, not a scan over recurrence rules.
///
/// Where two exceptions of the same calendar cover a day, the one listed first wins (MS Project does
/// not let them overlap, so this only matters for hand-written input).
struct ExceptionTable: Sendable {
    /// A plain (non-repeating) exception longer than this many days is kept as a range instead of
    /// being expanded day by day ("on leave from 2020 to 2149" would otherwise cost 47,000 entries).
    static let longSpanDays = 3_660
    /// No exception expands to more days than this; the rest is dropped and reported.
    static let occurrenceLimit = 100_000

    struct Entry: Sendable {
        /// Position of the exception in its calendar, for "first listed wins".
        let order: Int
        let schedule: DaySchedule
    }

    struct Span: Sendable {
        let days: ClosedRange<Int>
        let entry: Entry
    }

    private(set) var byDay: [Int: Entry] = [:]
    /// The keys of `byDay`, ascending, for finding the next or previous exception day quickly.
    private(set) var sortedDays: [Int] = []
    private(set) var spans: [Span] = []

    static let empty = ExceptionTable()

    private init() {}

    /// Expands `calendar`'s exceptions; unusable ones are skipped and described in `problems`.
    init(_ calendar: WorkCalendar, problems: inout [Diagnostic]) {
        for (order, exception) in calendar.exceptions.enumerated() {
            let label = exception.name.map { "exception '\($0)'" } ?? "exception \(order + 1)"
            if let problem = exception.problem {
                problems.append(Diagnostic(
                    .calendarBadException, "Calendar '\(calendar.name)': \(label) is ignored because \(problem).",
                    entity: .calendar(calendar.id)))
                continue
            }
            let entry = Entry(order: order, schedule: DaySchedule(exception.intervals))
            let length = exception.to.daysSinceEpoch - exception.from.daysSinceEpoch + 1
            if exception.recurrence == nil && length > ExceptionTable.longSpanDays {
                spans.append(Span(days: exception.from.daysSinceEpoch...exception.to.daysSinceEpoch, entry: entry))
                continue
            }
            let (days, truncated) = exception.occurrenceDays(limit: ExceptionTable.occurrenceLimit)
            if truncated {
                problems.append(Diagnostic(
                    .calendarExceptionTruncated,
                    "Calendar '\(calendar.name)': \(label) repeats more than \(ExceptionTable.occurrenceLimit) times; "
                        + "only the first \(ExceptionTable.occurrenceLimit) occurrences are used.",
                    entity: .calendar(calendar.id)))
            }
            for day in days where byDay[day] == nil { byDay[day] = entry }
        }
        sortedDays = byDay.keys.sorted()
    }

    var isEmpty: Bool { byDay.isEmpty && spans.isEmpty }

    /// The schedule an exception gives `day`, or nil when no exception covers it.
    func schedule(onDay day: Int) -> DaySchedule? {
        var best = byDay[day]
        for span in spans where span.days.contains(day) && span.entry.order < (best?.order ?? Int.max) {
            best = span.entry
        }
        return best?.schedule
    }

    /// The first day at or after `day` that some exception covers, or nil.
    func firstExceptionDay(atOrAfter day: Int) -> Int? {
        var found: Int? = nil
        let index = sortedDays.insertionIndex(atOrAfter: day)
        if index < sortedDays.count { found = sortedDays[index] }
        for span in spans where span.days.upperBound >= day {
            found = min(found ?? Int.max, max(span.days.lowerBound, day))
        }
        return found
    }

    /// The last day at or before `day` that some exception covers, or nil.
    func lastExceptionDay(atOrBefore day: Int) -> Int? {
        var found: Int? = nil
        let index = sortedDays.insertionIndex(atOrAfter: day + 1)
        if index > 0 { found = sortedDays[index - 1] }
        for span in spans where span.days.lowerBound <= day {
            found = max(found ?? Int.min, min(span.days.upperBound, day))
        }
        return found
    }
}

extension Array where Element == Int {
    /// Binary search in an ascending array: the index of the first element `>= value` (`count` if none).
    func insertionIndex(atOrAfter value: Int) -> Int {
        var low = 0
        var high = count
        while low < high {
            let mid = (low + high) / 2
            if self[mid] < value { low = mid + 1 } else { high = mid }
        }
        return low
    }
}

extension DiagnosticCode {
    /// An exception whose dates or recurrence cannot be used (end before start, interval 0, 31 February).
    public static let calendarBadException = DiagnosticCode("calendar.bad-exception", .warning)
    /// A recurring exception with more occurrences than the resolver expands.
    public static let calendarExceptionTruncated = DiagnosticCode("calendar.exception-truncated", .warning)
}
