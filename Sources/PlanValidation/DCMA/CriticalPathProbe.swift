import PlanModel
import PlanSchedule

/// DCMA's critical path test: the first unstarted task of the longest critical path delayed by
/// 600 working days, and where the path's end lands once the plan is scheduled again.
struct CriticalPathProbe: Sendable {
    enum Setup: Sendable {
        case notApplicable(String)
        /// `probe` was delayed; `end`, the path's last task, finished at `finish` and now at `delayedFinish`.
        case delayed(probe: TaskID, end: TaskID, finish: CivilDateTime, delayedFinish: CivilDateTime)
    }

    let setup: Setup
    /// The delay, in working minutes of the project's day.
    let delay: Int

    init(_ context: ValidationContext) {
        delay = DCMARule.testDelayDays * context.minutesPerDay
        let schedule = context.schedule
        guard let path = schedule.longestCriticalPath?.tasks, let end = path.last, let finish = schedule.tasks[end]?.finish else {
            setup = .notApplicable("the plan could not be scheduled or has no critical path")
            return
        }
        guard let probe = path.compactMap(context.task).first(where: {
            $0.kind != .summary && $0.isActive && !$0.isFinished && !$0.isManuallyScheduled && $0.actualStart == nil && ($0.percentComplete ?? 0) == 0
        }), let position = context.taskIndex[probe.id] else {
            setup = .notApplicable("the critical path has no unstarted, automatically scheduled task")
            return
        }
        var delayed = context.plan
        delayed.tasks[position].lengthen(by: delay)
        // A task with work assignments lasts as long as its resources need: each gets the work
        // its units do in the delay, so the task grows by the delay like any other.
        for k in delayed.assignments.indices where delayed.assignments[k].task == probe.id {
            guard let work = delayed.assignments[k].work, work.minutes > 0 else { continue }
            let added = Int((Double(delay) * (delayed.assignments[k].units ?? 1)).rounded())
            delayed.assignments[k].work = WorkDuration(minutes: work.minutes + added, unit: work.unit)
        }
        // Only where the path's end lands matters, so no slack and no critical paths.
        let result = Scheduler(ScheduleOptions(criticalPathLimit: 1, computesSlack: false)).schedule(delayed)
        setup = .delayed(probe: probe.id, end: end, finish: finish, delayedFinish: result.tasks[end]?.finish ?? finish)
    }
}

extension PlanTask {
    /// The task made `minutes` of working time longer, in whichever field the scheduler reads.
    mutating func lengthen(by minutes: Int) {
        let base = duration ?? WorkDuration(minutes: 0)
        duration = WorkDuration(minutes: base.minutes + minutes, unit: base.unit, isElapsed: base.isElapsed, isEstimated: base.isEstimated)
        if let remaining = remainingDuration {
            remainingDuration = WorkDuration(minutes: remaining.minutes + minutes, unit: remaining.unit, isElapsed: remaining.isElapsed, isEstimated: remaining.isEstimated)
        }
        if kind == .milestone { kind = .task }
    }
}
