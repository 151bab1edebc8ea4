import Foundation
import PlanModel
import PlanTestSupport
import Testing

@testable import PlanFormats

/// The iCalendar reader on small inputs written here, one rule of ICAL.md §2 each.
struct ICalendarReaderTests {
    let reader = ICalendarReader()

    func read(_ text: String, options: ReadOptions = .default) throws -> ReadResult {
        try reader.read(PlanInput(sourceName: "t.ics", text: text), options: options)
    }

    func read(bytes: [UInt8]) throws -> ReadResult {
        try reader.read(PlanInput(sourceName: "t.ics", bytes: bytes), options: .default)
    }

    static func at(_ y: Int, _ m: Int, _ d: Int, _ h: Int = 0, _ min: Int = 0) -> CivilDateTime {
        CivilDateTime(year: y, month: m, day: d, hour: h, minute: min)!
    }

    static func calendar(_ body: String, lineEnd: String = "\r\n") -> String {
        (["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN"] + body.split(separator: "\n").map(String.init) + ["END:VCALENDAR"])
            .joined(separator: lineEnd) + lineEnd
    }

    @Test func lineEndsBOMAndBlankLinesDoNotMatter() throws {
        let body = "BEGIN:VEVENT\nUID:a\nDTSTART;VALUE=DATE:20260301\nSUMMARY:Kick-off\nEND:VEVENT"
        let variants = [
            Self.calendar(body, lineEnd: "\r\n"), Self.calendar(body, lineEnd: "\n"), Self.calendar(body, lineEnd: "\r"),
            Self.calendar(body, lineEnd: "\r\n\r\n"),
        ]
        for text in variants {
            let plan = try read(text).plan
            #expect(plan.tasks.map(\.name) == ["Kick-off"])
        }
        let withBOM = try read(bytes: [0xEF, 0xBB, 0xBF] + Array(variants[0].utf8))
        #expect(withBOM.plan.tasks.count == 1)
        let noFinalNewline = try read(String(variants[1].dropLast()))
        #expect(noFinalNewline.plan.tasks.count == 1)
        #expect(noFinalNewline.diagnostics.isEmpty)
    }

    @Test func unfoldingJoinsBytesSoSplitSequencesComeBack() throws {
        // "🚀" is F0 9F 9A 80: split after its second byte, continued with a TAB.
        var bytes = Array("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:20260301T090000Z\r\nSUMMARY:Go ".utf8)
        bytes += [0xF0, 0x9F, 0x0D, 0x0A, 0x09, 0x9A, 0x80]
        bytes += Array("!\r\n  two spaces kept\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n".utf8)
        let result = try read(bytes: bytes)
        #expect(result.plan.tasks[0].name == "Go 🚀! two spaces kept")
        #expect(result.diagnostics.allSatisfy { $0.severity == .info })
    }

    @Test func namesAreCaseInsensitiveAndParametersMayBeQuoted() throws {
        let text = Self.calendar("""
            begin:vEvent
            uid:lower
            dtStart;Value=Date:20260302
            Summary;LANGUAGE=de:Überprüfung
            X-BAR;PARAM1="VAL1:FOO";X-TITLE=Hauptstraße 1\\; 4041 Linz:BAZ
            end:VEVENT
            """)
        let task = try read(text).plan.tasks[0]
        #expect(task.id == "lower")
        #expect(task.name == "Überprüfung")
        #expect(task.kind == .milestone)
        #expect(task.extensions["ics:X-BAR"] == "BAZ")
        let line = try #require(ContentLineLexer.parse(#"X-BAR;PARAM1="VAL1:FOO";X-TITLE=Hauptstraße 1\; 4041 Linz:BAZ"#, line: 1))
        #expect(line.parameter("PARAM1") == "VAL1:FOO")
        #expect(line.parameter("X-TITLE") == "Hauptstraße 1; 4041 Linz")
        #expect(line.value == "BAZ")
    }

    @Test func textIsUnescapedInOnePass() {
        #expect(ICalendarText.unescape(#"a\\nb\nc\,d\;e\"f\:g\"#) == "a\\nb\nc,d;e\"f:g")
        #expect(ICalendarText.splitList(#"Phase 2\, review,Legal,"#) == ["Phase 2, review", "Legal", ""])
        var out: [UInt8] = []
        ICalendarText.appendEscaped("a\\n;b,c\r\nd", to: &out)
        #expect(String(decoding: out, as: UTF8.self) == #"a\\n\;b\,c\nd"#)
    }

