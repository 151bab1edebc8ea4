import PlanModel

extension MSPDIWriter.Context {
    /// MS Project refuses calendar names longer than this (brief §2.1).
    static let maxCalendarNameLength = 51
    /// Legacy `DayType 0` rows written per exception at most; a rule repeating daily for decades
    /// would otherwise write thousands. `<Exceptions>` still carries the whole rule.
    static let maxLegacyRowsPerException = 500

    func writeCalendars() {
        if synthesisedCalendar {
            let standard = WorkCalendar(id: "1", name: "Standard", week: .standard)
            writeCalendar(standard, uid: projectCalendarUID)
            loss.record("calendars", count: 1, "added: MS Project's Standard calendar (the plan has none)")
        }
        var usedNames = Set<String>()
        for calendar in plan.calendars {
            guard let uid = ids.calendars[calendar.id] else { continue }
            var named = calendar
            named.name = uniqueCalendarName(calendar, used: &usedNames)
            writeCalendar(named, uid: uid)
        }
    }

    /// The name shortened to 51 characters when needed, kept unique among the calendars.
    private func uniqueCalendarName(_ calendar: WorkCalendar, used: inout Set<String>) -> String {
        var name = calendar.name
        if name.count > Self.maxCalendarNameLength {
            var candidate = String(name.prefix(Self.maxCalendarNameLength))
            var n = 2
            while used.contains(candidate) {
                let suffix = " \(n)"
                candidate = String(name.prefix(Self.maxCalendarNameLength - suffix.count)) + suffix
                n += 1
            }
            diagnostics.append(Diagnostic(
                .mspdiCalendarNameShortened,
                "calendar name '\(name)' is longer than MS Project's \(Self.maxCalendarNameLength) characters; written as '\(candidate)'",
                entity: .calendar(calendar.id)))
            loss.record("calendar names", count: 1, "shortened to \(Self.maxCalendarNameLength) characters")
            name = candidate
        }
        used.insert(name)
        return name
    }

    private func writeCalendar(_ calendar: WorkCalendar, uid: Int) {
        out.start("Calendar")
        var e = ChildEmitter<CalendarElement>(out, entityExtensions: calendar.extensions)
        e.int(.UID, uid)
        noteCleaned(e.text(.Name, calendar.name), "calendar name", entity: .calendar(calendar.id))
        e.bool(.IsBaseCalendar, calendar.isBaseCalendar)
        var baseUID = -1
        if let base = calendar.baseCalendar {
            if let mapped = ids.calendars[base] {
                baseUID = mapped
            } else {
                diagnostics.append(Diagnostic(
                    .mspdiDanglingReference, "calendar '\(calendar.name)' derives from calendar '\(base)', which the plan does not hold; written without a base",
                    entity: .calendar(calendar.id)))
            }
        }
        e.int(.BaseCalendarUID, baseUID)

        // A base calendar states every weekday (MS Project has nothing to inherit from); a derived
        // one only the days it overrides.
        var week = calendar.week
        if calendar.isBaseCalendar && calendar.baseCalendar == nil {
            for day in Weekday.allCases where week[day] == nil { week[day] = WeekPattern.standard[day] }
        }
        let nested = ExtensionSplit.nested(calendar.extensions, sub: "WeekDay")
        let legacyRows = legacyExceptionRows(calendar)
        // An empty <WeekDays/> broke Project 2007 (brief §2.6), so leave it out instead.
        if !week.days.isEmpty || !legacyRows.isEmpty {
            e.start(.WeekDays)
            for day in Weekday.allCases {
                guard let intervals = week[day] else { continue }
                writeWeekDay(dayType: day.rawValue, intervals: intervals, period: nil, extras: nested[String(day.rawValue)] ?? [])
            }
            for row in legacyRows {
                writeWeekDay(dayType: 0, intervals: row.intervals, period: (row.from, row.to), extras: [])
            }
            out.end()
        }
        let exceptions = calendar.exceptions.enumerated().filter { Self.isWritable($0.element) }
        if exceptions.count < calendar.exceptions.count {
            loss.record("calendar exceptions", count: calendar.exceptions.count - exceptions.count, "dropped: dates outside the years 1–9999 or a rule MS Project cannot hold")
        }
        if !exceptions.isEmpty {
            e.start(.Exceptions)
            let exceptionExtras = ExtensionSplit.nested(calendar.extensions, sub: "Exception")
            for (index, exception) in exceptions.sorted(by: { exceptionOrder($0.element, $1.element) }) {
                writeException(exception, extras: exceptionExtras[String(index)] ?? [])
            }
            out.end()
        }
        let workWeeks = calendar.workWeeks.enumerated().filter { Self.isWritable($0.element.from, $0.element.to) }
        if workWeeks.count < calendar.workWeeks.count {
            loss.record("work weeks", count: calendar.workWeeks.count - workWeeks.count, "dropped: dates outside the years 1–9999")
        }
        if !workWeeks.isEmpty {
            e.start(.WorkWeeks)
            let weekExtras = ExtensionSplit.nested(calendar.extensions, sub: "WorkWeek")
            for (index, workWeek) in workWeeks {
                writeWorkWeek(workWeek, extras: weekExtras[String(index)] ?? [])
            }
            out.end()
        }
        e.finish()
        out.end()
    }

