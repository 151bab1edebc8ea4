import PlanModel

// Encodings of values shared by several entities, and calendars.
extension PlanJSONPrinter {
    // MARK: Optional scalars (omitted when nil)

    mutating func optionalString(_ key: some JSONKeySet, _ value: String?) {
        guard let value else { return }
        out.key(key)
        out.string(value)
    }

    mutating func optionalInt(_ key: some JSONKeySet, _ value: Int?) {
        guard let value else { return }
        out.key(key)
        out.int(value)
    }

    mutating func optionalDouble(_ key: some JSONKeySet, _ value: Double?) throws(NonFiniteNumber) {
        guard let value else { return }
        out.key(key)
        try finite(value, key.rawValue)
    }

    mutating func optionalDateTime(_ key: some JSONKeySet, _ value: CivilDateTime?) {
        guard let value else { return }
        out.key(key)
        dateTime(value)
    }

    mutating func optionalTime(_ key: some JSONKeySet, _ value: TimeOfDay?) {
        guard let value else { return }
        out.key(key)
        time(value)
    }

    mutating func optionalDuration(_ key: some JSONKeySet, _ value: WorkDuration?) {
        guard let value else { return }
        out.key(key)
        duration(value)
    }

    mutating func optionalAmount(_ key: some JSONKeySet, _ value: Amount?) {
        guard let value else { return }
        out.key(key)
        amount(value)
    }

    mutating func optionalRate(_ key: some JSONKeySet, _ value: Rate?) {
        guard let value else { return }
        out.key(key)
        out.byte(UInt8(ascii: "{"))
        out.inlineKey(RateKey.amount, first: true)
        amount(value.amount)
        out.inlineKey(RateKey.per)
        out.string(value.per.rawValue)
        out.byte(UInt8(ascii: "}"))
    }

    /// A flag whose default is false: written only when true.
    mutating func trueOnly(_ key: some JSONKeySet, _ value: Bool) {
        guard value else { return }
        out.key(key)
        out.bool(true)
    }

    /// A flag whose default is true: written only when false.
    mutating func falseOnly(_ key: some JSONKeySet, _ value: Bool) {
        guard !value else { return }
        out.key(key)
        out.bool(false)
    }

    // MARK: Values

    mutating func finite(_ value: Double, _ name: String) throws(NonFiniteNumber) {
        guard value.isFinite else { throw NonFiniteNumber(value: value, path: [JSONPathText.member(name)]) }
        out.double(value)
    }

    mutating func dateTime(_ value: CivilDateTime) {
        out.quoted { PlanJSONText.appendDateTime(seconds: value.secondsSinceEpoch, to: &$0) }
    }

    mutating func date(_ value: CivilDate) {
        out.quoted { PlanJSONText.appendDate(days: value.daysSinceEpoch, to: &$0) }
    }

    mutating func time(_ value: TimeOfDay) {
        out.quoted { PlanJSONText.appendTime(minutes: value.minutes, to: &$0) }
    }

    mutating func amount(_ value: Amount) {
        out.quoted { PlanJSONText.appendAmount(value, to: &$0) }
    }

    /// `{"minutes": 480, "unit": "hours"}`, plus `isElapsed` / `isEstimated` when true.
    mutating func duration(_ value: WorkDuration) {
        out.byte(UInt8(ascii: "{"))
        durationMembers(value)
        out.byte(UInt8(ascii: "}"))
    }

    private mutating func durationMembers(_ value: WorkDuration) {
        out.inlineKey(DurationKey.minutes, first: true)
        out.int(value.minutes)
        out.inlineKey(DurationKey.unit)
        out.string(value.unit.rawValue)
        if value.isElapsed {
            out.inlineKey(DurationKey.isElapsed)
            out.bool(true)
        }
        if value.isEstimated {
            out.inlineKey(DurationKey.isEstimated)
            out.bool(true)
        }
    }

    /// A time lag is written as a duration; a percentage lag as `{"percent": 50}`.
    mutating func lag(_ value: Lag) {
        switch value {
        case .time(let duration):
            self.duration(duration)
        case .percent(let percent, let elapsed):
            out.byte(UInt8(ascii: "{"))
            out.inlineKey(LagKey.percent, first: true)
            out.int(percent)
            if elapsed {
                out.inlineKey(LagKey.isElapsed)
                out.bool(true)
            }
            out.byte(UInt8(ascii: "}"))
        }
    }

