import Foundation
import PlanModel
import PlanTestSupport
import Testing

@testable import PlanFormats

/// The MSPDI writer on hand-made plans: byte-for-byte goldens, MS Project's limits fixed and
/// reported, and the loss report for what MSPDI cannot hold.
struct MSPDIWriterTests {
    let writer = MSPDIWriter()

    func write(_ plan: Plan) throws -> WriteResult { try writer.write(plan, options: .default) }

    @Test(arguments: MSPDIWriterPlans.all.map(\.name))
    func goldenOutput(_ name: String) throws {
        let plan = try #require(MSPDIWriterPlans.all.first { $0.name == name }).plan
        let result = try write(plan)
        let outcome = Golden.compare(result.bytes, with: "mspdi-write/\(name).expected.xml")
        #expect(outcome == .matches, "\(outcome)")
    }

    @Test func outputIsDeterministic() throws {
        for (_, plan) in MSPDIWriterPlans.all {
            #expect(try write(plan).bytes == write(plan).bytes)
        }
    }

    @Test func prologAndRootAreExactlyMSProjects() throws {
        let text = String(decoding: try write(MSPDIWriterPlans.linksAndLags).bytes, as: UTF8.self)
        #expect(text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Project xmlns=\"http://schemas.microsoft.com/project\">\n\t<SaveVersion>14</SaveVersion>\n"))
        #expect(text.hasSuffix("</Project>\n"))
        #expect(!text.utf8.starts(with: [0xEF, 0xBB, 0xBF]))
    }

    @Test func linkTypesLagsAndDurationsUseMSProjectsCodes() throws {
        let text = String(decoding: try write(MSPDIWriterPlans.linksAndLags).bytes, as: UTF8.self)
        // SS + 2 days: Type 3, 9600 tenths of a minute, LagFormat 7 (days).
        #expect(text.contains("<PredecessorUID>4</PredecessorUID>\n\t\t\t\t<Type>3</Type>\n\t\t\t\t<LinkLag>9600</LinkLag>\n\t\t\t\t<LagFormat>7</LagFormat>"))
        // FF with a one-day lead.
        #expect(text.contains("<Type>0</Type>\n\t\t\t\t<LinkLag>-4800</LinkLag>"))
        // SF with two elapsed days: format 8.
        #expect(text.contains("<Type>2</Type>\n\t\t\t\t<LinkLag>28800</LinkLag>\n\t\t\t\t<LagFormat>8</LagFormat>"))
        // Percent lag: format 19.
        #expect(text.contains("<LagFormat>19</LagFormat>"))
        // Estimated 8 days: PT64H, format 7 + 32.
        #expect(text.contains("<Duration>PT64H0M0S</Duration>\n\t\t\t<DurationFormat>39</DurationFormat>"))
        #expect(text.contains("<Notes>Line one\nLine two &amp; more</Notes>"))
        #expect(text.contains("<Title>Links &amp; lags &lt;demo&gt;</Title>"))
    }

    @Test func anEstimatedLagKeepsItsMarkThroughMSPDI() throws {
        var plan = MSPDIWriterPlans.linksAndLags
        let k = try #require(plan.dependencies.firstIndex { if case .time(let d) = $0.lag { return d.minutes > 0 } else { return false } })
        guard case .time(var lag) = plan.dependencies[k].lag else { return }
        lag.isEstimated = true
        plan.dependencies[k].lag = .time(lag)
        let bytes = try write(plan).bytes
        let text = String(decoding: bytes, as: UTF8.self)
        // Days, estimated: 7 + 32, as for durations.
        #expect(text.contains("<LinkLag>\(lag.minutes * 10)</LinkLag>\n\t\t\t\t<LagFormat>\(MSPDI.DurationFormat(unit: lag.unit, isElapsed: lag.isElapsed).code + 32)</LagFormat>"))
        let back = try MSPDIReader().read(PlanInput(sourceName: "lag.xml", bytes: bytes), options: .default).plan
        let link = try #require(back.dependencies.first { $0.predecessor == plan.dependencies[k].predecessor && $0.successor == plan.dependencies[k].successor })
        #expect(link.lag == .time(lag))
    }