    static func isWritable(_ from: CivilDate, _ to: CivilDate) -> Bool {
        XMLTextWriter.isWritable(from) && XMLTextWriter.isWritable(to) && from <= to
    }

    /// Dates MSPDI can write and a rule MS Project can hold: intervals 1–999, real months and days,
    /// a positive count.
    static func isWritable(_ exception: CalendarException) -> Bool {
        guard isWritable(exception.from, exception.to) else { return false }
        if let count = exception.recurrence?.occurrences, count <= 0 { return false }
        let interval = 1...999
        switch exception.recurrence?.pattern {
        case nil: return true
        case .daily(let n), .weekly(let n, _), .monthlyByWeekday(let n, _, _): return interval.contains(n)
        case .monthlyByDay(let n, let day): return interval.contains(n) && (1...31).contains(day)
        case .yearlyByDate(let month, let day): return (1...12).contains(month) && (1...31).contains(day)
        case .yearlyByWeekday(let month, _, _): return (1...12).contains(month)
        }
    }

    /// MS Project ignores exceptions that are not sorted by date (brief §2.6).
    private func exceptionOrder(_ a: CalendarException, _ b: CalendarException) -> Bool {
        (a.from, a.to) < (b.from, b.to)
    }

    private func writeWeekDay(dayType: Int, intervals: [WorkingInterval], period: (CivilDate, CivilDate)?, extras: [(name: Substring, xml: String)]) {
        out.start("WeekDay")
        var e = ChildEmitter<WeekDayElement>(out, extensions: extras)
        e.int(.DayType, dayType)
        e.bool(.DayWorking, !intervals.isEmpty)
        if let (from, to) = period {
            e.start(.TimePeriod)
            writeTimePeriod(from: from, to: to)
            out.end()
        }
        if !intervals.isEmpty {
            e.start(.WorkingTimes)
            writeWorkingTimes(intervals)
            out.end()
        }
        e.finish()
        out.end()
    }

    /// `FromDate` at 00:00 of the first day, `ToDate` at 23:59 of the last, as MS Project writes.
    private func writeTimePeriod(from: CivilDate, to: CivilDate) {
        out.dateTime(XMLTextWriter.bytes("FromDate"), CivilDateTime(date: from))
        out.dateTime(XMLTextWriter.bytes("ToDate"), CivilDateTime(date: to, time: TimeOfDay(hour: 23, minute: 59)!))
    }

    private func writeWorkingTimes(_ intervals: [WorkingInterval]) {
        for interval in intervals.sorted(by: { $0.from < $1.from }) {
            out.start("WorkingTime")
            out.time(XMLTextWriter.bytes("FromTime"), interval.from)
            out.time(XMLTextWriter.bytes("ToTime"), interval.to)
            out.end()
        }
    }

