import PlanModel

/// What a Jira CSV file cannot hold, counted by kind. Every count here is something a reader of
/// the written file will not get back.
enum JiraCSVLoss {
    static func report(for plan: Plan, document: JiraCSVDocument) -> LossReport {
        var loss = LossReport()
        let tasks = plan.tasks
        // By index, so that no task is copied out of the plan for a look at one field.
        func count(_ test: (Int) -> Bool) -> Int { tasks.indices.reduce(0) { $0 + (test($1) ? 1 : 0) } }

        loss.record("calendars", count: plan.calendars.count, "dropped (Jira has no working-time calendars)")
        loss.record("lags", count: plan.dependencies.count { !$0.lag.isZero }, "dropped (Jira links have no lag)")
        loss.record("dependency-types", count: document.renamedDependencyTypes, "SS/FF/SF links written as Blocks (finish-to-start)")
        loss.record(
            "baselines", count: count { tasks[$0].baselines.contains { $0.number != 0 || $0.duration != nil || $0.work != nil || $0.cost != nil } },
            "tasks' baselines other than baseline start and finish dropped")
        loss.record(
            "resource-rates", count: plan.resources.count { $0.standardRate != nil || $0.overtimeRate != nil || $0.costPerUse != nil },
            "dropped")
        loss.record("costs", count: count { tasks[$0].cost != nil || tasks[$0].fixedCost != nil }, "task costs dropped")
        loss.record(
            "constraints", count: count { (tasks[$0].constraint?.type ?? .asSoonAsPossible) != .asSoonAsPossible }, "dropped")
        loss.record("deadlines", count: count { tasks[$0].deadline != nil }, "dropped")
        loss.record("milestones", count: count { tasks[$0].kind == .milestone }, "written as ordinary issues")
        loss.record(
            "durations", count: count { tasks[$0].duration != nil && tasks[$0].work != nil && tasks[$0].duration!.minutes != tasks[$0].work!.minutes },
            "that differ from the work dropped (Jira estimates work only)")
        loss.record("actual-durations", count: count { tasks[$0].actualDuration != nil }, "dropped")
        loss.record(
            "values",
            count: count { k in
                let task = tasks[k]
                let spans = [task.work ?? task.duration, task.remainingDuration, task.actualWork]
                    + task.customFields.values.map { if case .duration(let d) = $0 { d } else { nil } }
                return !spans.allSatisfy(JiraCSVDocument.fitsInSeconds)
            },
            "tasks with a time too long for Jira's seconds had it left out")
        loss.record(
            "percent-complete", count: count { tasks[$0].status == nil && (tasks[$0].percentComplete.map { $0 != 0 && $0 != 100 } ?? false) },
            "written as status In Progress")
        loss.record("inactive-tasks", count: count { !tasks[$0].isActive }, "written as active issues")
        loss.record("manual-scheduling", count: count { tasks[$0].isManuallyScheduled }, "flags dropped")
        loss.record(
            "hierarchy-levels", count: count { tasks[$0].outlineLevel > 3 },
            "tasks below the third outline level kept as Parent references, which Jira's importer may refuse")

        var assigned: Set<TaskID> = []
        var extraAssignments = 0
        for assignment in plan.assignments where assignment.resource != nil {
            if !assigned.insert(assignment.task).inserted { extraAssignments += 1 }
        }
        loss.record("assignments", count: extraAssignments, "beyond the first of a task dropped (Jira has one assignee)")
        let assignedResources = Set(plan.assignments.compactMap(\.resource))
        loss.record("resources", count: plan.resources.count { !assignedResources.contains($0.id) }, "without assignments dropped")
        loss.record(
            "custom-fields", count: plan.customFieldDefinitions.count { $0.entity != .task },
            "of the project, resources or assignments dropped")

        let foreign =
            tasks.indices.reduce(0) { $0 + tasks[$1].extensions.keys.count { !$0.hasPrefix("jira:") } }
            + plan.extensions.count + plan.project.extensions.count
            + plan.resources.reduce(0) { $0 + $1.extensions.count }
            + plan.assignments.reduce(0) { $0 + $1.extensions.count }
            + plan.calendars.reduce(0) { $0 + $1.extensions.count }
            + plan.dependencies.reduce(0) { $0 + $1.extensions.keys.count { $0 != JiraPlanBuilder.linkTypeKey } }
        loss.record("extensions", count: foreign, "of other formats dropped")
        return loss
    }
}
