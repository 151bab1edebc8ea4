import PlanModel
import PlanSchedule

// DCMA checks 12–14: whether the critical path drives the finish, and the two performance indices.
extension DCMARule {
    /// DCMA's delay: large enough that no float in a real plan absorbs it.
    static let testDelayDays = 600

    /// Critical path test: delay the first unstarted task of the longest critical path by 600 working
    /// days and schedule again; the path's last task (the finish milestone, normally) must move by
    /// the same amount, or the path is broken (a constraint, a missing link or a manual task holds
    /// it in place). The project finish itself would always move: the delayed task is in it.
    static let criticalPathTest = DCMARule(number: 12, name: "critical-path-test", title: "critical path test") { population in
        let title = "critical path test"
        let context = population.context
        let schedule = context.schedule
        guard let path = schedule.longestCriticalPath?.tasks, let end = path.last, let finish = schedule.tasks[end]?.finish else {
            return population.notApplicable(12, "critical-path-test", title, threshold: "finish slips by the delay", because: "the plan could not be scheduled or has no critical path")
        }
        guard let probe = path.compactMap(context.task).first(where: { population.incompleteIDs.contains($0.id) && !$0.isManuallyScheduled && $0.actualStart == nil && ($0.percentComplete ?? 0) == 0 }),
            let position = context.taskIndex[probe.id]
        else {
            return population.notApplicable(12, "critical-path-test", title, threshold: "finish slips by the delay", because: "the critical path has no unstarted, automatically scheduled task")
        }
        let delay = testDelayDays * context.minutesPerDay
        var delayed = context.plan
        delayed.tasks[position].lengthen(by: delay)
        let newFinish = Scheduler(ScheduleOptions(criticalPathLimit: 1)).schedule(delayed).tasks[end]?.finish ?? finish
        let slip = newFinish >= finish ? population.projectCalendar.workingMinutes(from: finish, to: newFinish) : 0
        // A slip within a day of the delay passes: task calendars may round it to their own days.
        let passes = slip >= delay - context.minutesPerDay
        return DCMACheck(number: 12, name: "critical-path-test", title: title, threshold: "finish slips by the delay",
                         value: Double(slip) / Double(delay), count: nil, outcome: passes ? .pass : .fail, offending: passes ? [] : [probe.id],
                         detail: "delaying \(probe.id) by \(testDelayDays) working days moved the path's end \(end) by \(ValidationRule.workingDays(slip, context)) working days")
    }

    /// (critical path length + total float) / critical path length, the float being the time
    /// between the forecast finish and the baseline finish (negative when late).
    static let criticalPathLengthIndex = DCMARule(number: 13, name: "cpli", title: "critical path length index") { population in
        let title = "critical path length index"
        let context = population.context
        guard let baselineFinish = population.baselineFinish else {
            return population.notApplicable(13, "cpli", title, threshold: "≥ 0.95", because: "the plan has no baseline")
        }
        guard let finish = context.schedule.projectFinish,
            let from = context.plan.project.statusDate ?? context.plan.project.start ?? context.schedule.projectStart
        else {
            return population.notApplicable(13, "cpli", title, threshold: "≥ 0.95", because: "the plan could not be scheduled")
        }
        let calendar = population.projectCalendar
        let length = from < finish ? calendar.workingMinutes(from: from, to: finish) : 0
        guard length > 0 else {
            return population.notApplicable(13, "cpli", title, threshold: "≥ 0.95", because: "no critical path remains after \(from)")
        }
        let float = finish <= baselineFinish ? calendar.workingMinutes(from: finish, to: baselineFinish) : -calendar.workingMinutes(from: baselineFinish, to: finish)
        let index = Double(length + float) / Double(length)
        return DCMACheck(number: 13, name: "cpli", title: title, threshold: "≥ 0.95", value: index, count: nil,
                         outcome: index >= 0.95 ? .pass : .fail, offending: [],
                         detail: "\(ValidationRule.workingDays(length, context)) working days to the finish \(finish), float \(ValidationRule.workingDays(float, context)) days to the baseline finish \(baselineFinish)")
    }

    /// Tasks finished / tasks that the baseline says should have finished by the status date.
    static let baselineExecutionIndex = DCMARule(number: 14, name: "bei", title: "baseline execution index") { population in
        let title = "baseline execution index"
        let context = population.context
        guard let status = context.plan.project.statusDate else {
            return population.notApplicable(14, "bei", title, threshold: "≥ 0.95", because: "the plan has no status date")
        }
        let tasks = context.workTasks
        let due = tasks.filter { task in task.baseline(0)?.finish.map { $0 <= status } ?? false }
        guard !due.isEmpty else {
            return population.notApplicable(14, "bei", title, threshold: "≥ 0.95", because: "no task's baseline finish is on or before the status date")
        }
        let finished = tasks.filter(\.isFinished)
        let index = Double(finished.count) / Double(due.count)
        let late = due.filter { !$0.isFinished }.map(\.id)
        return DCMACheck(number: 14, name: "bei", title: title, threshold: "≥ 0.95", value: index, count: nil,
                         outcome: index >= 0.95 ? .pass : .fail, offending: index >= 0.95 ? [] : late,
                         detail: "\(finished.count) tasks finished, \(due.count) due by the status date \(status) on the baseline")
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
