import PlanModel

/// One `<Calendar>` and the sub-element being read inside it.
struct CalendarState {
    var calendar = WorkCalendar(id: "", name: "")
    var uid: Int?
    var isBase: Bool?
    var baseUID: Int?
    var location = SourceLocation()
    /// `<Exceptions>` was present; its rules win over the legacy `DayType 0` rows (brief §3).
    var sawExceptions = false
    var exceptions: [CalendarException] = []
    var legacyExceptions: [CalendarException] = []

    var weekDay = WeekDayState()
    var workingTime = WorkingTimeState()
    var exception = ExceptionState()
    var workWeek = WorkWeekState()
    var period = PeriodState()
}

struct WeekDayState {
    var dayType: Int?
    var working: Bool?
    var intervals: [WorkingInterval] = []
    var period: PeriodState?
    var kept: [(String, String)] = []
}

struct WorkingTimeState {
    var from: TimeOfDay?
    var to: TimeOfDay?
}

struct PeriodState {
    var from: CivilDateTime?
    var to: CivilDateTime?
}

struct ExceptionState {
    var enteredByOccurrences: Bool?
    var occurrences: Int?
    var name: String?
    var type: Int?
    var period: Int?
    var daysOfWeek: Int?
    var month: Int?
    var monthItem: Int?
    var monthPosition: Int?
    var monthDay: Int?
    var working: Bool?
    var intervals: [WorkingInterval] = []
    var timePeriod: PeriodState?
    var location = SourceLocation()
    var kept: [(String, String)] = []
}

struct WorkWeekState {
    var name: String?
    var period: PeriodState?
    var week = WeekPattern()
    var kept: [(String, String)] = []
}

extension MSPDIDocumentBuilder {
    private var calendarEntity: EntityRef? { calendar.uid.map { .calendar(CalendarID(MSPDIDocumentBuilder.uidText($0))) } }

    func calendarLeaf(_ element: MSPDIElement) {
        if calendar.location.line == nil { calendar.location = valueLocation }
        switch element {
        case .UID: calendar.uid = value(element, MSPDI.int)
        case .Name: calendar.calendar.name = textString
        case .IsBaseCalendar: calendar.isBase = value(element, entity: calendarEntity, MSPDI.bool)
        case .BaseCalendarUID: calendar.baseUID = value(element, entity: calendarEntity, MSPDI.int)
        default: break
        }
    }

    func endCalendar() {
        guard let uid = calendar.uid else {
            diagnostics.append(Diagnostic(.mspdiMissingUID, "a calendar without a UID was skipped", at: calendar.location))
            return
        }
        var result = calendar.calendar
        result.id = CalendarID(MSPDIDocumentBuilder.uidText(uid))
        // BaseCalendarUID -1 (2002–2010) and 0 (2013+) both mean "none" (brief §0.11).
        if let base = calendar.baseUID, base > 0 { result.baseCalendar = CalendarID(MSPDIDocumentBuilder.uidText(base)) }
        result.isBaseCalendar = calendar.isBase ?? (result.baseCalendar == nil)
        result.exceptions = calendar.sawExceptions && !calendar.exceptions.isEmpty ? calendar.exceptions : calendar.legacyExceptions
        plan.calendars.append(result)
    }

    // MARK: Week days

    func weekDayLeaf(_ element: MSPDIElement) {
        switch element {
        case .DayType: calendar.weekDay.dayType = value(element, entity: calendarEntity, MSPDI.int)
        case .DayWorking: calendar.weekDay.working = value(element, entity: calendarEntity, MSPDI.bool)
        default: break
        }
    }

