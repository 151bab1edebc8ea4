import PlanModel

/// A standard calendar with holidays, recurring exceptions of every pattern and work weeks; now and
/// then a 24-hour and a night-shift calendar; and resource calendars derived from the standard one.
extension PlanBuilder {
    mutating func buildCalendars() {
        var number = 1
        standardCalendar = calendarID(number, key: "standard")
        plan.calendars.append(makeStandardCalendar())
        if rng.chance(0.5) {
            number += 1
            let id = calendarID(number, key: "24-hours")
            let allDay = [WorkingInterval(from: .midnight, to: .endOfDay)]
            var week = WeekPattern()
            for day in Weekday.allCases { week[day] = allDay }
            plan.calendars.append(WorkCalendar(id: id, name: "24 Hours", week: week))
            otherBaseCalendars.append(id)
        }
        if rng.chance(0.3) {
            number += 1
            let id = calendarID(number, key: "night-shift")
            plan.calendars.append(WorkCalendar(id: id, name: "Night Shift", week: nightShift))
            otherBaseCalendars.append(id)
            nightShiftCalendar = id
        }
        // Resource calendars for a few people, as MS Project derives one per work resource.
        let people = plan.resources.indices.filter { plan.resources[$0].type == .work }.prefix(rng.int(1...3))
        for resourceIndex in people {
            number += 1
            let resource = plan.resources[resourceIndex]
            var calendar = WorkCalendar(
                id: calendarID(number, key: "res-" + resource.id.rawValue), name: resource.name,
                baseCalendar: standardCalendar, isBaseCalendar: false, resource: resource.id)
            if rng.chance(0.5) {
                // Part time: Fridays off; the other days are inherited from the base calendar.
                calendar.week[.friday] = []
            }
            let vacationStart = rng.int(150...250)
            calendar.exceptions.append(
                CalendarException(
                    name: rng.chance(0.8) ? rng.pick(["Urlaub", "Vacation", "Congés", "休暇"]) : nil,
                    from: clock.origin.adding(days: vacationStart), to: clock.origin.adding(days: vacationStart + 11)))
            if rng.chance(0.2) { calendar.extensions["mspdi:Calendar/GUID"] = guid() }
            plan.calendars.append(calendar)
            plan.resources[resourceIndex].calendar = calendar.id
        }
    }

    private mutating func makeStandardCalendar() -> WorkCalendar {
        let workday = clock.intervals
        var week = WeekPattern()
        for day in Weekday.allCases { week[day] = day == .saturday || day == .sunday ? [] : workday }
        var calendar = WorkCalendar(
            id: standardCalendar, name: rng.pick(["Standard", "Arbeitszeit", "Standard (7,5 h)", "Bureau – été"]), week: week
        )
        calendar.exceptions = standardExceptions(workday: workday)
        if rng.chance(0.6) {
            // Summer hours: Friday afternoons off in July and August.
            var summer = week
            summer[.friday] = [workday[0]]
            calendar.workWeeks.append(
                WorkWeek(
                    name: rng.chance(0.8) ? "Summer hours ☀️" : nil, from: day(2026, 7, 1), to: day(2026, 8, 31), week: summer
                ))
        }
        if rng.chance(0.2) {
            // A partial pattern: only the days named change, the rest follow the calendar's week.
            var winter = WeekPattern()
            winter[.monday] = [hours(10, 0, 12, 0), hours(13, 0, 16, 0)]
            calendar.workWeeks.append(
                WorkWeek(name: "Winterzeit", from: day(2026, 11, 2), to: day(2027, 2, 26), week: winter))
        }
        if rng.chance(0.2) { calendar.extensions["mspdi:Calendar/GUID"] = guid() }
        return calendar
    }

