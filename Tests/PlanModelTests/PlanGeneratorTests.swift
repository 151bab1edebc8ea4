import PlanModel
import PlanTestSupport
import Testing

/// The synthetic plans every property test and the benchmark rely on: deterministic, structurally
/// sound (a proper outline, an acyclic network), and covering the whole model.
struct PlanGeneratorTests {
    static let sizes = [0, 1, 2, 3, 4, 7, 13, 14, 60, 500, 3_000]

    @Test func sameSeedGivesEqualPlansAndOtherSeedsDiffer() {
        for size in [0, 1, 2, 50, 800] {
            let first = PlanGenerator(seed: 7).plan(tasks: size)
            let second = PlanGenerator(seed: 7).plan(tasks: size)
            #expect(first == second, "seed 7, \(size) tasks: two runs differ")
        }
        for size in [1, 10, 800] {
            let plans = (1...5).map { PlanGenerator(seed: UInt64($0)).plan(tasks: size) }
            for i in plans.indices {
                for j in plans.indices where j > i {
                    #expect(plans[i] != plans[j], "seeds \(i + 1) and \(j + 1) gave equal \(size)-task plans")
                }
            }
        }
    }

    @Test(arguments: sizes) func planHasExactlyTheRequestedTasksWithUniqueIdentities(size: Int) {
        for seed in UInt64(1)...8 {
            let plan = PlanGenerator(seed: seed).plan(tasks: size)
            #expect(plan.tasks.count == size)
            #expect(Set(plan.tasks.map(\.id)).count == size, "seed \(seed): duplicate task ids")
            #expect(Set(plan.resources.map(\.id)).count == plan.resources.count)
            #expect(Set(plan.assignments.map(\.id)).count == plan.assignments.count)
            #expect(Set(plan.calendars.map(\.id)).count == plan.calendars.count)
            #expect(Set(plan.customFieldDefinitions.map(\.id)).count == plan.customFieldDefinitions.count)
        }
    }

