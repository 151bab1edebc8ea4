import PlanModel
import Testing

@Suite("Resolving calendars against their bases")
struct CalendarResolverTests {
    // Dates used below, all in March 2024: Mon 4, Tue 5, Sat 9, Sun 10, Mon 11, Tue 12.

    @Test("A derived calendar inherits unspecified weekdays and the base's holidays")
    func derivedCalendar() throws {
        let base = standardCalendar(id: "1", exceptions: [
            CalendarException(name: "Holiday A", from: day("2024-03-04"), to: day("2024-03-04")),
            CalendarException(name: "Holiday B", from: day("2024-03-05"), to: day("2024-03-05")),
        ])
        var ownWeek = WeekPattern()
        ownWeek[.monday] = [hours("10:00", "14:00")]
        ownWeek[.saturday] = [hours("09:00", "12:00")]
        let derived = WorkCalendar(
            id: "2", name: "Part-timer", baseCalendar: "1", isBaseCalendar: false, week: ownWeek,
            exceptions: [CalendarException(name: "Comes in anyway", from: day("2024-03-05"), to: day("2024-03-05"), intervals: [hours("09:00", "11:00")])])
        let resolver = CalendarResolver([base, derived])
        #expect(resolver.diagnostics.isEmpty)
        let calendar = try #require(resolver["2"])
        #expect(calendar.chain == ["2", "1"])
        #expect(calendar.workingMinutes(on: day("2024-03-11")) == 240)  // its own Monday, 10–14
        #expect(calendar.workingMinutes(on: day("2024-03-12")) == 480)  // Tuesday from the base
        #expect(calendar.workingMinutes(on: day("2024-03-09")) == 180)  // its own Saturday, 09–12
        #expect(calendar.workingMinutes(on: day("2024-03-10")) == 0)  // Sunday from the base
        #expect(calendar.workingMinutes(on: day("2024-03-04")) == 0)  // the base's holiday applies
        #expect(calendar.workingIntervals(on: day("2024-03-05")) == [hours("09:00", "11:00")])  // its own exception wins
        // The base itself is unaffected by the derived calendar's exception.
        #expect(resolver["1"]?.workingMinutes(on: day("2024-03-05")) == 0)
    }

    @Test("With no base, weekdays nobody specifies follow the standard week")
    func fallbackToStandard() {
        var onlyMonday = WeekPattern()
        onlyMonday[.monday] = [hours("06:00", "10:00")]
        let calendar = ResolvedCalendar(WorkCalendar(id: "m", name: "Mondays", week: onlyMonday))
        #expect(calendar.workingMinutes(on: day("2024-03-11")) == 240)
        #expect(calendar.workingIntervals(on: day("2024-03-12")) == [hours("08:00", "12:00"), hours("13:00", "17:00")])
        #expect(calendar.workingMinutes(on: day("2024-03-09")) == 0)
    }

    @Test("A work week changes the hours for its date range only")
    func workWeek() {
        // Summer hours Mon–Fri 08:00–14:00 in July and August; Saturday and Sunday are not given,
        // so they come from the default week (non-working).
        var summer = WeekPattern()
        for weekday in weekdays { summer[weekday] = [hours("08:00", "14:00")] }
        let calendar = ResolvedCalendar(standardCalendar(workWeeks: [WorkWeek(name: "Summer", from: day("2024-07-01"), to: day("2024-08-31"), week: summer)]))
        #expect(calendar.workingMinutes(on: day("2024-06-28")) == 480)  // Friday before
        #expect(calendar.workingMinutes(on: day("2024-07-01")) == 360)  // first Monday inside
        #expect(calendar.workingMinutes(on: day("2024-08-30")) == 360)  // last Friday inside
        #expect(calendar.workingMinutes(on: day("2024-08-31")) == 0)  // Saturday inside
        #expect(calendar.workingMinutes(on: day("2024-09-02")) == 480)  // Monday after
    }

    @Test("A derived calendar's own weekday beats its base's work week; other days follow it")
    func derivedOverBaseWorkWeek() throws {
        var summer = WeekPattern()
        for weekday in weekdays { summer[weekday] = [hours("08:00", "14:00")] }
        let base = standardCalendar(workWeeks: [WorkWeek(from: day("2024-07-01"), to: day("2024-08-31"), week: summer)])
        var ownWeek = WeekPattern()
        ownWeek[.monday] = [hours("12:00", "20:00")]
        let derived = WorkCalendar(id: "2", name: "Late Mondays", baseCalendar: "1", isBaseCalendar: false, week: ownWeek)
        let calendar = try #require(CalendarResolver([base, derived])["2"])
        #expect(calendar.workingIntervals(on: day("2024-07-01")) == [hours("12:00", "20:00")])  // Monday: its own
        #expect(calendar.workingMinutes(on: day("2024-07-02")) == 360)  // Tuesday: base's summer hours
        #expect(calendar.workingMinutes(on: day("2024-09-03")) == 480)  // Tuesday after summer
    }

