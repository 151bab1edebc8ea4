import PlanModel

// Small constructors that keep the hand-computed cases readable. A typo in a literal is a bug in
// the test itself, so it stops the run loudly instead of turning into a silent nil.

func moment(_ text: String) -> CivilDateTime {
    guard let value = CivilDateTime(iso: text) else { preconditionFailure("bad moment literal \(text)") }
    return value
}

func day(_ text: String) -> CivilDate {
    guard let value = CivilDate(iso: text) else { preconditionFailure("bad date literal \(text)") }
    return value
}

func hours(_ from: String, _ to: String) -> WorkingInterval {
    guard let start = TimeOfDay(iso: from), let end = TimeOfDay(iso: to) else {
        preconditionFailure("bad time literal \(from)–\(to)")
    }
    return WorkingInterval(from: start, to: end)
}

/// A week where `working` days have `intervals` and every other day is explicitly non-working.
func week(_ working: Set<Weekday>, _ intervals: [WorkingInterval]) -> WeekPattern {
    var pattern = WeekPattern()
    for weekday in Weekday.allCases { pattern[weekday] = working.contains(weekday) ? intervals : [] }
    return pattern
}

let weekdays: Set<Weekday> = [.monday, .tuesday, .wednesday, .thursday, .friday]
let everyDay = Set(Weekday.allCases)

/// The standard week (Mon–Fri 08–12, 13–17) spelled out, with the given exceptions.
func standardCalendar(id: CalendarID = "1", exceptions: [CalendarException] = [], workWeeks: [WorkWeek] = []) -> WorkCalendar {
    WorkCalendar(id: id, name: "Standard", week: .standard, exceptions: exceptions, workWeeks: workWeeks)
}

/// The days from `first` to `last` on which `calendar` has no working time, as ISO text.
func nonWorkingDays(_ calendar: ResolvedCalendar, from first: String, through last: String) -> [String] {
    var result: [String] = []
    var current = day(first)
    while current <= day(last) {
        if !calendar.isWorkingDay(current) { result.append(current.description) }
        current = current.adding(days: 1)
    }
    return result
}