    func endWeekDay() {
        let day = calendar.weekDay
        guard let dayType = day.dayType else {
            warn(.mspdiBadValue, "a WeekDay without DayType was skipped", entity: calendarEntity)
            return
        }
        let intervals = day.working == false ? [] : day.intervals
        if dayType == 0 {
            // Legacy exception row: a date range, non-working or with its own hours.
            guard let from = day.period?.from, let to = day.period?.to else {
                warn(.mspdiBadValue, "an exception WeekDay (DayType 0) without TimePeriod was skipped", entity: calendarEntity)
                return
            }
            calendar.legacyExceptions.append(CalendarException(from: from.date, to: to.date, intervals: intervals))
            return
        }
        guard let weekday = Weekday(rawValue: dayType) else {
            warn(.mspdiBadValue, "DayType \(dayType) is not 0–7; the WeekDay was skipped", entity: calendarEntity)
            return
        }
        if day.working == true && intervals.isEmpty {
            // Working without hours: the day keeps whatever the base calendar (or default) says.
            return
        }
        if inside(.WorkWeek) {
            calendar.workWeek.week[weekday] = intervals
        } else {
            calendar.calendar.week[weekday] = intervals
            for (name, xml) in day.kept {
                calendar.calendar.extensions[MSPDI.extensionKey("WeekDay", String(dayType), name), default: ""] += xml
            }
        }
    }

    func periodLeaf(_ element: MSPDIElement) {
        switch element {
        case .FromDate: calendar.period.from = dateTime(element, entity: calendarEntity)
        case .ToDate: calendar.period.to = dateTime(element, entity: calendarEntity)
        default: break
        }
    }

    func endPeriod(owner: MSPDIElement?) {
        switch owner {
        case .WeekDay?: calendar.weekDay.period = calendar.period
        case .Exception?: calendar.exception.timePeriod = calendar.period
        case .WorkWeek?: calendar.workWeek.period = calendar.period
        default: break
        }
    }

    func workingTimeLeaf(_ element: MSPDIElement) {
        switch element {
        case .FromTime: calendar.workingTime.from = value(element, entity: calendarEntity, MSPDI.timeOfDay)
        case .ToTime: calendar.workingTime.to = value(element, entity: calendarEntity, MSPDI.timeOfDay)
        default: break
        }
    }

    func endWorkingTime() {
        guard let from = calendar.workingTime.from, var to = calendar.workingTime.to else {
            warn(.mspdiBadValue, "a WorkingTime without FromTime and ToTime was skipped", entity: calendarEntity)
            return
        }
        // `ToTime 00:00:00` is the end of the day (brief §2.1).
        if to.minutes == 0 { to = .endOfDay }
        guard from < to else {
            warn(.mspdiBadValue, "WorkingTime \(from)–\(to) is empty or reversed; skipped", entity: calendarEntity)
            return
        }
        let interval = WorkingInterval(from: from, to: to)
        if inside(.Exception) {
            calendar.exception.intervals.append(interval)
        } else {
            calendar.weekDay.intervals.append(interval)
        }
    }

    // MARK: Exceptions

    func exceptionLeaf(_ element: MSPDIElement) {
        if calendar.exception.location.line == nil { calendar.exception.location = valueLocation }
        switch element {
        case .EnteredByOccurrences: calendar.exception.enteredByOccurrences = value(element, entity: calendarEntity, MSPDI.bool)
        case .Occurrences: calendar.exception.occurrences = value(element, entity: calendarEntity, MSPDI.int)
        case .Name: calendar.exception.name = textString
        case .Type: calendar.exception.type = value(element, entity: calendarEntity, MSPDI.int)
        case .Period: calendar.exception.period = value(element, entity: calendarEntity, MSPDI.int)
        case .DaysOfWeek: calendar.exception.daysOfWeek = value(element, entity: calendarEntity, MSPDI.int)
        case .Month: calendar.exception.month = value(element, entity: calendarEntity, MSPDI.int)
        case .MonthItem: calendar.exception.monthItem = value(element, entity: calendarEntity, MSPDI.int)
        case .MonthPosition: calendar.exception.monthPosition = value(element, entity: calendarEntity, MSPDI.int)
        case .MonthDay: calendar.exception.monthDay = value(element, entity: calendarEntity, MSPDI.int)
        case .DayWorking: calendar.exception.working = value(element, entity: calendarEntity, MSPDI.bool)
        default: break
        }
    }

