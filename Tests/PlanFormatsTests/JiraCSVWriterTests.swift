import Foundation
import PlanModel
import PlanTestSupport
import Testing

@testable import PlanFormats

/// The writer: what Jira's importer needs (Summary, file-local Issue Id, Parent and Parent Id,
/// parents first, issue types from the outline, seconds, one date format, repeated columns, links
/// on the blocking issue) and a loss report for the rest.
struct JiraCSVWriterTests {
    func d(_ y: Int, _ m: Int, _ day: Int, _ h: Int = 0, _ min: Int = 0) -> CivilDateTime {
        JiraCSVTesting.date(y, m, day, h, min)
    }

    /// A plan as it comes from MS Project: four outline levels, every link type with a lag, a
    /// calendar, rates, a milestone, a baseline and a custom field.
    func projectPlan() -> Plan {
        var plan = Plan()
        plan.calendars = [WorkCalendar(id: "1", name: "Standard")]
        func task(_ id: String, _ name: String, level: Int, parent: String?, kind: TaskKind = .task, work: Int? = nil) -> PlanTask {
            var task = PlanTask(id: TaskID(id), displayID: Int(id)! * 10, name: name, outlineLevel: level, parent: parent.map { TaskID($0) }, kind: kind)
            task.work = work.map { WorkDuration(minutes: $0, unit: .hours) }
            task.duration = task.work
            return task
        }
        var design = task("2", "Design, phase 1", level: 2, parent: "1", kind: .summary)
        design.start = d(2026, 3, 2, 8)
        design.finish = d(2026, 3, 6, 17)
        var sketch = task("3", "Sketch \"screens\"", level: 3, parent: "2", kind: .summary, work: 960)
        sketch.notes = "Two lines\nof notes"
        sketch.actualWork = WorkDuration(minutes: 240, unit: .hours)
        sketch.remainingDuration = WorkDuration(minutes: 720, unit: .hours)
        sketch.percentComplete = 25
        sketch.baselines = [Baseline(number: 0, start: d(2026, 3, 1, 8), finish: d(2026, 3, 4, 17)), Baseline(number: 1, work: .hours(8))]
        sketch.customFields["Text1"] = .text("blue")
        var detail = task("4", "Detail", level: 4, parent: "3", work: 120)
        detail.priority = 900
        var review = task("5", "Review", level: 2, parent: "1", kind: .milestone)
        review.finish = d(2026, 3, 9, 17)
        review.constraint = Constraint(type: .mustFinishOn, date: d(2026, 3, 9, 17))
        plan.tasks = [task("1", "Website", level: 1, parent: nil, kind: .summary), design, sketch, detail, review, task("6", "Standalone", level: 1, parent: nil, work: 30)]
        plan.resources = [
            Resource(id: "r1", name: "Ana Ruiz", email: "ana@example.com", standardRate: Rate(amount: Amount(units: 50))),
            Resource(id: "r2", name: "Ben Ode"), Resource(id: "r3", name: "Idle"),
        ]
        plan.assignments = [
            Assignment(id: "a1", task: "3", resource: "r1"), Assignment(id: "a2", task: "3", resource: "r2"),
            Assignment(id: "a3", task: "4", resource: "r2"),
        ]
        plan.dependencies = [
            Dependency(predecessor: "3", successor: "5"), Dependency(predecessor: "4", successor: "5", type: .startToStart),
            Dependency(predecessor: "6", successor: "5", lag: .time(.hours(8))),
        ]
        plan.customFieldDefinitions = [CustomFieldDefinition(id: "Text1", name: "Text1", alias: "Colour", type: .text, entity: .task)]
        plan.tasks[0].extensions["mspdi:Task/Hyperlink"] = "<Hyperlink/>"
        return plan
    }

    @Test func aTimeTooLongForJirasSecondsIsLeftOutAndCountedNotACrash() throws {
        var plan = Plan()
        plan.tasks = [
            PlanTask(id: "1", name: "Forever", kind: .task, duration: WorkDuration(minutes: Int.max / 2, unit: .days)),
            PlanTask(id: "2", name: "Normal", kind: .task, duration: WorkDuration(minutes: 480, unit: .days)),
        ]
        let result = try JiraCSVWriter().write(plan, options: .default)
        let text = String(decoding: result.bytes, as: UTF8.self)
        #expect(text.contains("28800"))  // the one-day task's estimate, in seconds
        #expect(result.loss.items.first { $0.kind == "values" }?.count == 1, "\(result.loss)")
    }

    @Test func goldenForAProjectPlan() throws {
        let written = try JiraCSVTesting.write(projectPlan())
        JiraCSVTesting.expectMatches(Golden.compare(written.bytes, with: "jira-csv/project-plan.expected.csv"))
    }

