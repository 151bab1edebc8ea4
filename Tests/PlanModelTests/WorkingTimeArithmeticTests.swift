import PlanModel
import Testing

// Reference week, March 2024: Fri 1, Sat 2, Sun 3, Mon 4, Tue 5, … Fri 8, Mon 11.
// The standard calendar works Mon–Fri 08:00–12:00 and 13:00–17:00: 480 minutes a day.

@Suite("Working time on the standard calendar")
struct StandardArithmeticTests {
    let calendar = ResolvedCalendar.standard

    @Test("Adding runs over the weekend")
    func addAcrossWeekend() {
        // Friday 16:00–17:00 gives 60 minutes, the other 60 are Monday 08:00–09:00.
        #expect(calendar.adding(workingMinutes: 120, to: moment("2024-03-01T16:00")) == moment("2024-03-04T09:00"))
    }

    @Test("A start lands where work resumes, a finish where work stopped")
    func startVersusFinish() {
        // Friday 15:00 + 2 h reaches 17:00 exactly. A finish stays there; a start moves to Monday 08:00.
        #expect(calendar.adding(workingMinutes: 120, to: moment("2024-03-01T15:00"), as: .finish) == moment("2024-03-01T17:00"))
        #expect(calendar.adding(workingMinutes: 120, to: moment("2024-03-01T15:00"), as: .start) == moment("2024-03-04T08:00"))
        // 5 working days from Monday 08:00 end on Friday 17:00, and the next start is Monday 08:00.
        #expect(calendar.adding(workingMinutes: 2400, to: moment("2024-03-04T08:00"), as: .finish) == moment("2024-03-08T17:00"))
        #expect(calendar.adding(workingMinutes: 2400, to: moment("2024-03-04T08:00"), as: .start) == moment("2024-03-11T08:00"))
    }

    @Test("Adding zero moves a start forward and a finish backward out of non-working time")
    func addZero() {
        // Saturday 10:00: the next working moment is Monday 08:00, the previous one Friday 17:00.
        #expect(calendar.adding(workingMinutes: 0, to: moment("2024-03-02T10:00")) == moment("2024-03-04T08:00"))
        #expect(calendar.adding(workingMinutes: 0, to: moment("2024-03-02T10:00"), as: .finish) == moment("2024-03-01T17:00"))
        // Lunch: a start waits until 13:00, a finish stays at 12:00.
        #expect(calendar.nextWorkingMoment(atOrAfter: moment("2024-03-04T12:30")) == moment("2024-03-04T13:00"))
        #expect(calendar.previousWorkingMoment(atOrBefore: moment("2024-03-04T12:30")) == moment("2024-03-04T12:00"))
        // In working time, both stay put.
        #expect(calendar.adding(workingMinutes: 0, to: moment("2024-03-04T10:15"), as: .finish) == moment("2024-03-04T10:15"))
        #expect(calendar.adding(workingMinutes: 0, to: moment("2024-03-04T10:15"), as: .start) == moment("2024-03-04T10:15"))
        // 17:00 is where work stops: the previous working moment is 17:00 itself, the next Tuesday 08:00.
        #expect(calendar.previousWorkingMoment(atOrBefore: moment("2024-03-04T17:00")) == moment("2024-03-04T17:00"))
        #expect(calendar.nextWorkingMoment(atOrAfter: moment("2024-03-04T17:00")) == moment("2024-03-05T08:00"))
    }

    @Test("Adding skips the lunch break")
    func lunchBreak() {
        // 11:00–12:00 is 60 minutes, 13:00–14:00 the other 60.
        #expect(calendar.adding(workingMinutes: 120, to: moment("2024-03-04T11:00")) == moment("2024-03-04T14:00"))
    }

