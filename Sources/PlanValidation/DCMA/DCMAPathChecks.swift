import PlanModel
import PlanSchedule

// DCMA checks 12–14: whether the critical path drives the finish, and the two performance indices.
extension DCMARule {
    /// DCMA's delay: large enough that no float in a real plan absorbs it.
    static let testDelayDays = 600

    /// Critical path test: delay the first unstarted task of the longest critical path by 600 working
    /// days and schedule again (`CriticalPathProbe`); the path's last task (the finish milestone, normally) must move by
    /// the same amount, or the path is broken (a constraint, a missing link or a manual task holds
    /// it in place). The project finish itself would always move: the delayed task is in it.
    static let criticalPathTest = DCMARule(number: 12, name: "critical-path-test", title: "critical path test", usesSchedule: true) { population in
        let title = "critical path test"
        let context = population.context
        let probe = population.criticalPathProbe?.value ?? CriticalPathProbe(context)
        let (delayed, end, finish, newFinish): (TaskID, TaskID, CivilDateTime, CivilDateTime)
        switch probe.setup {
        case .notApplicable(let reason):
            return population.notApplicable(12, "critical-path-test", title, threshold: "finish slips by the delay", because: reason)
        case .delayed(let probe, let pathEnd, let before, let after): (delayed, end, finish, newFinish) = (probe, pathEnd, before, after)
        }
        let slip = newFinish >= finish ? population.projectCalendar.workingMinutes(from: finish, to: newFinish) : 0
        // A slip within a day of the delay passes: task calendars may round it to their own days.
        let passes = slip >= probe.delay - context.minutesPerDay
        return DCMACheck(number: 12, name: "critical-path-test", title: title, threshold: "finish slips by the delay",
                         value: Double(slip) / Double(probe.delay), count: nil, outcome: passes ? .pass : .fail, offending: passes ? [] : [delayed],
                         detail: "delaying \(delayed) by \(testDelayDays) working days moved the path's end \(end) by \(ValidationRule.workingDays(slip, context)) working days")
    }

    /// (critical path length + total float) / critical path length, the float being the time
    /// between the forecast finish and the baseline finish (negative when late).
    static let criticalPathLengthIndex = DCMARule(number: 13, name: "cpli", title: "critical path length index", usesSchedule: true) { population in
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
