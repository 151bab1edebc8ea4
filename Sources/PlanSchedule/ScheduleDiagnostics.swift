import PlanModel

extension DiagnosticCode {
    /// Links that lead back to where they started; nothing is scheduled.
    public static let scheduleDependencyCycle = DiagnosticCode("schedule.dependency-cycle", .error)
    /// A link names a task the plan does not contain; the link is ignored.
    public static let scheduleDanglingLink = DiagnosticCode("schedule.dangling-link", .warning)
    /// Two tasks share one identity; the later one is not scheduled.
    public static let scheduleDuplicateTask = DiagnosticCode("schedule.duplicate-task", .warning)
    /// Neither the options, the project nor any task gives a date to schedule from.
    public static let scheduleNoAnchorDate = DiagnosticCode("schedule.no-anchor-date", .error)
    /// A task without a duration is scheduled as one day (MS Project's default for a new task).
    public static let scheduleMissingDuration = DiagnosticCode("schedule.missing-duration", .info)
    /// A constraint type that needs a date has none; the task is scheduled as soon as possible.
    public static let scheduleConstraintWithoutDate = DiagnosticCode("schedule.constraint-without-date", .warning)
    /// A task's calendar has no working time where the task needs it.
    public static let scheduleNoWorkingTime = DiagnosticCode("schedule.no-working-time", .error)
    /// Hard constraints or deadlines leave tasks with negative slack.
    public static let scheduleNegativeSlack = DiagnosticCode("schedule.negative-slack", .warning)
}
