import PlanModel

/// Checks of one task at a time: its own dates, kind, outline position and progress.
extension ValidationRule {
    static let finishBeforeStart = ValidationRule("finish-before-start", .semantics, "a task (or its actuals) finishes before it starts") { context in
        context.plan.tasks.flatMap { task -> [Diagnostic] in
            var found: [Diagnostic] = []
            if let start = task.start, let finish = task.finish, finish < start {
                found.append(context.finding(.validateFinishBeforeStart, "\(context.label(task.id)) finishes on \(finish) before it starts on \(start)", .task(task.id)))
            }
            if let start = task.actualStart, let finish = task.actualFinish, finish < start {
                found.append(context.finding(.validateFinishBeforeStart, "\(context.label(task.id)) actually finished on \(finish) before it actually started on \(start)", .task(task.id)))
            }
            return found
        }
    }

    static let milestoneWithDuration = ValidationRule("milestone-with-duration", .semantics, "a milestone has a duration; most tools then show it as a bar, not a diamond") { context in
        context.plan.tasks.compactMap { task in
            guard task.kind == .milestone, let duration = task.duration, duration.minutes > 0 else { return nil }
            return context.finding(.validateMilestoneWithDuration, "milestone \(context.label(task.id)) lasts \(duration.minutes) minutes; a milestone is a moment", .task(task.id))
        }
    }

    static let summaryWithLinks = ValidationRule("summary-with-links", .semantics, "a summary task has dependencies; link its subtasks instead") { context in
        let summaries = Set(context.plan.tasks.filter { $0.kind == .summary }.map(\.id))
        return context.plan.dependencies.compactMap { link in
            guard let summary = summaries.contains(link.predecessor) ? link.predecessor : (summaries.contains(link.successor) ? link.successor : nil) else {
                return nil
            }
            return context.finding(.validateSummaryWithLinks, "summary task \(context.label(summary)) is an end of a link; MS Project and the DCMA checks expect links between subtasks",
                .dependency(predecessor: link.predecessor, successor: link.successor))
        }
    }

    static let summaryWithAssignments = ValidationRule("summary-with-assignments", .semantics, "a summary task has resource assignments") { context in
        context.plan.assignments.compactMap { assignment in
            guard context.kind(of: assignment.task) == .summary, assignment.resource != nil else { return nil }
            return context.finding(.validateSummaryWithAssignments, "summary task \(context.label(assignment.task)) has a resource assigned; its work would be counted twice", .assignment(assignment.id))
        }
    }

    static let outlineJump = ValidationRule("outline-jump", .semantics, "a task is more than one outline level below the task before it") { context in
        var previous = 0
        var found: [Diagnostic] = []
        for task in context.plan.tasks {
            if task.outlineLevel > previous + 1 {
                found.append(context.finding(.validateOutlineJump, "\(context.label(task.id)) is at outline level \(task.outlineLevel) right after level \(previous); its parent is missing", .task(task.id)))
            }
            previous = task.outlineLevel
        }
        return found
    }

    static let percentOutOfRange = ValidationRule("percent-out-of-range", .semantics, "percent complete is below 0 or above 100") { context in
        context.plan.tasks.flatMap { task -> [Diagnostic] in
            [("percent complete", task.percentComplete), ("percent work complete", task.percentWorkComplete)].compactMap { field, value in
                guard let value, !(0...100).contains(value) else { return nil }
                return context.finding(.validatePercentOutOfRange, "\(context.label(task.id)) has \(field) \(value); it must be 0–100", .task(task.id))
            }
        }
    }

    static let percentInconsistent = ValidationRule("percent-inconsistent", .semantics, "percent complete disagrees with the actual start and finish") { context in
        context.plan.tasks.compactMap { task in
            guard task.kind != .summary, let percent = task.percentComplete, (0...100).contains(percent) else { return nil }
            let problem: String? =
                if percent == 100 && task.actualFinish == nil { "is 100% complete but has no actual finish" }
                else if percent > 0 && task.actualStart == nil { "is \(percent)% complete but has no actual start" }
                else if percent < 100 && task.actualFinish != nil { "has an actual finish but is only \(percent)% complete" }
                else { nil }
            return problem.map { context.finding(.validatePercentInconsistent, "\(context.label(task.id)) \($0)", .task(task.id)) }
        }
    }

    static let actualAfterStatusDate = ValidationRule("actual-after-status-date", .semantics, "an actual date lies after the status date: progress reported from the future") { context in
        guard let status = context.plan.project.statusDate else { return [] }
        return context.plan.tasks.flatMap { task -> [Diagnostic] in
            [("start", task.actualStart), ("finish", task.actualFinish)].compactMap { which, moment in
                guard let moment, moment > status else { return nil }
                return context.finding(.validateActualAfterStatusDate, "\(context.label(task.id)) has an actual \(which) of \(moment), after the status date \(status)", .task(task.id))
            }
        }
    }

    static let outsideProject = ValidationRule("outside-project", .semantics, "a task starts before the project starts or finishes after it finishes") { context in
        let project = context.plan.project
        return context.plan.tasks.compactMap { task in
            if let start = task.start, let projectStart = project.start, start < projectStart, task.actualStart == nil {
                return context.finding(.validateOutsideProject, "\(context.label(task.id)) starts on \(start), before the project start \(projectStart)", .task(task.id))
            }
            if let finish = task.finish, let projectFinish = project.finish, finish > projectFinish {
                return context.finding(.validateOutsideProject, "\(context.label(task.id)) finishes on \(finish), after the project finish \(projectFinish)", .task(task.id))
            }
            return nil
        }
    }
}