    @Test("Negative minutes go backwards")
    func subtract() {
        // Monday 09:00 − 2 h: 60 minutes back to Monday 08:00, then Friday 17:00 back to 16:00.
        #expect(calendar.adding(workingMinutes: -120, to: moment("2024-03-04T09:00")) == moment("2024-03-01T16:00"))
        // Friday 17:00 − 4 h reaches 13:00 exactly: a start stays at 13:00, a finish is the end of
        // the morning shift, 12:00.
        #expect(calendar.adding(workingMinutes: -240, to: moment("2024-03-01T17:00"), as: .start) == moment("2024-03-01T13:00"))
        #expect(calendar.adding(workingMinutes: -240, to: moment("2024-03-01T17:00"), as: .finish) == moment("2024-03-01T12:00"))
        // A negative WorkDuration works the same way: Monday 12:00 − 8 h is Monday 08:00 (4 h) and
        // Friday 13:00–17:00 (4 h), so a start lands at Friday 13:00.
        #expect(calendar.adding(WorkDuration(minutes: -480), to: moment("2024-03-04T12:00")) == moment("2024-03-01T13:00"))
    }

    @Test("Arithmetic works the same before 1970")
    func beforeEpoch() {
        // 1970-01-01 was a Thursday, so 1969-12-26 was a Friday and 1969-12-29 a Monday.
        #expect(calendar.adding(workingMinutes: 120, to: moment("1969-12-26T16:00")) == moment("1969-12-29T09:00"))
        // Thursday 1 January 1970 09:00 − 2 h: 08:00–09:00 that day, then Wednesday 16:00–17:00.
        #expect(calendar.adding(workingMinutes: -120, to: moment("1970-01-01T09:00")) == moment("1969-12-31T16:00"))
        #expect(calendar.workingMinutes(from: moment("1969-12-31T16:00"), to: moment("1970-01-01T09:00")) == 120)
    }

    @Test("Whole weeks are skipped in bulk without losing a minute")
    func longDurations() {
        // 10 weeks of 2400 minutes from Monday 4 March end on the Friday before Monday 13 May
        // (4 March + 70 days), at 17:00.
        #expect(calendar.adding(workingMinutes: 24_000, to: moment("2024-03-04T08:00"), as: .finish) == moment("2024-05-10T17:00"))
        // 52 weeks from Monday 1 January 2024 end on Friday 27 December (Monday 30 December − 3 days).
        #expect(calendar.adding(workingMinutes: 52 * 2400, to: moment("2024-01-01T08:00"), as: .finish) == moment("2024-12-27T17:00"))
        // And back again.
        #expect(calendar.adding(workingMinutes: -52 * 2400, to: moment("2024-12-27T17:00")) == moment("2024-01-01T08:00"))
        // One minute more than 10 weeks: Monday 13 May 08:01.
        #expect(calendar.adding(workingMinutes: 24_001, to: moment("2024-03-04T08:00")) == moment("2024-05-13T08:01"))
    }

    @Test("Working minutes between two moments are signed")
    func between() {
        // Friday 16:00 → Monday 09:00: 60 + 60.
        #expect(calendar.workingMinutes(from: moment("2024-03-01T16:00"), to: moment("2024-03-04T09:00")) == 120)
        #expect(calendar.workingMinutes(from: moment("2024-03-04T09:00"), to: moment("2024-03-01T16:00")) == -120)
        // Two whole weeks.
        #expect(calendar.workingMinutes(from: moment("2024-03-04T00:00"), to: moment("2024-03-18T00:00")) == 4800)
        // Within one day across lunch: 11:30–12:00 and 13:00–13:30.
        #expect(calendar.workingMinutes(from: moment("2024-03-04T11:30"), to: moment("2024-03-04T13:30")) == 60)
        // A whole year of 2024: 262 weekdays (52 weeks plus Mon 30 and Tue 31 December).
        #expect(calendar.workingMinutes(from: moment("2024-01-01T00:00"), to: moment("2025-01-01T00:00")) == 262 * 480)
        // Seconds are kept: 08:00:30 → 08:02:00 is 90 seconds, one whole minute.
        #expect(calendar.workingMinutes(from: moment("2024-03-04T08:00:30"), to: moment("2024-03-04T08:02:00")) == 1)
    }

