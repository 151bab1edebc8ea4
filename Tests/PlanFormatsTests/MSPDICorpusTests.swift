import Foundation
import PlanModel
import PlanTestSupport
import Testing

@testable import PlanFormats

/// The real files MS Project 2002–2019 (and MPXJ) saved, read from `PLANBRIDGE_CORPUS`.
struct MSPDICorpusTests {
    static let files: [URL] = (try? Corpus.files(in: "mspdi", suffix: ".xml")) ?? []

    static func read(_ url: URL) throws -> ReadResult {
        let input = PlanInput(sourceName: url.lastPathComponent, data: try Data(contentsOf: url))
        return try MSPDIReader().read(input, options: .default)
    }

    @Test func corpusIsAvailableWhenConfigured() throws {
        guard Corpus.isConfigured else { return }
        #expect(try Corpus.files(in: "mspdi", suffix: ".xml").count >= 48)
    }

    @Test(arguments: files)
    func everyCorpusFileReadsWithoutError(_ url: URL) throws {
        let result = try Self.read(url)
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors)")
        let plan = result.plan
        #expect(!plan.calendars.isEmpty, "no calendars in \(url.lastPathComponent)")
        #expect(plan.extensions[MSPDI.projectSummaryTaskKey]?.contains("<UID>0</UID>") == true)
        // Every reference that MS Project itself keeps consistent resolves.
        let taskIDs = Set(plan.tasks.map(\.id))
        for task in plan.tasks {
            if let parent = task.parent { #expect(taskIDs.contains(parent)) }
        }
        for assignment in plan.assignments { #expect(taskIDs.contains(assignment.task) || assignment.task == "0") }
        // One info diagnostic counts the kept elements, and it is the only info.
        let infos = result.diagnostics.filter { $0.severity == .info }
        #expect(infos.count <= 1)
    }

    // MARK: Spot checks against values read off the files by eye

    static func corpus(_ name: String) throws -> ReadResult? {
        guard let url = files.first(where: { $0.lastPathComponent == name }) else { return nil }
        return try read(url)
    }

    static func date(_ text: String) -> CivilDateTime { CivilDateTime(iso: text)! }

    @Test func sampleOutlineDurationsAndLinks() throws {
        guard let plan = try Self.corpus("sample.xml")?.plan else { return }
        let second = try #require(plan.task("2"))
        #expect(second.name == "Second Task" && second.outlineLevel == 2 && second.parent == "1")
        #expect(second.start == Self.date("2003-01-07T08:00:00") && second.finish == Self.date("2003-03-18T08:00:00"))
        #expect(second.duration == WorkDuration(minutes: 48_000, unit: .days), "PT800H0M0S shown in days")
        #expect(plan.task("1")?.kind == .summary)
        #expect(plan.task("3")?.kind == .milestone && plan.task("3")?.duration?.minutes == 0)
        let lead = try #require(plan.dependencies.first { $0.successor == "14" })
        #expect(lead.predecessor == "13" && lead.type == .finishToStart)
        #expect(lead.lag == .time(WorkDuration(minutes: -480, unit: .days)), "LinkLag -4800 tenths of a minute")
        #expect(Set(plan.dependencies.map(\.type)) == Set(DependencyType.allCases))
        #expect(plan.resource("1")?.name == "First Resource" && plan.resource("1")?.initials == "FR")
        #expect(plan.assignments.filter { $0.resource == nil }.count == 15, "the file has 15 ResourceUID -65535 rows")
        #expect(plan.project.title == "sample" && plan.project.currencySymbol == "£")
    }

    @Test func baselinesInProject2019() throws {
        guard let plan = try Self.corpus("task-baselines-project2019-mspdi.xml")?.plan else { return }
        let first = try #require(plan.task("1"))
        #expect(first.name == "Baseline Cost - Task")
        #expect(first.baselines == [Baseline(number: 0, cost: Amount(units: 1))], "Cost 100 is one currency unit")
        #expect(plan.task("3")?.baselines == [Baseline(number: 2, cost: Amount(units: 3))])
        let numbers = Set(plan.tasks.flatMap { $0.baselines.map(\.number) })
        #expect(numbers == Set(Baseline.numbers))
        #expect(plan.project.extensions["mspdi:BuildNumber"] != nil)
        #expect(plan.extensions["mspdi:Views"]?.hasPrefix("<Views>") == true)
    }

    @Test func recurringExceptionsIn2013() throws {
        guard let plan = try Self.corpus("calendar-recurring-exceptions-project2013-mspdi.xml")?.plan else { return }
        let standard = try #require(plan.calendar("1"))
        #expect(standard.exceptions.count == 27, "the rules, not the 138 expanded legacy rows")
        let relative = try #require(standard.exceptions.first { $0.name == "Monthly Relative 2" })
        #expect(relative.recurrence == Recurrence(pattern: .monthlyByWeekday(interval: 3, ordinal: .second, weekday: .tuesday), occurrences: 4))
        #expect(relative.from == CivilDate(iso: "2002-01-01") && relative.to == CivilDate(iso: "2002-10-08"))
        #expect(standard.exceptions.filter(\.isWorking).count == 1)
    }

    @Test func malformedDateInTimephasedDataIsAWarningWithItsPosition() throws {
        guard let result = try Self.corpus("mspditimephased.xml") else { return }
        let warning = try #require(result.diagnostics.first { $0.code == .mspdiBadDate })
        #expect(warning.severity == .warning)
        #expect(warning.location?.line == 9080)
        #expect(warning.location?.column == 12, "just after <Start> on a line indented with four tabs")
        #expect(warning.message.contains("2008-12-04T17:-0:00"))
        #expect(result.plan.project.conventions.minutesPerDay == 450)
        // The value stays exactly as MS Project wrote it, for the round trip.
        let kept = result.plan.assignments.compactMap { $0.extensions["mspdi:TimephasedData"] }.joined()
        #expect(kept.contains("<Start>2008-12-04T17:-0:00</Start>"))
    }

    @Test func blankRowsAndAliases() throws {
        if let plan = try Self.corpus("mspdinulltasks.xml")?.plan {
            let rows = MSPDI.nullTaskRows(in: plan.extensions[MSPDI.nullTasksKey] ?? "")
            #expect(rows.count == 3)
            #expect(rows.allSatisfy { row in !plan.tasks.contains { $0.displayID == row.id } })
        }
        if let plan = try Self.corpus("alias.xml")?.plan {
            #expect(plan.customFieldDefinitions.count == 260)
            let text1 = plan.customFieldDefinitions.first { $0.entity == .task && $0.id == "Text1" }
            #expect(text1?.alias == "Text1t")
            #expect(plan.extensions["mspdi:ExtendedAttributes[188743731]/PhoneticAlias"] == "<PhoneticAlias>Text1t</PhoneticAlias>")
        }
    }
}
