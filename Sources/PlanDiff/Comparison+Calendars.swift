import PlanModel

extension Comparison {
    /// Calendars added and removed, their weekly hours, base calendar and work weeks changed, and
    /// their holidays (any dated exception) added, removed or given other hours. A resource calendar
    /// that comes or goes with its resource is part of that change and not listed again.
    mutating func compareCalendars() {
        let currentOfCalendar = NamedMatcher.match(
            baseline: baseline.calendars.map { ($0.id.rawValue, $0.name) },
            current: current.calendars.map { ($0.id.rawValue, $0.name) }, mode: mode == .name ? .name : .auto)
        let slots = 4
        let gone = ownersGone()
        var matchedCurrent = [Bool](repeating: false, count: current.calendars.count)
        for (i, then) in baseline.calendars.enumerated() {
            guard let j = currentOfCalendar[i] else {
                if then.resource.map(gone.removed.contains) != true {
                    add(Change(kind: .calendarRemoved, id: then.id.rawValue, name: then.name, before: Self.calendarKind(then)),
                        group: 4, position: (current.calendars.count + i) * slots)
                }
                continue
            }
            matchedCurrent[j] = true
            let now = current.calendars[j]
            for (field, before, after) in calendarFields(then, now) where before != after {
                add(Change(kind: .calendarChanged, id: now.id.rawValue, baselineID: then.id.rawValue, name: now.name, field: field,
                           before: before, after: after), group: 4, position: j * slots)
            }
            compareExceptions(then, now, position: j * slots + 1)
        }
        for (j, now) in current.calendars.enumerated() where !matchedCurrent[j] && now.resource.map(gone.added.contains) != true {
            add(Change(kind: .calendarAdded, id: now.id.rawValue, name: now.name, after: Self.calendarKind(now)), group: 4, position: j * slots)
        }
    }

    /// Exceptions are paired by their dates and recurrence, not their names: renaming a holiday
    /// changes no working time, while the same dates with other hours are one change, not two.
    private mutating func compareExceptions(_ then: WorkCalendar, _ now: WorkCalendar, position: Int) {
        var remaining: [ExceptionDates: [CalendarException]] = [:]
        for exception in now.exceptions { remaining[ExceptionDates(exception), default: []].append(exception) }
        var removed: [CalendarException] = []
        for exception in then.exceptions {
            let key = ExceptionDates(exception)
            guard var candidates = remaining[key], !candidates.isEmpty else {
                removed.append(exception)
                continue
            }
            let other = candidates.firstIndex { $0.intervals == exception.intervals } ?? 0
            let counterpart = candidates.remove(at: other)
            remaining[key] = candidates
            if counterpart.intervals != exception.intervals {
                add(Change(kind: .holidayChanged, id: now.id.rawValue, baselineID: then.id.rawValue, name: now.name,
                           field: counterpart.name ?? exception.name, before: ValueText.exception(exception),
                           after: ValueText.exception(counterpart)), group: 4, position: position + 2)
            }
        }
        for exception in removed {
            add(Change(kind: .holidayRemoved, id: now.id.rawValue, baselineID: then.id.rawValue, name: now.name,
                       field: exception.name, before: ValueText.exception(exception)), group: 4, position: position)
        }
        for exception in now.exceptions where remaining[ExceptionDates(exception)]?.contains(exception) == true {
            add(Change(kind: .holidayAdded, id: now.id.rawValue, baselineID: then.id.rawValue, name: now.name,
                       field: exception.name, after: ValueText.exception(exception)), group: 4, position: position + 1)
        }
    }

    /// The fields of a calendar that a change of working time shows in: each weekday's hours, the
    /// base calendar (by name, as identities differ between tools) and the work weeks.
    private func calendarFields(_ then: WorkCalendar, _ now: WorkCalendar) -> [(String, String, String)] {
        var fields: [(String, String, String)] = []
        for day in Weekday.allCases {
            fields.append((day.name, ValueText.weekday(then, day), ValueText.weekday(now, day)))
        }
        fields.append(("base calendar", baseName(then, in: baseline), baseName(now, in: current)))
        let oldWeeks = Set(then.workWeeks.map(ValueText.workWeek))
        let newWeeks = Set(now.workWeeks.map(ValueText.workWeek))
        for week in then.workWeeks.map(ValueText.workWeek) where !newWeeks.contains(week) { fields.append(("work week", week, "-")) }
        for week in now.workWeeks.map(ValueText.workWeek) where !oldWeeks.contains(week) { fields.append(("work week", "-", week)) }
        return fields
    }

    private func baseName(_ calendar: WorkCalendar, in plan: Plan) -> String {
        guard let base = calendar.baseCalendar else { return "-" }
        return plan.calendars.first { $0.id == base }?.name ?? base.rawValue
    }

    /// Resources removed from the baseline and added in the current plan: their calendars come
    /// and go with them.
    private func ownersGone() -> (removed: Set<ResourceID>, added: Set<ResourceID>) {
        var removed: Set<ResourceID> = []
        for (i, resource) in baseline.resources.enumerated() where currentOfResource[i] == nil { removed.insert(resource.id) }
        var matched = [Bool](repeating: false, count: current.resources.count)
        for case let j? in currentOfResource { matched[j] = true }
        var added: Set<ResourceID> = []
        for (j, resource) in current.resources.enumerated() where !matched[j] { added.insert(resource.id) }
        return (removed, added)
    }

    static func calendarKind(_ calendar: WorkCalendar) -> String {
        calendar.resource != nil ? "resource calendar" : (calendar.isBaseCalendar ? "base calendar" : "calendar")
    }
}

/// What pairs two calendar exceptions: the dates they cover and how they repeat.
struct ExceptionDates: Hashable {
    var from: CivilDate
    var to: CivilDate
    var recurrence: Recurrence?

    init(_ exception: CalendarException) {
        from = exception.from
        to = exception.to
        recurrence = exception.recurrence
    }
}