    private func writeException(_ exception: CalendarException, extras: [(name: Substring, xml: String)]) {
        out.start("Exception")
        var e = ChildEmitter<ExceptionElement>(out, extensions: extras)
        // How the range was entered is not in the model: a preserved value wins over the guess.
        if !extras.contains(where: { $0.name == "EnteredByOccurrences" }) {
            e.bool(.EnteredByOccurrences, exception.recurrence?.occurrences != nil)
        }
        e.start(.TimePeriod)
        writeTimePeriod(from: exception.from, to: exception.to)
        out.end()
        e.int(.Occurrences, exception.recurrence?.occurrences)
        e.text(.Name, exception.name)
        switch exception.recurrence?.pattern {
        case nil:
            e.int(.`Type`, MSPDI.ExceptionType.dailyRange.rawValue)
        case .daily(let interval):
            e.int(.`Type`, MSPDI.ExceptionType.daily.rawValue)
            e.int(.Period, interval)
        case .weekly(let interval, let days):
            e.int(.`Type`, MSPDI.ExceptionType.weekly.rawValue)
            e.int(.Period, interval)
            e.int(.DaysOfWeek, days.reduce(0) { $0 | MSPDI.daysOfWeekBit($1) })
        case .monthlyByDay(let interval, let day):
            e.int(.`Type`, MSPDI.ExceptionType.monthlyByDay.rawValue)
            e.int(.Period, interval)
            e.int(.MonthDay, day)
        case .monthlyByWeekday(let interval, let ordinal, let weekday):
            e.int(.`Type`, MSPDI.ExceptionType.monthlyByPosition.rawValue)
            e.int(.Period, interval)
            e.int(.MonthItem, MSPDI.monthItem(weekday))
            e.int(.MonthPosition, MSPDI.monthPosition(ordinal))
        case .yearlyByDate(let month, let day):
            e.int(.`Type`, MSPDI.ExceptionType.yearlyByDate.rawValue)
            e.int(.Month, month - 1)
            e.int(.MonthDay, day)
        case .yearlyByWeekday(let month, let ordinal, let weekday):
            e.int(.`Type`, MSPDI.ExceptionType.yearlyByPosition.rawValue)
            e.int(.Month, month - 1)
            e.int(.MonthItem, MSPDI.monthItem(weekday))
            e.int(.MonthPosition, MSPDI.monthPosition(ordinal))
        }
        e.bool(.DayWorking, exception.isWorking)
        if exception.isWorking {
            e.start(.WorkingTimes)
            writeWorkingTimes(exception.intervals)
            out.end()
        }
        e.finish()
        out.end()
    }

    private func writeWorkWeek(_ workWeek: WorkWeek, extras: [(name: Substring, xml: String)]) {
        out.start("WorkWeek")
        var e = ChildEmitter<WorkWeekElement>(out, extensions: extras)
        e.start(.TimePeriod)
        writeTimePeriod(from: workWeek.from, to: workWeek.to)
        out.end()
        e.text(.Name, workWeek.name)
        // All seven days: MPXJ reads a day missing from a work week as non-working (brief §3).
        e.start(.WeekDays)
        for day in Weekday.allCases {
            writeWeekDay(dayType: day.rawValue, intervals: workWeek.week[day] ?? [], period: nil, extras: [])
        }
        out.end()
        e.finish()
        out.end()
    }
}

// MARK: - Legacy exception rows

extension MSPDIWriter.Context {
    struct LegacyRow {
        var from: CivilDate
        var to: CivilDate
        var intervals: [WorkingInterval]
    }

    /// The `WeekDay DayType 0` rows MS Project 2007+ still writes beside `<Exceptions>` (brief §3):
    /// every day an exception applies to, consecutive days with the same hours merged into one
    /// range, sorted by date.
    func legacyExceptionRows(_ calendar: WorkCalendar) -> [LegacyRow] {
        var rows: [LegacyRow] = []
        for exception in calendar.exceptions where Self.isWritable(exception) {
            let days = LegacyExpansion.days(of: exception, limit: Self.maxLegacyRowsPerException)
            for day in days {
                if let last = rows.last, last.to.daysSinceEpoch + 1 == day.daysSinceEpoch, last.intervals == exception.intervals {
                    rows[rows.count - 1].to = day
                } else {
                    rows.append(LegacyRow(from: day, to: day, intervals: exception.intervals))
                }
            }
        }
        rows.sort { $0.from < $1.from }
        return rows
    }
}

