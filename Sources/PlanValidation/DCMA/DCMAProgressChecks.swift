import PlanModel

// DCMA checks 9–11: dates against the status date, resources, and tasks that missed the baseline.
extension DCMARule {
    /// Forecasts before the status date (the work should have happened) and actuals after it
    /// (progress reported from the future).
    static let invalidDates = DCMARule(number: 9, name: "invalid-dates", title: "invalid dates") { population in
        let title = "invalid dates"
        guard let status = population.context.plan.project.statusDate else {
            return population.notApplicable(9, "invalid-dates", title, threshold: "= 0%", because: "the plan has no status date")
        }
        let tasks = population.context.workTasks
        let failing = tasks.filter { task in
            let forecastInPast = (task.actualStart == nil && (task.start.map { $0 < status } ?? false))
                || (task.actualFinish == nil && !task.isFinished && (task.finish.map { $0 < status } ?? false))
            let actualInFuture = (task.actualStart.map { $0 > status } ?? false) || (task.actualFinish.map { $0 > status } ?? false)
            return forecastInPast || actualInFuture
        }
        return population.share(9, "invalid-dates", title, failing: failing.map(\.id), of: tasks.count, atMost: 0, threshold: "= 0%",
                                detail: "forecast dates before the status date \(status), or actual dates after it")
    }

    static let resources = DCMARule(number: 10, name: "resources", title: "resources") { population in
        let title = "resources"
        guard !population.context.plan.resources.isEmpty else {
            return population.notApplicable(10, "resources", title, threshold: "= 0%", because: "the plan has no resources")
        }
        let resourced = Set(population.context.plan.assignments.filter { $0.resource != nil }.map(\.task))
        let measured = population.incomplete.filter { $0.kind != .milestone && ($0.duration?.minutes ?? 0) > 0 }
        let failing = measured.filter { !resourced.contains($0.id) }
        return population.share(10, "resources", title, failing: failing.map(\.id), of: measured.count, atMost: 0, threshold: "= 0%",
                                detail: "incomplete tasks with a duration but no resource assigned")
    }

    static let missedTasks = DCMARule(number: 11, name: "missed-tasks", title: "missed tasks") { population in
        let title = "missed tasks"
        guard let status = population.context.plan.project.statusDate else {
            return population.notApplicable(11, "missed-tasks", title, threshold: "≤ 5%", because: "the plan has no status date")
        }
        let due = population.context.workTasks.filter { task in task.baseline(0)?.finish.map { $0 <= status } ?? false }
        guard !due.isEmpty else {
            return population.notApplicable(11, "missed-tasks", title, threshold: "≤ 5%", because: "no task's baseline finish is on or before the status date")
        }
        let failing = due.filter { task in
            guard let finished = task.actualFinish else { return true }
            return finished > task.baseline(0)!.finish!
        }
        return population.share(11, "missed-tasks", title, failing: failing.map(\.id), of: due.count, atMost: 0.05, threshold: "≤ 5%",
                                detail: "tasks due by the status date on the baseline that finished late or not at all")
    }
}
