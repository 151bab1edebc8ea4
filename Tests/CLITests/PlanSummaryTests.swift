import Foundation
import PlanFormats
import PlanModel
import Testing

@testable import planbridge

/// `info`'s summary of a plan built here by hand, so every count has a known answer.
struct PlanSummaryTests {
    static func day(_ d: Int, _ h: Int, _ m: Int = 0) -> CivilDateTime { CivilDateTime(year: 2024, month: 3, day: d, hour: h, minute: m)! }

    let loaded: LoadedPlans = {
        var plan = Plan(project: Project(name: "Office move", start: day(4, 8), finish: day(29, 17)))
        plan.tasks = [
            PlanTask(id: "1", name: "Move", kind: .summary, start: day(4, 8), finish: day(28, 17)),
            PlanTask(id: "2", name: "Pack", start: day(4, 8), finish: day(8, 17), extensions: ["jira:Sprint": "7"]),
            PlanTask(id: "3", name: "Drive", start: day(11, 8, 30), finish: day(12, 12)),
            PlanTask(id: "4", name: "Keys handed over", kind: .milestone, start: day(28, 17), finish: day(28, 17)),
            PlanTask(id: "5", name: "Unscheduled"),
        ]
        plan.resources = [
            Resource(id: "r1", name: "Ann"), Resource(id: "r2", name: "Bo"),
            Resource(id: "r3", name: "Boxes", type: .material, extensions: ["mspdi:Resource/Hyperlink": "x", "mspdi:Resource/Phonetics": "y"]),
        ]
        plan.assignments = [Assignment(id: "a1", task: "2", resource: "r1"), Assignment(id: "a2", task: "3", resource: "r2")]
        plan.dependencies = [
            Dependency(predecessor: "2", successor: "3"), Dependency(predecessor: "3", successor: "4"),
            Dependency(predecessor: "2", successor: "4", type: .finishToFinish),
        ]
        let holiday = CalendarException(name: "Holiday", from: CivilDate(year: 2024, month: 3, day: 29)!, to: CivilDate(year: 2024, month: 4, day: 1)!)
        plan.calendars = [
            WorkCalendar(id: "1", name: "Standard", exceptions: [holiday, holiday]),
            WorkCalendar(id: "2", name: "Night shift", exceptions: [holiday]),
            WorkCalendar(id: "3", name: "Ann", isBaseCalendar: false),
        ]
        plan.customFieldDefinitions = [
            CustomFieldDefinition(id: "Text1", name: "Room", type: .text, entity: .task),
            CustomFieldDefinition(id: "Cost1", name: "Deposit", type: .cost, entity: .resource),
        ]
        plan.extensions = ["mspdi:Project/Extra": "z"]
        let input = PlanInput(sourceName: "move.json", text: "{}")
        let warning = Diagnostic(.formatExtensionMismatch, "odd", at: SourceLocation(file: "move.json", line: 2))
        return LoadedPlans(input: input, format: TestFormats.fake, result: ReadResult(plan: plan), diagnostics: [warning])
    }()

    @Test func textSummaryCountsEveryKindAndFramesTheDates() {
        #expect(PlanSummary(loaded).text == """
            File:           move.json
            Format:         Fake (fake)
            Project:        Office move
            Project dates:  2024-03-04 08:00 to 2024-03-29 17:00
            Task dates:     2024-03-04 08:00 to 2024-03-28 17:00
            Tasks:          5 (3 tasks, 1 summary, 1 milestone)
            Schedule:       finish 2024-03-28 17:00, critical path 1 task over 19 days, 1 critical task
            Resources:      3 (2 work, 1 material)
            Assignments:    2
            Dependencies:   3 (2 FS, 1 FF)
            Calendars:      3
              Standard [1]: 2 exceptions
              Night shift [2]: 1 exception
              Ann [3]: 0 exceptions
            Custom fields:  2 (1 task, 1 resource)
            Extensions:     4
            Schedule quality (DCMA 14-point): 6 pass, 2 fail, 6 n/a
               1 missing logic                fail 50.0% (2 of 4), threshold ≤ 5%
               2 leads                        pass 0.0% (0 of 3), threshold = 0%
               3 lags                         pass 0.0% (0 of 3), threshold ≤ 5%
               4 relationship types           fail 33.3% (1 of 3), threshold ≤ 10% not FS
               5 hard constraints             pass 0.0% (0 of 4), threshold ≤ 5%
               6 high float                   pass 0.0% (0 of 4), threshold ≤ 5%
               7 negative float               pass 0.0% (0 of 4), threshold = 0%
               8 high duration                pass 0.0% (0 of 3), threshold ≤ 5%
               9 invalid dates                n/a  n/a, threshold = 0%
              10 resources                    n/a  n/a, threshold = 0%
              11 missed tasks                 n/a  n/a, threshold ≤ 5%
              12 critical path test           n/a  n/a, threshold finish slips by the delay
              13 critical path length index   n/a  n/a, threshold ≥ 0.95
              14 baseline execution index     n/a  n/a, threshold ≥ 0.95

            """)
    }

    @Test func jsonSummaryListsEveryKindWithZerosAndTheDiagnostics() {
        let json = PlanSummary(loaded).json.rendered()
        #expect(json.contains("""
              "tasks": {
                "total": 5,
                "byKind": {
                  "task": 3,
                  "summary": 1,
                  "milestone": 1
                }
              },
            """))
        #expect(json.contains("\"dependencies\": {\n    \"total\": 3,\n    \"byType\": {\n      \"FS\": 2,\n      \"SS\": 0,\n      \"FF\": 1,\n      \"SF\": 0\n    }\n  },"))
        #expect(json.contains("\"project\": {\n    \"name\": \"Office move\",\n    \"start\": \"2024-03-04T08:00:00\",\n    \"finish\": \"2024-03-29T17:00:00\"\n  },"))
        #expect(json.contains("\"taskDates\": {\n    \"start\": \"2024-03-04T08:00:00\",\n    \"finish\": \"2024-03-28T17:00:00\"\n  },"))
        #expect(json.contains("{\n      \"id\": \"2\",\n      \"name\": \"Night shift\",\n      \"exceptions\": 1\n    }"))
        #expect(json.contains("\"extensions\": 4,"))
        #expect(json.contains("\"diagnostics\": [\n    {\n      \"severity\": \"warning\",\n      \"code\": \"format.extension-mismatch\",\n      \"message\": \"odd\",\n      \"location\": {\n        \"file\": \"move.json\",\n        \"line\": 2\n      }\n    }\n  ],\n  \"dcma\": [\n"))
        #expect(json.contains("\"code\": \"dcma.missing-logic\","))
    }

    @Test func anEmptyPlanSaysSoInsteadOfInventingDates() {
        let empty = LoadedPlans(
            input: PlanInput(sourceName: "<stdin>", text: ""), format: TestFormats.fake, result: ReadResult(plan: Plan()), diagnostics: [])
        let text = PlanSummary(empty).text
        #expect(text.contains("Project:        (unnamed)\nProject dates:  (none)\nTask dates:     (none)\nTasks:          0\n"))
        #expect(PlanSummary(empty).json.rendered().contains("\"taskDates\": {\n    \"start\": null,\n    \"finish\": null\n  },"))
    }

    @Test func jsonStringsAreEscaped() {
        #expect(JSONValue.string("a\"b\\c\nd\u{1}é").rendered() == "\"a\\\"b\\\\c\\nd\\u0001é\"\n")
    }
}
