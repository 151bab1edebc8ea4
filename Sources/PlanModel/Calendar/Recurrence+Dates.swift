/// Turning an exception into the days it applies to.
///
/// Conventions, chosen to match MS Project's exception dialog:
/// - counting starts at `from`: `occurrences` counts only days on or after `from`, and no day after
///   `to` is produced even when the count is not reached;
/// - `daily` steps `interval` days from `from`;
/// - `weekly` steps `interval` weeks from the week (Sunday to Saturday) that holds `from`; an empty
///   weekday set means the weekday of `from`, as Outlook and MS Project fill it in;
/// - `monthly…` step `interval` months from the month of `from`; a day number past the end of a
///   short month means that month's last day (day 31 falls on 30 April), and `yearlyByDate` does the
///   same for 29 February in common years;
/// - `.last` is the last such weekday of the month, `.fourth` always the fourth.
extension CalendarException {
    /// Why the exception cannot be used as written, or nil when it can.
    var problem: String? {
        if to < from { return "its end \(to) is before its start \(from)" }
        if let count = recurrence?.occurrences, count <= 0 { return "it repeats \(count) times" }
        switch recurrence?.pattern {
        case nil: return nil
        case .daily(let interval), .weekly(let interval, _):
            return interval >= 1 ? nil : "its repeat interval is \(interval)"
        case .monthlyByDay(let interval, let day):
            if interval < 1 { return "its repeat interval is \(interval)" }
            return (1...31).contains(day) ? nil : "day \(day) of the month does not exist"
        case .monthlyByWeekday(let interval, _, _):
            return interval >= 1 ? nil : "its repeat interval is \(interval)"
        case .yearlyByDate(let month, let day):
            guard (1...12).contains(month) else { return "month \(month) does not exist" }
            return (1...CivilDate.daysIn(month: month, year: 2000)).contains(day)
                ? nil : "day \(day) of month \(month) does not exist"
        case .yearlyByWeekday(let month, _, _):
            return (1...12).contains(month) ? nil : "month \(month) does not exist"
        }
    }

    /// The days (days since 1970) the exception applies to, ascending, at most `limit` of them;
    /// `truncated` says that more would have followed. Call only when `problem` is nil.
    func occurrenceDays(limit: Int) -> (days: [Int], truncated: Bool) {
        var collector = OccurrenceCollector(
            first: from.daysSinceEpoch, last: to.daysSinceEpoch,
            occurrences: recurrence?.occurrences ?? Int.max, limit: limit)
        switch recurrence?.pattern {
        case nil:
            var day = from.daysSinceEpoch
            while collector.offer(day) { day += 1 }
        case .daily(let interval):
            var day = from.daysSinceEpoch
            while collector.offer(day) { day += interval }
        case .weekly(let interval, let weekdays):
            let chosen = weekdays.isEmpty ? [from.weekday] : weekdays.sorted()
            var weekStart = from.daysSinceEpoch - (from.weekday.rawValue - 1)
            weeks: while true {
                for weekday in chosen {
                    guard collector.offer(weekStart + weekday.rawValue - 1) else { break weeks }
                }
                weekStart += 7 * interval
            }
        case .monthlyByDay(let interval, let day):
            forEachMonth(step: interval) { year, month in
                collector.offer(CivilDate.days(year: year, month: month, day: min(day, CivilDate.daysIn(month: month, year: year))))
            }
        case .monthlyByWeekday(let interval, let ordinal, let weekday):
            forEachMonth(step: interval) { year, month in
                collector.offer(CivilDate.day(ordinal, weekday, ofMonth: month, year: year))
            }
        case .yearlyByDate(let month, let day):
            forEachMonth(startingAt: month, step: 12) { year, month in
                collector.offer(CivilDate.days(year: year, month: month, day: min(day, CivilDate.daysIn(month: month, year: year))))
            }
        case .yearlyByWeekday(let month, let ordinal, let weekday):
            forEachMonth(startingAt: month, step: 12) { year, month in
                collector.offer(CivilDate.day(ordinal, weekday, ofMonth: month, year: year))
            }
        }
        return (collector.days, collector.truncated)
    }

    /// Calls `body` for the month of `from` (or, with `startingAt`, that month of `from`'s year) and
    /// every `step` months after, until `body` returns false or the years run out.
    private func forEachMonth(startingAt month: Int? = nil, step: Int, _ body: (Int, Int) -> Bool) {
        var index = from.year * 12 + ((month ?? from.month) - 1)
        while index / 12 <= 9999 {
            guard body(index / 12, index % 12 + 1) else { return }
            index += step
        }
    }
}

/// Collects candidate days in ascending order, skipping those before the range and stopping at
/// its end, at the occurrence count, or at the safety limit.
private struct OccurrenceCollector {
    let first: Int
    let last: Int
    let occurrences: Int
    let limit: Int
    var days: [Int] = []
    var truncated = false

    init(first: Int, last: Int, occurrences: Int, limit: Int) {
        self.first = first
        self.last = last
        self.occurrences = occurrences
        self.limit = limit
    }

    /// Takes `day` if it is in range; returns whether later candidates are still wanted.
    mutating func offer(_ day: Int) -> Bool {
        if day < first { return true }
        if day > last || days.count >= occurrences { return false }
        if days.count >= limit {
            truncated = true
            return false
        }
        days.append(day)
        return true
    }
}

extension CivilDate {
    /// The day number of the `ordinal` `weekday` of a month (`.last` counts from the month's end).
    static func day(_ ordinal: WeekOrdinal, _ weekday: Weekday, ofMonth month: Int, year: Int) -> Int {
        if ordinal == .last {
            let lastDay = days(year: year, month: month, day: daysIn(month: month, year: year))
            let back = (CivilDate(daysSinceEpoch: lastDay).weekday.rawValue - weekday.rawValue + 7) % 7
            return lastDay - back
        }
        let firstDay = days(year: year, month: month, day: 1)
        let ahead = (weekday.rawValue - CivilDate(daysSinceEpoch: firstDay).weekday.rawValue + 7) % 7
        return firstDay + ahead + 7 * (ordinal.rawValue - 1)
    }
}
