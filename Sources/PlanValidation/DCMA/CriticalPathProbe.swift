import Dispatch
import PlanModel
import PlanSchedule

/// DCMA's critical path test schedules a delayed copy of the plan a second time. That needs only
/// the first schedule, so it starts as soon as the population is known and runs on another core
/// while the semantic rules and the other checks run; the test waits for it.
final class CriticalPathProbe: @unchecked Sendable {
    enum Setup {
        case notApplicable(String)
        /// `probe` is delayed; `end`, the longest critical path's last task, finished at `finish`.
        case delayed(probe: TaskID, end: TaskID, finish: CivilDateTime)
    }

    let setup: Setup
    /// The delay, in working minutes of the project's day.
    let delay: Int
    private let done = DispatchGroup()
    /// Written once by the background schedule before `done` is left, read only after waiting.
    private var delayedFinish: CivilDateTime?

    init(_ context: ValidationContext, incomplete: Set<TaskID>) {
        delay = DCMARule.testDelayDays * context.minutesPerDay
        let schedule = context.schedule
        guard let path = schedule.longestCriticalPath?.tasks, let end = path.last, let finish = schedule.tasks[end]?.finish else {
            setup = .notApplicable("the plan could not be scheduled or has no critical path")
            return
        }
        guard let probe = path.compactMap(context.task).first(where: {
            incomplete.contains($0.id) && !$0.isManuallyScheduled && $0.actualStart == nil && ($0.percentComplete ?? 0) == 0
        }), let position = context.taskIndex[probe.id] else {
            setup = .notApplicable("the critical path has no unstarted, automatically scheduled task")
            return
        }
        setup = .delayed(probe: probe.id, end: end, finish: finish)
        let plan = context.plan
        let delay = delay
        done.enter()
        DispatchQueue.global().async {
            var delayed = plan
            delayed.tasks[position].lengthen(by: delay)
            // A task with work assignments lasts as long as its resources need: each gets the
            // work its units do in the delay, so the task grows by the delay like any other.
            for k in delayed.assignments.indices where delayed.assignments[k].task == delayed.tasks[position].id {
                guard let work = delayed.assignments[k].work, work.minutes > 0 else { continue }
                let added = Int((Double(delay) * (delayed.assignments[k].units ?? 1)).rounded())
                delayed.assignments[k].work = WorkDuration(minutes: work.minutes + added, unit: work.unit)
            }
            // Only where the path's end lands matters, so no slack and no critical paths.
            let result = Scheduler(ScheduleOptions(criticalPathLimit: 1, computesSlack: false)).schedule(delayed)
            self.delayedFinish = result.tasks[end]?.finish ?? finish
            self.done.leave()
        }
    }

    /// Where the path's end finishes once the probe is delayed.
    func finishAfterDelay() -> CivilDateTime? {
        done.wait()
        return delayedFinish
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
