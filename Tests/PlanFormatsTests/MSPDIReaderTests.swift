import Foundation
import PlanModel
import PlanTestSupport
import Testing

@testable import PlanFormats

/// Hand-made MSPDI fixtures (`Fixtures/mspdi/`) read field by field.
struct MSPDIReaderTests {
    static func read(_ fixture: String, options: ReadOptions = .default) throws -> ReadResult {
        let path = "mspdi/" + fixture
        return try MSPDIReader().read(PlanInput(sourceName: fixture, data: Data(try Fixtures.bytes(path))), options: options)
    }

    static func date(_ text: String) -> CivilDateTime { CivilDateTime(iso: text)! }
    static func day(_ text: String) -> CivilDate { CivilDate(iso: text)! }
    static func time(_ h: Int, _ m: Int = 0) -> TimeOfDay { TimeOfDay(hour: h, minute: m)! }

    // MARK: Calendars

    @Test func everyRecurrenceTypeIsRead() throws {
        let result = try Self.read("calendars-recurrence.xml")
        let standard = try #require(result.plan.calendar("1"))
        let byName = Dictionary(uniqueKeysWithValues: standard.exceptions.map { ($0.name ?? "", $0) })
        #expect(standard.exceptions.count == 8, "the <Exceptions> rules win over the legacy DayType 0 row")
        #expect(byName["Christmas"]?.recurrence == nil)
        #expect(byName["Christmas"]?.from == Self.day("2026-12-24") && byName["Christmas"]?.to == Self.day("2026-12-26"))
        #expect(byName["Every third day"]?.recurrence == Recurrence(pattern: .daily(interval: 3), occurrences: 4))
        #expect(byName["Mondays and Fridays fortnightly"]?.recurrence == Recurrence(pattern: .weekly(interval: 2, days: [.monday, .friday])))
        #expect(byName["Mid-month"]?.recurrence == Recurrence(pattern: .monthlyByDay(interval: 3, day: 15), occurrences: 3))
        #expect(byName["Last Friday"]?.recurrence?.pattern == .monthlyByWeekday(interval: 1, ordinal: .last, weekday: .friday))
        #expect(byName["Independence Day"]?.recurrence?.pattern == .yearlyByDate(month: 7, day: 4))
        #expect(byName["Thanksgiving"]?.recurrence?.pattern == .yearlyByWeekday(month: 11, ordinal: .fourth, weekday: .thursday))
        // A working exception; ToTime 00:00 is the end of the day.
        #expect(byName["Saturday shift"]?.intervals == [WorkingInterval(from: Self.time(22), to: .endOfDay)])
        // How plain ranges were entered is kept for the round trip, under the exception's index.
        let christmas = standard.exceptions.firstIndex { $0.name == "Christmas" }!
        #expect(standard.extensions["mspdi:Exception[\(christmas)]/Occurrences"] == "<Occurrences>3</Occurrences>")
        #expect(standard.extensions["mspdi:Exception[\(christmas)]/EnteredByOccurrences"] == "<EnteredByOccurrences>0</EnteredByOccurrences>")
    }

