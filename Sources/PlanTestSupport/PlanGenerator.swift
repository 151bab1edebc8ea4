import PlanModel

/// Builds realistic synthetic plans from a seed: a WBS of summaries with 3–12 children, about 1.3
/// acyclic dependency links per task of every type and lag kind, milestones, resources of every
/// type with assignments, calendars with holidays, recurring exceptions and work weeks, baselines,
/// constraints, progress, custom fields of every type and extensions. Every optional field of the
/// model is set on some share of the entities, so that round-trip properties exercise all of it.
///
/// The same seed and size always give the same plan, on every platform.
public struct PlanGenerator: Sendable {
    public let seed: UInt64

    public init(seed: UInt64) { self.seed = seed }

    /// A plan with exactly `count` tasks (summaries and milestones included).
    public func plan(tasks count: Int) -> Plan {
        var builder = PlanBuilder(seed: seed, taskCount: max(0, count))
        return builder.build()
    }
}

/// The mutable state of one generation. The parallel arrays (`parentIndex`, `span`, …) are indexed
/// like `plan.tasks` and hold what the generator needs but the model stores differently (working
/// minutes from the project start instead of civil dates).
struct PlanBuilder {
    var rng: SplitMix64
    let taskCount: Int
    let flavor: PlanFlavor
    var plan = Plan()

    var parentIndex: [Int] = []
    var leafIndices: [Int] = []
    /// Working minutes the task occupies when scheduled.
    var span: [Int] = []
    var startMinute: [Int] = []
    var finishMinute: [Int] = []
    var workMinutes: [Int] = []
    var costTenThousandths: [Int] = []
    /// Where each task's assignments are in `plan.assignments`.
    var assignmentRange: [Range<Int>] = []
    /// Working minutes from the project start to the status date, when the plan has progress.
    var statusMinute: Int?

    var nextTaskNumber = 0
    var standardCalendar: CalendarID = "1"
    var otherBaseCalendars: [CalendarID] = []
    var nightShiftCalendar: CalendarID?

    init(seed: UInt64, taskCount: Int) {
        var rng = SplitMix64(seed: seed)
        flavor = PlanFlavor(rng: &rng)
        self.rng = rng
        self.taskCount = taskCount
    }

    var clock: WorkingClock { flavor.clock }

    mutating func build() -> Plan {
        plan.customFieldDefinitions = makeCustomFieldDefinitions()
        buildResources()
        buildCalendars()
        buildOutline()
        scheduleLeaves()
        assignResources()
        rollUpSummaries()
        recordProgress()
        addTaskDetails()
        plan.project = makeProject()
        if rng.chance(0.5) {
            plan.extensions = ["planbridge:generator": "seed-\(rng.int(0...9999))", "mspdi:Project/SaveVersion": "14"]
        }
        return plan
    }

    // Ids in the plan's style: MSPDI-like numbers, or Jira-like keys.
    func calendarID(_ number: Int, key: String) -> CalendarID {
        flavor.usesKeys ? CalendarID(key) : CalendarID(String(number))
    }

    func customFields(of entity: EntityKind) -> [CustomFieldDefinition] {
        plan.customFieldDefinitions.filter { $0.entity == entity }
    }
}