    // MARK: Dictionaries (sorted by the UTF-8 bytes of their keys)

    static func sortedKeys<Value>(_ dictionary: [String: Value]) -> [String] {
        dictionary.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// `{"Text1": {"text": "…"}, …}`: each value tagged with its type so the round trip is exact.
    mutating func customFields(_ key: some JSONKeySet, _ fields: CustomFields) throws(NonFiniteNumber) {
        guard !fields.isEmpty else { return }
        out.key(key)
        out.openObject()
        for name in Self.sortedKeys(fields) {
            out.escapedKey(name)
            out.byte(UInt8(ascii: "{"))
            switch fields[name]! {
            case .text(let text):
                out.inlineKey(CustomValueKey.text, first: true)
                out.string(text)
            case .number(let number):
                out.inlineKey(CustomValueKey.number, first: true)
                do { try finite(number, CustomValueKey.number.rawValue) } catch {
                    throw error.inside("." + key.rawValue + JSONPathText.member(name))
                }
            case .date(let date):
                out.inlineKey(CustomValueKey.date, first: true)
                dateTime(date)
            case .duration(let duration):
                out.inlineKey(CustomValueKey.duration, first: true)
                self.duration(duration)
            case .flag(let flag):
                out.inlineKey(CustomValueKey.flag, first: true)
                out.bool(flag)
            case .cost(let cost):
                out.inlineKey(CustomValueKey.cost, first: true)
                amount(cost)
            }
            out.byte(UInt8(ascii: "}"))
        }
        out.closeObject()
    }

    mutating func extensions(_ key: some JSONKeySet, _ extensions: Extensions) {
        guard !extensions.isEmpty else { return }
        out.key(key)
        extensionsObject(extensions)
    }

    mutating func extensionsObject(_ extensions: Extensions) {
        out.openObject()
        for name in Self.sortedKeys(extensions) {
            out.escapedKey(name)
            out.string(extensions[name]!)
        }
        out.closeObject()
    }

    // MARK: Calendars

    mutating func calendar(_ calendar: WorkCalendar) {
        out.element()
        out.openObject()
        out.key(CalendarKey.id)
        out.string(calendar.id.rawValue)
        out.key(CalendarKey.name)
        out.string(calendar.name)
        optionalString(CalendarKey.baseCalendar, calendar.baseCalendar?.rawValue)
        falseOnly(CalendarKey.isBaseCalendar, calendar.isBaseCalendar)
        optionalString(CalendarKey.resource, calendar.resource?.rawValue)
        week(CalendarKey.week, calendar.week)
        if !calendar.exceptions.isEmpty {
            out.key(CalendarKey.exceptions)
            out.openArray()
            for exception in calendar.exceptions { self.exception(exception) }
            out.closeArray()
        }
        if !calendar.workWeeks.isEmpty {
            out.key(CalendarKey.workWeeks)
            out.openArray()
            for workWeek in calendar.workWeeks {
                out.element()
                out.openObject()
                optionalString(WorkWeekKey.name, workWeek.name)
                out.key(WorkWeekKey.from)
                date(workWeek.from)
                out.key(WorkWeekKey.to)
                date(workWeek.to)
                week(WorkWeekKey.week, workWeek.week)
                out.closeObject()
            }
            out.closeArray()
        }
        extensions(CalendarKey.extensions, calendar.extensions)
        out.closeObject()
    }

    /// `{"sunday": [], "monday": [{"from": "08:00", "to": "12:00"}, …], …}` in weekday order;
    /// an absent weekday is inherited, an empty list is a non-working day.
    private mutating func week(_ key: some JSONKeySet, _ week: WeekPattern) {
        guard !week.days.isEmpty else { return }
        out.key(key)
        out.openObject()
        for day in Weekday.allCases {
            guard let intervals = week.days[day] else { continue }
            out.key(day.name)
            self.intervals(intervals)
        }
        out.closeObject()
    }

    private mutating func intervals(_ intervals: [WorkingInterval]) {
        out.byte(UInt8(ascii: "["))
        for (i, interval) in intervals.enumerated() {
            if i > 0 { out.inlineSeparator() }
            out.byte(UInt8(ascii: "{"))
            out.inlineKey(IntervalKey.from, first: true)
            time(interval.from)
            out.inlineKey(IntervalKey.to)
            time(interval.to)
            out.byte(UInt8(ascii: "}"))
        }
        out.byte(UInt8(ascii: "]"))
    }

    private mutating func exception(_ exception: CalendarException) {
        out.element()
        out.openObject()
        optionalString(ExceptionKey.name, exception.name)
        out.key(ExceptionKey.from)
        date(exception.from)
        out.key(ExceptionKey.to)
        date(exception.to)
        if !exception.intervals.isEmpty {
            out.key(ExceptionKey.intervals)
            intervals(exception.intervals)
        }
        if let recurrence = exception.recurrence {
            out.key(ExceptionKey.recurrence)
            self.recurrence(recurrence)
        }
        out.closeObject()
    }

    /// Flat: `{"pattern": "monthlyByWeekday", "interval": 1, "ordinal": "last", "weekday": "friday"}`.
    private mutating func recurrence(_ recurrence: Recurrence) {
        out.byte(UInt8(ascii: "{"))
        out.inlineKey(RecurrenceKey.pattern, first: true)
        out.string(RecurrenceNames.name(of: recurrence.pattern))
        switch recurrence.pattern {
        case .daily(let interval):
            inlineInt(RecurrenceKey.interval, interval)
        case .weekly(let interval, let days):
            inlineInt(RecurrenceKey.interval, interval)
            out.inlineKey(RecurrenceKey.days)
            out.byte(UInt8(ascii: "["))
            for (i, day) in days.sorted().enumerated() {
                if i > 0 { out.inlineSeparator() }
                out.string(day.name)
            }
            out.byte(UInt8(ascii: "]"))
        case .monthlyByDay(let interval, let day):
            inlineInt(RecurrenceKey.interval, interval)
            inlineInt(RecurrenceKey.day, day)
        case .monthlyByWeekday(let interval, let ordinal, let weekday):
            inlineInt(RecurrenceKey.interval, interval)
            out.inlineKey(RecurrenceKey.ordinal)
            out.string(RecurrenceNames.name(of: ordinal))
            out.inlineKey(RecurrenceKey.weekday)
            out.string(weekday.name)
        case .yearlyByDate(let month, let day):
            inlineInt(RecurrenceKey.month, month)
            inlineInt(RecurrenceKey.day, day)
        case .yearlyByWeekday(let month, let ordinal, let weekday):
            inlineInt(RecurrenceKey.month, month)
            out.inlineKey(RecurrenceKey.ordinal)
            out.string(RecurrenceNames.name(of: ordinal))
            out.inlineKey(RecurrenceKey.weekday)
            out.string(weekday.name)
        }
        if let occurrences = recurrence.occurrences { inlineInt(RecurrenceKey.occurrences, occurrences) }
        out.byte(UInt8(ascii: "}"))
    }

    private mutating func inlineInt(_ key: RecurrenceKey, _ value: Int) {
        out.inlineKey(key)
        out.int(value)
    }
}

/// JSON spellings of the recurrence enums, which have no raw values in the model.
enum RecurrenceNames {
    static let patterns = ["daily", "weekly", "monthlyByDay", "monthlyByWeekday", "yearlyByDate", "yearlyByWeekday"]

    static func name(of pattern: RecurrencePattern) -> String {
        switch pattern {
        case .daily: return patterns[0]
        case .weekly: return patterns[1]
        case .monthlyByDay: return patterns[2]
        case .monthlyByWeekday: return patterns[3]
        case .yearlyByDate: return patterns[4]
        case .yearlyByWeekday: return patterns[5]
        }
    }

    static func name(of ordinal: WeekOrdinal) -> String {
        switch ordinal {
        case .first: return "first"
        case .second: return "second"
        case .third: return "third"
        case .fourth: return "fourth"
        case .last: return "last"
        }
    }

    static func ordinal(named name: String) -> WeekOrdinal? {
        WeekOrdinal.allCases.first { self.name(of: $0) == name }
    }
}