    @Test func negativeDurationsUseMSProjectsForm() {
        let out = try! XMLTextWriter()
        out.startRoot("R", namespace: "urn:x")
        out.duration(Array("D".utf8), minutes: -416 * 60)
        out.duration(Array("D".utf8), minutes: -90)
        out.duration(Array("D".utf8), minutes: 0)
        let text = String(decoding: out.finish(), as: UTF8.self)
        #expect(text.contains("<D>PT-416H0M0S</D>"))
        #expect(text.contains("<D>PT-1H-30M0S</D>"))
        #expect(text.contains("<D>PT0H0M0S</D>"))
        // The same text the shared vocabulary produces for the reader's tests.
        #expect(MSPDI.durationText(minutes: -90) == "PT-1H-30M0S")
    }

    @Test func jiraIdentitiesAreRenumberedConsistentlyAndReported() throws {
        let result = try write(MSPDIWriterPlans.jiraLike)
        let text = String(decoding: result.bytes, as: UTF8.self)
        // PROJ-1, PROJ-12, PROJ-13 and the too-large 99999999 become 1…4 in plan order.
        let renumbered = result.diagnostics.filter { $0.code == .mspdiUIDRenumbered }.map(\.message)
        #expect(renumbered.count == 4 + 1 + 1, "\(renumbered)")  // 4 tasks, 1 resource, 1 assignment
        #expect(renumbered.contains { $0.contains("'PROJ-12' is written with UID 2") })
        #expect(renumbered.contains { $0.contains("'99999999' is written with UID 4") })
        // The link PROJ-12 → PROJ-13 follows the renumbering.
        #expect(text.contains("<UID>3</UID>") && text.contains("<PredecessorUID>2</PredecessorUID>"))
        // The assignment points at the renumbered task and resource.
        #expect(text.contains("<TaskUID>2</TaskUID>\n\t\t\t<ResourceUID>1</ResourceUID>"))
        #expect(result.loss.items.contains { $0.kind == "task identities" && $0.count == 4 })
    }

    @Test func jiraDatesArePinnedAndACalendarIsSynthesised() throws {
        let result = try write(MSPDIWriterPlans.jiraLike)
        let text = String(decoding: result.bytes, as: UTF8.self)
        // Start + finish without a duration: manually scheduled with ManualStart/ManualFinish.
        #expect(text.contains("<Name>Payment form</Name>\n\t\t\t<Active>1</Active>\n\t\t\t<Manual>1</Manual>"))
        #expect(text.contains("<ManualStart>2026-06-01T09:00:00</ManualStart>"))
        // Start + duration: Start No Earlier Than.
        #expect(text.contains("<ConstraintType>4</ConstraintType>\n\t\t\t<ConstraintDate>2026-06-08T09:00:00</ConstraintDate>"))
        // The epic is a summary: never pinned.
        #expect(result.diagnostics.filter { $0.code == .mspdiDatesPinned }.count == 3)
        #expect(text.contains("<Name>Standard</Name>"))
        #expect(text.contains("<CalendarUID>1</CalendarUID>"))
        // The project summary task is synthesised.
        #expect(text.contains("<Task>\n\t\t\t<UID>0</UID>\n\t\t\t<ID>0</ID>"))
    }

    @Test func whatMSPDICannotHoldIsInTheLossReport() throws {
        let loss = try write(MSPDIWriterPlans.jiraLike).loss
        func count(_ kind: String) -> Int { loss.items.filter { $0.kind == kind }.reduce(0) { $0 + $1.count } }
        #expect(count("extensions") == 3)  // jira:ProjectKey, jira:IssueType, jira:Sprint
        #expect(count("task statuses") == 3)
        #expect(count("project custom field values") == 1)
        #expect(count("time zone") == 1)
        #expect(count("calendars") == 1)
    }

    @Test func foreignCustomFieldsTakeFreeFieldsWithTheirNameAsAlias() throws {
        let text = String(decoding: try write(MSPDIWriterPlans.jiraLike).bytes, as: UTF8.self)
        #expect(text.contains("<FieldID>188743767</FieldID>\n\t\t\t<FieldName>Number1</FieldName>\n\t\t\t<CFType>5</CFType>\n\t\t\t<ElemType>20</ElemType>\n\t\t\t<Alias>Custom field (Story Points)</Alias>"))
        #expect(text.contains("<FieldName>Text1</FieldName>"))
        #expect(text.contains("<FieldID>188743767</FieldID>\n\t\t\t\t<Value>5</Value>"))
    }