    @Test("Adding and measuring agree")
    func addThenMeasure() throws {
        for minutes in [1, 59, 240, 479, 480, 481, 2399, 2400, 2401, 12_345] {
            let start = moment("2024-03-01T10:20")
            let end = try #require(calendar.adding(workingMinutes: minutes, to: start, as: .finish))
            #expect(calendar.workingMinutes(from: start, to: end) == minutes)
            #expect(calendar.adding(workingMinutes: -minutes, to: end) == start)
        }
    }
}

@Suite("Working time with holidays")
struct HolidayArithmeticTests {
    @Test("A one-day holiday is skipped")
    func singleHoliday() {
        let calendar = ResolvedCalendar(standardCalendar(exceptions: [CalendarException(name: "Holiday", from: day("2024-03-04"), to: day("2024-03-04"))]))
        // Friday 16:00–17:00, Monday is off, Tuesday 08:00–09:00.
        #expect(calendar.adding(workingMinutes: 120, to: moment("2024-03-01T16:00")) == moment("2024-03-05T09:00"))
        // Friday 1 March to Saturday 9 March: Friday plus Tuesday–Friday, five days of 480.
        #expect(calendar.workingMinutes(from: moment("2024-03-01T00:00"), to: moment("2024-03-09T00:00")) == 2400)
        #expect(calendar.adding(workingMinutes: -60, to: moment("2024-03-05T08:00")) == moment("2024-03-01T16:00"))
    }

    @Test("Christmas every year from 2020 to 2030")
    func yearlyHoliday() {
        let christmas = CalendarException(
            name: "Christmas", from: day("2020-01-01"), to: day("2030-12-31"),
            recurrence: Recurrence(pattern: .yearlyByDate(month: 12, day: 25)))
        let calendar = ResolvedCalendar(standardCalendar(exceptions: [christmas]))
        // 2024-12-25 is a Wednesday: Tuesday 16:00–17:00, then Thursday 26th 08:00–09:00.
        #expect(calendar.adding(workingMinutes: 120, to: moment("2024-12-24T16:00")) == moment("2024-12-26T09:00"))
        #expect(!calendar.isWorkingDay(day("2025-12-25")))  // a Thursday
        #expect(calendar.isWorkingDay(day("2031-12-25")))  // a Thursday after the range ends
    }

    @Test("Christmas for two occurrences only")
    func yearlyHolidayWithCount() {
        let christmas = CalendarException(
            name: "Christmas", from: day("2024-01-01"), to: day("2030-12-31"),
            recurrence: Recurrence(pattern: .yearlyByDate(month: 12, day: 25), occurrences: 2))
        let calendar = ResolvedCalendar(standardCalendar(exceptions: [christmas]))
        #expect(!calendar.isWorkingDay(day("2024-12-25")))
        #expect(!calendar.isWorkingDay(day("2025-12-25")))
        #expect(calendar.isWorkingDay(day("2026-12-25")))  // a Friday: the count is used up
    }

    @Test("Last Friday of every month off")
    func lastFriday() {
        let lastFriday = CalendarException(
            name: "Team day", from: day("2024-01-01"), to: day("2024-12-31"),
            recurrence: Recurrence(pattern: .monthlyByWeekday(interval: 1, ordinal: .last, weekday: .friday)))
        let calendar = ResolvedCalendar(standardCalendar(exceptions: [lastFriday]))
        // 29 March 2024 is the last Friday: Thursday 16:00–17:00, then Monday 1 April 08:00–09:00.
        #expect(calendar.adding(workingMinutes: 120, to: moment("2024-03-28T16:00")) == moment("2024-04-01T09:00"))
        #expect(calendar.isWorkingDay(day("2024-03-22")))
        // Week of Mon 25 – Fri 29 March has four working days.
        #expect(calendar.workingMinutes(from: moment("2024-03-25T00:00"), to: moment("2024-03-30T00:00")) == 4 * 480)
    }