    @Test func importerColumnsHierarchyAndTypes() throws {
        let rows = JiraCSVTesting.rows(try JiraCSVTesting.write(projectPlan()).bytes)
        let header = rows[0]
        for needed in ["Summary", "Issue Id", "Parent", "Parent Id", "Issue Type", "Original Estimate", "Remaining Estimate", "Time Spent", "Start date", "Due date"] {
            #expect(header.contains(needed), "\(needed)")
        }
        func column(_ name: String) -> [String] {
            let i = header.firstIndex(of: name)!
            return rows.dropFirst().map { $0[i] }
        }
        #expect(column("Summary") == ["Website", "Design, phase 1", "Sketch \"screens\"", "Detail", "Review", "Standalone"])
        #expect(column("Issue Id") == ["10", "20", "30", "40", "50", "60"])
        #expect(column("Parent") == ["", "10", "20", "30", "10", ""])
        #expect(column("Parent Id") == column("Parent"))
        #expect(column("Issue Type") == ["Epic", "Task", "Sub-task", "Sub-task", "Task", "Task"])
        #expect(column("Original Estimate") == ["", "", "57600", "7200", "", "1800"])
        #expect(column("Time Spent")[2] == "14400")
        #expect(column("Start date")[1] == "02/Mar/26 8:00 AM")
        #expect(column("Due date")[4] == "09/Mar/26 5:00 PM")
        #expect(column("Assignee")[2] == "ana@example.com")
        #expect(column("Priority")[3] == "Highest")
        #expect(column("Status")[2] == "In Progress")
        #expect(column("Custom field (Colour)")[2] == "blue")
        // Links on the blocking issue, naming the blocked issue's Issue Id.
        #expect(column("Outward issue link (Blocks)") == ["", "", "50", "50", "", "50"])
    }

    @Test func parentsAreWrittenAboveChildrenWhateverThePlanOrder() throws {
        var plan = projectPlan()
        plan.tasks.reverse()
        let rows = JiraCSVTesting.rows(try JiraCSVTesting.write(plan).bytes)
        let ids = rows.dropFirst().map { $0[1] }
        let parents = rows.dropFirst().map { $0[4] }
        for (index, parent) in parents.enumerated() where !parent.isEmpty {
            #expect(ids[..<index].contains(parent), "row \(index) comes before its parent \(parent)")
        }
    }

    @Test func optionsSetDateFormatAndIssueTypes() throws {
        var options = WriteOptions()
        options.jiraCSV.dateFormat = JiraDatePattern("yyyy-MM-dd HH:mm")!
        options.jiraCSV.issueTypes = JiraIssueTypes(mapping: "epic=Initiative,standard=Story,subtask=Subtask")!
        let rows = JiraCSVTesting.rows(try JiraCSVTesting.write(projectPlan(), options: options).bytes)
        let types = rows.dropFirst().map { $0[rows[0].firstIndex(of: "Issue Type")!] }
        #expect(types == ["Initiative", "Story", "Subtask", "Subtask", "Story", "Story"])
        #expect(rows[2][rows[0].firstIndex(of: "Start date")!] == "2026-03-02 08:00")
        #expect(JiraIssueTypes(mapping: "bogus=1") == nil)
    }

    @Test func lossReportCountsWhatJiraCannotHold() throws {
        let loss = try JiraCSVTesting.write(projectPlan()).loss
        func count(_ kind: String) -> Int { loss.items.filter { $0.kind == kind }.reduce(0) { $0 + $1.count } }
        #expect(count("calendars") == 1)
        #expect(count("lags") == 1)
        #expect(count("dependency-types") == 1)
        #expect(count("baselines") == 1)
        #expect(count("resource-rates") == 1)
        #expect(count("constraints") == 1)
        #expect(count("milestones") == 1)
        #expect(count("percent-complete") == 1)
        #expect(count("hierarchy-levels") == 1)
        #expect(count("assignments") == 1)
        #expect(count("resources") == 1)
        #expect(count("extensions") == 1)
        #expect(loss.description.contains("1 calendars dropped"))
    }

    @Test func writtenFileReadsBackWithHierarchyLinksEstimatesAndDates() throws {
        let plan = projectPlan()
        let back = try JiraCSVTesting.read(bytes: try JiraCSVTesting.write(plan).bytes).plan
        #expect(back.tasks.map(\.id) == plan.tasks.map(\.id))
        #expect(back.tasks.map(\.parent) == plan.tasks.map(\.parent))
        #expect(back.tasks.map(\.work) == plan.tasks.map(\.work))
        #expect(back.tasks.map(\.start) == plan.tasks.map(\.start))
        #expect(back.tasks.map(\.finish) == plan.tasks.map(\.finish))
        #expect(Set(back.dependencies.map { "\($0.predecessor)->\($0.successor)" }) == Set(plan.dependencies.map { "\($0.predecessor)->\($0.successor)" }))
        #expect(back.dependencies.allSatisfy { $0.type == .finishToStart })
        #expect(back.task("3")?.notes == "Two lines\nof notes")
        #expect(back.task("3")?.baseline(0)?.start == d(2026, 3, 1, 8))
    }

    @Test(arguments: JiraCSVReaderTests.fixtures)
    func fixturesRoundTrip(_ path: String) throws {
        let first = try JiraCSVTesting.readFixture(path).plan
        let written = try JiraCSVTesting.write(first)
        #expect(written.loss.isEmpty, "\(written.loss)")
        let second = try JiraCSVTesting.read(bytes: written.bytes).plan
        if let difference = PlanComparison.firstDifference(expected: first, actual: second) { Issue.record("\(difference)") }
        #expect(try JiraCSVTesting.write(second).bytes == written.bytes, "the second write is byte-identical")
    }
}
