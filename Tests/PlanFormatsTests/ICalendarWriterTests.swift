import Foundation
import PlanModel
import PlanTestSupport
import Testing

@testable import PlanFormats

/// The iCalendar writer: byte-for-byte goldens for folding, escaping, all-day and timed output,
/// time zones and to-dos, then the rules behind them checked directly on the bytes.
struct ICalendarWriterTests {
    let writer = ICalendarWriter()

    func text(_ plan: Plan, _ options: WriteOptions = ICalendarWriterPlans.options()) throws -> String {
        String(decoding: try writer.write(plan, options: options).bytes, as: UTF8.self)
    }

    @Test(arguments: ICalendarWriterPlans.goldens.map(\.name))
    func goldenOutput(_ name: String) throws {
        let golden = try #require(ICalendarWriterPlans.goldens.first { $0.name == name })
        let result = try writer.write(golden.plan, options: golden.options)
        let outcome = Golden.compare(result.bytes, with: "ics/\(name).expected.ics")
        #expect(outcome == .matches, "\(outcome)")
    }

    /// Every physical line ends in CRLF, is at most 75 octets, is valid UTF-8 on its own and does
    /// not end inside an escape; unfolding gives back the exact logical lines.
    @Test(arguments: ICalendarWriterPlans.goldens.map(\.name))
    func foldingRules(_ name: String) throws {
        let golden = try #require(ICalendarWriterPlans.goldens.first { $0.name == name })
        let bytes = try writer.write(golden.plan, options: golden.options).bytes
        #expect(bytes.suffix(2) == [0x0D, 0x0A])
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        for i in bytes.indices where bytes[i] == 0x0A {
            #expect(i > 0 && bytes[i - 1] == 0x0D, "bare LF at \(i)")
            lines.append(bytes[start..<(i - 1)])
            start = i + 1
        }
        for (number, line) in lines.enumerated() {
            #expect(line.count <= 75, "line \(number + 1) has \(line.count) octets")
            #expect(!line.contains(0x0D), "bare CR on line \(number + 1)")
            #expect(String(validating: line, as: UTF8.self) != nil, "line \(number + 1) splits a UTF-8 sequence")
            if number + 1 < lines.count, lines[number + 1].first == 0x20 {
                let backslashes = line.reversed().prefix { $0 == 0x5C }.count
                #expect(backslashes % 2 == 0, "line \(number + 1) ends inside an escape")
            }
        }
    }

    @Test func foldsAtExactlySeventyFiveOctetsAndContinuesWithOneSpace() throws {
        let out = try text(ICalendarWriterPlans.folding)
        let lines = out.components(separatedBy: "\r\n")
        let first = try #require(lines.firstIndex { $0.hasPrefix("SUMMARY:Long ASCII") })
        #expect(lines[first].utf8.count == 75)
        #expect(lines[first + 1].hasPrefix(" ") && !lines[first + 1].hasPrefix("  "))
        // 138 octets: 75 on the first line, the other 63 after the continuation's space.
        #expect(lines[first + 1].utf8.count == 64)
        // The escape that would straddle octet 75 moves whole to the next line.
        let escaped = try #require(lines.firstIndex { $0.hasPrefix("SUMMARY:aaaa") })
        #expect(lines[escaped] == "SUMMARY:" + String(repeating: "a", count: 66))
        #expect(lines[escaped + 1].hasPrefix(" \\,b\\;c\\\\d"))
        // A two-byte character that would end at octet 76 moves whole too.
        let umlaut = try #require(lines.firstIndex { $0.hasPrefix("SUMMARY:bbbb") })
        #expect(lines[umlaut].utf8.count == 74)
        #expect(lines[umlaut + 1].hasPrefix(" ü"))
    }

