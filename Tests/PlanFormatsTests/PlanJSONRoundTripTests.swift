import Foundation
import PlanModel
import Testing

@testable import PlanFormats

/// `read(write(plan)) == plan` with Swift's `==`, and the writer's layout rules.
struct PlanJSONRoundTripTests {
    static func write(_ plan: Plan) throws -> [UInt8] {
        try PlanJSONWriter().write(plan, options: .default).bytes
    }

    static func read(_ bytes: [UInt8], name: String = "test.plan.json", strict: Bool = false) throws -> ReadResult {
        try PlanJSONReader().read(PlanInput(sourceName: name, bytes: bytes), options: ReadOptions(strict: strict))
    }

    static func text(_ plan: Plan) throws -> String { String(decoding: try write(plan), as: UTF8.self) }

    @Test(arguments: ["empty", "fullModel", "extremes"])
    func roundTripIsExact(_ name: String) throws {
        let plan = name == "empty" ? Plan() : name == "fullModel" ? PlanJSONSamples.fullModel() : PlanJSONSamples.extremes()
        let bytes = try Self.write(plan)
        let result = try Self.read(bytes)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.plans.count == 1)
        #expect(result.plan == plan)
        // Writing again gives the same bytes: the output is canonical.
        #expect(try Self.write(result.plan) == bytes)
    }

    @Test func emptyPlanIsSmallAndComplete() throws {
        let expected = """
            {
              "format": "planbridge",
              "version": 1,
              "project": {
                "conventions": {"minutesPerDay": 480, "minutesPerWeek": 2400, "daysPerMonth": 20},
                "scheduleFrom": "start"
              },
              "calendars": [],
              "tasks": [],
              "resources": [],
              "assignments": [],
              "dependencies": [],
              "customFieldDefinitions": [],
              "extensions": {}
            }

            """
        #expect(try Self.text(Plan()) == expected)
    }

    @Test func defaultsAreOmittedAndFlagsWrittenOnlyWhenTheyDiffer() throws {
        let plan = Plan(tasks: [
            PlanTask(id: "1", name: "Plain"),
            PlanTask(id: "2", name: "Odd", isManuallyScheduled: true, isActive: false),
        ])
        let text = try Self.text(plan)
        #expect(text.contains("""
                {
                  "id": "1",
                  "name": "Plain",
                  "outlineLevel": 1,
                  "kind": "task"
                },
            """))
        #expect(text.contains("\"isManuallyScheduled\": true,\n      \"isActive\": false\n"))
        #expect(!text.contains("null"))
    }

    @Test func doublesUseTheirShortestExactForm() throws {
        let values: [(Double, String)] = [(0.1, "0.1"), (1e-7, "1e-07"), (100, "100.0"), (-0.0, "-0.0"), (1.5e300, "1.5e+300")]
        for (value, spelled) in values {
            let plan = Plan(resources: [Resource(id: "r", name: "r", maxUnits: value)])
            let text = try Self.text(plan)
            #expect(text.contains("\"maxUnits\": \(spelled)\n"), "\(value) written as: \(text)")
            let back = try Self.read(Array(text.utf8)).plan.resources[0].maxUnits
            #expect(back == value && back?.sign == value.sign)
        }
    }

    @Test func amountsDatesAndTimesUseTheirDocumentedText() throws {
        var plan = Plan()
        plan.project.start = CivilDateTime(secondsSinceEpoch: -62_167_219_201)
        plan.project.finish = CivilDateTime(secondsSinceEpoch: 253_402_300_800)
        plan.project.defaultFinishTime = .endOfDay
        plan.tasks = [
            PlanTask(id: "1", name: "a", cost: Amount(tenThousandths: -5), fixedCost: Amount(tenThousandths: 120_000))
        ]
        let text = try Self.text(plan)
        #expect(text.contains("\"start\": \"-0001-12-31T23:59:59\""))
        #expect(text.contains("\"finish\": \"+10000-01-01T00:00:00\""))
        #expect(text.contains("\"defaultFinishTime\": \"24:00\""))
        #expect(text.contains("\"cost\": \"-0.0005\""))
        #expect(text.contains("\"fixedCost\": \"12\""))
    }

    @Test func stringsAreEscapedPerRFC8259AndNonASCIIStaysUTF8() throws {
        let plan = Plan(extensions: ["k": "q\" b\\ s/ \u{8}\u{C}\n\r\t \u{0}\u{1B}\u{7F} é 😀"])
        let text = try Self.text(plan)
        #expect(text.contains(#""k": "q\" b\\ s/ \b\f\n\r\t \u0000\u001b"# + "\u{7F} é 😀\""))
    }

    @Test func dictionaryKeysAreSortedByTheirBytes() throws {
        let plan = Plan(extensions: ["b": "", "B": "", "a": "", "é": "", "Z": "", "aa": ""])
        let keys = try Self.text(plan).split(separator: "\n").filter { $0.hasPrefix("    \"") && $0.contains(": \"\"") }.map { $0.split(separator: "\"")[1] }
        #expect(keys == ["B", "Z", "a", "aa", "b", "é"])
    }

    @Test func nonFiniteNumbersAreRefusedWithTheirPath() throws {
        var plan = Plan(tasks: [PlanTask(id: "1", name: "a"), PlanTask(id: "T-2", name: "b", customFields: ["Number 1": .number(.nan)])])
        var error = #expect(throws: PlanError.self) { try Self.write(plan) }
        #expect(error?.kind == .writeFailed)
        #expect(error?.diagnostic.code == .jsonNonFiniteNumber)
        #expect(error?.diagnostic.location?.path == #"$.tasks[1].customFields["Number 1"].number"#)
        #expect(error?.diagnostic.entity == .task("T-2"))

        plan = Plan(assignments: [Assignment(id: "7", task: "1", resource: nil, units: -.infinity)])
        error = #expect(throws: PlanError.self) { try Self.write(plan) }
        #expect(error?.diagnostic.location?.path == "$.assignments[0].units")
        #expect(error?.diagnostic.message.contains("-inf") == true)
    }

    /// The JSON keys are the model's stored properties, in declaration order: a field added to the
    /// model fails here until the format carries it.
    @Test func keysMirrorTheModelsStoredProperties() {
        func labels(_ value: Any) -> [String] { Mirror(reflecting: value).children.compactMap(\.label) }
        func keys<K: JSONKeySet>(_: K.Type) -> [String] { K.allCases.map(\.rawValue) }
        let day = CivilDate(daysSinceEpoch: 0)
        #expect(labels(Plan()) == Array(keys(TopLevelKey.self).dropFirst(2)))
        #expect(labels(Project()) == keys(ProjectKey.self))
        #expect(labels(TimeConventions()) == keys(ConventionsKey.self))
        #expect(labels(WorkCalendar(id: "", name: "")) == keys(CalendarKey.self))
        #expect(labels(WorkingInterval(from: .midnight, to: .endOfDay)) == keys(IntervalKey.self))
        #expect(labels(CalendarException(from: day, to: day)) == keys(ExceptionKey.self))
        #expect(labels(WorkWeek(from: day, to: day, week: WeekPattern())) == keys(WorkWeekKey.self))
        #expect(labels(Recurrence(pattern: .daily(interval: 1))) == ["pattern", "occurrences"])
        #expect(labels(PlanTask(id: "", name: "")) == keys(TaskKey.self))
        #expect(labels(Constraint(type: .mustStartOn)) == keys(ConstraintKey.self))
        #expect(labels(WorkDuration.zero) == keys(DurationKey.self))
        #expect(labels(Baseline(number: 0)) == keys(BaselineKey.self))
        #expect(labels(Resource(id: "", name: "")) == keys(ResourceKey.self))
        #expect(labels(Rate(amount: .zero)) == keys(RateKey.self))
        #expect(labels(Assignment(id: "", task: "", resource: nil)) == keys(AssignmentKey.self))
        #expect(labels(Dependency(predecessor: "", successor: "")) == keys(DependencyKey.self))
        #expect(labels(CustomFieldDefinition(id: "", name: "", type: .text, entity: .task)) == keys(FieldDefinitionKey.self))
        #expect(CustomFieldType.allCases.map(\.rawValue) == keys(CustomValueKey.self))
        #expect(Weekday.allCases.map(\.name) == keys(WeekdayKey.self))
        #expect(Set(RecurrenceNames.patterns).count == 6)
    }

    /// Each piece of a plan changed on its own still round-trips: catches a field the writer
    /// forgets when its neighbours happen to carry defaults.
    @Test func everySingleFieldSurvives() throws {
        let full = PlanJSONSamples.fullModel()
        for task in full.tasks {
            let plan = Plan(tasks: [task])
            #expect(try Self.read(Self.write(plan)).plan == plan)
        }
        for calendar in full.calendars {
            let plan = Plan(calendars: [calendar])
            #expect(try Self.read(Self.write(plan)).plan == plan)
        }
        var project = Plan()
        project.project = full.project
        #expect(try Self.read(Self.write(project)).plan == project)
    }
}