    @Test("An exception with changed hours replaces the day's hours")
    func changedHours() {
        let shortDay = CalendarException(name: "Short", from: day("2024-03-05"), to: day("2024-03-05"), intervals: [hours("10:00", "12:00")])
        let calendar = ResolvedCalendar(standardCalendar(exceptions: [shortDay]))
        // Monday 16:00–17:00, Tuesday 10:00–11:00.
        #expect(calendar.adding(workingMinutes: 120, to: moment("2024-03-04T16:00")) == moment("2024-03-05T11:00"))
        // Monday 16:00 + 4 h: 1 h Monday, 2 h Tuesday, 1 h Wednesday from 08:00.
        #expect(calendar.adding(workingMinutes: 240, to: moment("2024-03-04T16:00")) == moment("2024-03-06T09:00"))
    }

    @Test("Working across a work-week boundary")
    func workWeekBoundary() {
        var summer = WeekPattern()
        for weekday in weekdays { summer[weekday] = [hours("08:00", "14:00")] }
        let calendar = ResolvedCalendar(standardCalendar(workWeeks: [WorkWeek(name: "Summer", from: day("2024-07-01"), to: day("2024-08-31"), week: summer)]))
        // Friday 28 June 16:00–17:00 (normal hours), then Monday 1 July 08:00–09:00 (summer hours).
        #expect(calendar.adding(workingMinutes: 120, to: moment("2024-06-28T16:00")) == moment("2024-07-01T09:00"))
        // Friday 30 August 13:00–14:00 (summer), then Monday 2 September 08:00–09:00.
        #expect(calendar.adding(workingMinutes: 120, to: moment("2024-08-30T13:00")) == moment("2024-09-02T09:00"))
        // July 2024 has 23 weekdays, August 22: 45 days of 360 minutes.
        #expect(calendar.workingMinutes(from: moment("2024-07-01T00:00"), to: moment("2024-09-01T00:00")) == 45 * 360)
    }

    @Test("Long durations that cross a holiday or a work-week change are not skipped past them")
    func bulkStopsAtChanges() {
        // 10 weeks = 50 working days from Monday 4 March; with Wednesday 20 March off, the 50th
        // working day is one later than without it: Monday 13 May instead of Friday 10 May.
        let holiday = ResolvedCalendar(standardCalendar(exceptions: [CalendarException(from: day("2024-03-20"), to: day("2024-03-20"))]))
        #expect(holiday.adding(workingMinutes: 24_000, to: moment("2024-03-04T08:00"), as: .finish) == moment("2024-05-13T17:00"))
        #expect(holiday.adding(workingMinutes: -24_000, to: moment("2024-05-13T17:00")) == moment("2024-03-04T08:00"))
        #expect(holiday.workingMinutes(from: moment("2024-03-04T00:00"), to: moment("2024-05-13T00:00")) == 49 * 480)

        // June 3–28 is four standard weeks (9,600 minutes); from 1 July summer hours give 360 a day,
        // so 5 more days (1,800) end on Friday 5 July at 14:00.
        var summer = WeekPattern()
        for weekday in weekdays { summer[weekday] = [hours("08:00", "14:00")] }
        let workWeek = ResolvedCalendar(standardCalendar(workWeeks: [WorkWeek(from: day("2024-07-01"), to: day("2024-08-31"), week: summer)]))
        #expect(workWeek.adding(workingMinutes: 11_400, to: moment("2024-06-03T08:00"), as: .finish) == moment("2024-07-05T14:00"))
        #expect(workWeek.adding(workingMinutes: -11_400, to: moment("2024-07-05T14:00")) == moment("2024-06-03T08:00"))
        #expect(workWeek.workingMinutes(from: moment("2024-06-03T00:00"), to: moment("2024-07-06T00:00")) == 11_400)
        // And the other way out of summer: Monday 5 August + 4 summer weeks (4 × 1,800) + 1 standard
        // day (480) = 7,680 minutes ends on Monday 2 September at 17:00.
        #expect(workWeek.adding(workingMinutes: 7_680, to: moment("2024-08-05T08:00"), as: .finish) == moment("2024-09-02T17:00"))
        #expect(workWeek.adding(workingMinutes: -7_680, to: moment("2024-09-02T17:00")) == moment("2024-08-05T08:00"))
    }

