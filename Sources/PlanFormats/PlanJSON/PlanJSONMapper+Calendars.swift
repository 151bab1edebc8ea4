import PlanModel

// Calendars: weekly patterns, exceptions with recurrences, work weeks.
extension PlanJSONMapper {
    mutating func calendar() throws(JSONReadFailure) -> WorkCalendar? {
        guard var state = try beginObject(CalendarKey.self) else { return nil }
        var calendar = WorkCalendar(id: "", name: "")
        while let key = try nextKey(&state) {
            switch key {
            case .id:
                guard let id = try string() else { continue }
                calendar.id = CalendarID(rawValue: id)
                currentEntity = .calendar(calendar.id)
            case .name: calendar.name = try string() ?? ""
            case .baseCalendar: calendar.baseCalendar = try string().map(CalendarID.init(rawValue:))
            case .isBaseCalendar: calendar.isBaseCalendar = try bool() ?? true
            case .resource: calendar.resource = try string().map(ResourceID.init(rawValue:))
            case .week: calendar.week = try week()
            case .exceptions: calendar.exceptions = try array { m throws(JSONReadFailure) in try m.exception() }
            case .workWeeks: calendar.workWeeks = try array { m throws(JSONReadFailure) in try m.workWeek() }
            case .extensions: calendar.extensions = try extensions()
            }
        }
        requireKeys(state, [.id, .name])
        currentEntity = nil
        return calendar
    }

    /// `{"monday": [{"from": "08:00", "to": "12:00"}], "sunday": []}`.
    private mutating func week() throws(JSONReadFailure) -> WeekPattern {
        var week = WeekPattern()
        guard var state = try beginObject(WeekdayKey.self) else { return week }
        while let key = try nextKey(&state) {
            week.days[key.weekday] = try intervals()
        }
        return week
    }

    private mutating func intervals() throws(JSONReadFailure) -> [WorkingInterval] {
        try array { m throws(JSONReadFailure) in
            guard var state = try m.beginObject(IntervalKey.self) else { return nil }
            var from: TimeOfDay?
            var to: TimeOfDay?
            while let key = try m.nextKey(&state) {
                switch key {
                case .from: from = try m.time()
                case .to: to = try m.time()
                }
            }
            m.requireKeys(state, [.from, .to])
            guard let from, let to else { return nil }
            return WorkingInterval(from: from, to: to)
        }
    }

    private mutating func exception() throws(JSONReadFailure) -> CalendarException? {
        guard var state = try beginObject(ExceptionKey.self) else { return nil }
        var name: String?
        var from: CivilDate?
        var to: CivilDate?
        var intervals: [WorkingInterval] = []
        var recurrence: Recurrence?
        while let key = try nextKey(&state) {
            switch key {
            case .name: name = try string()
            case .from: from = try date()
            case .to: to = try date()
            case .intervals: intervals = try self.intervals()
            case .recurrence: recurrence = try self.recurrence()
            }
        }
        requireKeys(state, [.from, .to])
        guard let from, let to else { return nil }
        return CalendarException(name: name, from: from, to: to, intervals: intervals, recurrence: recurrence)
    }

    private mutating func workWeek() throws(JSONReadFailure) -> WorkWeek? {
        guard var state = try beginObject(WorkWeekKey.self) else { return nil }
        var workWeek = WorkWeek(from: CivilDate(daysSinceEpoch: 0), to: CivilDate(daysSinceEpoch: 0), week: WeekPattern())
        while let key = try nextKey(&state) {
            switch key {
            case .name: workWeek.name = try string()
            case .from: workWeek.from = try date() ?? workWeek.from
            case .to: workWeek.to = try date() ?? workWeek.to
            case .week: workWeek.week = try week()
            }
        }
        requireKeys(state, [.from, .to])
        return workWeek
    }

    /// Flat: the pattern's name, its own values, then `occurrences`. Which values a pattern
    /// needs follows the model's `RecurrencePattern` cases.
    private mutating func recurrence() throws(JSONReadFailure) -> Recurrence? {
        guard var state = try beginObject(RecurrenceKey.self) else { return nil }
        var pattern: String?
        var interval: Int?
        var days: Set<Weekday>?
        var day: Int?
        var month: Int?
        var ordinal: WeekOrdinal?
        var weekday: Weekday?
        var occurrences: Int?
        var offsets: [RecurrenceKey: Int] = [:]
        while let key = try nextKey(&state) {
            offsets[key] = nextValueOffset()
            switch key {
            case .pattern: pattern = try name("recurrence pattern", RecurrenceNames.patterns) { RecurrenceNames.patterns.contains($0) ? $0 : nil }
            case .interval: interval = try int()
            case .days:
                days = Set(try array { m throws(JSONReadFailure) in try m.weekday() })
            case .day: day = try int()
            case .month: month = try int()
            case .ordinal:
                let names = WeekOrdinal.allCases.map(RecurrenceNames.name(of:))
                ordinal = try name("week ordinal", names, RecurrenceNames.ordinal(named:))
            case .weekday: weekday = try self.weekday()
            case .occurrences: occurrences = try int()
            }
        }
        requireKeys(state, [.pattern])
        guard let pattern, RecurrenceNames.patterns.contains(pattern) else { return nil }

        let needed: [RecurrenceKey]
        switch pattern {
        case "daily": needed = [.interval]
        case "weekly": needed = [.interval, .days]
        case "monthlyByDay": needed = [.interval, .day]
        case "monthlyByWeekday": needed = [.interval, .ordinal, .weekday]
        case "yearlyByDate": needed = [.month, .day]
        default: needed = [.month, .ordinal, .weekday]
        }
        for (key, offset) in offsets.sorted(by: { $0.value < $1.value })
        where key != .pattern && key != .occurrences && !needed.contains(key) {
            report(.jsonUnknownKey, "'\(key.rawValue)' does not apply to a \(pattern) recurrence; ignored", at: offset)
        }
        requireKeys(state, needed)

        let result: RecurrencePattern?
        switch pattern {
        case "daily": result = interval.map { .daily(interval: $0) }
        case "weekly":
            guard let interval, let days else { return nil }
            result = .weekly(interval: interval, days: days)
        case "monthlyByDay":
            guard let interval, let day else { return nil }
            result = .monthlyByDay(interval: interval, day: day)
        case "monthlyByWeekday":
            guard let interval, let ordinal, let weekday else { return nil }
            result = .monthlyByWeekday(interval: interval, ordinal: ordinal, weekday: weekday)
        case "yearlyByDate":
            guard let month, let day else { return nil }
            result = .yearlyByDate(month: month, day: day)
        default:
            guard let month, let ordinal, let weekday else { return nil }
            result = .yearlyByWeekday(month: month, ordinal: ordinal, weekday: weekday)
        }
        return result.map { Recurrence(pattern: $0, occurrences: occurrences) }
    }

    private mutating func weekday() throws(JSONReadFailure) -> Weekday? {
        try name("weekday", Weekday.allCases.map(\.name), Weekday.init(name:))
    }
}