    @Test(arguments: sizes) func outlineIsDepthFirstWithConsistentLevelsAndNumbers(size: Int) throws {
        for seed in UInt64(1)...8 {
            let plan = PlanGenerator(seed: seed).plan(tasks: size)
            var position: [TaskID: Int] = [:]
            var children: [TaskID?: [PlanTask]] = [:]
            // The open ancestors of the current task; a depth-first order never returns to a
            // subtree it has left.
            var path: [PlanTask] = []
            for (index, task) in plan.tasks.enumerated() {
                position[task.id] = index
                children[task.parent, default: []].append(task)
                while let last = path.last, last.id != task.parent { path.removeLast() }
                if let parent = task.parent {
                    let parentTask = try #require(path.last, "seed \(seed): \(task.id) is not inside its parent \(parent)")
                    #expect(task.outlineLevel == parentTask.outlineLevel + 1)
                    #expect(parentTask.kind == .summary)
                } else {
                    #expect(task.outlineLevel == 1)
                }
                path.append(task)
            }
            for (parent, siblings) in children {
                let expectedPrefix = parent.flatMap { id in position[id].map { plan.tasks[$0].outlineNumber! + "." } } ?? ""
                for (ordinal, child) in siblings.enumerated() {
                    #expect(child.outlineNumber == expectedPrefix + String(ordinal + 1), "seed \(seed): \(child.id)")
                    #expect(child.wbs?.hasSuffix(child.outlineNumber!) == true)
                }
                // Only a whole plan of one or two tasks may have fewer than three siblings.
                if parent != nil || size >= 3 {
                    #expect(
                        (3...12).contains(siblings.count),
                        "seed \(seed): \(siblings.count) children under \(String(describing: parent))")
                }
            }
            for task in plan.tasks {
                #expect((task.kind == .summary) == (children[task.id] != nil), "seed \(seed): \(task.id) kind \(task.kind)")
            }
        }
    }

    @Test(arguments: sizes) func networkLinksExistingLeavesWithoutCycles(size: Int) {
        for seed in UInt64(1)...8 {
            let plan = PlanGenerator(seed: seed).plan(tasks: size)
            let tasks = Dictionary(uniqueKeysWithValues: plan.tasks.map { ($0.id, $0) })
            var pairs = Set<[TaskID]>()
            for link in plan.dependencies {
                #expect(tasks[link.predecessor]?.kind != nil && tasks[link.predecessor]?.kind != .summary)
                #expect(tasks[link.successor]?.kind != nil && tasks[link.successor]?.kind != .summary)
                #expect(link.predecessor != link.successor)
                #expect(pairs.insert([link.predecessor, link.successor]).inserted, "seed \(seed): duplicate link")
            }
            #expect(topologicalOrder(plan) != nil, "seed \(seed), \(size) tasks: the network has a cycle")
        }
    }

    @Test func cycleCheckFindsACycle() {
        var plan = Plan(tasks: ["1", "2", "3"].map { PlanTask(id: TaskID($0), name: $0) })
        plan.dependencies = [Dependency(predecessor: "1", successor: "2"), Dependency(predecessor: "2", successor: "3")]
        #expect(topologicalOrder(plan) == ["1", "2", "3"])
        plan.dependencies.append(Dependency(predecessor: "3", successor: "1", type: .startToStart))
        #expect(topologicalOrder(plan) == nil)
    }

    @Test func aboutOnePointThreeLinksPerTask() {
        for seed in UInt64(1)...5 {
            let plan = PlanGenerator(seed: seed).plan(tasks: 5_000)
            let ratio = Double(plan.dependencies.count) / Double(plan.tasks.count)
            #expect((1.2...1.4).contains(ratio), "seed \(seed): \(ratio) links per task")
            let milestones = plan.tasks.filter { $0.kind == .milestone }.count
            #expect((150...400).contains(milestones), "seed \(seed): \(milestones) milestones in 5,000 tasks")
        }
    }

    @Test func datesAreConsistentWithDurationsSummariesAndLinks() throws {
        let origin = try #require(CivilDateTime(year: 2026, month: 1, day: 5, hour: 0))
        for seed in UInt64(1)...8 {
            let plan = PlanGenerator(seed: seed).plan(tasks: 400)
            let tasks = Dictionary(uniqueKeysWithValues: plan.tasks.map { ($0.id, $0) })
            for task in plan.tasks {
                let start = try #require(task.start)
                let finish = try #require(task.finish)
                #expect(origin <= start && start <= finish, "seed \(seed): \(task.id) \(start)–\(finish)")
                if task.kind == .milestone {
                    #expect(task.duration?.minutes == 0 && start == finish)
                }
                if let parent = task.parent.flatMap({ tasks[$0] }) {
                    #expect(
                        parent.start! <= start && finish <= parent.finish!, "seed \(seed): \(task.id) outside its summary")
                }
                #expect(finish <= plan.project.finish!)
            }
            // A finish-to-start link without a lag or lead never lets the successor start before
            // the predecessor finishes.
            for link in plan.dependencies where link.type == .finishToStart && link.lag.isZero {
                #expect(tasks[link.predecessor]!.finish! <= tasks[link.successor]!.start!)
            }
        }
    }

    @Test func referencesResolveAndCustomValuesMatchTheirDefinitions() {
        for seed in UInt64(1)...12 {
            let plan = PlanGenerator(seed: seed).plan(tasks: 300)
            let taskIDs = Set(plan.tasks.map(\.id))
            let resourceIDs = Set(plan.resources.map(\.id))
            let calendarIDs = Set(plan.calendars.map(\.id))
            let definitions = Dictionary(uniqueKeysWithValues: plan.customFieldDefinitions.map { ($0.id, $0) })
            func check(_ fields: CustomFields, _ entity: EntityKind) {
                for (key, value) in fields {
                    #expect(definitions[key]?.entity == entity, "seed \(seed): \(key) on a \(entity)")
                    #expect(definitions[key]?.type == value.type, "seed \(seed): \(key) holds a \(value.type)")
                }
            }
            check(plan.project.customFields, .project)
            #expect(plan.project.defaultCalendar.map(calendarIDs.contains) == true)
            for task in plan.tasks {
                check(task.customFields, .task)
                if let calendar = task.calendar { #expect(calendarIDs.contains(calendar)) }
            }
            for resource in plan.resources {
                check(resource.customFields, .resource)
                if let calendar = resource.calendar { #expect(calendarIDs.contains(calendar)) }
            }
            for assignment in plan.assignments {
                check(assignment.customFields, .assignment)
                #expect(taskIDs.contains(assignment.task))
                if let resource = assignment.resource { #expect(resourceIDs.contains(resource)) }
            }
            for calendar in plan.calendars {
                if let base = calendar.baseCalendar { #expect(calendarIDs.contains(base) && base != calendar.id) }
                if let owner = calendar.resource { #expect(resourceIDs.contains(owner) && !calendar.isBaseCalendar) }
            }
        }
    }

    /// Round-trip properties are only as good as what the generated plans contain.
    @Test func plansCoverEveryKindOfValueTheModelHas() throws {
        var coverage = Coverage()
        for seed in UInt64(1)...40 {
            coverage.add(PlanGenerator(seed: seed).plan(tasks: 300))
        }
        #expect(coverage.dependencyTypes == Set(DependencyType.allCases))
        #expect(coverage.constraintTypes == Set(ConstraintType.allCases))
        #expect(coverage.customFieldTypes == Set(CustomFieldType.allCases))
        #expect(coverage.customFieldEntities == Set(EntityKind.allCases))
        #expect(coverage.resourceTypes == Set(ResourceType.allCases))
        #expect(coverage.taskKinds == Set(TaskKind.allCases))
        #expect(coverage.durationUnits == Set(DurationUnit.allCases))
        #expect(coverage.lagKinds == ["zero", "working", "elapsed", "lead", "percent", "percent-elapsed", "percent-lead"])
        #expect(
            coverage.recurrences == [
                "daily", "weekly", "monthlyByDay", "monthlyByWeekday", "yearlyByDate", "yearlyByWeekday",
            ])
        #expect(coverage.baselineNumbers == Set(Baseline.numbers))
        #expect(coverage.minutesPerDay == [450, 480])
        #expect(coverage.sawNonASCIINotes && coverage.sawEmoji && coverage.sawEndOfDay)
        #expect(coverage.sawUnassignedWork && coverage.sawDerivedCalendar && coverage.sawPartialWeek)
        #expect(coverage.unsetFields.isEmpty, "never set by the generator: \(coverage.unsetFields.sorted())")
    }
}

/// A topological order of the tasks by their links (Kahn's algorithm), or nil when there is a cycle.
private func topologicalOrder(_ plan: Plan) -> [TaskID]? {
    var incoming: [TaskID: Int] = [:]
    var outgoing: [TaskID: [TaskID]] = [:]
    for task in plan.tasks { incoming[task.id] = 0 }
    for link in plan.dependencies {
        incoming[link.successor, default: 0] += 1
        outgoing[link.predecessor, default: []].append(link.successor)
    }
    var ready = plan.tasks.map(\.id).filter { incoming[$0] == 0 }
    var order: [TaskID] = []
    while let next = ready.popLast() {
        order.append(next)
        for successor in outgoing[next] ?? [] {
            incoming[successor]! -= 1
            if incoming[successor] == 0 { ready.append(successor) }
        }
    }
    return order.count == incoming.count ? order : nil
}

/// What a set of generated plans contains. Optional, collection and Boolean properties of every
/// model struct are found by reflection, so a field added to the model later shows up here as
/// "never set" until the generator learns it.
private struct Coverage {
    var dependencyTypes = Set<DependencyType>()
    var constraintTypes = Set<ConstraintType>()
    var customFieldTypes = Set<CustomFieldType>()
    var customFieldEntities = Set<EntityKind>()
    var resourceTypes = Set<ResourceType>()
    var taskKinds = Set<TaskKind>()
    var durationUnits = Set<DurationUnit>()
    var lagKinds = Set<String>()
    var recurrences = Set<String>()
    var baselineNumbers = Set<Int>()
    var minutesPerDay = Set<Int>()
    var sawNonASCIINotes = false
    var sawEmoji = false
    var sawEndOfDay = false
    var sawUnassignedWork = false
    var sawDerivedCalendar = false
    var sawPartialWeek = false
    /// "Type.property" (and "Type.property=true/false" for Booleans) for everything seen unset.
    /// Baselines count together: resources and assignments only use a subset of the fields.
    private var unset = Set<String>()
    private var set = Set<String>()

    var unsetFields: Set<String> { unset.subtracting(set) }

    mutating func add(_ plan: Plan) {
        record(plan, as: "Plan")
        record(plan.project, as: "Project")
        record(plan.project.conventions, as: "TimeConventions")
        minutesPerDay.insert(plan.project.conventions.minutesPerDay)
        for definition in plan.customFieldDefinitions {
            record(definition, as: "CustomFieldDefinition")
            customFieldEntities.insert(definition.entity)
        }
        for task in plan.tasks { add(task) }
        for resource in plan.resources {
            record(resource, as: "Resource")
            resourceTypes.insert(resource.type)
            for baseline in resource.baselines { record(baseline, as: "Baseline") }
            if let rate = resource.standardRate { durationUnits.insert(rate.per) }
        }
        for assignment in plan.assignments {
            record(assignment, as: "Assignment")
            for baseline in assignment.baselines { record(baseline, as: "Baseline") }
            if assignment.resource == nil && assignment.work != nil { sawUnassignedWork = true }
        }
        for link in plan.dependencies { add(link) }
        for calendar in plan.calendars { add(calendar) }
    }

    private mutating func add(_ task: PlanTask) {
        record(task, as: "PlanTask")
        taskKinds.insert(task.kind)
        if let duration = task.duration {
            record(duration, as: "WorkDuration")
            durationUnits.insert(duration.unit)
        }
        if let constraint = task.constraint {
            record(constraint, as: "Constraint")
            constraintTypes.insert(constraint.type)
        }
        for baseline in task.baselines {
            record(baseline, as: "Baseline")
            baselineNumbers.insert(baseline.number)
        }
        for value in task.customFields.values { customFieldTypes.insert(value.type) }
        if let notes = task.notes {
            if notes.unicodeScalars.contains(where: { !$0.isASCII }) { sawNonASCIINotes = true }
            if notes.unicodeScalars.contains(where: { $0.value >= 0x1F300 }) { sawEmoji = true }
        }
    }

    private mutating func add(_ link: Dependency) {
        record(link, as: "Dependency")
        dependencyTypes.insert(link.type)
        switch link.lag {
        case .time(let duration):
            record(duration, as: "WorkDuration")
            lagKinds.insert(
                duration.minutes == 0 ? "zero" : duration.minutes < 0 ? "lead" : duration.isElapsed ? "elapsed" : "working")
        case .percent(let percent, let elapsed):
            lagKinds.insert(percent < 0 ? "percent-lead" : elapsed ? "percent-elapsed" : "percent")
        }
    }

    private mutating func add(_ calendar: WorkCalendar) {
        record(calendar, as: "WorkCalendar")
        if calendar.baseCalendar != nil { sawDerivedCalendar = true }
        if calendar.week.days.count < Weekday.allCases.count { sawPartialWeek = true }
        for intervals in calendar.week.days.values where intervals.contains(where: { $0.to == .endOfDay }) {
            sawEndOfDay = true
        }
        for exception in calendar.exceptions {
            record(exception, as: "CalendarException")
            guard let recurrence = exception.recurrence else { continue }
            record(recurrence, as: "Recurrence")
            recurrences.insert(String(describing: recurrence.pattern).prefix { $0 != "(" }.description)
        }
        for workWeek in calendar.workWeeks { record(workWeek, as: "WorkWeek") }
    }

    private mutating func record(_ value: Any, as typeName: String) {
        for child in Mirror(reflecting: value).children {
            guard let label = child.label else { continue }
            let name = typeName + "." + label
            let mirror = Mirror(reflecting: child.value)
            switch mirror.displayStyle {
            case .optional, .collection, .dictionary, .set:
                if mirror.children.isEmpty { unset.insert(name) } else { set.insert(name) }
            default:
                if let flag = child.value as? Bool {
                    set.insert(name + "=\(flag)")
                    unset.insert(name + "=\(!flag)")
                }
            }
        }
    }
}