    /// Holidays and changed days, including one of each recurrence pattern in some plans. New
    /// Year's Day, recurring yearly, is in every plan.
    private mutating func standardExceptions(workday: [WorkingInterval]) -> [CalendarException] {
        let morningOnly = [workday[0]]
        var exceptions = [
            CalendarException(
                name: rng.pick(["New Year's Day", "Neujahr", "Jour de l'an", "元日"]), from: day(2026, 1, 1),
                to: day(2035, 12, 31),
                recurrence: Recurrence(pattern: .yearlyByDate(month: 1, day: 1), occurrences: rng.chance(0.6) ? 10 : nil))
        ]
        if rng.chance(0.8) {
            exceptions.append(CalendarException(name: "Karfreitag", from: day(2026, 4, 3), to: day(2026, 4, 3)))
        }
        if rng.chance(0.7) {
            exceptions.append(
                CalendarException(
                    name: rng.chance(0.8) ? "Winter shutdown – Betriebsferien" : nil, from: day(2026, 12, 24),
                    to: day(2026, 12, 31)))
        }
        if rng.chance(0.6) {
            exceptions.append(
                CalendarException(name: "Sommerfest 🎉", from: day(2026, 6, 19), to: day(2026, 6, 19), intervals: morningOnly)
            )
        }
        if rng.chance(0.5) {
            exceptions.append(
                CalendarException(
                    name: "Thanksgiving", from: day(2026, 11, 1), to: day(2030, 12, 31),
                    recurrence: Recurrence(pattern: .yearlyByWeekday(month: 11, ordinal: .fourth, weekday: .thursday))))
        }
        if rng.chance(0.5) {
            exceptions.append(
                // Eleven, to November: MS Project refuses exceptions that overlap, and December's
                // last Friday falls in the winter shutdown. The end is the last occurrence, as
                // MS Project writes it.
                CalendarException(
                    name: "Team day", from: day(2026, 1, 1), to: day(2026, 11, 27), intervals: morningOnly,
                    recurrence: Recurrence(
                        pattern: .monthlyByWeekday(interval: 1, ordinal: .last, weekday: .friday), occurrences: 11)))
        }
        if rng.chance(0.4) {
            exceptions.append(
                CalendarException(
                    name: nil, from: day(2026, 2, 1), to: day(2026, 11, 30), intervals: [hours(13, 0, 17, 0)],
                    recurrence: Recurrence(pattern: .monthlyByDay(interval: 2, day: 15))))
        }
        if rng.chance(0.4) {
            // Ten days, each one occurrence, the last on 30 April. MS Project writes that last day
            // as the end; an end later than it (this said 30 June, with nine occurrences) is a
            // file MS Project never writes, and readers that take the end over the count (MPXJ)
            // then see five more weeks of training. Tuesdays and Thursdays: a Wednesday would be
            // 15 April, which the exception for the 15th of every other month already holds, and
            // MS Project refuses exceptions that overlap.
            exceptions.append(
                CalendarException(
                    name: "Fortnightly training", from: day(2026, 3, 2), to: day(2026, 4, 30), intervals: morningOnly,
                    recurrence: Recurrence(pattern: .weekly(interval: 2, days: [.tuesday, .thursday]), occurrences: 10)))
        }
        if rng.chance(0.3) {
            exceptions.append(
                CalendarException(
                    name: "Heat wave hours", from: day(2026, 8, 3), to: day(2026, 8, 7), intervals: [hours(6, 30, 14, 30)],
                    recurrence: Recurrence(pattern: .daily(interval: 1))))
        }
        return exceptions
    }

    /// Monday 23:00 to Saturday 08:00 with a break at 03:00; a shift that ends at midnight ends
    /// at 24:00.
    private var nightShift: WeekPattern {
        let late = hours(23, 0, 24, 0)
        let early = [hours(0, 0, 3, 0), hours(4, 0, 8, 0)]
        var week = WeekPattern()
        week[.sunday] = []
        week[.monday] = [late]
        for day in [Weekday.tuesday, .wednesday, .thursday, .friday] { week[day] = early + [late] }
        week[.saturday] = early
        return week
    }

    private func day(_ year: Int, _ month: Int, _ day: Int) -> CivilDate { CivilDate(year: year, month: month, day: day)! }

    private func hours(_ fromHour: Int, _ fromMinute: Int, _ toHour: Int, _ toMinute: Int) -> WorkingInterval {
        WorkingInterval(from: TimeOfDay(hour: fromHour, minute: fromMinute)!, to: TimeOfDay(hour: toHour, minute: toMinute)!)
    }

    /// A GUID in MSPDI's spelling, from the generator's own numbers.
    mutating func guid() -> String {
        let a = rng.next()
        let b = rng.next()
        func hex(_ value: UInt64, _ digits: Int) -> String {
            let text = String(value, radix: 16, uppercase: true)
            return String(repeating: "0", count: max(0, digits - text.count)) + text.suffix(digits)
        }
        return
            "\(hex(a >> 32, 8))-\(hex((a >> 16) & 0xFFFF, 4))-\(hex(a & 0xFFFF, 4))-\(hex(b >> 48, 4))-\(hex(b & 0xFFFF_FFFF_FFFF, 12))"
    }
}