    @Test func weekDaysWorkWeeksAndDerivedCalendars() throws {
        let plan = try Self.read("calendars-recurrence.xml").plan
        let standard = try #require(plan.calendar("1"))
        #expect(standard.isBaseCalendar && standard.baseCalendar == nil)
        #expect(standard.week[.sunday] == [] && standard.week[.saturday] == [])
        #expect(standard.week[.monday] == [
            WorkingInterval(from: Self.time(8), to: Self.time(12)), WorkingInterval(from: Self.time(13), to: Self.time(17)),
        ])
        #expect(standard.week[.tuesday] == nil, "a day the file leaves out stays unspecified")
        let summer = try #require(standard.workWeeks.first)
        #expect(summer.name == "Summer hours" && summer.from == Self.day("2027-06-01") && summer.to == Self.day("2027-08-31"))
        #expect(summer.week[.monday] == [WorkingInterval(from: Self.time(7), to: Self.time(13))])
        #expect(summer.week[.friday] == [])

        // A resource calendar without <Exceptions> reads its legacy DayType 0 rows.
        let ada = try #require(plan.calendar("2"))
        #expect(!ada.isBaseCalendar && ada.baseCalendar == "1" && ada.resource == "1")
        #expect(ada.exceptions == [
            CalendarException(from: Self.day("2027-04-05"), to: Self.day("2027-04-09")),
            CalendarException(
                from: Self.day("2027-04-10"), to: Self.day("2027-04-10"),
                intervals: [WorkingInterval(from: Self.time(9), to: Self.time(11, 30))]),
        ])
    }

    // MARK: Links and lags

    @Test func linkTypesAndLagFormats() throws {
        let plan = try Self.read("links-and-lags.xml").plan
        let links = plan.dependencies
        #expect(links.count == 6)
        #expect(links[0] == Dependency(
            predecessor: "1", successor: "2", type: .finishToStart, lag: .time(WorkDuration(minutes: 480, unit: .days)),
            extensions: ["mspdi:CrossProject": "<CrossProject>0</CrossProject>"]))
        #expect(links[1].type == .finishToFinish)
        #expect(links[1].lag == .time(WorkDuration(minutes: 2880, unit: .days, isElapsed: true)), "LinkLag 28800 tenths = 2 elapsed days")
        #expect(links[2].type == .startToStart && links[2].lag == .time(WorkDuration(minutes: -240, unit: .hours)))
        #expect(links[3].type == .startToFinish && links[3].lag == .percent(50, elapsed: false))
        #expect(links[4].type == .finishToStart, "a missing Type is FS")
        #expect(links[4].lag == .percent(-25, elapsed: true))
        #expect(links[5].lag == .time(WorkDuration(minutes: 0, unit: .weeks)))
        #expect(links.allSatisfy { $0.successor != "" })
        #expect(Set(links.map(\.successor)) == ["2", "3", "4"])
    }

    // MARK: Durations

    @Test func durationFormatsUnitsAndMalformedValues() throws {
        let result = try Self.read("durations.xml")
        let tasks = Dictionary(uniqueKeysWithValues: result.plan.tasks.map { ($0.id.rawValue, $0) })
        #expect(tasks["1"]?.duration == WorkDuration(minutes: 45, unit: .minutes))
        #expect(tasks["2"]?.duration == WorkDuration(minutes: 1800, unit: .hours, isElapsed: true))
        #expect(tasks["3"]?.duration == WorkDuration(minutes: 900, unit: .days, isEstimated: true))
        #expect(tasks["4"]?.duration == WorkDuration(minutes: 10_080, unit: .weeks, isElapsed: true))
        #expect(tasks["5"]?.duration == WorkDuration(minutes: 9000, unit: .months))
        #expect(tasks["5"]?.work == WorkDuration(minutes: 18_000, unit: .hours))
        #expect(tasks["6"]?.duration == WorkDuration(minutes: 450, unit: .days, isEstimated: true), "53 is null/estimated: the project's unit")
        #expect(tasks["7"]?.duration?.minutes == 540)
        #expect(tasks["8"]?.duration == WorkDuration(minutes: -24_960, unit: .hours))
        #expect(tasks["9"]?.duration == WorkDuration(minutes: 900, unit: .days), "P2D is two working days of 450 minutes")
        #expect(tasks["10"]?.duration == nil)
        #expect(tasks["11"]?.start == Self.date("2008-12-04T17:00:00"))

        let codes = result.diagnostics.map(\.code)
        #expect(codes.filter { $0 == .mspdiNegativeDuration }.count == 1)
        #expect(codes.filter { $0 == .mspdiBadDuration }.count == 1)
        #expect(codes.filter { $0 == .mspdiBadDate }.count == 1)
        // Warnings point at the value: line and column of the text after the start tag.
        let bad = try #require(result.diagnostics.first { $0.code == .mspdiBadDuration })
        let lines = String(decoding: try Fixtures.bytes("mspdi/durations.xml"), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let line = try #require(bad.location?.line)
        let column = try #require(bad.location?.column)
        #expect(lines[line - 1].dropFirst(column - 1).hasPrefix("two days"), "\(bad)")
        #expect(bad.entity == .task("10"))
        let date = try #require(result.diagnostics.first { $0.code == .mspdiBadDate })
        #expect(lines[date.location!.line! - 1].dropFirst(date.location!.column! - 1).hasPrefix("2008-12-04T17:-0:00"))
    }

    @Test func strictModeTurnsTheFirstWarningIntoAnError() throws {
        let error = #expect(throws: PlanError.self) { try Self.read("durations.xml", options: ReadOptions(strict: true)) }
        #expect(error?.diagnostic.severity == .error)
        #expect(error?.kind == .unreadableInput)
    }

    // MARK: Baselines and custom fields

    @Test func taskFieldsBaselinesAndCosts() throws {
        let plan = try Self.read("baselines-custom-fields.xml").plan
        let task = try #require(plan.task("1"))
        #expect(task.name == "Build the bridge")
        #expect(task.cost == Amount(decimal: "12345.67"), "costs are cents")
        #expect(task.fixedCost == Amount(decimal: "0.5"))
        #expect(task.percentComplete == 40 && task.priority == 700)
        #expect(task.constraint == Constraint(type: .startNoEarlierThan, date: Self.date("2027-03-01T08:00:00")))
        #expect(task.deadline == Self.date("2027-03-19T17:00:00"))
        #expect(task.notes == "Check & double-check <everything>")
        #expect(task.baselines.map(\.number) == [0, 1, 10])
        #expect(task.baseline(0) == Baseline(
            number: 0, start: Self.date("2027-02-22T08:00:00"), finish: Self.date("2027-03-05T17:00:00"),
            duration: WorkDuration(minutes: 4800, unit: .days), work: WorkDuration(minutes: 9600, unit: .hours),
            cost: Amount(units: 10_000)))
        #expect(task.baseline(1) == Baseline(number: 1, start: Self.date("2027-02-15T08:00:00")))
        #expect(task.baseline(10)?.duration == WorkDuration(minutes: 2400, unit: .days, isEstimated: true))
        #expect(task.extensions["mspdi:Baseline[0]/BCWS"] == "<BCWS>0.00</BCWS>")
    }

    @Test func customFieldDefinitionsValuesAndAliases() throws {
        let result = try Self.read("baselines-custom-fields.xml")
        let plan = result.plan
        let text1 = try #require(plan.customFieldDefinitions.first { $0.entity == .task && $0.id == "Text1" })
        #expect(text1 == CustomFieldDefinition(id: "Text1", name: "Text1", alias: "Jira key", type: .text, entity: .task, sourceFieldID: "188743731"))
        #expect(plan.customFieldDefinitions.first { $0.entity == .resource }?.alias == "Team")
        #expect(plan.extensions["mspdi:ExtendedAttributes[188743731]/SecondaryPID"] == "<SecondaryPID>255869029</SecondaryPID>")

        let task = try #require(plan.task("1"))
        #expect(task.customFields["Text1"] == .text("PROJ-42"))
        #expect(task.customFields["Flag1"] == .flag(true))
        #expect(task.customFields["Number1"] == .number(8.5))
        #expect(task.customFields["Cost1"] == .cost(Amount(decimal: "123.45")!))
        #expect(task.customFields["Date1"] == .date(Self.date("2027-04-01T08:00:00")))
        #expect(task.customFields["Duration1"] == .duration(WorkDuration(minutes: 1440, unit: .days, isElapsed: true)))
        // A value MS Project wrote without a definition: read by the FieldID table, with a warning
        // and a definition added.
        #expect(task.customFields["Text2"] == .text("no definition"))
        #expect(plan.customFieldDefinitions.contains { $0.id == "Text2" && $0.sourceFieldID == "188743734" })
        // A flag that is not a flag: kept as written.
        #expect(task.customFields["Flag2"] == nil)
        #expect(task.extensions["mspdi:ExtendedAttribute"]?.contains("<Value>maybe</Value>") == true)
        let codes = result.diagnostics.map(\.code.rawValue)
        #expect(codes.contains("mspdi.custom-field-undefined") && codes.contains("mspdi.bad-value"))

        let ada = try #require(plan.resource("1"))
        #expect(ada.customFields["Text1"] == .text("Bridges"))
        let assignment = try #require(plan.assignments.first { $0.id == "1" })
        #expect(assignment.customFields["Text1"] == .text("assignment note"))
    }

    @Test func resourcesAndAssignments() throws {
        let plan = try Self.read("baselines-custom-fields.xml").plan
        let ada = try #require(plan.resource("1"))
        #expect(ada.type == .work && ada.initials == "AL" && ada.group == "Engineering" && ada.email == "ada@example.org")
        #expect(ada.maxUnits == 0.5)
        #expect(ada.standardRate == Rate(amount: Amount(decimal: "62.5")!, per: .hours))
        #expect(ada.overtimeRate == Rate(amount: Amount(units: 80), per: .hours))
        #expect(ada.costPerUse == Amount(decimal: "1.23"))
        #expect(ada.baselines == [Baseline(number: 0, work: WorkDuration(minutes: 9600, unit: .hours), cost: Amount(units: 10_000))])
        #expect(ada.extensions["mspdi:StandardRateFormat"] == "<StandardRateFormat>2</StandardRateFormat>")
        #expect(plan.resource("2")?.type == .material && plan.resource("2")?.materialLabel == "t")
        #expect(plan.resource("3")?.type == .cost)

        let assignments = plan.assignments
        #expect(assignments.count == 2)
        let first = assignments[0]
        #expect(first.task == "1" && first.resource == "1" && first.units == 0.5)
        #expect(first.work == WorkDuration(minutes: 2400, unit: .hours) && first.actualWork?.minutes == 960 && first.remainingWork?.minutes == 1440)
        #expect(first.cost == Amount(units: 2500))
        #expect(first.baselines == [Baseline(number: 2, start: Self.date("2027-02-22T08:00:00"), work: WorkDuration(minutes: 2400, unit: .hours), cost: Amount(units: 2500))])
        // Both TimephasedData siblings, in order, under one key.
        let timephased = try #require(first.extensions["mspdi:TimephasedData"])
        #expect(timephased.components(separatedBy: "<TimephasedData>").count == 3)
        #expect(timephased.hasPrefix("<TimephasedData><Type>1</Type>"))
        #expect(assignments[1].resource == nil, "ResourceUID -65535 is the unassigned pseudo-resource")
    }

    // MARK: Outline, special rows, namespace

    @Test func outlineFromFileOrderAndLevels() throws {
        let result = try Self.read("outline-null-rows.xml")
        let plan = result.plan
        #expect(plan.tasks.map(\.id.rawValue) == ["10", "11", "12", "13", "15", "16", "18"])
        let parents = plan.tasks.map { $0.parent?.rawValue ?? "-" }
        #expect(parents == ["-", "10", "11", "12", "12", "-", "16"], "a jump of two levels hangs under the previous task")
        #expect(plan.tasks.map(\.kind) == [.summary, .summary, .summary, .milestone, .task, .summary, .task])
        #expect(plan.tasks.map(\.outlineLevel) == [1, 2, 3, 4, 4, 1, 2])
        #expect(plan.task("11")?.wbs == "P.1" && plan.task("11")?.outlineNumber == "1.1")
        #expect(plan.task("16")?.isActive == false && plan.task("16")?.isManuallyScheduled == true)
        #expect(plan.task("18")?.name == "Ünïcödé ✓ £")
        #expect(plan.project.title == "No namespace, deep outline, blank rows")

        let summary = try #require(plan.extensions[MSPDI.projectSummaryTaskKey])
        #expect(summary.hasPrefix("<Task><UID>0</UID><ID>0</ID>") && summary.hasSuffix("</Task>"))
        let nulls = MSPDI.nullTaskRows(in: try #require(plan.extensions[MSPDI.nullTasksKey]))
        #expect(nulls.map(\.id) == [5, 8])
        #expect(nulls[0].xml == "<Task><UID>14</UID><ID>5</ID><IsNull>1</IsNull><OutlineLevel>0</OutlineLevel><CalendarUID>0</CalendarUID></Task>")
        #expect(plan.extensions["mspdi:Views"] == "<Views><View><Name>Gantt Chart</Name><IsCustomized>true</IsCustomized></View></Views>")
        #expect(plan.task("16")?.extensions["mspdi:ManualStart"] == "<ManualStart>2027-01-04T08:00:00</ManualStart>")
        let info = result.diagnostics.filter { $0.severity == .info }
        #expect(info.map(\.code) == [.mspdiExtensionsKept])
        // SaveVersion, Views, ManualStart, the summary task and the two blank rows.
        #expect(info.first?.message == "kept 6 elements the model has no field for as extensions")
    }

    @Test func byteOrderMarksAndUTF16AreDecoded() throws {
        let original = try Fixtures.bytes("mspdi/outline-null-rows.xml")
        let expected = try Self.read("outline-null-rows.xml").plan
        let withBOM = [0xEF, 0xBB, 0xBF] + original
        #expect(try MSPDIReader().read(PlanInput(sourceName: "bom.xml", bytes: withBOM), options: .default).plan == expected)

        // The same document in UTF-16 with its BOM; the declaration must not claim another encoding.
        let text = String(decoding: original, as: UTF8.self).replacingOccurrences(of: "<?xml version=\"1.0\"?>", with: "<?xml version=\"1.0\" encoding=\"UTF-16\"?>")
        for littleEndian in [true, false] {
            var utf16: [UInt8] = littleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]
            for unit in text.utf16 {
                utf16 += littleEndian ? [UInt8(unit & 0xFF), UInt8(unit >> 8)] : [UInt8(unit >> 8), UInt8(unit & 0xFF)]
            }
            let plan = try MSPDIReader().read(PlanInput(sourceName: "utf16.xml", bytes: utf16), options: .default).plan
            #expect(plan == expected, "UTF-16 \(littleEndian ? "LE" : "BE")")
        }
    }

    @Test func sniffingRecognisesMSPDIWithAndWithoutNamespace() throws {
        for fixture in ["outline-null-rows.xml", "durations.xml"] {
            let prefix = SniffPrefix(try Fixtures.bytes("mspdi/" + fixture))
            #expect(MSPDIFormat.sniff(prefix) == .certain)
        }
        #expect(MSPDIFormat.sniff(SniffPrefix(Array("<?xml version=\"1.0\"?><Project><Foo/></Project>".utf8))) == .possible)
        #expect(MSPDIFormat.sniff(SniffPrefix(try Fixtures.bytes("mspdi/hostile/wrong-root.xml"))) == .no)
        #expect(MSPDIFormat.sniff(SniffPrefix(Array("{\"planbridge\": 1}".utf8))) == .no)
    }

    @Test func prefixedDocumentsKeepStandaloneExtensions() throws {
        let xml = """
            <msp:Project xmlns:msp="http://schemas.microsoft.com/project" xmlns:x="urn:example:extra">
            <msp:Title>Prefixed</msp:Title><msp:Views><msp:View><msp:Name>Gantt</msp:Name></msp:View></msp:Views>
            <msp:Tasks><msp:Task><msp:UID>1</msp:UID><msp:Name>One</msp:Name><x:Colour>teal</x:Colour></msp:Task></msp:Tasks>
            </msp:Project>
            """
        let plan = try MSPDIReader().read(PlanInput(sourceName: "prefixed.xml", text: xml), options: .default).plan
        #expect(plan.project.title == "Prefixed")
        #expect(plan.extensions["mspdi:Views"] == "<Views><View><Name>Gantt</Name></View></Views>", "the MS Project prefix is dropped")
        #expect(plan.task("1")?.extensions["mspdi:Colour"] == "<x:Colour xmlns:x=\"urn:example:extra\">teal</x:Colour>")
    }
}