    @Test func allDayEventsAreMilestonesOrSpanDays() throws {
        let text = Self.calendar("""
            BEGIN:VEVENT
            UID:one-day
            DTSTART;VALUE=DATE:20260302
            DTEND;VALUE=DATE:20260303
            END:VEVENT
            BEGIN:VEVENT
            UID:week
            DTSTART;VALUE=DATE:20260302
            DTEND;VALUE=DATE:20260307
            END:VEVENT
            BEGIN:VEVENT
            UID:no-end
            DTSTART;VALUE=DATE:20260310
            END:VEVENT
            BEGIN:VEVENT
            UID:duration
            DTSTART;VALUE=DATE:20260310
            DURATION:P2D
            END:VEVENT
            """)
        let tasks = try read(text).plan.tasks
        #expect(tasks.map(\.kind) == [.milestone, .task, .milestone, .task])
        #expect(tasks[0].start == Self.at(2026, 3, 2) && tasks[0].finish == Self.at(2026, 3, 2))
        #expect(tasks[1].finish == Self.at(2026, 3, 7), "exclusive end: the start of the day after the last")
        #expect(tasks[3].finish == Self.at(2026, 3, 12))
    }

    @Test func zonedTimesBecomeCivilTimesOfThePlansZone() throws {
        // The VTIMEZONE comes after its first use (Nextcloud, Evolution).
        let text = Self.calendar("""
            X-WR-TIMEZONE:Europe/Berlin
            BEGIN:VEVENT
            UID:utc
            DTSTART:20260701T100000Z
            DTEND:20260701T110000Z
            END:VEVENT
            BEGIN:VEVENT
            UID:custom
            DTSTART;TZID="Custom, Zone":20260115T090000
            DTEND;TZID="Custom, Zone":20260115T100000
            END:VEVENT
            BEGIN:VEVENT
            UID:windows
            DTSTART;TZID=GMT Standard Time:20260701T090000
            DURATION:PT30M
            END:VEVENT
            BEGIN:VEVENT
            UID:display
            DTSTART;TZID="(UTC-05:00) Eastern Time (US & Canada)":20260115T090000
            DTEND;TZID="(UTC-05:00) Eastern Time (US & Canada)":20260115T100000
            END:VEVENT
            BEGIN:VEVENT
            UID:floating
            DTSTART:20260115T090000
            END:VEVENT
            BEGIN:VTIMEZONE
            TZID:Custom\\, Zone
            BEGIN:STANDARD
            DTSTART:19701025T030000
            RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
            TZOFFSETFROM:+0300
            TZOFFSETTO:+0200
            END:STANDARD
            BEGIN:DAYLIGHT
            DTSTART:19700329T020000
            RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
            TZOFFSETFROM:+0200
            TZOFFSETTO:+0300
            END:DAYLIGHT
            END:VTIMEZONE
            """)
        let result = try read(text)
        let plan = result.plan
        #expect(plan.project.timeZone == "Europe/Berlin")
        let byID = Dictionary(uniqueKeysWithValues: plan.tasks.map { ($0.id, $0) })
        #expect(byID["utc"]?.start == Self.at(2026, 7, 1, 12), "10:00Z is 12:00 CEST")
        #expect(byID["custom"]?.start == Self.at(2026, 1, 15, 8), "09:00 at +02:00 is 08:00 CET")
        #expect(byID["windows"]?.start == Self.at(2026, 7, 1, 10), "09:00 BST is 10:00 CEST")
        #expect(byID["windows"]?.finish == Self.at(2026, 7, 1, 10, 30))
        #expect(byID["display"]?.start == Self.at(2026, 1, 15, 15), "09:00 EST is 15:00 CET")
        #expect(byID["floating"]?.start == Self.at(2026, 1, 15, 9))
        #expect(byID["floating"]?.kind == .milestone, "a date-time start alone has no length")
        let codes = result.diagnostics.map(\.code)
        #expect(codes.filter { $0 == .icsTimeZoneMapped }.count == 2)
        #expect(codes.contains(.icsFloatingTime))
    }

    @Test func anUnknownZoneIsAWarningNamingItNotASilentUTC() throws {
        let text = Self.calendar("""
            BEGIN:VEVENT
            UID:a
            DTSTART;TZID=Customized Time Zone:20260115T090000
            DTEND;TZID=Customized Time Zone:20260115T100000
            END:VEVENT
            """)
        let result = try read(text)
        #expect(result.plan.tasks[0].start == Self.at(2026, 1, 15, 9), "kept as written")
        let warning = try #require(result.diagnostics.first { $0.code == .icsUnknownTimeZone })
        #expect(warning.message.contains("Customized Time Zone"))
        #expect(warning.location?.line == 6)
        #expect(result.plan.project.timeZone == nil)
    }

    @Test func theReadOptionChoosesThePlansZone() throws {
        let text = Self.calendar("BEGIN:VEVENT\nUID:a\nDTSTART:20260115T120000Z\nEND:VEVENT")
        let tokyo = try read(text, options: ReadOptions(iCalendar: ICalendarReadOptions(timeZone: "Asia/Tokyo"))).plan
        #expect(tokyo.project.timeZone == "Asia/Tokyo")
        #expect(tokyo.tasks[0].start == Self.at(2026, 1, 15, 21))
        let utc = try read(text).plan
        #expect(utc.project.timeZone == "UTC")
        #expect(utc.tasks[0].start == Self.at(2026, 1, 15, 12))
    }

