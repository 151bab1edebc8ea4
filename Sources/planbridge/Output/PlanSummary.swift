import PlanFormats
import PlanModel
import PlanSchedule
import PlanValidation

/// What `planbridge info` says about a plan: counts by kind and the dates that frame it.
struct PlanSummary {
    var source: String
    var format: FormatDescriptor
    var planCount: Int
    var projectName: String?
    var projectStart: CivilDateTime?
    var projectFinish: CivilDateTime?
    /// The earliest task start and the latest task finish, which may disagree with the project's.
    var firstTaskStart: CivilDateTime?
    var lastTaskFinish: CivilDateTime?
    var tasksByKind: [(TaskKind, Int)]
    var resourcesByType: [(ResourceType, Int)]
    var assignmentCount: Int
    var dependenciesByType: [(DependencyType, Int)]
    var calendars: [(id: CalendarID, name: String, exceptions: Int)]
    var customFieldsByEntity: [(EntityKind, Int)]
    /// Entries kept for data the model has no field for, over the whole plan.
    var extensionCount: Int
    var diagnostics: [Diagnostic]
    /// The plan scheduled as `planbridge schedule` would (finish, critical path, critical tasks).
    var schedule: ScheduleResult
    /// The DCMA 14-point assessment over that schedule.
    var dcma: [DCMACheck]
    var conventions: TimeConventions

    init(_ loaded: LoadedPlans) {
        let plan = loaded.result.plan
        source = loaded.input.sourceName
        format = loaded.format
        planCount = loaded.result.plans.count
        projectName = plan.project.name ?? plan.project.title
        projectStart = plan.project.start
        projectFinish = plan.project.finish
        firstTaskStart = plan.tasks.compactMap(\.start).min()
        lastTaskFinish = plan.tasks.compactMap(\.finish).max()
        tasksByKind = Self.count(plan.tasks.map(\.kind), in: TaskKind.allCases)
        resourcesByType = Self.count(plan.resources.map(\.type), in: ResourceType.allCases)
        assignmentCount = plan.assignments.count
        dependenciesByType = Self.count(plan.dependencies.map(\.type), in: DependencyType.allCases)
        calendars = plan.calendars.map { ($0.id, $0.name, $0.exceptions.count) }
        customFieldsByEntity = Self.count(plan.customFieldDefinitions.map(\.entity), in: EntityKind.allCases)
        extensionCount = plan.extensions.count + plan.project.extensions.count
            + plan.tasks.reduce(0) { $0 + $1.extensions.count }
            + plan.resources.reduce(0) { $0 + $1.extensions.count }
            + plan.assignments.reduce(0) { $0 + $1.extensions.count }
            + plan.dependencies.reduce(0) { $0 + $1.extensions.count }
            + plan.calendars.reduce(0) { $0 + $1.extensions.count }
        diagnostics = loaded.diagnostics
        schedule = Scheduler().schedule(plan)
        dcma = Validator(only: ["dcma"]).validate(plan, source: source, schedule: schedule).dcma
        conventions = plan.project.conventions
    }

    /// How many of each case, in the order of `cases`, zeros included.
    private static func count<T: Hashable>(_ values: [T], in cases: [T]) -> [(T, Int)] {
        var counts: [T: Int] = [:]
        for value in values { counts[value, default: 0] += 1 }
        return cases.map { ($0, counts[$0] ?? 0) }
    }
}