    @Test("Half a year of leave is crossed in one call")
    func longLeave() {
        let leave = CalendarException(name: "Leave", from: day("2024-03-04"), to: day("2024-08-30"))
        let calendar = ResolvedCalendar(standardCalendar(exceptions: [leave]))
        // Friday 1 March 16:00–17:00, then nothing until Monday 2 September 08:00–09:00.
        #expect(calendar.adding(workingMinutes: 120, to: moment("2024-03-01T16:00")) == moment("2024-09-02T09:00"))
        #expect(calendar.adding(workingMinutes: -120, to: moment("2024-09-02T09:00")) == moment("2024-03-01T16:00"))
    }

    @Test("A leave longer than ten years is kept as a range; an earlier-listed exception still wins")
    func veryLongLeave() {
        // The leave runs from Monday 4 March 2024 to Friday 31 March 2034, but the first exception
        // (listed first, so it wins) makes Monday 6 January 2025 a working morning.
        let calendar = ResolvedCalendar(standardCalendar(exceptions: [
            CalendarException(name: "Visit", from: day("2025-01-06"), to: day("2025-01-06"), intervals: [hours("08:00", "12:00")]),
            CalendarException(name: "Sabbatical", from: day("2024-03-04"), to: day("2034-03-31")),
        ]))
        #expect(calendar.adding(workingMinutes: 60, to: moment("2024-03-01T17:00")) == moment("2025-01-06T09:00"))
        // 300 minutes: 240 on 6 January 2025, then the first day after the leave, Monday 3 April 2034,
        // 08:00–09:00. The gap (3,374 days) is shorter than the ten-year search limit.
        #expect(calendar.adding(workingMinutes: 300, to: moment("2024-03-01T17:00")) == moment("2034-04-03T09:00"))
        #expect(!calendar.isWorkingDay(day("2030-06-03")))
    }
}

@Suite("Working time on unusual calendars")
struct UnusualCalendarTests {
    /// Mon–Fri nights 22:00–06:00 as MSPDI writes them: each night split at midnight.
    static let nightShift: ResolvedCalendar = {
        var pattern = WeekPattern()
        pattern[.sunday] = []
        pattern[.monday] = [hours("22:00", "24:00")]
        for weekday in [Weekday.tuesday, .wednesday, .thursday, .friday] { pattern[weekday] = [hours("00:00", "06:00"), hours("22:00", "24:00")] }
        pattern[.saturday] = [hours("00:00", "06:00")]
        return ResolvedCalendar(WorkCalendar(id: "n", name: "Night shift", week: pattern))
    }()

    @Test("A night shift is continuous across midnight")
    func nightShift() {
        let calendar = Self.nightShift
        // Monday 23:00 + 2 h = Tuesday 01:00: Monday 23–24 and Tuesday 00–01 join up.
        #expect(calendar.adding(workingMinutes: 120, to: moment("2024-03-04T23:00")) == moment("2024-03-05T01:00"))
        #expect(calendar.workingMinutes(from: moment("2024-03-04T23:00"), to: moment("2024-03-05T01:00")) == 120)
        // A full 8-hour shift from Monday 22:00 ends Tuesday 06:00; the next start is Tuesday 22:00.
        #expect(calendar.adding(workingMinutes: 480, to: moment("2024-03-04T22:00"), as: .finish) == moment("2024-03-05T06:00"))
        #expect(calendar.adding(workingMinutes: 480, to: moment("2024-03-04T22:00"), as: .start) == moment("2024-03-05T22:00"))
        // Monday 24:00 is Tuesday 00:00, in the middle of the shift: working, and both neighbours are itself.
        #expect(calendar.isWorking(at: moment("2024-03-05T00:00")))
        #expect(calendar.nextWorkingMoment(atOrAfter: moment("2024-03-05T00:00")) == moment("2024-03-05T00:00"))
        #expect(calendar.previousWorkingMoment(atOrBefore: moment("2024-03-05T00:00")) == moment("2024-03-05T00:00"))
        // Backwards across midnight: Tuesday 02:00 − 3 h = 2 h of Tuesday and 1 h of Monday → Monday 23:00.
        #expect(calendar.adding(workingMinutes: -180, to: moment("2024-03-05T02:00")) == moment("2024-03-04T23:00"))
    }