    @Test("A base-calendar loop is reported once and cut where it repeats")
    func baseCycle() throws {
        var mondays = WeekPattern()
        mondays[.monday] = [hours("09:00", "10:00")]
        var tuesdays = WeekPattern()
        tuesdays[.tuesday] = [hours("09:00", "11:00")]
        let a = WorkCalendar(id: "A", name: "A", baseCalendar: "B", week: mondays)
        let b = WorkCalendar(id: "B", name: "B", baseCalendar: "A", week: tuesdays)
        let resolver = CalendarResolver([a, b])
        #expect(resolver.diagnostics.map(\.code) == [.calendarBaseCycle])
        let resolvedA = try #require(resolver["A"])
        let resolvedB = try #require(resolver["B"])
        #expect(resolvedA.chain == ["A", "B"])
        #expect(resolvedB.chain == ["B", "A"])
        // Each sees both weeks: Monday 1 h from A, Tuesday 2 h from B, Wednesday from the standard week.
        for calendar in [resolvedA, resolvedB] {
            #expect(calendar.workingMinutes(on: day("2024-03-11")) == 60)
            #expect(calendar.workingMinutes(on: day("2024-03-12")) == 120)
            #expect(calendar.workingMinutes(on: day("2024-03-13")) == 480)
        }
    }

    @Test("A calendar that is its own base is a loop too")
    func selfBase() throws {
        let resolver = CalendarResolver([WorkCalendar(id: "S", name: "Self", baseCalendar: "S")])
        #expect(resolver.diagnostics.map(\.code) == [.calendarBaseCycle])
        #expect(try #require(resolver["S"]).chain == ["S"])
    }

    @Test("A missing base is reported and the standard week fills in")
    func missingBase() throws {
        let resolver = CalendarResolver([WorkCalendar(id: "D", name: "Orphan", baseCalendar: "nope")])
        #expect(resolver.diagnostics.map(\.code) == [.calendarMissingBase])
        let calendar = try #require(resolver["D"])
        #expect(calendar.chain == ["D"])
        #expect(calendar.workingMinutes(on: day("2024-03-11")) == 480)
        #expect(resolver["nope"] == nil)
        #expect(resolver.calendar("nope").name == "Standard")
    }

    @Test("Duplicate identities keep the first calendar")
    func duplicateIdentity() {
        let first = WorkCalendar(id: "X", name: "First", week: week(everyDay, [hours("08:00", "09:00")]))
        let second = WorkCalendar(id: "X", name: "Second", week: week(everyDay, []))
        let resolver = CalendarResolver([first, second])
        #expect(resolver.diagnostics.map(\.code) == [.calendarDuplicateID])
        #expect(resolver["X"]?.name == "First")
        #expect(resolver["X"]?.workingMinutes(on: day("2024-03-10")) == 60)
    }

    @Test("A shift written as ending at 00:00 ends at midnight")
    func wrappedMidnight() {
        // MSPDI writes 22:00–24:00 as ToTime 00:00; a reader that kept 00:00 still means midnight.
        let resolver = CalendarResolver([WorkCalendar(id: "N", name: "Nights", week: week(weekdays, [hours("22:00", "00:00")]))])
        #expect(resolver.diagnostics.isEmpty)
        #expect(resolver["N"]?.workingIntervals(on: day("2024-03-11")) == [hours("22:00", "24:00")])
        #expect(resolver["N"]?.description == "ResolvedCalendar('Nights', chain: N)")
    }

    @Test("Inverted working intervals are dropped and reported; overlapping ones merge")
    func badIntervals() {
        var pattern = week(weekdays, [hours("08:00", "12:00"), hours("11:00", "13:00")])  // overlap → 08–13
        pattern[.saturday] = [hours("12:00", "09:00")]  // backwards
        let resolver = CalendarResolver([WorkCalendar(id: "I", name: "Odd", week: pattern)])
        #expect(resolver.diagnostics.map(\.code) == [.calendarBadInterval])
        #expect(resolver["I"]?.workingIntervals(on: day("2024-03-11")) == [hours("08:00", "13:00")])
        #expect(resolver["I"]?.workingMinutes(on: day("2024-03-09")) == 0)
    }
}
