import PlanModel
import Testing

/// Which days each recurrence pattern selects. The calendar under test works every day of the week,
/// so the only non-working days are the ones the exception selects.
@Suite("Recurring exceptions")
struct RecurrenceTests {
    private func daysOff(_ pattern: RecurrencePattern?, occurrences: Int? = nil, from: String, to: String) -> [String] {
        let exception = CalendarException(
            name: "off", from: day(from), to: day(to), recurrence: pattern.map { Recurrence(pattern: $0, occurrences: occurrences) })
        let calendar = WorkCalendar(id: "r", name: "Every day", week: week(everyDay, [hours("08:00", "16:00")]), exceptions: [exception])
        return nonWorkingDays(ResolvedCalendar(calendar), from: from, through: to)
    }

    @Test("No recurrence: every day of the range")
    func plainRange() {
        #expect(daysOff(nil, from: "2024-02-28", to: "2024-03-01") == ["2024-02-28", "2024-02-29", "2024-03-01"])
    }

    @Test("Daily every 3 days, bounded by the end date or by a count")
    func daily() {
        // 1 Jan, then +3 each time: 4, 7, 10, 13; 16 is past the 15th.
        #expect(daysOff(.daily(interval: 3), from: "2024-01-01", to: "2024-01-15")
            == ["2024-01-01", "2024-01-04", "2024-01-07", "2024-01-10", "2024-01-13"])
        #expect(daysOff(.daily(interval: 3), occurrences: 2, from: "2024-01-01", to: "2024-01-15") == ["2024-01-01", "2024-01-04"])
    }

    @Test("Weekly every 2 weeks on Monday and Wednesday")
    func weekly() {
        // 2024-01-03 is a Wednesday; its week starts Sunday 31 Dec. Week 0: Mon 1 Jan is before the
        // range, Wed 3 Jan counts. Week 2 (from Sun 14 Jan): Mon 15, Wed 17. Week 4 (Sun 28 Jan):
        // Mon 29, Wed 31. The odd weeks are skipped.
        let pattern = RecurrencePattern.weekly(interval: 2, days: [.monday, .wednesday])
        #expect(daysOff(pattern, from: "2024-01-03", to: "2024-01-31")
            == ["2024-01-03", "2024-01-15", "2024-01-17", "2024-01-29", "2024-01-31"])
        // Three occurrences counted from the start: 3, 15 and 17 January.
        #expect(daysOff(pattern, occurrences: 3, from: "2024-01-03", to: "2024-01-31") == ["2024-01-03", "2024-01-15", "2024-01-17"])
    }

    @Test("Monthly on day 31 falls on the last day of shorter months")
    func monthlyByDay() {
        // 2024 is a leap year, so February's last day is the 29th; April and June end on the 30th.
        #expect(daysOff(.monthlyByDay(interval: 1, day: 31), from: "2024-01-01", to: "2024-06-30")
            == ["2024-01-31", "2024-02-29", "2024-03-31", "2024-04-30", "2024-05-31", "2024-06-30"])
        // Every second month from January: January, March, May.
        #expect(daysOff(.monthlyByDay(interval: 2, day: 15), from: "2024-01-01", to: "2024-06-30")
            == ["2024-01-15", "2024-03-15", "2024-05-15"])
    }

    @Test("Monthly on the last Friday, including a leap February")
    func lastFridayOfMonth() {
        // Last days: 31 Jan (Wed) → Fri 26; 29 Feb (Thu) → Fri 23; 31 Mar is a Sunday → Fri 29;
        // 30 Apr (Tue) → Fri 26; 31 May is itself a Friday.
        let pattern = RecurrencePattern.monthlyByWeekday(interval: 1, ordinal: .last, weekday: .friday)
        #expect(daysOff(pattern, from: "2024-01-01", to: "2024-05-31")
            == ["2024-01-26", "2024-02-23", "2024-03-29", "2024-04-26", "2024-05-31"])
        #expect(daysOff(pattern, occurrences: 2, from: "2024-01-01", to: "2024-05-31") == ["2024-01-26", "2024-02-23"])
    }

    @Test("Monthly on the first Monday skips an occurrence before the start date")
    func firstMondayOfMonth() {
        // First Mondays: 1 Jan, 5 Feb, 4 Mar. The range starts on 2 Jan, so January's is out.
        #expect(daysOff(.monthlyByWeekday(interval: 1, ordinal: .first, weekday: .monday), from: "2024-01-02", to: "2024-03-31")
            == ["2024-02-05", "2024-03-04"])
    }

    @Test("Yearly on 29 February uses 28 February in common years")
    func yearlyByDate() {
        #expect(daysOff(.yearlyByDate(month: 2, day: 29), from: "2023-01-01", to: "2025-12-31")
            == ["2023-02-28", "2024-02-29", "2025-02-28"])
    }

    @Test("Yearly on the fourth Thursday of November and the last Monday of May")
    func yearlyByWeekday() {
        // 1 Nov 2023 is a Wednesday: first Thursday the 2nd, fourth the 23rd. 1 Nov 2024 is a Friday:
        // first Thursday the 7th, fourth the 28th. 1 Nov 2025 is a Saturday: 6th, so the 27th.
        #expect(daysOff(.yearlyByWeekday(month: 11, ordinal: .fourth, weekday: .thursday), from: "2023-01-01", to: "2025-12-31")
            == ["2023-11-23", "2024-11-28", "2025-11-27"])
        // 31 May 2024 is a Friday, so the last Monday is four days earlier, the 27th.
        #expect(daysOff(.yearlyByWeekday(month: 5, ordinal: .last, weekday: .monday), from: "2024-01-01", to: "2024-12-31")
            == ["2024-05-27"])
    }

    @Test("A recurrence with more than 100,000 occurrences is cut there and reported")
    func truncated() {
        // Daily from 1900-01-01 (day −25,567) to 2200: about 110,000 days. Occurrence number
        // 100,000 is day −25,567 + 99,999; the day after it is no longer an exception.
        let exception = CalendarException(from: day("1900-01-01"), to: day("2200-12-31"), recurrence: Recurrence(pattern: .daily(interval: 1)))
        let resolver = CalendarResolver([WorkCalendar(id: "t", name: "Long", week: week(everyDay, [hours("08:00", "16:00")]), exceptions: [exception])])
        #expect(resolver.diagnostics.map(\.code) == [.calendarExceptionTruncated])
        let calendar = resolver.calendar("t")
        #expect(!calendar.isWorkingDay(CivilDate(daysSinceEpoch: -25_567 + 99_999)))
        #expect(calendar.isWorkingDay(CivilDate(daysSinceEpoch: -25_567 + 100_000)))
    }

    @Test("Unusable exceptions are reported and ignored")
    func badExceptions() {
        let calendar = WorkCalendar(id: "bad", name: "Bad", week: week(everyDay, [hours("08:00", "16:00")]), exceptions: [
            CalendarException(name: "backwards", from: day("2024-01-10"), to: day("2024-01-01")),
            CalendarException(name: "never", from: day("2024-01-01"), to: day("2024-01-31"),
                              recurrence: Recurrence(pattern: .daily(interval: 0))),
            CalendarException(name: "no such day", from: day("2024-01-01"), to: day("2024-12-31"),
                              recurrence: Recurrence(pattern: .yearlyByDate(month: 2, day: 30))),
        ])
        let resolver = CalendarResolver([calendar])
        #expect(resolver.diagnostics.map(\.code) == [.calendarBadException, .calendarBadException, .calendarBadException])
        #expect(nonWorkingDays(resolver.calendar("bad"), from: "2024-01-01", through: "2024-03-31") == [])
    }
}