    /// Jira's own field number is no MSPDI FieldID: written as one, MPXJ failed to read the file.
    @Test func foreignSourceFieldIDsAreNotWrittenAsFieldIDs() throws {
        var plan = MSPDIWriterPlans.jiraLike
        plan.customFieldDefinitions[0].sourceFieldID = "10020"
        let text = String(decoding: try write(plan).bytes, as: UTF8.self)
        #expect(!text.contains("<FieldID>10020</FieldID>"))
        #expect(text.contains("<FieldID>188743767</FieldID>\n\t\t\t<FieldName>Number1</FieldName>"))
        #expect(text.contains("<FieldID>188743767</FieldID>\n\t\t\t\t<Value>5</Value>"))
    }

    @Test func customFieldsRunOutOfFreeFieldsAndAreReported() throws {
        var plan = MSPDIWriterPlans.jiraLike
        plan.customFieldDefinitions = (1...12).map { CustomFieldDefinition(id: "cf\($0)", name: "Cost \($0)", type: .cost, entity: .task) }
        for i in plan.tasks.indices { plan.tasks[i].customFields = [:] }
        plan.tasks[1].customFields = ["cf12": .cost(Amount(units: 1)), "cf3": .cost(Amount(units: 2))]
        let result = try write(plan)
        #expect(result.loss.items.contains { $0.kind == "custom fields" && $0.count == 2 })  // only Cost1–10 exist
        #expect(result.loss.items.contains { $0.kind == "custom field values" && $0.count == 1 })
        // cf3 took Cost3: task base + index 108.
        #expect(String(decoding: result.bytes, as: UTF8.self).contains("<FieldID>\(MSPDI.taskFieldBase + 108)</FieldID>\n\t\t\t\t<Value>200</Value>"))
    }

    @Test func msProjectLimitsAreFixedAndReported() throws {
        let result = try write(MSPDIWriterPlans.calendarsRecurring)
        let text = String(decoding: result.bytes, as: UTF8.self)
        let longName = MSPDIWriterPlans.calendarsRecurring.calendars[2].name
        #expect(longName.count > 51)
        #expect(text.contains("<Name>\(longName.prefix(51))</Name>"))
        #expect(result.diagnostics.contains { $0.code == .mspdiCalendarNameShortened })
        let resources = try write(MSPDIWriterPlans.baselinesAndCustomFields)
        #expect(String(decoding: resources.bytes, as: UTF8.self).contains("<Name>Smith; Jane (lead)</Name>"))
        #expect(resources.diagnostics.contains { $0.code == .mspdiResourceNameChanged })
        #expect(resources.loss.items.contains { $0.kind == "resource names" })
    }

