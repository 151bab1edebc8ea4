import PlanModel
import Testing

@Suite("Civil dates, times and amounts")
struct CivilTimeTests {
    @Test("Leap years: every 4th year, except centuries, except every 400th")
    func leapYears() {
        #expect(CivilDate.isLeap(2024))
        #expect(!CivilDate.isLeap(2023))
        #expect(!CivilDate.isLeap(1900))  // divisible by 100, not by 400
        #expect(CivilDate.isLeap(2000))  // divisible by 400
    }

    @Test("Impossible dates are rejected, possible ones round-trip", arguments: [
        ("2024-02-29", true),  // 2024 is a leap year
        ("2023-02-29", false),
        ("2024-02-30", false),  // February never has 30 days
        ("1900-02-29", false),  // 1900 is not a leap year
        ("2000-02-29", true),  // 2000 is
        ("2024-04-31", false),  // April has 30 days
        ("2024-13-01", false),
        ("2024-00-10", false),
        ("0000-01-01", false),  // year 0 is outside 1...9999
        ("2024-1-01", false),  // not zero-padded
        ("2024/01/01", false),
        ("1969-12-31", true),
        ("1900-01-01", true),
    ])
    func parseDates(text: String, valid: Bool) {
        let parsed = CivilDate(iso: text)
        #expect((parsed != nil) == valid)
        if let parsed { #expect(parsed.description == text) }
    }

    @Test("Days since 1970 are exact before and after the epoch")
    func daysSinceEpoch() {
        #expect(day("1970-01-01").daysSinceEpoch == 0)
        #expect(day("1969-12-31").daysSinceEpoch == -1)
        // 1900…1969 is 70 years of 365 days plus 17 leap days (1904, 1908, …, 1968): 25,567 days.
        #expect(day("1900-01-01").daysSinceEpoch == -25_567)
        // 2000-01-01: 30 years of 365 days plus the 7 leap days 1972…1996 = 10,957.
        #expect(day("2000-01-01").daysSinceEpoch == 10_957)
        #expect(CivilDate(daysSinceEpoch: -25_567).description == "1900-01-01")
        // 2024-02-28 plus one day is the leap day, plus two is 1 March.
        #expect(day("2024-02-28").adding(days: 1).description == "2024-02-29")
        #expect(day("2024-02-28").adding(days: 2).description == "2024-03-01")
        #expect(day("2023-02-28").adding(days: 1).description == "2023-03-01")
    }

    @Test("Weekdays of dates everyone knows", arguments: [
        ("1970-01-01", Weekday.thursday),  // the epoch
        ("1969-07-20", .sunday),  // Apollo 11 landed on a Sunday
        ("1900-01-01", .monday),
        ("2000-01-01", .saturday),
        ("2024-02-29", .thursday),
        ("2024-12-25", .wednesday),
    ])
    func weekdays(text: String, expected: Weekday) {
        #expect(day(text).weekday == expected)
    }

    @Test("Date-times parse with or without seconds and print with seconds")
    func dateTimes() throws {
        let full = try #require(CivilDateTime(iso: "2024-03-01T08:30:15"))
        #expect(full.description == "2024-03-01T08:30:15")
        #expect(full.date == day("2024-03-01"))
        #expect(full.timeOfDay == TimeOfDay(hour: 8, minute: 30))
        #expect(CivilDateTime(iso: "2024-03-01T08:30")?.description == "2024-03-01T08:30:00")
        // One second before the epoch belongs to 1969-12-31, at 23:59:59 = second 86,399 of that day.
        let beforeEpoch = try #require(CivilDateTime(iso: "1969-12-31T23:59:59"))
        #expect(beforeEpoch.secondsSinceEpoch == -1)
        #expect(beforeEpoch.date.description == "1969-12-31")
        #expect(beforeEpoch.secondOfDay == 86_399)
        #expect(CivilDateTime(iso: "1900-01-01T00:00:00")?.secondsSinceEpoch == -25_567 * 86_400)
    }

    @Test("Date-times that are impossible or carry a zone are rejected", arguments: [
        "2024-03-01T25:00:00",  // no hour 25
        "2024-03-01T24:00:00",  // 24:00 is only a TimeOfDay end of day, not a moment's time
        "2024-03-01T12:60:00",
        "2024-03-01T12:00:60",
        "2024-02-30T12:00:00",
        "2024-03-01T08:30:00Z",  // a zone is never dropped silently
        "2024-03-01T08:30:00.5",
        "2024-03-01 08:30:00",
        "2024-03-01",
    ])
    func rejectedDateTimes(text: String) {
        #expect(CivilDateTime(iso: text) == nil)
    }

    @Test("Minutes between moments round toward zero in both directions")
    func minutesBetween() {
        let a = moment("2024-03-01T08:00:00")
        let b = moment("2024-03-01T09:30:59")  // 90 minutes and 59 seconds later
        #expect(a.minutes(to: b) == 90)
        #expect(b.minutes(to: a) == -90)
        #expect(a.adding(minutes: -480).description == "2024-03-01T00:00:00")
        #expect(a.adding(minutes: -481).description == "2024-02-29T23:59:00")
    }

    @Test("Times of day: 24:00 is the end of the day, 25:00 does not exist")
    func timesOfDay() {
        #expect(TimeOfDay(iso: "24:00")?.minutes == 1440)
        #expect(TimeOfDay(iso: "24:00:00")?.description == "24:00:00")
        #expect(TimeOfDay(iso: "07:30")?.minutes == 450)
        #expect(TimeOfDay(iso: "07:30:00")?.description == "07:30:00")
        #expect(TimeOfDay(iso: "25:00") == nil)
        #expect(TimeOfDay(iso: "24:30") == nil)  // nothing after the end of the day
        #expect(TimeOfDay(iso: "23:60") == nil)
        #expect(TimeOfDay(iso: "08:30:15") == nil)  // working times are whole minutes
        #expect(TimeOfDay(iso: "8:30") == nil)
        #expect(TimeOfDay(minutes: 1441) == nil)
        #expect(TimeOfDay(minutes: -1) == nil)
    }

    @Test("Amounts keep four decimals exactly", arguments: [
        ("12.5", 125_000, "12.5"),
        ("-0.0001", -1, "-0.0001"),
        ("0.05", 500, "0.05"),
        ("1.23450", 12_345, "1.2345"),  // a trailing zero past the 4th decimal loses nothing
        ("+7", 70_000, "7"),
        (".5", 5_000, "0.5"),
        ("922337203685477.5807", Int.max, "922337203685477.5807"),  // Int.max ten-thousandths
    ])
    func amounts(text: String, tenThousandths: Int, printed: String) {
        let amount = Amount(decimal: text)
        #expect(amount?.tenThousandths == tenThousandths)
        #expect(amount?.description == printed)
    }

    @Test("Amounts that would lose precision or are not numbers are rejected", arguments: [
        "1.23456",  // a fifth significant decimal would have to be rounded
        "", "-", ".", "-.", "abc", "1.2.3", "1,5", "١٢",
        "922337203685477.5808",  // one ten-thousandth past Int.max
        "99999999999999999999",
    ])
    func rejectedAmounts(text: String) {
        #expect(Amount(decimal: text) == nil)
    }
}