/// The days an exception applies to, for the legacy rows only (the model's own expansion is not
/// public). Conventions as in MS Project's dialog: counting starts at `from`, nothing after `to`,
/// a missing month day falls on the month's last day.
enum LegacyExpansion {
    static func days(of exception: CalendarException, limit: Int) -> [CivilDate] {
        let first = exception.from.daysSinceEpoch, last = exception.to.daysSinceEpoch
        guard last >= first else { return [] }
        let count = min(exception.recurrence?.occurrences ?? Int.max, limit)
        var result: [CivilDate] = []
        func offer(_ day: Int) -> Bool {
            guard day <= last, result.count < count else { return false }
            if day >= first { result.append(CivilDate(daysSinceEpoch: day)) }
            return result.count < count
        }
        switch exception.recurrence?.pattern {
        case nil:
            var day = first
            while offer(day) { day += 1 }
        case .daily(let interval):
            var day = first
            while offer(day) { day += max(interval, 1) }
        case .weekly(let interval, let weekdays):
            let chosen = weekdays.isEmpty ? [exception.from.weekday] : weekdays.sorted()
            var weekStart = first - (exception.from.weekday.rawValue - 1)
            var weeksLeft = 100_000  // bounds a rule with no end in sight
            weeks: while weekStart <= last && weeksLeft > 0 {
                weeksLeft -= 1
                for weekday in chosen where !offer(weekStart + weekday.rawValue - 1) { break weeks }
                weekStart += 7 * max(interval, 1)
            }
        case .monthlyByDay(let interval, let dayOfMonth):
            forEachMonth(from: exception.from, step: interval, until: last) { y, m in
                offer(dayNumber(y, m, min(dayOfMonth, CivilDate.daysIn(month: m, year: y))))
            }
        case .monthlyByWeekday(let interval, let ordinal, let weekday):
            forEachMonth(from: exception.from, step: interval, until: last) { y, m in
                offer(nthWeekday(y, m, ordinal, weekday))
            }
        case .yearlyByDate(let month, let dayOfMonth):
            forEachMonth(from: exception.from, step: 1, until: last) { y, m in
                guard m == month else { return true }
                return offer(dayNumber(y, m, min(dayOfMonth, CivilDate.daysIn(month: m, year: y))))
            }
        case .yearlyByWeekday(let month, let ordinal, let weekday):
            forEachMonth(from: exception.from, step: 1, until: last) { y, m in
                guard m == month else { return true }
                return offer(nthWeekday(y, m, ordinal, weekday))
            }
        }
        return result
    }

    private static func dayNumber(_ y: Int, _ m: Int, _ d: Int) -> Int {
        CivilDate(year: y, month: m, day: d)?.daysSinceEpoch ?? 0
    }

    private static func nthWeekday(_ y: Int, _ m: Int, _ ordinal: WeekOrdinal, _ weekday: Weekday) -> Int {
        let firstOfMonth = dayNumber(y, m, 1)
        let firstWeekday = CivilDate(daysSinceEpoch: firstOfMonth).weekday.rawValue
        let firstMatch = firstOfMonth + (weekday.rawValue - firstWeekday + 7) % 7
        if ordinal == .last {
            var day = firstMatch
            while CivilDate(daysSinceEpoch: day + 7).month == m { day += 7 }
            return day
        }
        return firstMatch + 7 * (ordinal.rawValue - 1)
    }

    /// Calls `body` for each month from `from`'s month in steps of `step` until a month starts
    /// after `until` or `body` returns false.
    private static func forEachMonth(from: CivilDate, step: Int, until: Int, _ body: (Int, Int) -> Bool) {
        var (y, m, _) = from.components
        var monthsLeft = 12 * 10_000  // dates are within the years 1–9999
        while monthsLeft > 0 && dayNumber(y, m, 1) <= until {
            monthsLeft -= 1
            guard body(y, m) else { return }
            m += max(step, 1)
            while m > 12 { m -= 12; y += 1 }
        }
    }
}