    @Test func calendarsCarryBothExceptionFormsSorted() throws {
        let text = String(decoding: try write(MSPDIWriterPlans.calendarsRecurring).bytes, as: UTF8.self)
        // The legacy rows: New Year as one two-day range, the daily rule as four single days.
        #expect(text.contains("<DayType>0</DayType>\n\t\t\t\t\t<DayWorking>0</DayWorking>\n\t\t\t\t\t<TimePeriod>\n\t\t\t\t\t\t<FromDate>2026-01-01T00:00:00</FromDate>\n\t\t\t\t\t\t<ToDate>2026-01-02T23:59:00</ToDate>"))
        for day in ["02-02", "02-05", "02-08", "02-11"] {
            #expect(text.contains("<FromDate>2026-\(day)T00:00:00</FromDate>\n\t\t\t\t\t\t<ToDate>2026-\(day)T23:59:00</ToDate>"))
        }
        #expect(!text.contains("<FromDate>2026-02-14T00:00:00</FromDate>"))  // the count of 4 stops it
        // The last Friday of July, August and September 2026.
        for day in ["07-31", "08-28", "09-25"] { #expect(text.contains("<FromDate>2026-\(day)T00:00:00</FromDate>")) }
        // Rules: every type with its parameters; a midnight end written as 00:00:00.
        #expect(text.contains("<Type>5</Type>\n\t\t\t\t\t<Period>1</Period>\n\t\t\t\t\t<MonthItem>8</MonthItem>\n\t\t\t\t\t<MonthPosition>4</MonthPosition>"))
        #expect(text.contains("<Type>2</Type>\n\t\t\t\t\t<Month>11</Month>\n\t\t\t\t\t<MonthDay>25</MonthDay>"))
        #expect(text.contains("<Type>6</Type>\n\t\t\t\t\t<Period>2</Period>\n\t\t\t\t\t<DaysOfWeek>34</DaysOfWeek>"))
        #expect(text.contains("<FromTime>22:00:00</FromTime>\n\t\t\t\t\t\t\t<ToTime>00:00:00</ToTime>"))
        #expect(text.contains("<WorkWeeks>"))
    }

    @Test func preservedExtensionsGoBackAtTheirPosition() throws {
        var plan = MSPDIWriterPlans.linksAndLags
        plan.tasks[1].extensions = [
            "mspdi:CreateDate": "<CreateDate>2026-01-01T08:00:00</CreateDate>",
            "mspdi:Type": "<Type>1</Type>",
            "mspdi:TimephasedData": "<TimephasedData><Type>11</Type></TimephasedData>",
            "mspdi:Baseline[0]/BCWS": "<BCWS>1.00</BCWS>",
            "mspdi:Unheard": "<Unheard/>",
        ]
        plan.tasks[1].baselines = [Baseline(number: 0, start: MSPDIWriterPlans.at("2026-03-02T08:00:00"))]
        plan.extensions["mspdi:Views"] = "<Views><View><Name>Gantt</Name></View></Views>"
        plan.extensions["mspdi:ProjectSummaryTask"] = "<Task><UID>0</UID><ID>0</ID><Name>kept</Name></Task>"
        let text = String(decoding: try write(plan).bytes, as: UTF8.self)
        #expect(text.contains("<Manual>0</Manual>\n\t\t\t<Type>1</Type>\n\t\t\t<CreateDate>2026-01-01T08:00:00</CreateDate>\n\t\t\t<WBS>") || text.contains("<Manual>0</Manual>\n\t\t\t<Type>1</Type>\n\t\t\t<CreateDate>2026-01-01T08:00:00</CreateDate>\n\t\t\t<OutlineNumber>"))
        #expect(text.contains("<Start>2026-03-02T08:00:00</Start>\n\t\t\t\t<BCWS>1.00</BCWS>\n\t\t\t</Baseline>\n\t\t\t<TimephasedData><Type>11</Type></TimephasedData>\n\t\t\t<Unheard/>\n\t\t</Task>"))
        #expect(text.contains("\t<Views><View><Name>Gantt</Name></View></Views>\n\t<Calendars>"))
        #expect(text.contains("<Tasks>\n\t\t<Task><UID>0</UID><ID>0</ID><Name>kept</Name></Task>\n"))
    }

    @Test func blankRowsReturnBeforeTheTaskWithTheNextID() throws {
        var plan = MSPDIWriterPlans.linksAndLags
        plan.extensions[MSPDI.nullTasksKey] = "<Task><UID>20</UID><ID>3</ID><IsNull>1</IsNull></Task><Task><UID>21</UID><ID>9</ID><IsNull>1</IsNull></Task>"
        plan.tasks = plan.tasks.enumerated().map { i, t in var t = t; t.displayID = i < 2 ? i + 1 : i + 2; return t }
        let text = String(decoding: try write(plan).bytes, as: UTF8.self)
        let blank = try #require(text.range(of: "<ID>3</ID><IsNull>1</IsNull>"))
        let design = try #require(text.range(of: "<Name>Design</Name>"))
        let build = try #require(text.range(of: "<Name>Build</Name>"))
        #expect(design.lowerBound < blank.lowerBound && blank.lowerBound < build.lowerBound)
        #expect(text.contains("<ID>9</ID><IsNull>1</IsNull></Task>\n\t</Tasks>"))
    }

    @Test func controlCharactersAreRemovedAndReported() throws {
        let result = try write(MSPDIWriterPlans.jiraLike)
        let text = String(decoding: result.bytes, as: UTF8.self)
        #expect(text.contains("<Name>Legacy ticket with a bell</Name>"))
        #expect(result.diagnostics.contains { $0.code == .mspdiTextCleaned })
    }
}