    func endException() {
        var e = calendar.exception
        guard let from = e.timePeriod?.from, let to = e.timePeriod?.to else {
            diagnostics.append(Diagnostic(
                .mspdiBadValue, "a calendar Exception without TimePeriod was skipped", at: e.location, entity: calendarEntity))
            return
        }
        var recurrence: Recurrence?
        switch recurrencePattern(e, from: from.date) {
        case .some(.some(let pattern)): recurrence = Recurrence(pattern: pattern)
        case .some(.none): recurrence = nil
        case .none:
            diagnostics.append(Diagnostic(
                .mspdiUnsupportedRecurrence,
                "calendar exception '\(e.name ?? "")' repeats in a way the model cannot hold (Type \(e.type ?? 0), MonthItem \(e.monthItem ?? 0)); skipped",
                at: e.location, entity: calendarEntity))
            return
        }
        // How the range was entered: a count belongs to the rule; for plain ranges it is kept.
        if recurrence != nil, e.enteredByOccurrences == true, let count = e.occurrences {
            recurrence?.occurrences = count
        } else {
            if let count = e.occurrences { e.kept.append(("Occurrences", "<Occurrences>\(count)</Occurrences>")) }
            if recurrence == nil, let entered = e.enteredByOccurrences {
                e.kept.append(("EnteredByOccurrences", "<EnteredByOccurrences>\(entered ? 1 : 0)</EnteredByOccurrences>"))
            }
        }
        let index = calendar.exceptions.count
        calendar.exceptions.append(CalendarException(
            name: e.name, from: from.date, to: to.date, intervals: e.working == true ? e.intervals : [], recurrence: recurrence))
        for (name, xml) in e.kept {
            calendar.calendar.extensions[MSPDI.extensionKey("Exception", String(index), name), default: ""] += xml
        }
    }

    /// `nil`: not representable; `.some(nil)`: a plain date range; otherwise the rule (brief §3).
    private func recurrencePattern(_ e: ExceptionState, from: CivilDate) -> RecurrencePattern?? {
        let interval = max(e.period ?? 1, 1)
        switch e.type.flatMap(MSPDI.ExceptionType.init(rawValue:)) {
        case nil, .dailyRange?, .byWeekdayCount?, .unspecified?:
            return .some(nil)
        case .daily?:
            return .daily(interval: interval)
        case .weekly?:
            return .weekly(interval: interval, days: MSPDI.weekdays(fromDaysOfWeek: e.daysOfWeek ?? 0))
        case .monthlyByDay?:
            return .monthlyByDay(interval: interval, day: e.monthDay ?? from.day)
        case .monthlyByPosition?:
            guard let weekday = e.monthItem.flatMap(MSPDI.weekday(monthItem:)),
                let ordinal = MSPDI.weekOrdinal(monthPosition: e.monthPosition ?? 0)
            else { return nil }
            return .monthlyByWeekday(interval: interval, ordinal: ordinal, weekday: weekday)
        case .yearlyByDate?:
            return .yearlyByDate(month: (e.month ?? from.month - 1) + 1, day: e.monthDay ?? from.day)
        case .yearlyByPosition?:
            guard let weekday = e.monthItem.flatMap(MSPDI.weekday(monthItem:)),
                let ordinal = MSPDI.weekOrdinal(monthPosition: e.monthPosition ?? 0)
            else { return nil }
            return .yearlyByWeekday(month: (e.month ?? from.month - 1) + 1, ordinal: ordinal, weekday: weekday)
        }
    }

    // MARK: Work weeks

    func workWeekLeaf(_ element: MSPDIElement) {
        if element == .Name { calendar.workWeek.name = textString }
    }

    func endWorkWeek() {
        let w = calendar.workWeek
        guard let from = w.period?.from, let to = w.period?.to else {
            warn(.mspdiBadValue, "a WorkWeek without TimePeriod was skipped", entity: calendarEntity)
            return
        }
        let index = calendar.calendar.workWeeks.count
        calendar.calendar.workWeeks.append(WorkWeek(name: w.name, from: from.date, to: to.date, week: w.week))
        for (name, xml) in w.kept {
            calendar.calendar.extensions[MSPDI.extensionKey("WorkWeek", String(index), name), default: ""] += xml
        }
    }
}
