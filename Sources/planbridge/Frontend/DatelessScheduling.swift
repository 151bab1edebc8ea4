import PlanModel
import PlanSchedule

extension DiagnosticCode {
    /// The input had estimates but no dates (a Jira export); the conversion scheduled it.
    static let cliScheduledDateless = DiagnosticCode("cli.scheduled-dateless", .info)
}

/// The pipeline step between reading and writing that gives a dateless plan dates. Readers never
/// schedule (DESIGN.md), so a Jira export of estimates becomes a Gantt chart here, the same way for
/// every format: only when no task has a start date, so dates a file carries are never replaced.
enum DatelessScheduling {
    /// Whether `plan` is estimated work without dates: no task has a start, and some task has a
    /// duration or work to schedule: a plan of bare names, or of dateless zero-length milestones,
    /// stays as it is, because scheduling it would only stamp today on everything.
    static func applies(to plan: Plan) -> Bool {
        !plan.tasks.contains { $0.start != nil } && plan.tasks.contains { hasEstimate($0.duration) || hasEstimate($0.work) }
    }

    private static func hasEstimate(_ length: WorkDuration?) -> Bool {
        (length?.minutes ?? 0) > 0
    }

    /// The plan scheduled from `anchor` (or, without one, from the earliest actual start, else
    /// from `today` at the project's default start time), with a note saying so; the plan as it
    /// was, with the scheduler's reasons, when it cannot be scheduled (a cycle, no working time).
    static func schedule(_ plan: Plan, from anchor: CivilDate?, today: CivilDate, source: String) -> (plan: Plan, diagnostics: [Diagnostic]) {
        let time = plan.project.defaultStartTime ?? TimeOfDay(hour: 8, minute: 0)!
        let day = anchor ?? plan.tasks.compactMap(\.actualStart).min()?.date ?? plan.project.start?.date ?? today
        let start = CivilDateTime(date: day, time: time)
        let result = Scheduler(ScheduleOptions(fromDate: start)).schedule(plan)
        guard result.isScheduled else { return (plan, result.diagnostics) }
        let note = Diagnostic(
            .cliScheduledDateless,
            "no task has a start date, so the plan was scheduled from \(start.description.prefix(10)) over its estimates and links; "
                + "use --schedule-from DATE to choose the day, --no-schedule to write it without dates",
            at: SourceLocation(file: source))
        var scheduled = result.apply(to: plan)
        if scheduled.project.start == nil { scheduled.project.start = result.projectStart }
        if scheduled.project.finish == nil { scheduled.project.finish = result.projectFinish }
        return (scheduled, [note] + result.diagnostics.filter { $0.severity >= .warning })
    }
}
