import PlanModel
import PlanSchedule

/// One check over a canonical plan: a stable code the user can select or disable, the group it
/// belongs to (`--rules semantics`, `--rules dcma`), a line for `--help`, and the check itself.
public struct ValidationRule: Sendable {
    public enum Group: String, CaseIterable, Sendable {
        case semantics, dcma
    }

    /// The rule's name without the `validate.` or `dcma.` prefix, e.g. `dependency-cycle`.
    public let name: String
    public let group: Group
    public let summary: String
    /// Whether the rule reads the schedule (which may still be computing when the others run).
    let usesSchedule: Bool
    let check: @Sendable (ValidationContext) -> [Diagnostic]

    init(_ name: String, _ group: Group, _ summary: String, usesSchedule: Bool = false, check: @escaping @Sendable (ValidationContext) -> [Diagnostic]) {
        self.name = name
        self.group = group
        self.summary = summary
        self.usesSchedule = usesSchedule
        self.check = check
    }

    /// The name with its group's prefix, as the diagnostic codes carry it: `validate.outline-jump`.
    public var code: String { (group == .dcma ? "dcma." : "validate.") + name }
}

/// What every rule may look at: the plan, the file it came from (for locations), its calendars
/// resolved once, and its schedule computed once, since many rules and every DCMA check need it.
public final class ValidationContext: Sendable {
    public let plan: Plan
    public let source: String
    public let calendars: CalendarResolver
    /// Computed on another core from the start; reading it waits until it is done.
    private let pendingSchedule: Pending<ScheduleResult>
    public var schedule: ScheduleResult { pendingSchedule.value }
    /// Task positions by identity; the first of duplicates wins (duplicates are a finding of their own).
    let taskIndex: [TaskID: Int]
    /// Tasks that carry work of their own: not summaries, not the inactive ones. Kept once, as
    /// several DCMA checks count over them and a copy of 100,000 tasks is not free.
    let workTasks: [PlanTask]

    /// `schedule` is the plan as `planbridge schedule` computes it by default (the plan's own
    /// status date), when the caller has it already; otherwise it is computed here.
    public init(plan: Plan, source: String, schedule: ScheduleResult? = nil) {
        self.plan = plan
        self.source = source
        calendars = CalendarResolver(plan.calendars)
        // One critical path is all the rules use (the longest, for the critical path test).
        if let schedule {
            pendingSchedule = Pending(ready: schedule)
        } else {
            pendingSchedule = Pending { Scheduler(ScheduleOptions(criticalPathLimit: 1)).schedule(plan) }
        }
        var index: [TaskID: Int] = [:]
        for (position, task) in plan.tasks.enumerated() where index[task.id] == nil { index[task.id] = position }
        taskIndex = index
        workTasks = plan.tasks.filter { $0.kind != .summary && $0.isActive }
    }

    func task(_ id: TaskID) -> PlanTask? { taskIndex[id].map { plan.tasks[$0] } }

    /// Whether the plan has a task of that identity, without copying the task.
    func hasTask(_ id: TaskID) -> Bool { taskIndex[id] != nil }

    func kind(of id: TaskID) -> TaskKind? { taskIndex[id].map { plan.tasks[$0].kind } }

    /// Findings point at the file; readers keep no per-entity line numbers, the entity names the row.
    var location: SourceLocation { SourceLocation(file: source) }

    func finding(_ code: DiagnosticCode, _ message: String, _ entity: EntityRef? = nil) -> Diagnostic {
        Diagnostic(code, message, at: location, entity: entity)
    }

    /// `'Design' (task 12)` style label used in messages.
    func label(_ id: TaskID) -> String {
        guard let name = task(id)?.name, !name.isEmpty else { return "task \(id)" }
        return "'\(name)'"
    }


    /// One working day in minutes, the unit the DCMA thresholds speak in.
    var minutesPerDay: Int { max(plan.project.conventions.minutesPerDay, 1) }
}