    @Test func textIsEscapedOnceInOrder() throws {
        let out = try text(ICalendarWriterPlans.escaping)
        let unfolded = out.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.contains("SUMMARY:Sign-off\\; legal\\, finance \\\\ CEO\r\n"))
        #expect(unfolded.contains("DESCRIPTION:Line one\\nLine two\\nLine three\\nend: \"quoted\" \\\\n is not a newline\r\n"))
        #expect(unfolded.contains("NAME:Escapes: \"quoted\"\\, semi\\; colon\r\n"))
        #expect(unfolded.contains("X-PLANBRIDGE-TASK-ID:A\\,1\r\n"))
        // Items keep their own escaped commas; the list's commas stay bare.
        #expect(unfolded.contains("CATEGORIES:Milestone,Phase 2\\, review,Legal\r\n"))
        // Control characters other than tab are not allowed in TEXT.
        #expect(unfolded.contains("SUMMARY:Tab\tand control char\r\n"))
    }

    @Test func milestonesAreAllDayWithExclusiveEndAndNothingElseByDefault() throws {
        let result = try writer.write(ICalendarWriterPlans.schedule, options: ICalendarWriterPlans.options())
        let out = String(decoding: result.bytes, as: UTF8.self)
        #expect(out.components(separatedBy: "BEGIN:VEVENT").count - 1 == 2)
        #expect(!out.contains("BEGIN:VTODO"))
        #expect(out.contains("DTSTART;VALUE=DATE:20260327\r\nDTEND;VALUE=DATE:20260328\r\n"))
        #expect(out.contains("DTSTART;VALUE=DATE:20260330\r\nDTEND;VALUE=DATE:20260331\r\n"))
        #expect(out.contains("DTSTAMP:20260201T120000Z\r\n"))
        #expect(out.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"))
        #expect(out.contains("X-WR-CALNAME:Office move\r\nX-WR-TIMEZONE:Europe/Berlin\r\n"))
        // Three tasks with dates are not milestones; the undated one cannot be an event at all.
        let loss = result.loss.description
        #expect(loss.contains("3 non-milestone tasks not exported; use --ics-tasks"))
        #expect(loss.contains("1 tasks without dates not exported"))
        #expect(loss.contains("1 resources dropped"))
    }

    @Test func spanningEventsEndTheDayAfterTheirLastDay() throws {
        let out = try text(ICalendarWriterPlans.schedule, ICalendarWriterPlans.options { $0.includeTasks = true })
        // Mon 2 Mar 08:00 … Fri 13 Mar 17:00: thirteen calendar days, DTEND on Saturday the 14th.
        #expect(out.contains("SUMMARY:Pack the archive\r\nDTSTART;VALUE=DATE:20260302\r\nDTEND;VALUE=DATE:20260314\r\n"))
    }

    @Test func timedEventsAreConvertedFromThePlansZoneToUTC() throws {
        let out = try text(ICalendarWriterPlans.schedule, ICalendarWriterPlans.options { $0.includeTasks = true; $0.timing = .utc })
        // 17:00 in Berlin on 27 March 2026 (CET, +01:00) is 16:00 UTC; a milestone lasts one minute.
        #expect(out.contains("DTSTART:20260327T160000Z\r\nDTEND:20260327T160100Z\r\n"))
        // 31 March is after the switch to CEST (+02:00) on the 29th: 08:00 local is 06:00 UTC.
        #expect(out.contains("DTSTART:20260331T060000Z\r\n"))
    }

    @Test func localTimesComeWithAVTimezoneForTheirTZID() throws {
        let out = try text(ICalendarWriterPlans.schedule, ICalendarWriterPlans.options { $0.includeTasks = true; $0.timing = .local })
        #expect(out.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\n"))
        #expect(out.contains("DTSTART;TZID=Europe/Berlin:20260331T080000\r\n"))
        // The 2026 change to summer time: 29 March, 02:00 local standard time.
        #expect(out.contains("BEGIN:DAYLIGHT\r\nDTSTART:20260329T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\n"))
    }

    /// The text of each `BEGIN:NAME` … `END:NAME` component, unfolded.
    func components(_ name: String, in text: String) -> [String] {
        text.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "BEGIN:\(name)\r\n").dropFirst().map {
            $0.components(separatedBy: "END:\(name)\r\n")[0]
        }
    }

    @Test func todosCarryDueProgressStatusPriorityAndParent() throws {
        let out = try text(ICalendarWriterPlans.schedule, ICalendarWriterPlans.options { $0.includeTodos = true })
        let todos = components("VTODO", in: out)
        #expect(todos.count == 5, "every dated task, milestones included")
        let pack = try #require(todos.first { $0.contains("SUMMARY:Pack the archive") })
        #expect(pack.contains("DTSTART:20260302T070000Z\r\nDUE:20260313T160000Z\r\n"))
        #expect(pack.contains("PERCENT-COMPLETE:100\r\nSTATUS:COMPLETED\r\nPRIORITY:3\r\nCOMPLETED:20260313T150000Z\r\n"))
        #expect(pack.contains("RELATED-TO:1-todo-"))
        let milestone = try #require(todos.first { $0.contains("SUMMARY:Contract signed") })
        #expect(!milestone.contains("DTSTART:"), "a milestone to-do has DUE alone")
        #expect(milestone.contains("PRIORITY:1\r\n"))
    }

    @Test func uidsAreStableAcrossExportsAndDifferBetweenPlans() throws {
        let plan = ICalendarWriterPlans.schedule
        let first = try text(plan, WriteOptions(timestamp: ICalendarWriterPlans.stamp))
        let later = try text(plan, WriteOptions(timestamp: ICalendarWriterPlans.at(2027, 1, 1)))
        func uids(_ text: String) -> [Substring] { text.split(separator: "\r\n").filter { $0.hasPrefix("UID:") } }
        #expect(uids(first) == uids(later))
        #expect(first != later, "DTSTAMP follows the clock")
        var other = plan
        other.project.name = "Another project"
        #expect(Set(uids(try text(other))).isDisjoint(with: uids(first)))
    }

    @Test func aPlanWithoutAZoneIsWrittenAsUTCWithAWarningWhenTimed() throws {
        var plan = ICalendarWriterPlans.schedule
        plan.project.timeZone = nil
        let result = try writer.write(plan, options: ICalendarWriterPlans.options { $0.timing = .utc })
        #expect(result.diagnostics.map(\.code) == [.icsAssumedUTC])
        let allDay = try writer.write(plan, options: ICalendarWriterPlans.options())
        #expect(allDay.diagnostics.isEmpty, "all-day dates need no zone")
    }

    @Test func anUnknownZoneIsAnError() {
        let error = #expect(throws: PlanError.self) {
            try writer.write(ICalendarWriterPlans.schedule, options: ICalendarWriterPlans.options { $0.timeZone = "Mars/Olympus" })
        }
        #expect(error?.diagnostic.code == .icsWriterUnknownTimeZone)
    }
}
