import PlanModel
import Testing

@testable import PlanFormats

/// Jira's date formats: the default, the locale variants seen in real exports, date-only values,
/// and writing in a chosen pattern.
struct JiraDatePatternTests {
    func d(_ y: Int, _ m: Int, _ day: Int, _ h: Int = 0, _ min: Int = 0) -> CivilDateTime {
        JiraCSVTesting.date(y, m, day, h, min)
    }

    @Test func jiraDefaultWithEnglishAndSpanishMonths() {
        let pattern = JiraDatePattern.jiraDefault
        #expect(pattern.parse("15/Feb/26 4:37 PM") == d(2026, 2, 15, 16, 37))
        #expect(pattern.parse("24/Mar/26 12:00 AM") == d(2026, 3, 24, 0, 0))
        #expect(pattern.parse("05/Jul/16 12:30 PM") == d(2016, 7, 5, 12, 30))
        #expect(pattern.parse("10/nov/25 4:51 PM") == d(2025, 11, 10, 16, 51))
        #expect(pattern.parse("10/ago/25 9:05 a. m.") == d(2025, 8, 10, 9, 5))
        #expect(pattern.parse("3/Nov/20 12:17") == nil)
        #expect(pattern.parse("32/Jan/26 1:00 PM") == nil)
        #expect(pattern.parse("15/Foo/26 4:37 PM") == nil)
        #expect(pattern.parse("15/Feb/26 4:37 PM extra") == nil)
    }

    @Test func otherPatterns() {
        #expect(JiraDatePattern("dd/MMM/yy H:mm")!.parse("3/Nov/20 12:17") == d(2020, 11, 3, 12, 17))
        #expect(JiraDatePattern("dd/MMM/yy")!.parse("25/Oct/19") == d(2019, 10, 25))
        #expect(JiraDatePattern("yyyy-MM-dd'T'HH:mm")!.parse("2026-03-01T08:30") == d(2026, 3, 1, 8, 30))
        #expect(JiraDatePattern("yyyy-MM-dd HH:mm:ss.S")!.parse("2016-07-05 07:53:01.71") == CivilDateTime(year: 2016, month: 7, day: 5, hour: 7, minute: 53, second: 1))
        #expect(JiraDatePattern("dd/MMM/yy")!.parse("25/Oct/69") == d(2069, 10, 25))
        #expect(JiraDatePattern("dd/MMM/yy")!.parse("25/Oct/70") == d(1970, 10, 25))
    }

    @Test func unknownLettersAreRefused() {
        #expect(JiraDatePattern("EEE dd/MMM/yy") == nil)
        #expect(JiraDatePattern("yyyy-MM-dd'T") == nil)
        #expect(JiraDatePattern("") == nil)
    }

    @Test func writingUsesEnglishMonthsAndTwelveHourClock() {
        let moment = d(2026, 2, 5, 0, 7)
        #expect(JiraDatePattern.jiraDefault.format(moment) == "05/Feb/26 12:07 AM")
        #expect(JiraDatePattern.jiraDefault.format(d(2026, 12, 31, 13, 0)) == "31/Dec/26 1:00 PM")
        #expect(JiraDatePattern("yyyy-MM-dd HH:mm")!.format(moment) == "2026-02-05 00:07")
        for pattern in JiraDatePattern.candidates {
            let value = d(2031, 9, 30, pattern.hasTime ? 23 : 0, pattern.hasTime ? 59 : 0)
            #expect(pattern.parse(pattern.format(value)) == value, "\(pattern)")
        }
    }
}
