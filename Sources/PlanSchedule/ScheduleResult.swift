import PlanModel

/// The computed dates and float of one task. Slack is in working minutes on the task's calendar;
/// negative slack means a hard constraint or a deadline cannot be met.
public struct TaskSchedule: Hashable, Sendable {
    public var earlyStart: CivilDateTime
    public var earlyFinish: CivilDateTime
    public var lateStart: CivilDateTime
    public var lateFinish: CivilDateTime
    /// The dates the task gets: early dates, late dates for "as late as possible", actual dates
    /// where work has happened, the task's own dates when it is manually scheduled.
    public var start: CivilDateTime
    public var finish: CivilDateTime
    public var totalSlack: Int
    public var freeSlack: Int
    /// Total slack ≤ 0 on a task that is not finished yet.
    public var isCritical: Bool
    /// Rolled up from its children rather than scheduled.
    public var isSummary: Bool

    public init(
        earlyStart: CivilDateTime, earlyFinish: CivilDateTime, lateStart: CivilDateTime, lateFinish: CivilDateTime,
        start: CivilDateTime, finish: CivilDateTime, totalSlack: Int, freeSlack: Int, isCritical: Bool, isSummary: Bool
    ) {
        self.earlyStart = earlyStart
        self.earlyFinish = earlyFinish
        self.lateStart = lateStart
        self.lateFinish = lateFinish
        self.start = start
        self.finish = finish
        self.totalSlack = totalSlack
        self.freeSlack = freeSlack
        self.isCritical = isCritical
        self.isSummary = isSummary
    }
}

/// What `Scheduler.schedule` found: dates per task, the critical paths, the project's frame and
/// everything worth telling the user. Empty (no tasks) when the plan could not be scheduled at
/// all; `diagnostics` then says why.
public struct ScheduleResult: Hashable, Sendable {
    public var tasks: [TaskID: TaskSchedule]
    /// Chains of critical tasks linked by driving links, each from a task nothing critical drives
    /// to one that drives nothing critical; leaf tasks only.
    public var criticalPaths: [[TaskID]]
    public var projectStart: CivilDateTime?
    public var projectFinish: CivilDateTime?
    /// Working minutes each critical path spans, from its first start to its last finish on the
    /// project calendar, in the order of `criticalPaths`.
    public var criticalPathMinutes: [Int]
    public var diagnostics: [Diagnostic]

    public init(
        tasks: [TaskID: TaskSchedule], criticalPaths: [[TaskID]], projectStart: CivilDateTime?,
        projectFinish: CivilDateTime?, criticalPathMinutes: [Int] = [], diagnostics: [Diagnostic]
    ) {
        self.tasks = tasks
        self.criticalPaths = criticalPaths
        self.projectStart = projectStart
        self.projectFinish = projectFinish
        self.criticalPathMinutes = criticalPathMinutes
        self.diagnostics = diagnostics
    }

    /// Whether dates were computed (no cycle, a start to schedule from).
    public var isScheduled: Bool { projectFinish != nil }

    public var criticalTaskCount: Int { tasks.values.filter { $0.isCritical && !$0.isSummary }.count }

    /// The critical path spanning the most working time, with that span in working minutes.
    public var longestCriticalPath: (tasks: [TaskID], minutes: Int)? {
        guard let best = criticalPathMinutes.indices.max(by: { criticalPathMinutes[$0] < criticalPathMinutes[$1] }) else { return nil }
        return (criticalPaths[best], criticalPathMinutes[best])
    }

    /// The plan with the computed start and finish written into every scheduled task, summary
    /// durations recomputed from their new span, and the project's start and finish updated.
    /// Everything else (durations of leaf tasks, progress, constraints) is left as it was.
    public func apply(to plan: Plan) -> Plan {
        guard isScheduled else { return plan }
        var out = plan
        let resolver = CalendarResolver(plan.calendars)
        for index in out.tasks.indices {
            guard let computed = tasks[out.tasks[index].id] else { continue }
            out.tasks[index].start = computed.start
            out.tasks[index].finish = computed.finish
            if computed.isSummary {
                let calendar = resolver.calendar(out.tasks[index].calendar ?? plan.project.defaultCalendar)
                let minutes = calendar.workingMinutes(from: computed.start, to: computed.finish)
                let unit = out.tasks[index].duration?.unit ?? .days
                out.tasks[index].duration = WorkDuration(minutes: minutes, unit: unit)
            }
        }
        if let projectStart { out.project.start = projectStart }
        if let projectFinish { out.project.finish = projectFinish }
        return out
    }
}