    @Test func todosRecurrencesOverridesAndMissingUIDs() throws {
        let text = Self.calendar("""
            BEGIN:VTODO
            UID:todo
            DUE:20260320T170000
            PERCENT-COMPLETE:40
            PRIORITY:1
            STATUS:IN-PROCESS
            END:VTODO
            BEGIN:VEVENT
            UID:series
            DTSTART;VALUE=DATE:20260302
            RRULE:FREQ=WEEKLY;COUNT=4
            EXDATE;VALUE=DATE:20260309
            END:VEVENT
            BEGIN:VEVENT
            UID:series
            RECURRENCE-ID;VALUE=DATE:20260316
            DTSTART;VALUE=DATE:20260317
            END:VEVENT
            BEGIN:VEVENT
            UID:lost
            RECURRENCE-ID:20260401T090000Z
            DTSTART:20260402T090000Z
            END:VEVENT
            BEGIN:VEVENT
            DTSTART;VALUE=DATE:20260501
            SUMMARY:No UID
            END:VEVENT
            BEGIN:VEVENT
            UID:todo
            DTSTART;VALUE=DATE:20260502
            END:VEVENT
            """)
        let result = try read(text)
        let ids = result.plan.tasks.map(\.id.rawValue)
        #expect(ids.count == 6)
        #expect(ids[0...3] == ["todo", "series", "series#20260316", "lost#20260401T090000Z"])
        #expect(ids[4].hasPrefix("ics-"))
        #expect(ids[5] == "todo#2")
        let todo = result.plan.tasks[0]
        #expect(todo.kind == .milestone && todo.finish == Self.at(2026, 3, 20, 17))
        #expect(todo.percentComplete == 40 && todo.priority == 1000 && todo.status == "IN-PROCESS")
        let codes = result.diagnostics.map(\.code)
        #expect(codes.contains(.icsRecurrenceImportedOnce))
        #expect(codes.filter { $0 == .icsOrphanOverride }.count == 1)
        #expect(codes.contains(.icsMissingUID))
        #expect(codes.contains(.icsDuplicateUID))
        // The same input gives the same derived identity.
        #expect(try read(text).plan.tasks[4].id.rawValue == ids[4])
    }

    @Test func severalCalendarsAreMerged() throws {
        let one = Self.calendar("BEGIN:VEVENT\nUID:a\nDTSTART;VALUE=DATE:20260301\nEND:VEVENT")
        let two = Self.calendar("X-WR-CALNAME:Second\nBEGIN:VEVENT\nUID:b\nDTSTART;VALUE=DATE:20260302\nEND:VEVENT")
        let result = try read(one + "\r\n" + two)
        #expect(result.plan.tasks.map(\.id) == ["a", "b"])
        #expect(result.plan.project.name == "Second")
        #expect(result.diagnostics.map(\.code) == [.icsSeveralCalendars])
    }

    @Test(arguments: Fixtures.cases(in: "ics/bad", suffix: ".ics"))
    func badInputsGiveLocatedFindingsAndNeverCrash(_ path: String) throws {
        let input = PlanInput(sourceName: path, data: try Data(contentsOf: Fixtures.url(path)))
        var lines: [String] = []
        do {
            let result = try reader.read(input, options: .default)
            lines = result.diagnostics.map(\.description)
            lines.append("tasks: " + result.plan.tasks.map { "\($0.id.rawValue)=\($0.name)" }.joined(separator: ", "))
        } catch {
            lines = [error.diagnostic.description] + error.related.map(\.description)
        }
        let outcome = Golden.compare(Array((lines.joined(separator: "\n") + "\n").utf8), with: path.replacingOccurrences(of: ".ics", with: ".diagnostics.txt"))
        #expect(outcome == .matches, "\(outcome)")
    }

    @Test func strictModeTurnsTheFirstWarningIntoAnError() throws {
        let text = Self.calendar("BEGIN:VEVENT\nUID:a\nDTSTART:20261345T000000Z\nEND:VEVENT")
        // In line order: the item (line 4) has no usable start because of line 6.
        #expect(try read(text).diagnostics.map(\.code) == [.icsMissingStart, .icsBadDate])
        let error = #expect(throws: PlanError.self) { try read(text, options: ReadOptions(strict: true)) }
        #expect(error?.diagnostic.code == .icsBadDate)
        #expect(error?.diagnostic.severity == .error)
    }

    @Test func sniffer() {
        #expect(ICalendarFormat.sniff(SniffPrefix(Array("BEGIN:Vcalendar\r\n".utf8))) == .certain)
        #expect(ICalendarFormat.sniff(SniffPrefix([0xEF, 0xBB, 0xBF] + Array("\n BEGIN:VCALENDAR".utf8))) == .certain)
        #expect(ICalendarFormat.sniff(SniffPrefix(Array("BEGIN:VEVENT\n".utf8))) == .possible)
        #expect(ICalendarFormat.sniff(SniffPrefix(Array("BEGIN:VCARD\n".utf8))) == .no)
        #expect(ICalendarFormat.sniff(SniffPrefix(Array(#"{"format":"planbridge"}"#.utf8))) == .no)
    }
}