    @Test("A night shift across the weekend")
    func nightShiftWeekend() {
        let calendar = Self.nightShift
        // Friday 22:00 + 10 h: Friday night 22:00–06:00 Saturday is 8 h, then Monday 22:00–24:00 is
        // the last 2 h, which ends at Monday 24:00 = Tuesday 00:00 for a finish and a start alike,
        // because work continues there.
        #expect(calendar.adding(workingMinutes: 600, to: moment("2024-03-08T22:00"), as: .finish) == moment("2024-03-12T00:00"))
        #expect(calendar.adding(workingMinutes: 600, to: moment("2024-03-08T22:00"), as: .start) == moment("2024-03-12T00:00"))
        // One week of nights is 5 × 8 h.
        #expect(calendar.workingMinutes(from: moment("2024-03-04T00:00"), to: moment("2024-03-11T00:00")) == 2400)
    }

    /// Mon–Fri 08:00–12:00 and 12:30–16:00: 240 + 210 = 450 minutes a day.
    static let sevenAndAHalf = ResolvedCalendar(WorkCalendar(id: "h", name: "7.5 h", week: week(weekdays, [hours("08:00", "12:00"), hours("12:30", "16:00")])))

    @Test("7.5-hour days")
    func sevenAndAHalfHours() {
        let calendar = Self.sevenAndAHalf
        #expect(calendar.adding(workingMinutes: 450, to: moment("2024-03-04T08:00"), as: .finish) == moment("2024-03-04T16:00"))
        #expect(calendar.adding(workingMinutes: 450, to: moment("2024-03-04T08:00"), as: .start) == moment("2024-03-05T08:00"))
        // 11:00 + 90: 11:00–12:00 is 60, 12:30–13:00 the other 30.
        #expect(calendar.adding(workingMinutes: 90, to: moment("2024-03-04T11:00")) == moment("2024-03-04T13:00"))
        // Three days at 450 minutes a day, shown in days with 7.5 h/day conventions: Wednesday 16:00.
        let threeDays = WorkDuration(minutes: 3 * 450, unit: .days)
        #expect(calendar.adding(threeDays, to: moment("2024-03-04T08:00"), as: .finish) == moment("2024-03-06T16:00"))
        #expect(threeDays.value(in: TimeConventions(minutesPerDay: 450, minutesPerWeek: 2250)) == 3)
        // Four weeks = 9,000 minutes end on Friday 29 March (4 March + 25 days) at 16:00.
        #expect(calendar.adding(workingMinutes: 9000, to: moment("2024-03-04T08:00"), as: .finish) == moment("2024-03-29T16:00"))
        #expect(calendar.workingMinutes(from: moment("2024-03-04T08:00"), to: moment("2024-03-08T16:00")) == 5 * 450)
    }

    @Test("Elapsed durations and lags run on the clock")
    func elapsed() {
        let calendar = ResolvedCalendar.standard
        // 2 elapsed days from Friday 16:00 is Sunday 16:00, not snapped to working time.
        let twoElapsedDays = WorkDuration(minutes: 2880, unit: .days, isElapsed: true)
        #expect(calendar.adding(twoElapsedDays, to: moment("2024-03-01T16:00")) == moment("2024-03-03T16:00"))
        #expect(calendar.adding(.time(WorkDuration(minutes: -60, unit: .hours, isElapsed: true)), to: moment("2024-03-03T00:30"), predecessorDuration: .zero)
            == moment("2024-03-02T23:30"))
        // Friday 16:00 → Sunday 16:00: 2,880 clock minutes but only 60 working minutes (Friday 16–17).
        #expect(calendar.minutes(from: moment("2024-03-01T16:00"), to: moment("2024-03-03T16:00"), elapsed: true) == 2880)
        #expect(calendar.minutes(from: moment("2024-03-01T16:00"), to: moment("2024-03-03T16:00"), elapsed: false) == 60)
    }

    @Test("Percentage lags take a share of the predecessor's duration")
    func percentLag() {
        let calendar = ResolvedCalendar.standard
        let twoDays = WorkDuration(minutes: 960, unit: .days)
        // 50% of 960 = 480 working minutes after Friday 17:00: all of Monday, so the successor starts
        // Tuesday 08:00.
        #expect(calendar.adding(.percent(50, elapsed: false), to: moment("2024-03-01T17:00"), predecessorDuration: twoDays) == moment("2024-03-05T08:00"))
        // −25% of 960 = −240: Friday 17:00 back to 13:00.
        #expect(calendar.adding(.percent(-25, elapsed: false), to: moment("2024-03-01T17:00"), predecessorDuration: twoDays) == moment("2024-03-01T13:00"))
        // 50e% of 960 = 480 clock minutes: Friday 17:00 + 8 h = Saturday 01:00.
        #expect(calendar.adding(.percent(50, elapsed: true), to: moment("2024-03-01T17:00"), predecessorDuration: twoDays) == moment("2024-03-02T01:00"))
        // Rounding to the nearest minute, halves away from zero: 50% of 3 = 1.5 → 2, −50% → −2; 33% of 100 = 33.
        #expect(Lag.percent(50, elapsed: false).duration(predecessorDuration: WorkDuration(minutes: 3)).minutes == 2)
        #expect(Lag.percent(-50, elapsed: false).duration(predecessorDuration: WorkDuration(minutes: 3)).minutes == -2)
        #expect(Lag.percent(33, elapsed: false).duration(predecessorDuration: WorkDuration(minutes: 100)).minutes == 33)
    }

    @Test("A calendar with no working time gives up instead of looping")
    func noWorkingTime() {
        let calendar = ResolvedCalendar(WorkCalendar(id: "z", name: "Never", week: week([], [])))
        #expect(calendar.nextWorkingMoment(atOrAfter: moment("2024-03-01T08:00")) == nil)
        #expect(calendar.previousWorkingMoment(atOrBefore: moment("2024-03-01T08:00")) == nil)
        #expect(calendar.adding(workingMinutes: 60, to: moment("2024-03-01T08:00")) == nil)
        #expect(calendar.adding(workingMinutes: -60, to: moment("2024-03-01T08:00")) == nil)
        #expect(calendar.adding(workingMinutes: 0, to: moment("2024-03-01T08:00"), as: .finish) == nil)
        #expect(calendar.workingMinutes(from: moment("2000-01-01T00:00"), to: moment("2100-01-01T00:00")) == 0)
        // Elapsed time needs no working time.
        #expect(calendar.adding(WorkDuration(minutes: 60, isElapsed: true), to: moment("2024-03-01T08:00")) == moment("2024-03-01T09:00"))
    }

    @Test("Absurd amounts give nil instead of overflowing")
    func absurdAmounts() {
        #expect(ResolvedCalendar.standard.adding(workingMinutes: Int.max, to: moment("2024-03-01T08:00")) == nil)
        #expect(ResolvedCalendar.standard.adding(workingMinutes: Int.min, to: moment("2024-03-01T08:00")) == nil)
    }

    @Test("Working time beyond the ten-year search limit is not found")
    func searchLimit() {
        func onlyOneDay(_ text: String) -> ResolvedCalendar {
            ResolvedCalendar(WorkCalendar(id: "o", name: "One day", week: week([], []), exceptions: [
                CalendarException(from: day(text), to: day(text), intervals: [hours("08:00", "12:00")])
            ]))
        }
        // Friday 1 March 2024 to Monday 7 January 2030 is about 5.9 years: found.
        #expect(onlyOneDay("2030-01-07").nextWorkingMoment(atOrAfter: moment("2024-03-01T08:00")) == moment("2030-01-07T08:00"))
        #expect(onlyOneDay("2030-01-07").previousWorkingMoment(atOrBefore: moment("2035-01-01T00:00")) == moment("2030-01-07T12:00"))
        // 1 March 2024 to 5 March 2035 is 11 years: past the limit.
        #expect(onlyOneDay("2035-03-05").nextWorkingMoment(atOrAfter: moment("2024-03-01T08:00")) == nil)
        #expect(onlyOneDay("2013-03-05").previousWorkingMoment(atOrBefore: moment("2024-03-01T08:00")) == nil)
    }
}
